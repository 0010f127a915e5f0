package com.workplace.calendar;

/**
 * Root of every exception the SDK throws on purpose. All of them are unchecked.
 *
 * <p>Two branches: {@link CalendarClientException} for failures detected locally (unknown records,
 * conflicts, stale writes) and {@link CalendarServiceException} for errors answered by the calendar
 * service (Microsoft Graph or the identity platform). Invalid arguments are reported with {@link
 * IllegalArgumentException}, whose message says what is wrong.
 *
 * <p>Messages never contain a secret, token, authorization code or consent {@code state}.
 *
 * @since 0.1.0
 */
public abstract class CalendarSdkException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, in words a person can act on
   */
  protected CalendarSdkException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong, in words a person can act on
   * @param cause the underlying failure
   */
  protected CalendarSdkException(String message, Throwable cause) {
    super(message, cause);
  }
}
