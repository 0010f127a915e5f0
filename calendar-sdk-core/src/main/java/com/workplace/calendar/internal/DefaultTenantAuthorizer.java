package com.workplace.calendar.internal;

import com.workplace.calendar.CalendarEventListener;
import com.workplace.calendar.CalendarSdkException;
import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.ConflictException;
import com.workplace.calendar.DuplicateRecordException;
import com.workplace.calendar.PageRequest;
import com.workplace.calendar.ResourceNotFoundException;
import com.workplace.calendar.StaleRecordException;
import com.workplace.calendar.registry.CalendarQuery;
import com.workplace.calendar.registry.CalendarStatus;
import com.workplace.calendar.registry.DiscoveredRoom;
import com.workplace.calendar.registry.EmailAddresses;
import com.workplace.calendar.spi.CalendarProvider;
import com.workplace.calendar.spi.TenantAccess;
import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.store.ConsentState;
import com.workplace.calendar.tenant.ConsentCallback;
import com.workplace.calendar.tenant.ConsentRejection;
import com.workplace.calendar.tenant.ConsentRequest;
import com.workplace.calendar.tenant.InvalidConsentStateException;
import com.workplace.calendar.tenant.Tenant;
import com.workplace.calendar.tenant.TenantAuthorizer;
import com.workplace.calendar.tenant.TenantFailureReason;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.tenant.TenantStatus;
import com.workplace.calendar.tenant.VerificationResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider-neutral {@link TenantAuthorizer}: consent states (single-use, expiring, kept as
 * hashes), the order of checks on a callback, and the tenant lifecycle; the provider builds the
 * consent URL and proves access.
 */
