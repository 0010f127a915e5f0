package com.workplace.calendar.examples.admin;

import static com.workplace.calendar.examples.admin.Output.obj;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.ConflictException;
import com.workplace.calendar.booking.Availability;
import com.workplace.calendar.booking.Booking;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.csv.CsvImportOptions;
import com.workplace.calendar.csv.ImportReport;
import com.workplace.calendar.registry.BulkAddReport;
import com.workplace.calendar.registry.CalendarQuery;
import com.workplace.calendar.registry.CalendarStatus;
import com.workplace.calendar.registry.ConnectReport;
import com.workplace.calendar.registry.DiscoveredRoom;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.space.LinkMode;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.space.SpaceLink;
import com.workplace.calendar.sync.BookingChange;
import com.workplace.calendar.sync.SyncResult;
import com.workplace.calendar.tenant.ConsentCallback;
import com.workplace.calendar.tenant.ConsentRequest;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.tenant.VerificationResult;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeStats;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

/**
 * {@code calendar-admin demo}: the whole administrator's story against the embedded fake, in
 * order, as tables. Self-contained: it seeds the demo organisation, forgets the demo tenant's earlier
 * state in the store, and leaves its results there for the other commands to look at.
 */
@Command(
    name = "demo",
    description = {
      "Tells the whole story against the embedded Microsoft 365 fake, in order: authorize a tenant,"
          + " discover rooms, import a CSV with bad rows, connect (with the real reasons for failures),"
          + " link to spaces, book, end early, see a booking made in Outlook arrive through sync, and"
          + " ride out a throttling burst.",
      "Its results stay in the store: afterwards try 'calendar-admin calendars list'."
    })
final class DemoCommand extends AdminCommand {
  static final String CSV_RESOURCE = "demo-rooms.csv";
  static final String HOT_ROOM = "hh-1.01@" + DemoOrganisation.DOMAIN;
  static final String SYNC_ROOM = "hh-2.01@" + DemoOrganisation.DOMAIN;
  static final int BURST_BOOKINGS = 24;
  static final int BURST_READS = 8;
  static final int BURST_THREADS = 16;
  static final Duration THROTTLE = Duration.ofSeconds(2);

  private final Map<String, Object> json = new LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    if (root().settings().target() != Settings.Target.fake) {
      throw AdminException.usage(
          "the demo runs against the embedded Microsoft 365 fake only",
          "run it without --target microsoft365 (and without CALENDAR_ADMIN_TARGET)");
    }
    AdminContext ctx = ctx();
    if (!ctx.isFake()) {
      throw AdminException.usage(
          "the demo runs against the embedded Microsoft 365 fake only",
          "run it without --target microsoft365 (and without CALENDAR_ADMIN_TARGET)");
    }
    Output out = out();
    Instant started = Instant.now();
    DemoOrganisation demo = ctx.demo().orElseThrow();
    CalendarService service = ctx.service();
    TenantId tenantId = TenantId.parse(DemoOrganisation.DOMAIN);

    out.line("Workplace Calendar SDK demo");
    out.line("Microsoft 365: " + ctx.targetDescription());
    out.linef("  %d buildings, %d room mailboxes in room lists, %d rooms blocked by an application access"
            + " policy, a room whose mailbox was deleted, a room without an Exchange Online mailbox",
        DemoOrganisation.BUILDINGS.size(), demo.rooms().size(), DemoOrganisation.BLOCKED_ROOMS.size());
    out.line("Store: " + ctx.storeDescription());
    out.line("Spaces: " + ctx.spaces().source() + ", " + ctx.spaces().size() + " spaces");
    if (service.tenants().get(tenantId).isPresent()) {
      service.tenants().remove(tenantId, true);
      out.line("(the demo tenant's state from an earlier run was removed from the store)");
    }

    boolean verified = authorize(ctx, out, tenantId);
    List<DiscoveredRoom> rooms = discover(ctx, out, tenantId);
    ImportReport report = importCsv(ctx, out, tenantId);
    ConnectReport connected = connect(ctx, out, tenantId);
    link(ctx, out, tenantId, rooms);
    Booking standup = book(ctx, out, tenantId);
    DemoRoomTruth.show(ctx, out, tenantId, standup, json);
    endEarly(ctx, out, tenantId, standup);
    boolean arrived = sync(ctx, out, tenantId, demo);
    Burst burst = burst(ctx, out, tenantId, demo.m365());

