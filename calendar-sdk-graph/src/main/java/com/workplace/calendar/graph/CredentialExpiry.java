package com.workplace.calendar.graph;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What {@link GraphEventListener#credentialExpiring} and {@link
 * GraphEventListener#credentialRenewed} report about the certificate the service authenticates
 * with. Subject and thumbprint are public facts of the certificate (the Entra admin center shows
 * both); nothing secret is carried.
 *
 * @param subject the certificate's subject, e.g. {@code CN=workplace-calendar}
 * @param thumbprint the SHA-1 thumbprint in upper-case hex, as the Entra admin center shows it
 * @param expiresAt the end of the certificate's validity ({@code notAfter})
 * @param checkedAt when the SDK looked, on the service's clock
 * @since 0.2.0
 */
public record CredentialExpiry(String subject, String thumbprint, Instant expiresAt, Instant checkedAt) {
  /** Validates the record. */
  public CredentialExpiry {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(thumbprint, "thumbprint");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(checkedAt, "checkedAt");
  }

  /**
   * How long the certificate stays valid after {@link #checkedAt()}.
   *
   * @return the time left; negative once expired
   */
  public Duration remaining() {
    return Duration.between(checkedAt, expiresAt);
  }

  /**
   * Tells whether the certificate had expired when the SDK looked; token requests then fail with
   * {@link com.workplace.calendar.tenant.TenantFailureReason#CERTIFICATE_EXPIRED}.
   *
   * @return whether it is no longer valid
   */
  public boolean expired() {
    return !expiresAt.isAfter(checkedAt);
  }
}
