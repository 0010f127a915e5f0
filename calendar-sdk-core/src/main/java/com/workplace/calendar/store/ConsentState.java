package com.workplace.calendar.store;

import com.workplace.calendar.tenant.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A consent {@code state} handed out by {@code TenantAuthorizer.begin}. Stores keep only the hash of
 * the state value, never the value, so a database reader cannot forge a callback.
 *
 * @param stateHash the lower-case hex SHA-256 of the state value
 * @param tenantId the tenant it was issued for
 * @param createdAt when it was issued
 * @param expiresAt when it stops being accepted
 * @param usedAt when a callback used it, if one did
 * @since 0.1.0
 */
public record ConsentState(
    String stateHash,
    TenantId tenantId,
    Instant createdAt,
    Instant expiresAt,
    Optional<Instant> usedAt) {
  /** Validates the record. */
  public ConsentState {
    Objects.requireNonNull(stateHash, "stateHash");
    if (!stateHash.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("stateHash must be a lower-case hex SHA-256");
    }
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(usedAt, "usedAt");
  }
}
