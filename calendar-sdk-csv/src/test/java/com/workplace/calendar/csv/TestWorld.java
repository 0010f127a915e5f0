package com.workplace.calendar.csv;

import com.workplace.calendar.Page;
import com.workplace.calendar.PageRequest;
import com.workplace.calendar.booking.Availability;
import com.workplace.calendar.booking.BookingRecurrence;
import com.workplace.calendar.CalendarService;
import com.workplace.calendar.CalendarServices;
import com.workplace.calendar.registry.CalendarQuery;
import com.workplace.calendar.registry.CalendarRegistry;
import com.workplace.calendar.registry.ConnectOutcome;
import com.workplace.calendar.registry.DiscoveredRoom;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.space.LinkMode;
import com.workplace.calendar.space.Space;
import com.workplace.calendar.space.SpaceDirectory;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.space.SpaceLink;
import com.workplace.calendar.space.SpaceMapper;
import com.workplace.calendar.spi.CalendarEvent;
import com.workplace.calendar.spi.CalendarProvider;
import com.workplace.calendar.spi.DeltaPage;
import com.workplace.calendar.spi.EventDraft;
import com.workplace.calendar.spi.IncomingNotification;
import com.workplace.calendar.spi.ProviderSubscription;
import com.workplace.calendar.spi.SubscriptionRequest;
import com.workplace.calendar.spi.TenantAccess;
import com.workplace.calendar.store.InMemoryCalendarStore;
import com.workplace.calendar.tenant.Tenant;
import com.workplace.calendar.tenant.TenantId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tenant with the real core implementations: in-memory store, registry and space mapper, and a
 * small space directory the test controls.
 */
final class TestWorld {
  static final TenantId TENANT = TenantId.parse("contoso.onmicrosoft.com");

  final Clock clock = Clock.fixed(Instant.parse("2025-03-01T09:00:00Z"), ZoneOffset.UTC);
  final InMemoryCalendarStore store = InMemoryCalendarStore.create(clock);
  final Directory directory = new Directory();
  final CalendarService service =
      CalendarServices.builder()
          .provider(new UnusedProvider())
          .store(store)
          .clock(clock)
          .spaceDirectory(directory)
          .syncListener((tenant, calendar, changes) -> {})
          .build();
  final CalendarRegistry registry = service.calendars();
  final SpaceMapper mapper = service.spaces();

  /** A tenant with the spaces 101 to 110. */
  TestWorld() {
    store.insertTenant(Tenant.pending(TENANT, clock.instant()));
    for (int i = 101; i <= 110; i++) {
      directory.add(String.valueOf(i));
    }
  }

  CalendarCsvImporter importer() {
    return importer(CsvImportOptions.defaults());
  }

  CalendarCsvImporter importer(CsvImportOptions options) {
    return CalendarCsvImporter.builder()
        .registry(registry)
        .spaceMapper(mapper)
        .options(options)
        .build();
  }

  void register(String email) {
    registry.add(TENANT, email);
  }

  void registerAndLink(String email, String space) {
    registry.add(TENANT, email);
    mapper.link(TENANT, email, SpaceId.of(space), LinkMode.FAIL_IF_LINKED);
  }

  Optional<String> spaceOf(String email) {
    return mapper.findByCalendar(TENANT, email).map(l -> l.spaceId().value());
  }

  boolean isRegistered(String email) {
    return registry.get(TENANT, email).isPresent();
  }

  /** Everything the importer may change, with versions and timestamps. */
  record Snapshot(List<RoomCalendar> calendars, List<SpaceLink> links) {}

  Snapshot snapshot() {
    List<RoomCalendar> calendars = new ArrayList<>();
    CalendarQuery query = CalendarQuery.all().page(PageRequest.first(PageRequest.MAX_SIZE));
    while (true) {
      Page<RoomCalendar> page = registry.list(TENANT, query);
      calendars.addAll(page.items());
      if (!page.hasNext()) {
        break;
      }
      query = query.page(query.page().next(page));
    }
    return new Snapshot(calendars, mapper.links(TENANT));
  }

  static InputStream resource(String name) {
    InputStream in = TestWorld.class.getResourceAsStream("/csv/" + name);
    if (in == null) {
      throw new IllegalArgumentException("no test resource csv/" + name);
    }
    return in;
  }

