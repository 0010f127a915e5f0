package com.workplace.calendar.spi;

import com.workplace.calendar.CalendarServiceException;

/**
 * The service no longer knows the delta link (410 Gone, {@code SyncStateNotFound} or {@code
 * resyncRequired}): the caller must drop it and resync fully.
 *
 * @since 0.1.0
 */
public class SyncStateExpiredException extends CalendarServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param statusCode the HTTP status
   * @param errorCode the service's error code, or {@code null}
   * @param requestId the request id, or {@code null}
   */
  public SyncStateExpiredException(int statusCode, String errorCode, String requestId) {
    super(
        "the delta link expired; a full resync is needed",
        statusCode,
        errorCode,
        requestId,
        null,
        null);
  }
}