public final class DefaultTenantAuthorizer implements TenantAuthorizer {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultTenantAuthorizer.class);

  /** Waits between verification attempts; replaceable in tests. */
  @FunctionalInterface
  public interface Sleeper {
    /**
     * Waits.
     *
     * @param duration how long
     * @throws InterruptedException if interrupted
     */
    void sleep(Duration duration) throws InterruptedException;
  }

  private final CalendarStore store;
  private final CalendarProvider provider;
  private final Clock clock;
  private final Duration stateLifetime;
  private final Duration verificationBudget;
  private final Sleeper sleeper;
  private final TenantStatusCache statuses;
  private final CalendarEventListener events;

  /**
   * Creates the authorizer.
   *
   * @param store where tenants and consent states are kept
   * @param provider the backend
   * @param clock the clock
   * @param stateLifetime how long a consent state is accepted
   * @param verificationBudget how long verification may keep retrying transient failures
   * @param sleeper how to wait between attempts
   * @param statuses the tenant statuses the other parts read, told of every change made here
   */
  public DefaultTenantAuthorizer(
      CalendarStore store,
      CalendarProvider provider,
      Clock clock,
      Duration stateLifetime,
      Duration verificationBudget,
      Sleeper sleeper,
      TenantStatusCache statuses) {
    this(store, provider, clock, stateLifetime, verificationBudget, sleeper, statuses,
        CalendarEventListener.NONE);
  }

  /**
   * Creates the authorizer.
   *
   * @param store where tenants and consent states are kept
   * @param provider the backend
   * @param clock the clock
   * @param stateLifetime how long a consent state is accepted
   * @param verificationBudget how long verification may keep retrying transient failures
   * @param sleeper how to wait between attempts
   * @param statuses the tenant statuses the other parts read, told of every change made here
   * @param events told of consent outcomes and verifications
   */
  public DefaultTenantAuthorizer(
      CalendarStore store,
      CalendarProvider provider,
      Clock clock,
      Duration stateLifetime,
      Duration verificationBudget,
      Sleeper sleeper,
      TenantStatusCache statuses,
      CalendarEventListener events) {
    this.events = Objects.requireNonNull(events, "events");
    this.store = Objects.requireNonNull(store, "store");
    this.provider = Objects.requireNonNull(provider, "provider");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.stateLifetime = Objects.requireNonNull(stateLifetime, "stateLifetime");
    this.verificationBudget = Objects.requireNonNull(verificationBudget, "verificationBudget");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.statuses = Objects.requireNonNull(statuses, "statuses");
  }

  @Override
  public ConsentRequest begin(TenantId tenantId) {
    Objects.requireNonNull(tenantId, "tenantId");
    Instant now = clock.instant();
    Optional<Tenant> existing = store.findTenant(tenantId);
    // a tenant given by domain gets its directory GUID now: the callback names the tenant by GUID,
    // and a callback for another tenant must be refused before its state is used
    Optional<String> directoryId =
        tenantId.isGuid() || existing.flatMap(Tenant::directoryId).isPresent()
            ? Optional.empty()
            : provider.resolveDirectoryId(tenantId).map(d -> d.toLowerCase(java.util.Locale.ROOT));
    store.deleteConsentStatesExpiredBefore(now.minus(Duration.ofDays(1)));
    if (existing.isEmpty()) {
      try {
        Tenant pending = Tenant.pending(tenantId, now);
        store.insertTenant(directoryId.map(pending::withDirectoryId).orElse(pending));
      } catch (DuplicateRecordException e) {
        // another caller recorded it at the same moment: fine
      }
    }
    if (directoryId.isPresent() && existing.isPresent()) {
      update(tenantId, t -> t.directoryId().isPresent() ? t : t.withDirectoryId(directoryId.get()));
    }
    statuses.invalidate(tenantId);
    String state = Hashing.randomToken(32);
    Instant expiresAt = now.plus(stateLifetime);
    store.insertConsentState(
        new ConsentState(Hashing.sha256Hex(state), tenantId, now, expiresAt, Optional.empty()));
    return new ConsentRequest(tenantId, provider.adminConsentUri(tenantId, state), state, expiresAt);
  }

  @Override
  public VerificationResult complete(ConsentCallback callback) {
    VerificationResult result = completeCallback(callback);
    events.consentCompleted(result);
    return result;
  }

  private VerificationResult completeCallback(ConsentCallback callback) {
    Objects.requireNonNull(callback, "callback");
    String state =
        callback.state().orElseThrow(() -> rejected(ConsentRejection.MISSING_STATE,
            "the consent callback carries no state; start the authorization again"));
    if (state.length() > 512) {
      throw rejected(ConsentRejection.UNKNOWN_STATE, "the consent callback's state is not one this SDK issued");
    }
    String hash = Hashing.sha256Hex(state);
    ConsentState known =
        store.findConsentState(hash)
            .orElseThrow(() -> rejected(ConsentRejection.UNKNOWN_STATE,
                "the consent callback's state is unknown; start the authorization again"));
    Instant now = clock.instant();
    if (known.usedAt().isPresent()) {
      throw rejected(ConsentRejection.USED_STATE,
          "the consent callback's state was already used; start the authorization again");
    }
    if (!known.expiresAt().isAfter(now)) {
      throw rejected(ConsentRejection.EXPIRED_STATE,
          "the consent callback's state has expired; start the authorization again");
    }
    TenantId tenantId = known.tenantId();
    Optional<Tenant> tenant = store.findTenant(tenantId);
    if (tenant.isEmpty()) {
      throw rejected(ConsentRejection.TENANT_REMOVED,
          "the tenant of this consent was removed meanwhile; start the authorization again");
    }
    if (callback.tenant().isPresent()) {
      String reported = callback.tenant().get().toLowerCase(java.util.Locale.ROOT);
      boolean mismatch =
          (tenantId.isGuid() && !tenantId.value().equals(reported))
              || tenant.get().directoryId().filter(d -> !d.equals(reported)).isPresent();
      if (mismatch) {
        throw rejected(ConsentRejection.TENANT_MISMATCH,
            "the consent callback names another tenant than the one being authorized");
      }
    }
    if (!store.markConsentStateUsed(hash, now)) {
      throw rejected(ConsentRejection.USED_STATE,
          "the consent callback's state was already used; start the authorization again");
    }
    if (callback.error().isPresent()) {
      String detail =
          callback.error().get() + callback.errorDescription().map(d -> ": " + firstLine(d)).orElse("");
      Tenant failed =
          update(tenantId, t -> t.withFailure(TenantStatus.FAILED, TenantFailureReason.CONSENT_DECLINED, detail, now));
      return result(failed, Set.of());
    }
    if (!callback.adminConsent()) {
      Tenant failed =
          update(
              tenantId,
              t -> t.withFailure(TenantStatus.FAILED, TenantFailureReason.INVALID_CALLBACK,
                  "admin_consent was not granted", now));
      return result(failed, Set.of());
    }
    update(tenantId, t -> t.withStatus(TenantStatus.CONSENTED, now));
    return verifyWithRetries(tenantId, Optional.empty(), callback.tenant());
  }

  private InvalidConsentStateException rejected(ConsentRejection reason, String message) {
    events.consentRejected(reason);
    return new InvalidConsentStateException(message);
  }

  @Override
  public VerificationResult verify(TenantId tenantId) {
    requireTenant(tenantId);
    return verified(verifyWithRetries(tenantId, Optional.empty(), Optional.empty()));
  }

  @Override
  public VerificationResult verify(TenantId tenantId, String probeMailbox) {
    String mailbox = EmailAddresses.normalize(probeMailbox);
    requireTenant(tenantId);
    return verified(verifyWithRetries(tenantId, Optional.of(mailbox), Optional.empty()));
  }

  private VerificationResult verified(VerificationResult result) {
    events.tenantVerified(result);
    return result;
  }

  private VerificationResult verifyWithRetries(
      TenantId tenantId, Optional<String> given, Optional<String> reportedGuid) {
    Optional<String> probe = given.or(() -> chooseProbe(tenantId));
    long deadline = System.nanoTime() + verificationBudget.toNanos();
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
        update(
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

  private static VerificationResult result(Tenant tenant, Set<String> permissions) {
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

  @Override
  public Optional<Tenant> get(TenantId tenantId) {
    return store.findTenant(Objects.requireNonNull(tenantId, "tenantId"));
  }

  @Override
  public List<Tenant> list() {
    return store.listTenants();
  }

  @Override
  public boolean remove(TenantId tenantId) {
    return remove(tenantId, false);
  }

  @Override
  public boolean remove(TenantId tenantId, boolean removeCalendars) {
    Objects.requireNonNull(tenantId, "tenantId");
    long calendars = store.countCalendars(tenantId);
    if (calendars > 0 && !removeCalendars) {
      throw new ConflictException(
          "tenant " + tenantId + " still has " + calendars
              + " registered calendar(s); remove them first or remove the tenant with its calendars");
    }
    if (removeCalendars) {
      PageRequest page = PageRequest.first(PageRequest.MAX_SIZE);
      CalendarQuery query = CalendarQuery.all().page(page);
      while (true) {
        var batch = store.listCalendars(tenantId, query);
        for (var calendar : batch.items()) {
          store.findSubscription(tenantId, calendar.email())
              .ifPresent(s -> deleteSubscriptionQuietly(tenantId, s.subscriptionId()));
        }
        if (!batch.hasNext()) {
          break;
        }
        query = query.page(query.page().next(batch));
      }
    }
    boolean removed = store.deleteTenant(tenantId);
    statuses.invalidate(tenantId);
    return removed;
  }

  private void deleteSubscriptionQuietly(TenantId tenantId, String subscriptionId) {
    try {
      provider.deleteSubscription(tenantId, subscriptionId);
    } catch (CalendarSdkException e) {
      LOG.warn("Could not delete subscription {} of tenant {}: {}", subscriptionId, tenantId, e.getMessage());
    }
  }

  private Tenant requireTenant(TenantId tenantId) {
    return store.findTenant(Objects.requireNonNull(tenantId, "tenantId"))
        .orElseThrow(() -> new ResourceNotFoundException(
            "tenant " + tenantId + " is not known; authorize it first"));
  }

  private Tenant update(TenantId tenantId, UnaryOperator<Tenant> change) {
    for (int attempt = 0; attempt < 10; attempt++) {
      Tenant current = requireTenant(tenantId);
      try {
        Tenant updated = store.updateTenant(change.apply(current));
        statuses.invalidate(tenantId);
        return updated;
      } catch (StaleRecordException e) {
        // changed meanwhile: apply again on the fresh record
      }
    }
    throw new StaleRecordException("tenant " + tenantId + " kept changing; try again");
  }

  private static String firstLine(String text) {
    String line = text.strip().split("\\R", 2)[0];
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }
}