  static byte[] resourceBytes(String name) {
    try (InputStream in = resource(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static InputStream text(String csv) {
    return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
  }

  /** A host's space directory; a hook can run when a space is looked up (simulating a race). */
  static final class Directory implements SpaceDirectory {
    interface LookupHook {
      void lookedUp(SpaceId spaceId, int lookup);
    }

    private final Map<String, Space> spaces = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();
    private volatile LookupHook hook = (space, n) -> {};

    void add(String id) {
      spaces.put(id, Space.of(SpaceId.of(id), "Room " + id));
    }

    void remove(String id) {
      spaces.remove(id);
    }

    void onLookup(LookupHook newHook) {
      this.hook = newHook;
    }

    @Override
    public Optional<Space> find(TenantId tenantId, SpaceId spaceId) {
      int n = lookups.computeIfAbsent(spaceId.value(), k -> new AtomicInteger()).incrementAndGet();
      hook.lookedUp(spaceId, n);
      return Optional.ofNullable(spaces.get(spaceId.value()));
    }

    @Override
    public Page<Space> search(TenantId tenantId, String text, PageRequest page) {
      return Page.last(
          spaces.values().stream().filter(s -> s.id().value().contains(text)).toList());
    }
  }

  /** The importer never talks to the calendar backend. */
  static final class UnusedProvider implements CalendarProvider {
    private static IllegalStateException unused() {
      return new IllegalStateException("not used by the importer");
    }

    @Override
    public URI adminConsentUri(TenantId tenantId, String state) {
      throw unused();
    }

    @Override
    public TenantAccess checkTenantAccess(TenantId tenantId, Optional<String> probeMailbox) {
      throw unused();
    }

    @Override
    public Map<String, ConnectOutcome> probeMailboxes(
        TenantId tenantId, Collection<String> emails) {
      throw unused();
    }

    @Override
    public List<DiscoveredRoom> listRooms(TenantId tenantId) {
      throw unused();
    }

    @Override
    public CalendarEvent createEvent(TenantId tenantId, String mailbox, EventDraft draft) {
      throw unused();
    }

    @Override
    public Optional<CalendarEvent> getEvent(TenantId tenantId, String mailbox, String eventId) {
      throw unused();
    }

    @Override
    public List<CalendarEvent> eventsBetween(
        TenantId tenantId, String mailbox, Instant from, Instant to) {
      throw unused();
    }

    @Override
    public CalendarEvent updateEvent(
        TenantId tenantId,
        String mailbox,
        String eventId,
        Optional<String> subject,
        Optional<Instant> start,
        Optional<Instant> end) {
      throw unused();
    }

    @Override
    public CalendarEvent moveSeries(
        TenantId tenantId,
        String mailbox,
        String seriesMasterId,
        Optional<String> subject,
        Instant start,
        Instant end,
        BookingRecurrence recurrence) {
      throw unused();
    }

    @Override
    public boolean cancelEvent(
        TenantId tenantId, String mailbox, String eventId, Optional<String> comment) {
      throw unused();
    }

    @Override
    public boolean deleteEvent(TenantId tenantId, String mailbox, String eventId) {
      throw unused();
    }

    @Override
    public Optional<List<CalendarEvent>> listSeriesInstances(
        TenantId tenantId, String mailbox, String seriesMasterId, Instant from, Instant to) {
      throw unused();
    }

    @Override
    public DeltaPage deltaPage(
        TenantId tenantId,
        String mailbox,
        Optional<String> link,
        Instant windowStart,
        Instant windowEnd) {
      throw unused();
    }

    @Override
    public List<Availability> schedules(
        TenantId tenantId, List<String> mailboxes, Instant from, Instant to) {
      throw unused();
    }

    @Override
    public ProviderSubscription createSubscription(
        TenantId tenantId, String mailbox, SubscriptionRequest request) {
      throw unused();
    }

    @Override
    public Optional<ProviderSubscription> renewSubscription(
        TenantId tenantId, String subscriptionId, Instant expiresAt) {
      throw unused();
    }

    @Override
    public boolean deleteSubscription(TenantId tenantId, String subscriptionId) {
      throw unused();
    }

    @Override
    public List<IncomingNotification> parseNotifications(byte[] body) {
      throw unused();
    }

    @Override
    public void close() {
      throw unused();
    }
  }
}
