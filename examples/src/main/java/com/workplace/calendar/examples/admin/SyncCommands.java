package com.workplace.calendar.examples.admin;

import static com.workplace.calendar.examples.admin.Output.obj;

import com.workplace.calendar.CalendarSdkException;
import com.workplace.calendar.registry.CalendarQuery;
import com.workplace.calendar.registry.CalendarStatus;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.sync.BookingChange;
import com.workplace.calendar.sync.ChangeType;
import com.workplace.calendar.sync.SyncOptions;
import com.workplace.calendar.sync.SyncResult;
import com.workplace.calendar.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code calendar-admin sync ...}: bookings made outside the product, e.g. in Outlook. */
@Command(
    name = "sync",
    description = "Sync bookings made outside the product (in Outlook) from the room calendars.",
    subcommands = {SyncCommands.Run.class, SyncCommands.Watch.class})
final class SyncCommands extends GroupCommand {

  @Command(name = "run", description = "Runs one sync round for every connected calendar (or the given ones) and shows the changes.")
  static final class Run extends AdminCommand {
    @Parameters(arity = "0..*", paramLabel = "EMAIL", description = "Calendars to sync; default all connected ones.")
    List<String> emails = new ArrayList<>();

    @Override
    public Integer call() {
      AdminContext ctx = ctx();
      Output out = out();
      TenantId tenantId = ctx.tenant(Optional.empty());
      ctx.authorizedTenant(tenantId);
      int forgotten = ctx.forgetDeltaLinksOfEarlierFakes(tenantId);
      if (forgotten > 0) {
        out.note("  the embedded fake is new in this command: " + forgotten
            + (forgotten == 1 ? " calendar starts its" : " calendars start their") + " sync over");
      }
      List<String> calendars =
          emails.isEmpty()
              ? ctx.calendars(tenantId, CalendarQuery.withStatus(CalendarStatus.CONNECTED)).stream()
                  .map(RoomCalendar::email).toList()
              : emails;
      List<BookingChange> changes = Collections.synchronizedList(new ArrayList<>());
      List<SyncResult> results = new ArrayList<>();
      Map<String, String> failures = new LinkedHashMap<>();
      ctx.feed().listen((tenant, calendar, found) -> changes.addAll(found));
      try (Progress progress = out.progress("syncing", calendars.size())) {
        for (String calendar : calendars) {
          try {
            results.add(ctx.service().sync().syncNow(tenantId, calendar));
          } catch (CalendarSdkException e) {
            failures.put(calendar, e.getMessage());
          }
          progress.advance(1);
        }
      } finally {
        ctx.feed().listen(null);
      }
      if (!changes.isEmpty()) {
        printChanges(out, changes);
        out.line("");
      }
      int created = results.stream().mapToInt(SyncResult::created).sum();
      int updated = results.stream().mapToInt(SyncResult::updated).sum();
      int deleted = results.stream().mapToInt(SyncResult::deleted).sum();
      out.linef("Synced %d %s: %d created, %d updated, %d deleted.", results.size(),
          results.size() == 1 ? "calendar" : "calendars", created, updated, deleted);
      if (!failures.isEmpty()) {
        Table table = Table.of("calendar", "sync failed");
        failures.forEach(table::row);
        out.table(table);
      }
      out.json(obj(
          "tenant", tenantId.value(),
          "results", results.stream().map(Views::syncResult).toList(),
          "changes", changes.stream().map(Views::change).toList(),
          "failures", failures));
      return failures.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }
  }

  static void printChanges(Output out, List<BookingChange> changes) {
    Table table = Table.of("change", "room", "subject", "when", "organizer", "made in");
    for (BookingChange c : changes) {
      table.row(c.type(), c.calendarEmail(), c.subject(), when(out, c), c.organizerEmail(), madeIn(c));
    }
    out.table(table);
  }

  static String when(Output out, BookingChange c) {
    return c.start().isPresent() && c.end().isPresent() ? out.span(c.start().get(), c.end().get()) : "-";
  }

  static String madeIn(BookingChange c) {
    return c.bookingKey().map(k -> "this product (" + k + ")").orElse(c.type() == ChangeType.DELETED ? "-" : "Outlook");
  }

