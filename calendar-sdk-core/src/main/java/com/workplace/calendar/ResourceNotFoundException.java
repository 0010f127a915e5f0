package com.workplace.calendar;

/**
 * A tenant, calendar, space, booking or other record that the operation needs is not known.
 *
 * @since 0.1.0
 */
public class ResourceNotFoundException extends CalendarClientException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which record was not found
   */
  public ResourceNotFoundException(String message) {
    super(message);
  }
}
