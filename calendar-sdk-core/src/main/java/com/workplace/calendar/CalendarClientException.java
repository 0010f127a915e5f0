package com.workplace.calendar;

/**
 * A failure detected by the SDK itself, before or without asking the calendar service: an unknown
 * record, a conflicting state, a stale write.
 *
 * @since 0.1.0
 */
public class CalendarClientException extends CalendarSdkException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong
   */
  public CalendarClientException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong
   * @param cause the underlying failure
   */
  public CalendarClientException(String message, Throwable cause) {
    super(message, cause);
  }
}
