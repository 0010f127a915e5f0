package com.workplace.calendar.tenant;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer tenant known to the SDK.
 *
 * @param id the tenant as the administrator named it (GUID or domain)
 * @param directoryId the directory GUID, once Microsoft confirmed it
 * @param status where the tenant is in its lifecycle
 * @param failureReason why it failed, when {@code status} is {@link TenantStatus#FAILED} or {@link
 *     TenantStatus#REVOKED}
 * @param failureDetail the service's words about the failure (error code, description), if any
 * @param probeMailbox the room mailbox used to prove access, if one was given or found
 * @param createdAt when the tenant was first recorded
 * @param updatedAt when it last changed
 * @param version the record version for optimistic concurrency; 0 before the first insert
 * @since 0.1.0
 */
public record Tenant(
    TenantId id,
    Optional<String> directoryId,
    TenantStatus status,
    Optional<TenantFailureReason> failureReason,
    Optional<String> failureDetail,
    Optional<String> probeMailbox,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  /** Validates the record. */
  public Tenant {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(directoryId, "directoryId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(failureReason, "failureReason");
    Objects.requireNonNull(failureDetail, "failureDetail");
    Objects.requireNonNull(probeMailbox, "probeMailbox");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative");
    }
    if ((status == TenantStatus.FAILED) != failureReason.isPresent()
        && status != TenantStatus.REVOKED) {
      throw new IllegalArgumentException(
          "a failure reason is required for FAILED tenants and only for them");
    }
  }

  /**
   * A tenant that has just started the consent flow.
   *
   * @param id the tenant
   * @param now the current time
   * @return a new, unsaved tenant in {@link TenantStatus#CONSENT_PENDING}
   */
  public static Tenant pending(TenantId id, Instant now) {
    return new Tenant(
        id,
        Optional.empty(),
        TenantStatus.CONSENT_PENDING,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        now,
        now,
        0);
  }

  /**
   * Returns a copy with a new status and no failure.
   *
   * @param newStatus the status
   * @param now the time of the change
   * @return the changed copy (same version; the store assigns the next one)
   */
  public Tenant withStatus(TenantStatus newStatus, Instant now) {
    return new Tenant(
        id,
        directoryId,
        newStatus,
        Optional.empty(),
        Optional.empty(),
        probeMailbox,
        createdAt,
        now,
        version);
  }

  /**
   * Returns a copy that failed for a reason.
   *
   * @param newStatus {@link TenantStatus#FAILED} or {@link TenantStatus#REVOKED}
   * @param reason why
   * @param detail the service's words, or {@code null}
   * @param now the time of the change
   * @return the changed copy
   */
  public Tenant withFailure(
      TenantStatus newStatus, TenantFailureReason reason, String detail, Instant now) {
    return new Tenant(
        id,
        directoryId,
        newStatus,
        Optional.of(reason),
        Optional.ofNullable(detail),
        probeMailbox,
        createdAt,
        now,
        version);
  }

  /**
   * Returns a copy with the directory GUID.
   *
   * @param guid the directory GUID
   * @return the changed copy
   */
  public Tenant withDirectoryId(String guid) {
    return new Tenant(
        id,
        Optional.of(guid),
        status,
        failureReason,
        failureDetail,
        probeMailbox,
        createdAt,
        updatedAt,
        version);
  }

  /**
   * Returns a copy with the mailbox used to prove access.
   *
   * @param mailbox the room mailbox e-mail
   * @return the changed copy
   */
  public Tenant withProbeMailbox(String mailbox) {
    return new Tenant(
        id,
        directoryId,
        status,
        failureReason,
        failureDetail,
        Optional.of(mailbox),
        createdAt,
        updatedAt,
        version);
  }

  /**
   * Returns a copy with another version; used by stores.
   *
   * @param newVersion the version
   * @return the changed copy
   */
  public Tenant withVersion(long newVersion) {
    return new Tenant(
        id,
        directoryId,
        status,
        failureReason,
        failureDetail,
        probeMailbox,
        createdAt,
        updatedAt,
        newVersion);
  }
}
