package com.workplace.calendar.store;

import com.workplace.calendar.Page;
import com.workplace.calendar.ResourceNotFoundException;
import com.workplace.calendar.registry.CalendarQuery;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.space.SpaceLink;
import com.workplace.calendar.tenant.Tenant;
import com.workplace.calendar.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link CalendarStore} in the memory of one process: the default for tests, examples and
 * single-instance hosts that can afford to lose state on restart. Thread-safe; every method is
 * atomic (one lock guards all state).
 *
 * @since 0.1.0
 */
public final class InMemoryCalendarStore implements CalendarStore {
  private final Clock clock;
  private final Object lock = new Object();
  // each table keeps its own records' rules (uniqueness, versions); this class holds the one lock
  // and the rules across tables: a record needs its tenant or calendar, and removals cascade
  private final TenantTable tenants = new TenantTable();
  private final Map<TenantId, CalendarTable> calendars = new HashMap<>();
  private final Map<TenantId, SpaceLinkTable> spaceLinks = new HashMap<>();
  private final Map<TenantId, BookingLinkTable> bookingLinks = new HashMap<>();
  private final CalendarSyncTable sync = new CalendarSyncTable();
  private final InMemoryLeases leases;
  private final MailboxCoordination coordination;

  private InMemoryCalendarStore(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.leases = new InMemoryLeases(clock);
    this.coordination = new InMemoryMailboxCoordination(clock);
  }

  /**
   * Creates an empty store on the system clock.
   *
   * @return the store
   */
  public static InMemoryCalendarStore create() {
    return new InMemoryCalendarStore(Clock.systemUTC());
  }

  /**
   * Creates an empty store whose leases follow a given clock.
   *
   * @param clock the clock for lease expiry
   * @return the store
   */
  public static InMemoryCalendarStore create(Clock clock) {
    return new InMemoryCalendarStore(clock);
  }

  // ---- tenants

  @Override
  public Optional<Tenant> findTenant(TenantId tenantId) {
    synchronized (lock) {
      return tenants.find(tenantId);
    }
  }

  @Override
  public List<Tenant> listTenants() {
    synchronized (lock) {
      return tenants.list();
    }
  }

  @Override
  public Tenant insertTenant(Tenant tenant) {
    synchronized (lock) {
      return tenants.insert(tenant);
    }
  }

  @Override
  public Tenant updateTenant(Tenant tenant) {
    synchronized (lock) {
      return tenants.update(tenant);
    }
  }

  @Override
  public boolean deleteTenant(TenantId tenantId) {
    synchronized (lock) {
      if (!tenants.remove(tenantId)) {
        return false;
      }
      calendars.remove(tenantId);
      spaceLinks.remove(tenantId);
      bookingLinks.remove(tenantId);
      sync.removeTenant(tenantId);
      return true;
    }
  }

  // ---- consent states

  @Override
  public void insertConsentState(ConsentState state) {
    synchronized (lock) {
      tenants.insertConsentState(state);
    }
  }

  @Override
  public Optional<ConsentState> findConsentState(String stateHash) {
    synchronized (lock) {
      return tenants.findConsentState(stateHash);
    }
  }

  @Override
  public boolean markConsentStateUsed(String stateHash, Instant usedAt) {
    synchronized (lock) {
      return tenants.markConsentStateUsed(stateHash, usedAt);
    }
  }

  @Override
  public int deleteConsentStatesExpiredBefore(Instant cutoff) {
    synchronized (lock) {
      return tenants.removeConsentStatesExpiredBefore(cutoff);
    }
  }

  // ---- calendars

  @Override
  public Optional<RoomCalendar> findCalendar(TenantId tenantId, String email) {
    synchronized (lock) {
      return calendarsOf(tenantId).find(email);
    }
  }

  @Override
  public RoomCalendar insertCalendar(RoomCalendar calendar) {
    synchronized (lock) {
      requireTenant(calendar.tenantId());
      return calendarsOf(calendar.tenantId()).insert(calendar);
    }
  }

  @Override
  public RoomCalendar updateCalendar(RoomCalendar calendar) {
    synchronized (lock) {
      return calendarsOf(calendar.tenantId()).update(calendar);
    }
  }

  @Override
  public boolean deleteCalendar(TenantId tenantId, String email) {
    synchronized (lock) {
      if (!calendarsOf(tenantId).remove(email)) {
        return false;
      }
      spaceLinksOf(tenantId).removeByCalendar(email);
      bookingLinksOf(tenantId).removeCalendar(email);
      sync.removeCalendar(tenantId, email);
      return true;
    }
  }

  @Override
  public Page<RoomCalendar> listCalendars(TenantId tenantId, CalendarQuery query) {
    synchronized (lock) {
      return calendarsOf(tenantId).page(query);
    }
  }

  @Override
  public long countCalendars(TenantId tenantId) {
    synchronized (lock) {
      return calendarsOf(tenantId).size();
    }
  }

  // ---- space links

  @Override
  public SpaceLink putSpaceLink(SpaceLink link, boolean replaceSpaceLink) {
    synchronized (lock) {
      requireCalendar(link.tenantId(), link.calendarEmail());
      return spaceLinksOf(link.tenantId()).link(link, replaceSpaceLink);
    }
  }

  @Override
  public Optional<SpaceLink> findSpaceLinkBySpace(TenantId tenantId, SpaceId spaceId) {
    synchronized (lock) {
      return spaceLinksOf(tenantId).bySpace(spaceId.value());
    }
  }

