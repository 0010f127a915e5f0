package com.workplace.calendar.tenant;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The outcome of completing or re-checking a tenant's authorization.
 *
 * @param tenantId the tenant
 * @param status the tenant's status afterwards
 * @param failureReason why it failed, if it did
 * @param message a sentence for the administrator: "Account Verified" or what to do
 * @param grantedPermissions the application permissions found in the tenant's token
 * @param probedMailbox the room mailbox that answered, or the one that failed
 * @since 0.1.0
 */
public record VerificationResult(
    TenantId tenantId,
    TenantStatus status,
    Optional<TenantFailureReason> failureReason,
    String message,
    Set<String> grantedPermissions,
    Optional<String> probedMailbox) {

  /** The message of a verified tenant. */
  public static final String ACCOUNT_VERIFIED = "Account Verified";

  /** Validates the record. */
  public VerificationResult {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(failureReason, "failureReason");
    Objects.requireNonNull(message, "message");
    grantedPermissions = Set.copyOf(grantedPermissions);
    Objects.requireNonNull(probedMailbox, "probedMailbox");
  }

  /**
   * Tells whether access was proven.
   *
   * @return {@code true} when the tenant is {@link TenantStatus#VERIFIED}
   */
  public boolean verified() {
    return status == TenantStatus.VERIFIED;
  }
}
