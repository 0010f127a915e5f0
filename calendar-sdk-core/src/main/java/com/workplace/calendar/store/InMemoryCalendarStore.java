package com.workplace.calendar.store;

import com.workplace.calendar.DuplicateRecordException;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A {@link CalendarStore} in the memory of one process: the default for tests, examples and
 * single-instance hosts that can afford to lose state on restart. Thread-safe; every method is
 * atomic (one lock guards all state).
 *
 * @since 0.1.0
 */
public final class InMemoryCalendarStore implements CalendarStore {
  private record CalendarKey(TenantId tenantId, String email) {}

  private final Clock clock;
  private final Object lock = new Object();
  private final Map<TenantId, Tenant> tenants = new TreeMap<>(Comparator.comparing(TenantId::value));
  private final Map<String, ConsentState> consentStates = new HashMap<>();
  private final Map<TenantId, TreeMap<String, RoomCalendar>> calendars = new HashMap<>();
  private final Map<TenantId, SpaceLinkTable> spaceLinks = new HashMap<>();
  private final Map<TenantId, BookingLinkTable> bookingLinks = new HashMap<>();
  private final Map<CalendarKey, SyncState> syncStates = new HashMap<>();
  private final Map<CalendarKey, SubscriptionState> subscriptions = new HashMap<>();
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
      return Optional.ofNullable(tenants.get(tenantId));
    }
  }

  @Override
  public List<Tenant> listTenants() {
    synchronized (lock) {
      return List.copyOf(tenants.values());
    }
  }

  @Override
  public Tenant insertTenant(Tenant tenant) {
    synchronized (lock) {
      if (tenants.containsKey(tenant.id())) {
        throw new DuplicateRecordException("tenant " + tenant.id() + " is already stored");
      }
      Tenant stored = tenant.withVersion(1);
      tenants.put(tenant.id(), stored);
      return stored;
    }
  }

  @Override
  public Tenant updateTenant(Tenant tenant) {
    synchronized (lock) {
      Tenant current = tenants.get(tenant.id());
      StoreChecks.checkVersion("tenant " + tenant.id(), current == null ? null : current.version(), tenant.version());
      Tenant stored = tenant.withVersion(tenant.version() + 1);
      tenants.put(tenant.id(), stored);
      return stored;
    }
  }

  @Override
  public boolean deleteTenant(TenantId tenantId) {
    synchronized (lock) {
      if (tenants.remove(tenantId) == null) {
        return false;
      }
      consentStates.values().removeIf(s -> s.tenantId().equals(tenantId));
      calendars.remove(tenantId);
      spaceLinks.remove(tenantId);
      bookingLinks.remove(tenantId);
      syncStates.keySet().removeIf(k -> k.tenantId().equals(tenantId));
      subscriptions.keySet().removeIf(k -> k.tenantId().equals(tenantId));
      return true;
    }
  }

  // ---- consent states

  @Override
  public void insertConsentState(ConsentState state) {
    synchronized (lock) {
      if (consentStates.containsKey(state.stateHash())) {
        throw new DuplicateRecordException("the consent state is already stored");
      }
      consentStates.put(state.stateHash(), state);
    }
  }

  @Override
  public Optional<ConsentState> findConsentState(String stateHash) {
    synchronized (lock) {
      return Optional.ofNullable(consentStates.get(stateHash));
    }
  }

  @Override
  public boolean markConsentStateUsed(String stateHash, Instant usedAt) {
    synchronized (lock) {
      ConsentState state = consentStates.get(stateHash);
      if (state == null || state.usedAt().isPresent()) {
        return false;
      }
      consentStates.put(
          stateHash,
          new ConsentState(
              state.stateHash(),
              state.tenantId(),
              state.createdAt(),
              state.expiresAt(),
              Optional.of(usedAt)));
      return true;
    }
  }

  @Override
  public int deleteConsentStatesExpiredBefore(Instant cutoff) {
    synchronized (lock) {
      int before = consentStates.size();
      consentStates.values().removeIf(s -> s.expiresAt().isBefore(cutoff));
      return before - consentStates.size();
    }
  }

  // ---- calendars

  @Override
  public Optional<RoomCalendar> findCalendar(TenantId tenantId, String email) {
    synchronized (lock) {
      return Optional.ofNullable(calendarsOf(tenantId).get(email));
    }
  }

  @Override
  public RoomCalendar insertCalendar(RoomCalendar calendar) {
    synchronized (lock) {
      requireTenant(calendar.tenantId());
      TreeMap<String, RoomCalendar> own = calendarsOf(calendar.tenantId());
      if (own.containsKey(calendar.email())) {
        throw new DuplicateRecordException(
            "calendar " + calendar.email() + " is already registered");
      }
      RoomCalendar stored = calendar.withVersion(1);
      own.put(calendar.email(), stored);
      return stored;
    }
  }

  @Override
  public RoomCalendar updateCalendar(RoomCalendar calendar) {
    synchronized (lock) {
      TreeMap<String, RoomCalendar> own = calendarsOf(calendar.tenantId());
      RoomCalendar current = own.get(calendar.email());
      StoreChecks.checkVersion(
          "calendar " + calendar.email(),
          current == null ? null : current.version(),
          calendar.version());
      RoomCalendar stored = calendar.withVersion(calendar.version() + 1);
      own.put(calendar.email(), stored);
      return stored;
    }
  }

  @Override
  public boolean deleteCalendar(TenantId tenantId, String email) {
    synchronized (lock) {
      if (calendarsOf(tenantId).remove(email) == null) {
        return false;
      }
      spaceLinksOf(tenantId).removeByCalendar(email);
      bookingLinksOf(tenantId).removeCalendar(email);
      CalendarKey key = new CalendarKey(tenantId, email);
      syncStates.remove(key);
      subscriptions.remove(key);
      return true;
    }
  }

  @Override
  public Page<RoomCalendar> listCalendars(TenantId tenantId, CalendarQuery query) {
    synchronized (lock) {
      TreeMap<String, RoomCalendar> own = calendarsOf(tenantId);
      Map<String, RoomCalendar> tail =
          query.page().cursor().map(c -> own.tailMap(c, false)).orElse(own);
      List<RoomCalendar> items = new ArrayList<>();
      for (RoomCalendar calendar : tail.values()) {
        if (!query.includes(calendar)) {
          continue;
        }
        if (items.size() == query.page().size()) {
          return new Page<>(items, Optional.of(items.get(items.size() - 1).email()));
        }
        items.add(calendar);
      }
      return Page.last(items);
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
      if (!calendarsOf(link.tenantId()).containsKey(link.calendarEmail())) {
        throw new ResourceNotFoundException(
            "calendar " + link.calendarEmail() + " is not registered");
      }
      SpaceLinkTable own = spaceLinksOf(link.tenantId());
      SpaceLink existing = own.bySpace(link.spaceId().value()).orElse(null);
      if (existing != null
          && !existing.calendarEmail().equals(link.calendarEmail())
          && !replaceSpaceLink) {
        throw new DuplicateRecordException(
            "space " + link.spaceId() + " is already linked to " + existing.calendarEmail());
      }
      SpaceLink stored = link.withVersion(1);
      own.put(stored);
      return stored;
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
      if (!calendarsOf(link.tenantId()).containsKey(link.calendarEmail())) {
        throw new ResourceNotFoundException(
            "calendar " + link.calendarEmail() + " is not registered");
      }
      BookingLinkTable own = bookingLinksOf(link.tenantId());
      if (own.byKey(link.bookingKey()).isPresent()) {
        throw new DuplicateRecordException("booking key is already linked to an event");
      }
      BookingLink stored = link.withVersion(1);
      own.put(stored);
      return stored;
    }
  }

  @Override
  public BookingLink updateBookingLink(BookingLink link) {
    synchronized (lock) {
      BookingLinkTable own = bookingLinksOf(link.tenantId());
      BookingLink current = own.byKey(link.bookingKey()).orElse(null);
      StoreChecks.checkVersion("booking link", current == null ? null : current.version(), link.version());
      BookingLink stored = link.withVersion(link.version() + 1);
      own.put(stored);
      return stored;
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
      return Optional.ofNullable(syncStates.get(new CalendarKey(tenantId, email)));
    }
  }

  @Override
  public SyncState saveSyncState(SyncState state) {
    synchronized (lock) {
      CalendarKey key = new CalendarKey(state.tenantId(), state.calendarEmail());
      requireCalendar(key);
      SyncState current = syncStates.get(key);
      StoreChecks.checkSave("sync state of " + state.calendarEmail(), current == null ? null : current.version(), state.version());
      SyncState stored = state.withVersion(state.version() + 1);
      syncStates.put(key, stored);
      return stored;
    }
  }

  @Override
  public Optional<SubscriptionState> findSubscription(TenantId tenantId, String email) {
    synchronized (lock) {
      return Optional.ofNullable(subscriptions.get(new CalendarKey(tenantId, email)));
    }
  }

  @Override
  public Optional<SubscriptionState> findSubscriptionById(String subscriptionId) {
    synchronized (lock) {
      return first(subscriptions.values(), s -> s.subscriptionId().equals(subscriptionId));
    }
  }

  @Override
  public SubscriptionState saveSubscription(SubscriptionState subscription) {
    synchronized (lock) {
      CalendarKey key = new CalendarKey(subscription.tenantId(), subscription.calendarEmail());
      requireCalendar(key);
      SubscriptionState current = subscriptions.get(key);
      StoreChecks.checkSave(
          "subscription of " + subscription.calendarEmail(),
          current == null ? null : current.version(),
          subscription.version());
      boolean idTakenElsewhere =
          subscriptions.entrySet().stream()
              .anyMatch(
                  e ->
                      !e.getKey().equals(key)
                          && e.getValue().subscriptionId().equals(subscription.subscriptionId()));
      if (idTakenElsewhere) {
        throw new DuplicateRecordException("the subscription id belongs to another calendar");
      }
      SubscriptionState stored = subscription.withVersion(subscription.version() + 1);
      subscriptions.put(key, stored);
      return stored;
    }
  }

  @Override
  public boolean deleteSubscription(TenantId tenantId, String email) {
    synchronized (lock) {
      return subscriptions.remove(new CalendarKey(tenantId, email)) != null;
    }
  }

  @Override
  public List<SubscriptionState> listSubscriptionsExpiringBefore(Instant cutoff, int limit) {
    synchronized (lock) {
      return subscriptions.values().stream()
          .filter(s -> s.expiresAt().isBefore(cutoff))
          .sorted(Comparator.comparing(SubscriptionState::expiresAt))
          .limit(limit)
          .toList();
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

  private TreeMap<String, RoomCalendar> calendarsOf(TenantId tenantId) {
    return calendars.computeIfAbsent(tenantId, t -> new TreeMap<>());
  }

  private SpaceLinkTable spaceLinksOf(TenantId tenantId) {
    return spaceLinks.computeIfAbsent(tenantId, t -> new SpaceLinkTable());
  }

  private BookingLinkTable bookingLinksOf(TenantId tenantId) {
    return bookingLinks.computeIfAbsent(tenantId, t -> new BookingLinkTable());
  }

  private void requireTenant(TenantId tenantId) {
    if (!tenants.containsKey(tenantId)) {
      throw new ResourceNotFoundException("tenant " + tenantId + " is not known");
    }
  }

  private void requireCalendar(CalendarKey key) {
    if (!calendarsOf(key.tenantId()).containsKey(key.email())) {
      throw new ResourceNotFoundException("calendar " + key.email() + " is not registered");
    }
  }







  private static <T> Optional<T> first(Iterable<T> items, Predicate<T> test) {
    for (T item : items) {
      if (test.test(item)) {
        return Optional.of(item);
      }
    }
    return Optional.empty();
  }
}