    Duration took = Duration.between(started, Instant.now());
    out.heading("Done in " + Output.seconds(took));
    out.line("The demo's calendars, links and bookings stay in the store. Look at them with:");
    out.line("  calendar-admin calendars list");
    out.line("  calendar-admin spaces search Harbour");
    out.line("  calendar-admin bookings availability --space HH-1.01 --from now --to now+3d");
    out.line("(The embedded Microsoft 365 starts afresh with every command: see the README.)");
    json.put("elapsedMillis", took.toMillis());
    out.json(json);
    boolean ok =
        verified
            && report.failed() > 0
            && connected.failed() > 0
            && arrived
            && burst.failed() == 0
            && burst.stats().limitViolations() == 0;
    return ok ? ExitCodes.OK : ExitCodes.FAILED;
  }

  // 1 ------------------------------------------------------------------------------------------

  private boolean authorize(AdminContext ctx, Output out, TenantId tenantId) throws Exception {
    out.heading("1. Authorize the tenant (admin consent)");
    LoopbackConsentListener listener = ctx.fakeListener().orElseThrow();
    listener.expect();
    ConsentRequest request = ctx.service().tenants().begin(tenantId);
    out.line("The administrator of " + tenantId + " opens the consent URL and accepts:");
    out.line("  " + request.consentUri().getScheme() + "://" + request.consentUri().getAuthority()
        + request.consentUri().getPath() + "?client_id=" + DemoOrganisation.CLIENT_ID + "&state=(hidden)&...");
    SimulatedAdministrator.visit(request.consentUri(), ctx.demo().orElseThrow().m365().sslContext(), listener);
    LoopbackConsentListener.Arrival arrival = listener.await(Duration.ofSeconds(30));
    out.line("The browser comes back to " + listener.redirectUri() + "; the SDK checks the state and proves access.");
    VerificationResult result = ctx.service().tenants().complete(ConsentCallback.fromQuery(arrival.rawQuery()));
    arrival.page().complete(LoopbackConsentListener.page(result.message(), "Demo tenant " + tenantId + "."));
    out.line("");
    TenantCommands.printVerification(out, result);
    json.put("authorization", Views.verification(result));
    return result.verified();
  }

  // 2 ------------------------------------------------------------------------------------------

  private List<DiscoveredRoom> discover(AdminContext ctx, Output out, TenantId tenantId) {
    out.heading("2. Discover the rooms of the tenant's directory");
    List<DiscoveredRoom> rooms = ctx.service().calendars().discoverRooms(tenantId);
    Map<String, List<DiscoveredRoom>> byList = new TreeMap<>();
    for (DiscoveredRoom room : rooms) {
      for (String list : room.roomLists().isEmpty() ? List.of("(none)") : room.roomLists()) {
        byList.computeIfAbsent(list, l -> new ArrayList<>()).add(room);
      }
    }
    Table lists = Table.of("room list", "building", "rooms", "seats");
    byList.forEach((list, members) -> lists.row(list, members.get(0).building(), members.size(),
        members.stream().mapToInt(r -> r.capacity().orElse(0)).sum()));
    out.linef("%d rooms in %d room lists:", rooms.size(), byList.size());
    out.table(lists);
    DemoOrganisation.Building campus = DemoOrganisation.BUILDINGS.get(2);
    List<DiscoveredRoom> campusRooms =
        rooms.stream().filter(r -> r.roomLists().contains(campus.roomList())).toList();
    BulkAddReport added = ctx.service().calendars().addDiscovered(tenantId, campusRooms);
    out.line("");
    out.linef("%s's %d rooms are registered straight from its room list; the other buildings come from"
        + " the facilities team's CSV file.", campus.name(), added.added());
    json.put("discovery", obj("rooms", rooms.size(), "roomLists", byList.size(), "registered", added.added()));
    return rooms;
  }

  // 3 ------------------------------------------------------------------------------------------

  private ImportReport importCsv(AdminContext ctx, Output out, TenantId tenantId) {
    out.heading("3. Import room calendars from a CSV file");
    out.line(CSV_RESOURCE + ": the rooms of Harbour House and Mill Street with their space numbers (roomID),"
        + " as exported from a spreadsheet - with a few mistakes in it.");
    ImportReport report;
    try (InputStream csv = DemoCommand.class.getResourceAsStream(CSV_RESOURCE)) {
      if (csv == null) {
        throw new IllegalStateException("the bundled " + CSV_RESOURCE + " is missing from the jar");
      }
      report = CalendarsCommands.importer(ctx, CsvImportOptions.defaults()).apply(tenantId, csv);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CalendarsCommands.printImportReport(out, report);
    out.line("");
    out.line("Good rows are registered and linked to their space; each bad row says what to fix.");
    json.put("csvImport", Views.importReport(report));
    return report;
  }

  // 4 ------------------------------------------------------------------------------------------

  private ConnectReport connect(AdminContext ctx, Output out, TenantId tenantId) {
    out.heading("4. Connect the calendars");
    List<String> pending =
        ctx.calendars(tenantId, CalendarQuery.withStatus(CalendarStatus.ADDED)).stream()
            .map(RoomCalendar::email).toList();
    out.linef("Probing %d room mailboxes ($batch requests of 20, at most 4 requests per mailbox at once):",
        pending.size());
    ConnectReport report = CalendarsCommands.connect(ctx, out, tenantId, pending);
    CalendarsCommands.printConnectReport(out, report);
    json.put("connect", Views.connect(report));
    return report;
  }

  // 5 ------------------------------------------------------------------------------------------

  private void link(AdminContext ctx, Output out, TenantId tenantId, List<DiscoveredRoom> rooms) {
    out.heading("5. Link the calendars to the booking product's spaces");
    DemoOrganisation.Building campus = DemoOrganisation.BUILDINGS.get(2);
    int linked = 0;
    for (String email : DemoOrganisation.roomsOf(campus)) {
      if (ctx.service().calendars().get(tenantId, email).isPresent()) {
        ctx.service().spaces().link(tenantId, email, SpaceId.of(DemoOrganisation.spaceIdOf(email)), LinkMode.FAIL_IF_LINKED);
        linked++;
      }
    }
    out.linef("The CSV rows linked their rooms already; the %d %s rooms are linked now by their space number"
        + " (e.g. nc-1.01@... to space NC-1.01).", linked, campus.name());
    Map<String, SpaceLink> links =
        ctx.service().spaces().links(tenantId).stream()
            .collect(Collectors.toMap(SpaceLink::calendarEmail, Function.identity()));
    List<RoomCalendar> calendars = ctx.calendars(tenantId, CalendarQuery.all());
    Table table = Table.of("building", "calendars", "connected", "failed", "linked to a space");
    List<Map<String, Object>> buildings = new ArrayList<>();
    for (DemoOrganisation.Building building : DemoOrganisation.BUILDINGS) {
      String prefix = building.code().toLowerCase(java.util.Locale.ROOT) + "-";
      List<RoomCalendar> mine = calendars.stream().filter(c -> c.email().startsWith(prefix)).toList();
      long ok = mine.stream().filter(c -> c.status() == CalendarStatus.CONNECTED).count();
      long failed = mine.stream().filter(c -> c.status() == CalendarStatus.FAILED).count();
      long withSpace = mine.stream().filter(c -> links.containsKey(c.email())).count();
      table.row(building.name(), mine.size(), ok, failed, withSpace);
      buildings.add(obj("building", building.name(), "calendars", mine.size(), "connected", ok, "failed", failed, "linked", withSpace));
    }
    out.line("");
    out.table(table);
    SpaceLink example = links.get(SYNC_ROOM);
    if (example != null) {
      out.line("");
      out.line("Space " + example.spaceId() + " ("
          + ctx.service().spaces().space(tenantId, example.spaceId()).map(s -> s.name() + ", " + s.location().orElse("")).orElse("")
          + ") is booked through " + example.calendarEmail() + ".");
    }
    json.put("links", obj("linkedNow", linked, "total", links.size(), "buildings", buildings));
  }

  // 6 ------------------------------------------------------------------------------------------

  private Booking book(AdminContext ctx, Output out, TenantId tenantId) {
    out.heading("6. Book rooms by space");
    Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    Instant tomorrow = now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
    Booking standup =
        ctx.service().bookings().create(
            BookingRequest.builder(tenantId, "demo-standup")
                .space(SpaceId.of("HH-2.01"))
                .subject("Project stand-up")
                .time(now.minus(Duration.ofMinutes(20)), now.plus(Duration.ofMinutes(40)))
                .booker(DemoOrganisation.ADELE.address(), DemoOrganisation.ADELE.name())
                .build());
    Booking review =
        ctx.service().bookings().create(
            BookingRequest.builder(tenantId, "demo-review")
                .space(SpaceId.of("MS-2.03"))
                .subject("Quarterly review")
                .time(tomorrow.plus(Duration.ofHours(16)), tomorrow.plus(Duration.ofHours(17)))
                .booker(DemoOrganisation.ALEX.address(), DemoOrganisation.ALEX.name())
                .build());
    BookingsCommands.printBookings(out, List.of(standup, review));
    String blocked = "HH-4.05";
    String refusal;
    try {
      ctx.service().bookings().create(
          BookingRequest.builder(tenantId, "demo-blocked")
              .space(SpaceId.of(blocked))
              .subject("Board meeting")
              .time(tomorrow.plus(Duration.ofHours(9)), tomorrow.plus(Duration.ofHours(10)))
              .booker(DemoOrganisation.LEE.address(), DemoOrganisation.LEE.name())
              .build());
      refusal = "(accepted)";
    } catch (ConflictException e) {
      refusal = e.getMessage();
    }
    out.line("");
    out.line("Booking space " + blocked + " is refused: " + refusal);
    json.put("bookings", obj("created", List.of(Views.booking(standup), Views.booking(review)), "refused", refusal));
    return standup;
  }

  // 7 ------------------------------------------------------------------------------------------

  private void endEarly(AdminContext ctx, Output out, TenantId tenantId, Booking standup) {
    out.heading("7. End a booking early");
    Booking ended = ctx.service().bookings().endEarly(tenantId, standup.bookingKey());
    out.linef("The stand-up finished early: %s now ends at %s instead of %s.",
        standup.bookingKey(), out.time(ended.end()), out.time(standup.end()));
    Instant from = standup.start();
    Instant to = standup.end().plus(Duration.ofHours(1));
    List<Availability> availability =
        ctx.service().bookings().availability(tenantId, List.of(standup.calendarEmail()), from, to);
    BookingsCommands.printAvailability(out, availability, from, to);
    json.put("endEarly", obj("key", standup.bookingKey(), "plannedEnd", standup.end(), "end", ended.end()));
  }

  // 8 ------------------------------------------------------------------------------------------

  private boolean sync(AdminContext ctx, Output out, TenantId tenantId, DemoOrganisation demo) {
    out.heading("8. A booking made in Outlook arrives through sync");
    List<BookingChange> changes = Collections.synchronizedList(new ArrayList<>());
    ctx.feed().listen((tenant, calendar, found) -> changes.addAll(found));
    try {
      SyncResult first = ctx.service().sync().syncNow(tenantId, SYNC_ROOM);
      out.linef("First sync round of %s (no delta link yet): %d events already in the calendar.",
          SYNC_ROOM, first.created());
      SyncCommands.printChanges(out, changes);
      List<BookingChange> baseline = List.copyOf(changes);
      changes.clear();

      Instant tomorrow = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
      Instant start = tomorrow.plus(Duration.ofHours(12));
      demo.tenant().addEvent(SYNC_ROOM, "Board meeting prep", start, start.plus(Duration.ofHours(1)),
          DemoOrganisation.MEGAN.address());
      out.line("");
      out.line(DemoOrganisation.MEGAN.name() + " books " + SYNC_ROOM + " in Outlook: 'Board meeting prep', "
          + out.span(start, start.plus(Duration.ofHours(1))) + ".");
      SyncResult second = ctx.service().sync().syncNow(tenantId, SYNC_ROOM);
      out.linef("Next sync round (from the delta link): %d created, %d updated, %d deleted; the listener got:",
          second.created(), second.updated(), second.deleted());
      SyncCommands.printChanges(out, changes);
      boolean arrived =
          changes.stream().anyMatch(c -> !c.isOurs() && c.subject().filter("Board meeting prep"::equals).isPresent());
      json.put("sync", obj(
          "baseline", baseline.stream().map(Views::change).toList(),
          "changes", changes.stream().map(Views::change).toList(),
          "outlookBookingArrived", arrived));
      return arrived;
    } finally {
      ctx.feed().listen(null);
    }
  }

  // 9 ------------------------------------------------------------------------------------------

  record Burst(int succeeded, int failed, Duration elapsed, FakeStats stats) {}

  private Burst burst(AdminContext ctx, Output out, TenantId tenantId, FakeMicrosoft365 m365) throws Exception {
    out.heading("9. Ride out a throttling burst");
    out.linef("Microsoft 365 throttles %s for %d seconds (every request gets 429 with Retry-After) while"
            + " %d bookings and %d availability reads hit it from %d threads at once.",
        HOT_ROOM, THROTTLE.toSeconds(), BURST_BOOKINGS, BURST_READS, BURST_THREADS);
    m365.resetStats();
    m365.faults().throttleMailbox(HOT_ROOM, THROTTLE);
    Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(2)).plus(Duration.ofHours(7));
    List<Callable<Object>> work = new ArrayList<>();
    for (int i = 0; i < BURST_BOOKINGS; i++) {
      Instant start = day.plus(Duration.ofMinutes(30L * i));
      int number = i + 1;
      String key = String.format("demo-burst-%02d", number);
      work.add(() -> ctx.service().bookings().create(
          BookingRequest.builder(tenantId, key)
              .room(HOT_ROOM)
              .subject("Focus time " + number)
              .time(start, start.plus(Duration.ofMinutes(30)))
              .booker(DemoOrganisation.LEE.address(), DemoOrganisation.LEE.name())
              .build()));
      if (i % (BURST_BOOKINGS / BURST_READS) == 0) {
        work.add(() -> ctx.service().bookings().availability(tenantId, List.of(HOT_ROOM), day, day.plus(Duration.ofDays(1))));
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(BURST_THREADS);
    CountDownLatch go = new CountDownLatch(1);
    AtomicInteger failed = new AtomicInteger();
    Set<String> errors = Collections.synchronizedSet(new java.util.TreeSet<>());
    Instant started;
    try (Progress progress = out.progress("burst", work.size())) {
      List<Future<?>> futures = new ArrayList<>();
      for (Callable<Object> task : work) {
        futures.add(pool.submit(() -> {
          go.await();
          try {
            return task.call();
          } catch (Exception e) {
            failed.incrementAndGet();
            errors.add(e.getMessage());
            return null;
          } finally {
            progress.advance(1);
          }
        }));
      }
      started = Instant.now();
      go.countDown();
      for (Future<?> future : futures) {
        future.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    Duration elapsed = Duration.between(started, Instant.now());
    FakeStats stats = m365.stats();
    int succeeded = work.size() - failed.get();
    out.table(Table.of("operations", "succeeded", "failed", "took")
        .row(work.size(), succeeded, failed.get(), Output.seconds(elapsed)));
    out.line("");
    out.line("What Microsoft 365 saw (the fake's counters):");
    out.table(Table.of("requests", "to " + HOT_ROOM.substring(0, HOT_ROOM.indexOf('@')), "429s sent",
            "limit violations", "peak concurrency (limit 4)")
        .row(stats.totalRequests(), stats.requests(HOT_ROOM), stats.throttledResponses(),
            stats.limitViolations(), stats.peakConcurrency(HOT_ROOM)));
    out.line("");
    out.line("On the first 429 the SDK paused every request to the mailbox until Retry-After had passed,"
        + " then kept to 4 requests at a time: " + stats.limitViolations() + " limit violations.");
    errors.forEach(e -> out.line("  failed: " + e));
    json.put("throttling", obj(
        "operations", work.size(), "succeeded", succeeded, "failed", failed.get(),
        "elapsedMillis", elapsed.toMillis(), "stats", Views.stats(stats, HOT_ROOM)));
    return new Burst(succeeded, failed.get(), elapsed, stats);
  }
}
