package com.workplace.calendar.spi;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A change-notification subscription to create for a calendar's events.
 *
 * @param notificationUri where the service posts notifications
 * @param lifecycleUri where the service posts lifecycle events
 * @param clientState the secret echoed in each notification
 * @param expiresAt the requested expiry
 * @since 0.1.0
 */
public record SubscriptionRequest(
    URI notificationUri, URI lifecycleUri, String clientState, Instant expiresAt) {
  /** Validates the record. */
  public SubscriptionRequest {
    Objects.requireNonNull(notificationUri, "notificationUri");
    Objects.requireNonNull(lifecycleUri, "lifecycleUri");
    Objects.requireNonNull(clientState, "clientState");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  @Override
  public String toString() {
    return "SubscriptionRequest[notificationUri=" + notificationUri + ", expiresAt=" + expiresAt + "]";
  }
}
