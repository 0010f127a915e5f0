package com.workplace.calendar.tenant;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * Where to send the tenant's administrator to grant consent.
 *
 * <p>The {@code state} is single-use and expires; the SDK keeps only its hash. {@link #toString()}
 * shows neither the state nor the URL that carries it.
 *
 * @param tenantId the tenant being authorized
 * @param consentUri the admin-consent URL to redirect the administrator to
 * @param state the opaque value that the callback must bring back
 * @param expiresAt when the state stops being accepted
 * @since 0.1.0
 */
public record ConsentRequest(TenantId tenantId, URI consentUri, String state, Instant expiresAt) {
  /** Validates the record. */
  public ConsentRequest {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(consentUri, "consentUri");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  @Override
  public String toString() {
    return "ConsentRequest[tenantId=" + tenantId + ", expiresAt=" + expiresAt + "]";
  }
}
