package com.workplace.calendar.tenant;

import com.workplace.calendar.CalendarClientException;
import java.util.Objects;
import java.util.Optional;

/**
 * An operation needed Microsoft 365 for a tenant that is not authorized: unknown (removed),
 * consent still pending, revoked or failed. Every SDK instance on a shared store refuses within a
 * few seconds of the tenant's record changing, whichever instance recorded it. Nothing was sent and
 * nothing was changed; the message says what to do (usually: authorize the tenant again).
 *
 * @since 0.2.0
 */
public class TenantNotAuthorizedException extends CalendarClientException {
  private static final long serialVersionUID = 1L;

  private final transient TenantId tenantId;
  private final transient TenantStatus status;
  private final transient TenantFailureReason reason;

  /**
   * Creates the exception.
   *
   * @param tenantId the tenant
   * @param status its status, or {@code null} when the tenant is not known
   * @param reason why it failed, or {@code null}
   */
  public TenantNotAuthorizedException(
      TenantId tenantId, TenantStatus status, TenantFailureReason reason) {
    super(message(tenantId, status, reason));
    this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
    this.status = status;
    this.reason = reason;
  }

  private static String message(TenantId tenantId, TenantStatus status, TenantFailureReason reason) {
    if (status == null) {
      return "tenant " + tenantId + " is not known (it was never authorized, or it was removed);"
          + " authorize it first (TenantAuthorizer.begin)";
    }
    String what =
        switch (status) {
          case CONSENT_PENDING -> "the admin consent has not been completed";
          case REVOKED -> "the application's consent was withdrawn";
          case FAILED -> "its authorization or verification failed";
          default -> "it is not authorized";
        };
    String action =
        reason != null
            ? reason.action()
            : "Authorize the tenant again (admin consent) and verify it.";
    return "tenant " + tenantId + " is " + status + " (" + what
        + (reason == null ? "" : ", " + reason) + "): " + action;
  }

  /**
   * The tenant.
   *
   * @return the tenant's ID
   */
  public TenantId tenantId() {
    return tenantId;
  }

  /**
   * The tenant's status when the operation was refused.
   *
   * @return the status; empty when the tenant is not known
   */
  public Optional<TenantStatus> status() {
    return Optional.ofNullable(status);
  }

  /**
   * Why the tenant failed, when it did.
   *
   * @return the reason, if any
   */
  public Optional<TenantFailureReason> reason() {
    return Optional.ofNullable(reason);
  }
}
