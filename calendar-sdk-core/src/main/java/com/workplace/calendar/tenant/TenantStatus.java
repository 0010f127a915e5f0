package com.workplace.calendar.tenant;

/**
 * Where a tenant is in its authorization lifecycle: {@code CONSENT_PENDING → CONSENTED → VERIFIED},
 * or {@code FAILED} with a {@link TenantFailureReason}; {@code REVOKED} when the identity platform
 * stops granting tokens for it.
 *
 * @since 0.1.0
 */
public enum TenantStatus {
  /** Consent was started ({@link TenantAuthorizer#begin}) but the admin has not come back yet. */
  CONSENT_PENDING,
  /** The admin granted consent; access has not been proven yet. */
  CONSENTED,
  /** Access is proven: a token was issued and a room mailbox answered ("Account Verified"). */
  VERIFIED,
  /** Authorization or verification failed; see the tenant's failure reason. */
  FAILED,
  /** The tenant was verified once, but tokens are no longer granted (consent withdrawn). */
  REVOKED
}
