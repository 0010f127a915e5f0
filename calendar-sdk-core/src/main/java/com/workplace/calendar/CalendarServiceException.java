package com.workplace.calendar;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An error answered by the calendar service (Microsoft Graph or the identity platform), or a failure
 * to reach it. Carries what the service said: HTTP status, error code, request id and, when the
 * service asked for it, how long to wait before retrying.
 *
 * @since 0.1.0
 */
public class CalendarServiceException extends CalendarSdkException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String errorCode;
  private final String requestId;
  private final Duration retryAfter;

  /**
   * Creates the exception.
   *
   * @param message what went wrong; never a secret or token
   * @param statusCode the HTTP status, or 0 when no response was received
   * @param errorCode the service's error code (e.g. {@code ErrorAccessDenied}), or {@code null}
   * @param requestId the service's request id, or {@code null}
   * @param retryAfter how long the service asked to wait, or {@code null}
   * @param cause the underlying failure, or {@code null}
   */
  public CalendarServiceException(
      String message,
      int statusCode,
      String errorCode,
      String requestId,
      Duration retryAfter,
      Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.statusCode = statusCode;
    this.errorCode = errorCode;
    this.requestId = requestId;
    this.retryAfter = retryAfter;
  }

  /**
   * Returns the HTTP status of the answer.
   *
   * @return the HTTP status, or 0 when no response was received (connection failure, timeout)
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * Returns the service's error code.
   *
   * @return the error code, e.g. {@code ErrorInvalidUser} or {@code invalid_client}
   */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /**
   * Returns the service's request id, for support cases.
   *
   * @return the request id
   */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /**
   * Returns how long the service asked to wait before retrying.
   *
   * @return the wait from {@code Retry-After}
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /**
   * Tells whether the service refused the request because of its limits.
   *
   * @return {@code true} for HTTP 429 or a throttling error code
   */
  public boolean isThrottling() {
    return statusCode == 429;
  }
}
