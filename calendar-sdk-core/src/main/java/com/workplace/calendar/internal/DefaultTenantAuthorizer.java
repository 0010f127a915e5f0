package com.workplace.calendar.internal;

import com.workplace.calendar.CalendarEventListener;
import com.workplace.calendar.CalendarSdkException;
import com.workplace.calendar.ConflictException;
import com.workplace.calendar.DuplicateRecordException;
import com.workplace.calendar.PageRequest;
import com.workplace.calendar.registry.CalendarQuery;
import com.workplace.calendar.registry.EmailAddresses;
import com.workplace.calendar.spi.CalendarProvider;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider-neutral {@link TenantAuthorizer}: consent states (single-use, expiring, kept as
 * hashes), the order of checks on a callback, and the tenant lifecycle; the provider builds the
 * consent URL and proves access. Verification (the probe, its retries and the status it leads to)
 * is {@code TenantVerification}'s job.
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
  private final TenantStatusCache statuses;
  private final TenantUpdater tenants;
  private final TenantVerification verification;
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
    Objects.requireNonNull(verificationBudget, "verificationBudget");
    Objects.requireNonNull(sleeper, "sleeper");
    this.statuses = Objects.requireNonNull(statuses, "statuses");
    this.tenants = new TenantUpdater(store, statuses);
    this.verification =
        new TenantVerification(store, provider, clock, verificationBudget, sleeper, tenants);
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
      tenants.update(tenantId, t -> t.directoryId().isPresent() ? t : t.withDirectoryId(directoryId.get()));
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
          callback.error().get() + callback.errorDescription().map(d -> ": " + TenantVerification.firstLine(d)).orElse("");
      Tenant failed =
          tenants.update(tenantId, t -> t.withFailure(TenantStatus.FAILED, TenantFailureReason.CONSENT_DECLINED, detail, now));
      return TenantVerification.result(failed, Set.of());
    }
    if (!callback.adminConsent()) {
      Tenant failed =
          tenants.update(
              tenantId,
              t -> t.withFailure(TenantStatus.FAILED, TenantFailureReason.INVALID_CALLBACK,
                  "admin_consent was not granted", now));
      return TenantVerification.result(failed, Set.of());
    }
    tenants.update(tenantId, t -> t.withStatus(TenantStatus.CONSENTED, now));
    return verification.verify(tenantId, Optional.empty(), callback.tenant());
  }

  private InvalidConsentStateException rejected(ConsentRejection reason, String message) {
    events.consentRejected(reason);
    return new InvalidConsentStateException(message);
  }

  @Override
  public VerificationResult verify(TenantId tenantId) {
    tenants.require(tenantId);
    return verified(verification.verify(tenantId, Optional.empty(), Optional.empty()));
  }

  @Override
  public VerificationResult verify(TenantId tenantId, String probeMailbox) {
    String mailbox = EmailAddresses.normalize(probeMailbox);
    tenants.require(tenantId);
    return verified(verification.verify(tenantId, Optional.of(mailbox), Optional.empty()));
  }

  private VerificationResult verified(VerificationResult result) {
    events.tenantVerified(result);
    return result;
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
}
