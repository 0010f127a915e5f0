package com.workplace.calendar;

import java.time.Duration;

/**
 * The service kept answering 429 (too many requests) until the SDK's retry budget ran out.
 *
 * @since 0.1.0
 */
public class ThrottledException extends CalendarServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was throttled
   * @param errorCode the service's error code, or {@code null}
   * @param requestId the request id of the last answer, or {@code null}
   * @param retryAfter the last wait the service asked for, or {@code null}
   */
  public ThrottledException(String message, String errorCode, String requestId, Duration retryAfter) {
    super(message, 429, errorCode, requestId, retryAfter, null);
  }
}
