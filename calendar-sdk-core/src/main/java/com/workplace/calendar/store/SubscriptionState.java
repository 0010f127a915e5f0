package com.workplace.calendar.store;

import com.workplace.calendar.registry.EmailAddresses;
import com.workplace.calendar.tenant.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * The change-notification subscription of one calendar. Stores keep only the hash of the {@code
 * clientState}, so a database reader cannot forge a notification.
 *
 * @param tenantId the tenant
 * @param calendarEmail the calendar; one subscription per calendar
 * @param subscriptionId the service's subscription id; unique
 * @param clientStateHash the lower-case hex SHA-256 of the subscription's client state
 * @param expiresAt when the subscription expires unless renewed
 * @param version the record version; 0 before the first save
 * @since 0.1.0
 */
public record SubscriptionState(
    TenantId tenantId,
    String calendarEmail,
    String subscriptionId,
    String clientStateHash,
    Instant expiresAt,
    long version) {
  /** Validates the record. */
  public SubscriptionState {
    Objects.requireNonNull(tenantId, "tenantId");
    calendarEmail = EmailAddresses.normalize(calendarEmail);
    Objects.requireNonNull(subscriptionId, "subscriptionId");
    Objects.requireNonNull(clientStateHash, "clientStateHash");
    if (!clientStateHash.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("clientStateHash must be a lower-case hex SHA-256");
    }
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /**
   * Returns a copy with another version; used by stores.
   *
   * @param newVersion the version
   * @return the changed copy
   */
  public SubscriptionState withVersion(long newVersion) {
    return new SubscriptionState(
        tenantId, calendarEmail, subscriptionId, clientStateHash, expiresAt, newVersion);
  }
}
