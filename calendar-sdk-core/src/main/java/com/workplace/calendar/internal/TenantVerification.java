package com.workplace.calendar.internal;

import com.workplace.calendar.CalendarSdkException;
import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.PageRequest;
import com.workplace.calendar.registry.CalendarQuery;
import com.workplace.calendar.registry.CalendarStatus;
import com.workplace.calendar.registry.DiscoveredRoom;
import com.workplace.calendar.spi.CalendarProvider;
import com.workplace.calendar.spi.TenantAccess;
import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.tenant.Tenant;
import com.workplace.calendar.tenant.TenantFailureReason;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.tenant.TenantStatus;
import com.workplace.calendar.tenant.VerificationResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proves that the SDK can reach a tenant, for the {@link DefaultTenantAuthorizer}: chooses a room
 * mailbox to probe, retries transient failures with growing waits within a budget, and records the
 * outcome as the tenant's status (verified, consented, failed or revoked).
 */
final class TenantVerification {
  // logs under the authorizer's name, which hosts configure
  private static final Logger LOG = LoggerFactory.getLogger(DefaultTenantAuthorizer.class);

  private final CalendarStore store;
  private final CalendarProvider provider;
  private final Clock clock;
  private final Duration budget;
  private final DefaultTenantAuthorizer.Sleeper sleeper;
  private final TenantUpdater tenants;

  TenantVerification(
      CalendarStore store,
      CalendarProvider provider,
      Clock clock,
      Duration budget,
      DefaultTenantAuthorizer.Sleeper sleeper,
      TenantUpdater tenants) {
    this.store = store;
    this.provider = provider;
    this.clock = clock;
    this.budget = budget;
    this.sleeper = sleeper;
    this.tenants = tenants;
  }

  /**
   * Verifies a tenant and records the outcome.
   *
   * @param given the mailbox to probe; when empty, one is chosen
   * @param reportedGuid the tenant GUID a consent callback named, to match the token's tenant
   * @throws CalendarServiceException if the service could not be reached (the tenant is left as it
   *     was)
   */
  VerificationResult verify(TenantId tenantId, Optional<String> given, Optional<String> reportedGuid) {
    Optional<String> probe = given.or(() -> chooseProbe(tenantId));
    long deadline = System.nanoTime() + budget.toNanos();
    Duration wait = Duration.ofSeconds(1);
    TenantAccess access;
    while (true) {
      access = provider.checkTenantAccess(tenantId, probe);
      if (access.failureReason().isEmpty() || !access.retryable()) {
        break;
      }
      if (System.nanoTime() + wait.toNanos() - deadline > 0) {
        break;
      }
      LOG.info(
          "Verification of tenant {} failed ({}); retrying in {} s",
          tenantId,
          access.failureReason().get(),
          wait.toSeconds());
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      wait = wait.multipliedBy(2);
    }
    if (access.retryable() && access.failureReason().orElse(null) == TenantFailureReason.SERVICE_UNAVAILABLE) {
      // not reaching the service says nothing about the tenant: it stays as it was
      throw new CalendarServiceException(
          "the calendar service could not be reached to verify tenant " + tenantId
              + access.detail().map(d -> " (" + firstLine(d) + ")").orElse("")
              + "; the tenant was left as it was, try again later",
          0, null, null, null, null);
    }
    return record(tenantId, probe, access, reportedGuid);
  }

  private VerificationResult record(
      TenantId tenantId, Optional<String> probe, TenantAccess access, Optional<String> reportedGuid) {
    Instant now = clock.instant();
    TenantAccess outcome = access;
    if (outcome.failureReason().isEmpty()
        && reportedGuid.isPresent()
        && outcome.directoryId().isPresent()
        && !outcome.directoryId().get().equalsIgnoreCase(reportedGuid.get())) {
      outcome =
          TenantAccess.denied(
              TenantFailureReason.INVALID_CALLBACK,
              "the callback named another tenant than the token was issued for",
              false);
    }
    TenantAccess finalOutcome = outcome;
    Tenant updated =
        tenants.update(
            tenantId,
            t -> {
              Tenant next = t;
              if (finalOutcome.directoryId().isPresent()) {
                next = next.withDirectoryId(finalOutcome.directoryId().get().toLowerCase(java.util.Locale.ROOT));
              }
              if (probe.isPresent()) {
                next = next.withProbeMailbox(probe.get());
              }
              if (finalOutcome.failureReason().isEmpty()) {
                return next.withStatus(probe.isPresent() ? TenantStatus.VERIFIED : TenantStatus.CONSENTED, now);
              }
              TenantFailureReason reason = finalOutcome.failureReason().get();
              TenantStatus status =
                  t.status() == TenantStatus.VERIFIED && reason == TenantFailureReason.APP_NOT_CONSENTED
                      ? TenantStatus.REVOKED
                      : TenantStatus.FAILED;
              return next.withFailure(status, reason, finalOutcome.detail().orElse(null), now);
            });
    return result(updated, outcome.grantedPermissions());
  }

  private Optional<String> chooseProbe(TenantId tenantId) {
    Optional<String> remembered = store.findTenant(tenantId).flatMap(Tenant::probeMailbox);
    if (remembered.isPresent()
        && store.findCalendar(tenantId, remembered.get())
            .filter(c -> c.status() != CalendarStatus.FAILED)
            .isPresent()) {
      return remembered;
    }
    // a calendar that connected proves access; one that failed (e.g. not in Exchange Online)
    // would make a working tenant look broken
    for (CalendarQuery query :
        List.of(
            CalendarQuery.withStatus(CalendarStatus.CONNECTED),
            CalendarQuery.withStatus(CalendarStatus.ADDED))) {
      Optional<String> registered =
          store.listCalendars(tenantId, query.page(PageRequest.first(1))).items().stream()
              .findFirst()
              .map(c -> c.email());
      if (registered.isPresent()) {
        return registered;
      }
    }
    try {
      List<DiscoveredRoom> rooms = provider.listRooms(tenantId);
      return rooms.stream().map(DiscoveredRoom::email).sorted().findFirst().or(() -> remembered);
    } catch (CalendarSdkException e) {
      LOG.info("Could not list the rooms of tenant {} to find one to probe: {}", tenantId, e.getMessage());
      return remembered;
    }
  }

  /** {@return what a caller is told about a tenant in its current status} */
  static VerificationResult result(Tenant tenant, Set<String> permissions) {
    String message;
    if (tenant.status() == TenantStatus.VERIFIED) {
      message = VerificationResult.ACCOUNT_VERIFIED;
    } else if (tenant.status() == TenantStatus.CONSENTED) {
      message =
          "Consent is in place and a token was issued; register a room calendar and verify again"
              + " to prove mailbox access.";
    } else {
      TenantFailureReason reason = tenant.failureReason().orElse(TenantFailureReason.SERVICE_UNAVAILABLE);
      message = reason.description() + " " + reason.action()
          + tenant.failureDetail().map(d -> " (" + d + ")").orElse("");
    }
    return new VerificationResult(
        tenant.id(), tenant.status(), tenant.failureReason(), message, permissions, tenant.probeMailbox());
  }

  /** {@return the first line of a text from the service, cut to 300 characters} */
  static String firstLine(String text) {
    String line = text.strip().split("\\R", 2)[0];
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }
}