  @Command(
      name = "watch",
      description = {
        "Keeps syncing on a schedule (and connects newly added calendars) until Ctrl-C or --duration,"
            + " printing changes as they arrive.",
        "With the embedded fake, --simulate-outlook books rooms \"in Outlook\" now and then."
      })
  static final class Watch extends AdminCommand {
    @Option(names = "--interval", defaultValue = "1m", converter = Durations.class, paramLabel = "DURATION", description = "How often each calendar is synced (default ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--duration", converter = Durations.class, paramLabel = "DURATION", description = "Stop after this long (default: until Ctrl-C).")
    Duration duration;

    @Option(names = "--simulate-outlook", description = "With the embedded fake: book a random room in Outlook every interval.")
    boolean simulateOutlook;

    @Override
    public Integer call() throws InterruptedException {
      if (root().inShell()) {
        throw AdminException.usage(
            "sync watch runs its own schedule; run it outside the shell",
            "leave the shell with 'exit' and run: calendar-admin sync watch");
      }
      SyncOptions options =
          SyncOptions.builder().syncInterval(interval).connectInterval(interval).build();
      AdminContext ctx = root().context(new AdminContext.Tuning(options, Optional.empty()));
      Output out = out();
      if (simulateOutlook && !ctx.isFake()) {
        throw AdminException.usage(
            "--simulate-outlook only works with the embedded fake",
            "leave out --simulate-outlook with --target microsoft365, and book in Outlook yourself");
      }
      TenantId tenantId = ctx.tenant(Optional.empty());
      ctx.authorizedTenant(tenantId);
      ctx.forgetDeltaLinksOfEarlierFakes(tenantId);
      List<String> connected =
          ctx.calendars(tenantId, CalendarQuery.withStatus(CalendarStatus.CONNECTED)).stream()
              .map(RoomCalendar::email).toList();
      ctx.feed().listen((tenant, calendar, changes) -> {
        for (BookingChange c : changes) {
          if (out.json()) {
            out.jsonLine(Views.change(c));
          } else {
            out.linef("%s  %-8s %s  %s  %s  %s", LocalTime.now().truncatedTo(ChronoUnit.SECONDS),
                c.type(), c.calendarEmail(), c.subject().orElse("-"), when(out, c), madeIn(c));
          }
        }
      });
      CountDownLatch stop = new CountDownLatch(1);
      CountDownLatch stopped = new CountDownLatch(1);
      Thread hook = new Thread(() -> {
        stop.countDown();
        try {
          stopped.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "calendar-admin-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      ScheduledExecutorService simulator = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "outlook-simulator");
        t.setDaemon(true);
        return t;
      });
      try {
        ctx.service().sync().start();
        out.note("Watching " + connected.size() + " connected calendars of " + tenantId + ", each every "
            + Durations.describe(interval) + (duration == null ? "; Ctrl-C to stop." : " for " + Durations.describe(duration) + "."));
        if (simulateOutlook && !connected.isEmpty()) {
          Random random = new Random();
          simulator.scheduleWithFixedDelay(() -> simulateBooking(ctx, out, connected, random), 0,
              interval.toMillis(), TimeUnit.MILLISECONDS);
        }
        if (duration == null) {
          stop.await();
        } else {
          stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        }
      } finally {
        simulator.shutdownNow();
        ctx.service().sync().close();
        ctx.feed().listen(null);
        stopped.countDown();
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
          // shutting down already
        }
      }
      if (out.json()) {
        out.jsonLine(obj("tenant", tenantId.value(), "watched", connected.size()));
      }
      return ExitCodes.OK;
    }

    private static void simulateBooking(AdminContext ctx, Output out, List<String> rooms, Random random) {
      DemoOrganisation demo = ctx.demo().orElseThrow();
      String room = rooms.get(random.nextInt(rooms.size()));
      List<DemoOrganisation.Person> people = List.of(DemoOrganisation.MEGAN, DemoOrganisation.ALEX, DemoOrganisation.ADELE, DemoOrganisation.LEE);
      DemoOrganisation.Person who = people.get(random.nextInt(people.size()));
      Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(2 + random.nextInt(30)));
      try {
        demo.tenant().addEvent(room, "Booked in Outlook", start, start.plus(Duration.ofMinutes(30)), who.address());
        out.note("  (simulated) " + who.name() + " booked " + room + " in Outlook for " + out.time(start));
      } catch (RuntimeException e) {
        out.note("  (simulated) booking " + room + " failed: " + e.getMessage());
      }
    }
  }
}
