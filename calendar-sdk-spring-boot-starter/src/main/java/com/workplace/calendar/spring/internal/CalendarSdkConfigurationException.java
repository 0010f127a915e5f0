package com.workplace.calendar.spring.internal;

/** The SDK refused a setting; the message is the SDK builder's own. */
public final class CalendarSdkConfigurationException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the builder's message
   * @param cause the builder's exception
   */
  public CalendarSdkConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
