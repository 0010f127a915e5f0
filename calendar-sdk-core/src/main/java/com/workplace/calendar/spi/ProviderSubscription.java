package com.workplace.calendar.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A subscription as the service created or renewed it.
 *
 * @param id the service's subscription id
 * @param expiresAt when it expires
 * @since 0.1.0
 */
public record ProviderSubscription(String id, Instant expiresAt) {
  /** Validates the record. */
  public ProviderSubscription {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
