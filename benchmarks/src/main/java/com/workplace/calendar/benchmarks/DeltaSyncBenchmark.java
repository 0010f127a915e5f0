package com.workplace.calendar.benchmarks;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.graph.GraphLimits;
import com.workplace.calendar.registry.ConnectReport;
import com.workplace.calendar.sync.SyncResult;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeTenant;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Delta sync of R rooms with E events each through {@code sync().syncNow(...)}: the first, full
 * round of every room, then, after a share of the events changed "in Outlook", the incremental
 * round. Each is run the way a host would: one room after the other, and from a small pool.
 */
final class DeltaSyncBenchmark {
  /** The page size the SDK asks for ({@code Prefer: odata.maxpagesize=100}). */
  static final int SDK_DELTA_PAGE = 100;

  private final Options options;
  private final FakeMicrosoft365 m365;
  private final FakeApp app;
  private final FakeTenant tenant;
  private final TenantId tenantId;
  private final List<String> rooms = new ArrayList<>();
  private final String[][] eventIds;
  private final Instant[][] starts;
  private int changeSet;
  /** Rooms with an event changed before the last incremental round. */
  private int changedRooms;

  DeltaSyncBenchmark(Options options, FakeMicrosoft365 m365, FakeApp app) {
    this.options = options;
    this.m365 = m365;
    this.app = app;
    String domain = "sync.onmicrosoft.com";
    this.tenant = m365.tenant(domain);
    this.tenantId = TenantId.parse(domain);
    int r = options.syncRooms;
    int e = options.eventsPerRoom;
    this.eventIds = new String[r][e];
    this.starts = new Instant[r][e];
    Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
    Progress.say("sync: seeding %,d rooms x %,d events", r, e);
    for (int i = 0; i < r; i++) {
      String room = String.format(Locale.ROOT, "sync%04d@%s", i, domain);
      rooms.add(room);
      tenant.addRoom(room, "Sync room " + i);
      for (int j = 0; j < e; j++) {
        // spread over the next 85 days, inside the SDK's default window (yesterday to +90 days)
        Instant start =
            today
                .plus(Duration.ofDays(1 + (long) j * 85 / e))
                .plus(Duration.ofMinutes(8 * 60 + (j % 16) * 30L));
        starts[i][j] = start;
        eventIds[i][j] =
            tenant.addEvent(room, "Meeting " + j, start, start.plus(Duration.ofMinutes(30)));
      }
    }
  }

  List<Row> run() throws Exception {
    Progress.say("sync: warming up");
    round(rooms.subList(0, Math.min(20, rooms.size())), 1, false);
    round(rooms, Math.max(2, options.syncThreads), false);

    List<Row> rows = new ArrayList<>();
    int[] pools = options.syncThreads > 1 ? new int[] {1, options.syncThreads} : new int[] {1};
    for (int threads : pools) {
      int r = options.rounds;
      double[] fullMs = new double[r];
      double[] incMs = new double[r];
      Traffic[] fullTraffic = new Traffic[r];
      Traffic[] incTraffic = new Traffic[r];
      String[] fullFound = new String[r];
      String[] incFound = new String[r];
      for (int i = 0; i < r; i++) {
        Progress.say("sync: %s, round %d of %d", label(threads), i + 1, r);
        Measured m = round(rooms, threads, true);
        fullMs[i] = m.fullMs;
        incMs[i] = m.incrementalMs;
        fullTraffic[i] = m.fullTraffic;
        incTraffic[i] = m.incrementalTraffic;
        fullFound[i] = m.fullFound;
        incFound[i] = m.incrementalFound;
      }
      int pages = ConnectBenchmark.ceilDiv(Math.max(1, options.eventsPerRoom), SDK_DELTA_PAGE);
      int waves = ConnectBenchmark.ceilDiv(rooms.size(), threads);
      rows.add(
          row("first full round, " + label(threads), fullMs, fullTraffic, fullFound)
              .best(
                  Format.millis((double) waves * pages * options.latencyMs),
                  String.format(
                      Locale.ROOT,
                      "ceil(%d rooms / %d threads) x %d page(s) of <= %d events x %d ms",
                      rooms.size(), threads, pages, SDK_DELTA_PAGE, options.latencyMs)));
      rows.add(
          row(
                  "incremental round (" + options.changedPercent + "% changed), " + label(threads),
                  incMs, incTraffic, incFound)
              .best(
                  Format.millis(
                      (double) ConnectBenchmark.ceilDiv(rooms.size() + changedRooms, threads)
                          * options.latencyMs),
                  String.format(
                      Locale.ROOT,
                      "ceil((%d rooms x 1 delta request + %d rooms with a change x 1 calendarView"
                          + " for double bookings) / %d threads) x %d ms",
                      rooms.size(), changedRooms, threads, options.latencyMs)));
    }
    return rows;
  }

