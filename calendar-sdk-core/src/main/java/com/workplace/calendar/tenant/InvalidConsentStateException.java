package com.workplace.calendar.tenant;

import com.workplace.calendar.CalendarClientException;

/**
 * A consent callback was refused because its {@code state} is missing, unknown, already used,
 * expired, or bound to another tenant. Nothing was changed; the administrator must start the
 * authorization again. The message never contains the state value.
 *
 * @since 0.1.0
 */
public class InvalidConsentStateException extends CalendarClientException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message why the state was refused
   */
  public InvalidConsentStateException(String message) {
    super(message);
  }
}
