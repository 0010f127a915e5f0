package com.workplace.calendar.spi;

import com.workplace.calendar.tenant.TenantFailureReason;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a provider found when it tried to reach a tenant: a token, its permissions, a mailbox probe.
 *
 * @param failureReason why access failed; empty when access is proven
 * @param directoryId the tenant's directory GUID, when a token revealed it
 * @param grantedPermissions the application permissions in the token
 * @param detail the service's error code or words, for the administrator; never a secret
 * @param retryable whether the failure may go away by itself (e.g. consent still propagating)
 * @since 0.1.0
 */
public record TenantAccess(
    Optional<TenantFailureReason> failureReason,
    Optional<String> directoryId,
    Set<String> grantedPermissions,
    Optional<String> detail,
    boolean retryable) {
  /** Validates the record. */
  public TenantAccess {
    Objects.requireNonNull(failureReason, "failureReason");
    Objects.requireNonNull(directoryId, "directoryId");
    grantedPermissions = Set.copyOf(grantedPermissions);
    Objects.requireNonNull(detail, "detail");
  }

  /**
   * Access proven.
   *
   * @param directoryId the tenant's GUID
   * @param permissions the granted permissions
   * @return the result
   */
  public static TenantAccess granted(String directoryId, Set<String> permissions) {
    return new TenantAccess(
        Optional.empty(), Optional.of(directoryId), permissions, Optional.empty(), false);
  }

  /**
   * Access failed.
   *
   * @param reason why
   * @param detail the service's words, or {@code null}
   * @param retryable whether trying again later may help
   * @return the result
   */
  public static TenantAccess denied(TenantFailureReason reason, String detail, boolean retryable) {
    return new TenantAccess(
        Optional.of(reason), Optional.empty(), Set.of(), Optional.ofNullable(detail), retryable);
  }
}