  private static String label(int threads) {
    return threads == 1 ? "sequential" : threads + " threads";
  }

  private Row row(String variant, double[] ms, Traffic[] traffic, String[] found) {
    int at = Format.medianIndex(ms);
    Traffic t = traffic[at];
    return new Row(
            String.format(
                Locale.ROOT, "delta sync %,d rooms x %d events", rooms.size(),
                options.eventsPerRoom),
            variant)
        .measured(Format.millis(Format.median(ms)))
        .traffic(t.requests(), t.throttled(), t.violations())
        .errors(found[at])
        .metric("wallMsMedian", Format.round1(Format.median(ms)))
        .metric("wallMsRounds", Format.rounded(ms))
        .metric("peakConcurrencyPerMailbox", t.peakConcurrency());
  }

  private record Measured(
      double fullMs,
      Traffic fullTraffic,
      String fullFound,
      double incrementalMs,
      Traffic incrementalTraffic,
      String incrementalFound) {}

  /**
   * A fresh service (and store) connects the rooms, runs the full round, lets a share of events
   * change, and runs the incremental round.
   */
  private Measured round(List<String> which, int threads, boolean change) throws Exception {
    ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads) : null;
    try (CalendarService service =
        Clients.ours(m365, app, Clients.IGNORE_CHANGES, GraphLimits.defaults())) {
      Clients.authorize(service, m365, tenantId);
      service.calendars().addAll(tenantId, which);
      ConnectReport connected = service.calendars().connect(tenantId);
      if (connected.connected() != which.size()) {
        throw new IllegalStateException("only " + connected.connected() + " rooms connected");
      }

      m365.resetStats();
      long start = System.nanoTime();
      int[] full = syncAll(service, which, pool);
      double fullMs = (System.nanoTime() - start) / 1e6;
      Traffic fullTraffic = Traffic.of(m365);

      int changed = change ? changeEvents() : 0;

      m365.resetStats();
      start = System.nanoTime();
      int[] inc = syncAll(service, which, pool);
      double incMs = (System.nanoTime() - start) / 1e6;
      Traffic incTraffic = Traffic.of(m365);
      return new Measured(
          fullMs, fullTraffic, found(full, -1), incMs, incTraffic, found(inc, changed));
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  private static String found(int[] counts, int changedInOutlook) {
    String text =
        String.format(
            Locale.ROOT, "%,d created, %,d updated, %,d deleted", counts[0], counts[1], counts[2]);
    return changedInOutlook < 0
        ? text
        : text + String.format(Locale.ROOT, " (%,d changed)", changedInOutlook);
  }

  /** Runs one round per room; returns created, updated and deleted summed. */
  private int[] syncAll(CalendarService service, List<String> which, ExecutorService pool)
      throws Exception {
    int[] counts = new int[3];
    List<SyncResult> results = new ArrayList<>(which.size());
    if (pool == null) {
      for (String room : which) {
        results.add(service.sync().syncNow(tenantId, room));
      }
    } else {
      List<Callable<SyncResult>> tasks = new ArrayList<>();
      for (String room : which) {
        tasks.add(() -> service.sync().syncNow(tenantId, room));
      }
      for (Future<SyncResult> f : pool.invokeAll(tasks)) {
        results.add(f.get());
      }
    }
    for (SyncResult r : results) {
      counts[0] += r.created();
      counts[1] += r.updated();
      counts[2] += r.deleted();
    }
    return counts;
  }

  /**
   * Changes the subject of every event whose running number falls in this round's residue class:
   * {@code changedPercent} of all events, spread over the rooms, a different set each time.
   */
  private int changeEvents() {
    int step = Math.max(1, 100 / options.changedPercent);
    int residue = changeSet++ % step;
    int changed = 0;
    int roomsChanged = 0;
    int e = options.eventsPerRoom;
    for (int i = 0; i < rooms.size(); i++) {
      boolean roomChanged = false;
      for (int j = 0; j < e; j++) {
        if ((i * e + j) % step == residue) {
          roomChanged = true;
          Instant start = starts[i][j];
          tenant.updateEvent(
              rooms.get(i), eventIds[i][j], "Moved meeting " + j + " (" + changeSet + ")", start,
              start.plus(Duration.ofMinutes(30)));
          changed++;
        }
      }
      roomsChanged += roomChanged ? 1 : 0;
    }
    changedRooms = roomsChanged;
    return changed;
  }
}
