package com.workplace.calendar.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * One notification parsed from a notification request's body. Nothing in it is trusted.
 *
 * @param subscriptionId the subscription it claims to belong to
 * @param clientState the client state it carries
 * @param tenantId the tenant GUID it names, if any
 * @param lifecycleEvent the lifecycle event ({@code reauthorizationRequired}, {@code
 *     subscriptionRemoved}, {@code missed}), absent for change notifications
 * @since 0.1.0
 */
public record IncomingNotification(
    String subscriptionId,
    Optional<String> clientState,
    Optional<String> tenantId,
    Optional<String> lifecycleEvent) {
  /** Validates the record. */
  public IncomingNotification {
    Objects.requireNonNull(subscriptionId, "subscriptionId");
    Objects.requireNonNull(clientState, "clientState");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(lifecycleEvent, "lifecycleEvent");
  }

  @Override
  public String toString() {
    return "IncomingNotification[subscriptionId="
        + subscriptionId
        + ", lifecycleEvent="
        + lifecycleEvent.orElse("-")
        + "]";
  }
}