  @Override
  public Optional<SpaceLink> findSpaceLinkByCalendar(TenantId tenantId, String email) {
    synchronized (lock) {
      return spaceLinksOf(tenantId).byCalendar(email);
    }
  }

  @Override
  public boolean deleteSpaceLinkBySpace(TenantId tenantId, SpaceId spaceId) {
    synchronized (lock) {
      return spaceLinksOf(tenantId).removeBySpace(spaceId.value());
    }
  }

  @Override
  public boolean deleteSpaceLinkByCalendar(TenantId tenantId, String email) {
    synchronized (lock) {
      return spaceLinksOf(tenantId).removeByCalendar(email);
    }
  }

  @Override
  public List<SpaceLink> listSpaceLinks(TenantId tenantId) {
    synchronized (lock) {
      return spaceLinksOf(tenantId).inSpaceOrder();
    }
  }

  // ---- booking links

  @Override
  public BookingLink insertBookingLink(BookingLink link) {
    synchronized (lock) {
      requireCalendar(link.tenantId(), link.calendarEmail());
      return bookingLinksOf(link.tenantId()).insert(link);
    }
  }

  @Override
  public BookingLink updateBookingLink(BookingLink link) {
    synchronized (lock) {
      return bookingLinksOf(link.tenantId()).update(link);
    }
  }

  @Override
  public Optional<BookingLink> findBookingLink(TenantId tenantId, String bookingKey) {
    synchronized (lock) {
      return bookingLinksOf(tenantId).byKey(bookingKey);
    }
  }

  @Override
  public Optional<BookingLink> findBookingLinkByEvent(
      TenantId tenantId, String email, String eventId) {
    synchronized (lock) {
      return bookingLinksOf(tenantId).byEvent(email, eventId);
    }
  }

  @Override
  public Optional<BookingLink> findBookingLinkByTransaction(TenantId tenantId, String transactionId) {
    synchronized (lock) {
      return bookingLinksOf(tenantId).byTransaction(transactionId);
    }
  }

  @Override
  public boolean deleteBookingLink(TenantId tenantId, String bookingKey) {
    synchronized (lock) {
      return bookingLinksOf(tenantId).remove(bookingKey);
    }
  }

  // ---- sync state and subscriptions

  @Override
  public Optional<SyncState> findSyncState(TenantId tenantId, String email) {
    synchronized (lock) {
      return sync.syncState(tenantId, email);
    }
  }

  @Override
  public SyncState saveSyncState(SyncState state) {
    synchronized (lock) {
      requireCalendar(state.tenantId(), state.calendarEmail());
      return sync.save(state);
    }
  }

  @Override
  public Optional<SubscriptionState> findSubscription(TenantId tenantId, String email) {
    synchronized (lock) {
      return sync.subscription(tenantId, email);
    }
  }

  @Override
  public Optional<SubscriptionState> findSubscriptionById(String subscriptionId) {
    synchronized (lock) {
      return sync.subscriptionById(subscriptionId);
    }
  }

  @Override
  public SubscriptionState saveSubscription(SubscriptionState subscription) {
    synchronized (lock) {
      requireCalendar(subscription.tenantId(), subscription.calendarEmail());
      return sync.save(subscription);
    }
  }

  @Override
  public boolean deleteSubscription(TenantId tenantId, String email) {
    synchronized (lock) {
      return sync.removeSubscription(tenantId, email);
    }
  }

  @Override
  public List<SubscriptionState> listSubscriptionsExpiringBefore(Instant cutoff, int limit) {
    synchronized (lock) {
      return sync.subscriptionsExpiringBefore(cutoff, limit);
    }
  }

  // ---- leases

  @Override
  public Optional<Lease> tryAcquireLease(String name, String owner, Duration ttl) {
    return leases.tryAcquire(name, owner, ttl);
  }

  @Override
  public Optional<Lease> renewLease(Lease lease, Duration ttl) {
    return leases.renew(lease, ttl);
  }

  @Override
  public boolean releaseLease(Lease lease) {
    return leases.release(lease);
  }

  @Override
  public Optional<Lease> findLease(String name) {
    return leases.find(name);
  }

  // ---- coordination

  /**
   * {@inheritDoc}
   *
   * <p>Shared by every service that uses this store object (in this process).
   */
  @Override
  public Optional<MailboxCoordination> mailboxCoordination() {
    return Optional.of(coordination);
  }

  // ---- helpers (callers hold the lock)

  private CalendarTable calendarsOf(TenantId tenantId) {
    return calendars.computeIfAbsent(tenantId, t -> new CalendarTable());
  }

  private SpaceLinkTable spaceLinksOf(TenantId tenantId) {
    return spaceLinks.computeIfAbsent(tenantId, t -> new SpaceLinkTable());
  }

  private BookingLinkTable bookingLinksOf(TenantId tenantId) {
    return bookingLinks.computeIfAbsent(tenantId, t -> new BookingLinkTable());
  }

  private void requireTenant(TenantId tenantId) {
    if (!tenants.contains(tenantId)) {
      throw new ResourceNotFoundException("tenant " + tenantId + " is not known");
    }
  }

  private void requireCalendar(TenantId tenantId, String email) {
    if (!calendarsOf(tenantId).contains(email)) {
      throw new ResourceNotFoundException("calendar " + email + " is not registered");
    }
  }
}
