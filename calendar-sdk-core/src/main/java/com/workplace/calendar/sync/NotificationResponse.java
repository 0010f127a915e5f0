package com.workplace.calendar.sync;

import java.util.Objects;

/**
 * What the host's notification endpoint must answer.
 *
 * @param status the HTTP status
 * @param contentType the content type of the body
 * @param body the body text
 * @since 0.1.0
 */
public record NotificationResponse(int status, String contentType, String body) {
  /** Validates the record. */
  public NotificationResponse {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");
  }
}
