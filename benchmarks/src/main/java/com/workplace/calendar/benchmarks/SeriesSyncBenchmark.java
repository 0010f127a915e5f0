package com.workplace.calendar.benchmarks;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.graph.GraphCall;
import com.workplace.calendar.graph.GraphEventListener;
import com.workplace.calendar.graph.GraphLimits;
import com.workplace.calendar.registry.ConnectReport;
import com.workplace.calendar.sync.SyncResult;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeRecurrence;
import com.workplace.calendar.testkit.FakeTenant;
import com.workplace.calendar.testkit.SeriesDeltaBehaviour;
import com.workplace.calendar.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * Delta sync of R rooms that each hold S weekly series of O occurrences in the window (booked "in
 * Outlook"), with the fake's hardest series behaviour ({@link SeriesDeltaBehaviour#defaults()}:
 * occurrences as stubs, a changed series re-sent whole, removals silent). Per round, a fresh
 * service runs the first, full round of every room (stubs filled from each series' master, the
 * masters of a room read together in {@code $batch} requests of up to 4),
 * renames one series in every tenth room, runs the incremental round (each renamed series read
 * through its instances), then moves its clock to the next day and runs the daily full round (the
 * masters it cached are still current). Rooms go one after the other and from a small pool, as in
 * {@link DeltaSyncBenchmark}, whose single-instance figures these compare with.
 */
final class SeriesSyncBenchmark {
  private final Options options;
  private final FakeMicrosoft365 m365;
  private final FakeApp app;
  private final FakeTenant tenant;
  private final TenantId tenantId;
  private final List<String> rooms = new ArrayList<>();
  private final String[][] seriesIds;
  private final Instant[][] starts;
  private int renameSet;

  SeriesSyncBenchmark(Options options, FakeMicrosoft365 m365, FakeApp app) {
    this.options = options;
    this.m365 = m365;
    this.app = app;
    String domain = "series.onmicrosoft.com";
    this.tenant = m365.tenant(domain);
    this.tenantId = TenantId.parse(domain);
    int r = options.seriesRooms;
    int s = options.seriesPerRoom;
    this.seriesIds = new String[r][s];
    this.starts = new Instant[r][s];
    Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
    Progress.say(
        "series: seeding %,d rooms x %d weekly series of %d occurrences", r, s,
        options.occurrencesPerSeries);
    for (int i = 0; i < r; i++) {
      String room = String.format(Locale.ROOT, "series%04d@%s", i, domain);
      rooms.add(room);
      tenant.addRoom(room, "Series room " + i);
      for (int j = 0; j < s; j++) {
        // from tomorrow on, one series a day at its own hour: every occurrence stays inside the
        // SDK's default window (yesterday to +90 days), also on the next day
        Instant start = today.plus(Duration.ofDays(1 + j % 7)).plus(Duration.ofHours(8 + j));
        starts[i][j] = start;
        seriesIds[i][j] =
            tenant
                .event(room)
                .subject("Series " + j)
                .organizer("organizer" + j + "@" + domain)
                .attendees("attendee" + j + "@" + domain)
                .start(start)
                .end(start.plus(Duration.ofMinutes(30)))
                .recurrence(
                    FakeRecurrence.weekly(1, start.atZone(ZoneOffset.UTC).getDayOfWeek())
                        .times(options.occurrencesPerSeries))
                .add();
      }
    }
  }

  List<Row> run() throws Exception {
    SeriesDeltaBehaviour before = m365.seriesDeltaBehaviour();
    m365.seriesDeltaBehaviour(SeriesDeltaBehaviour.defaults());
    try {
      Progress.say("series: warming up");
      round(rooms.subList(0, Math.min(20, rooms.size())), 1);
      round(rooms, Math.max(2, options.syncThreads));

      List<Row> rows = new ArrayList<>();
      int[] pools = options.syncThreads > 1 ? new int[] {1, options.syncThreads} : new int[] {1};
      for (int threads : pools) {
        Measured[] measured = new Measured[options.rounds];
        for (int i = 0; i < options.rounds; i++) {
          Progress.say("series: %s, round %d of %d", label(threads), i + 1, options.rounds);
          measured[i] = round(rooms, threads);
        }
        rows.addAll(rows(threads, measured));
      }
      return rows;
    } finally {
      m365.seriesDeltaBehaviour(before);
    }
  }

  private static String label(int threads) {
    return threads == 1 ? "sequential" : threads + " threads";
  }

  /**
   * What one stretch took and sent: HTTP requests by operation (first attempts) and the requests
   * inside {@code $batch} requests by operation (final answers).
   */
  private record Stretch(
      double ms,
      Traffic traffic,
      Map<String, Long> operations,
      Map<String, Long> batchItems,
      int[] found) {
    long masterReads() {
      return operations.getOrDefault("events.get", 0L) + batchItems.getOrDefault("events.get", 0L);
    }

    long masterRequests() {
      return operations.getOrDefault("events.get", 0L) + operations.getOrDefault("batch", 0L);
    }
  }

  private record Measured(Stretch full, Stretch incremental, Stretch nextDay, int renamed) {}

  private List<Row> rows(int threads, Measured[] measured) {
    int r = rooms.size();
    int s = options.seriesPerRoom;
    int waves = ConnectBenchmark.ceilDiv(r, threads);
    GraphLimits limits = GraphLimits.defaults();
    int perBatch = Math.min(limits.maxConcurrentPerMailbox(), limits.maxBatchSize());
    int masterRequests = ConnectBenchmark.ceilDiv(s, perBatch);
    int renamed = measured[0].renamed();
    long latency = options.latencyMs;
    List<Row> rows = new ArrayList<>();
    rows.add(
        row("first full round, " + label(threads), measured, Measured::full, -1)
            .best(
                Format.millis((double) waves * (1 + masterRequests) * latency),
                String.format(
                    Locale.ROOT,
                    "ceil(%d rooms / %d threads) x (1 delta page + ceil(%d master reads / %d per"
                        + " request)) x %d ms",
                    r, threads, s, perBatch, latency)));
    rows.add(
        row("incremental round (1 series renamed per 10 rooms), " + label(threads), measured,
                Measured::incremental, renamed)
            .best(
                Format.millis(
                    (double) ConnectBenchmark.ceilDiv(r + 2 * renamed, threads) * latency),
                String.format(
                    Locale.ROOT,
                    "ceil((%d delta requests + %d instances reads + %d calendarViews for double"
                        + " bookings, one per room with a renamed series) / %d threads) x %d ms",
                    r, renamed, renamed, threads, latency)));
    rows.add(
        row("next day's full round (masters cached), " + label(threads), measured,
                Measured::nextDay, -1)
            .best(
                Format.millis((double) waves * latency),
                String.format(
                    Locale.ROOT, "ceil(%d rooms / %d threads) x 1 delta page x %d ms",
                    r, threads, latency)));
    return rows;
  }

  /** The master reads, and the requests they took when fewer ({@code $batch}). */
  private static String masters(Stretch stretch) {
    long reads = stretch.masterReads();
    long requests = stretch.masterRequests();
    return reads == requests
        ? String.format(Locale.ROOT, "%,d master", reads)
        : String.format(Locale.ROOT, "%,d master (in %,d)", reads, requests);
  }

  private Row row(
      String variant,
      Measured[] measured,
      java.util.function.Function<Measured, Stretch> which,
      int renamed) {
    double[] ms = new double[measured.length];
    for (int i = 0; i < measured.length; i++) {
      ms[i] = which.apply(measured[i]).ms();
    }
    int at = Format.medianIndex(ms);
    Stretch median = which.apply(measured[at]);
    Traffic t = median.traffic();
    String found =
        String.format(
            Locale.ROOT,
            "%,d created, %,d updated, %,d deleted; %,d delta, %s, %,d instances requests",
            median.found()[0], median.found()[1], median.found()[2],
            median.operations().getOrDefault("calendarView.delta", 0L),
            masters(median),
            median.operations().getOrDefault("events.instances", 0L));
    if (renamed >= 0) {
      found += String.format(Locale.ROOT, " (%d series renamed)", renamed);
    }
    return new Row(
            String.format(
                Locale.ROOT,
                "series sync %,d rooms x %d series x %d occurrences", rooms.size(),
                options.seriesPerRoom, options.occurrencesPerSeries),
            variant)
        .measured(Format.millis(Format.median(ms)))
        .traffic(t.requests(), t.throttled(), t.violations())
        .errors(found)
        .metric("wallMsMedian", Format.round1(Format.median(ms)))
        .metric("wallMsRounds", Format.rounded(ms))
        .metric("graphRequestsByOperation", median.operations())
        .metric("batchItemsByOperation", median.batchItems())
        .metric("peakConcurrencyPerMailbox", t.peakConcurrency());
  }

  /**
   * A fresh service (and store) connects the rooms, runs the full round, lets one series in every
   * tenth room be renamed, runs the incremental round, then the next day's full round.
   */
  private Measured round(List<String> which, int threads) throws Exception {
    ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads) : null;
    Map<String, LongAdder> operations = new ConcurrentHashMap<>();
    Map<String, LongAdder> batchItems = new ConcurrentHashMap<>();
    GraphEventListener counter =
        new GraphEventListener() {
          @Override
          public void requestStarted(GraphCall call) {
            if (call.attempt() == 1) {
              operations.computeIfAbsent(call.operation(), k -> new LongAdder()).increment();
            }
          }

          @Override
          public void batchItemAnswered(GraphCall call) {
            batchItems.computeIfAbsent(call.operation(), k -> new LongAdder()).increment();
          }
        };
    TestClock clock = TestClock.startingNow();
    try (CalendarService service =
        Clients.ours(
            m365, app, Clients.IGNORE_CHANGES, GraphLimits.defaults(), counter, clock)) {
      Clients.authorize(service, m365, tenantId);
      service.calendars().addAll(tenantId, which);
      ConnectReport connected = service.calendars().connect(tenantId);
      if (connected.connected() != which.size()) {
        throw new IllegalStateException("only " + connected.connected() + " rooms connected");
      }
      Stretch full = stretch(service, which, pool, operations, batchItems);
      int renamed = renameSeries(which);
      Stretch incremental = stretch(service, which, pool, operations, batchItems);
      clock.advance(Duration.ofDays(1));
      Stretch nextDay = stretch(service, which, pool, operations, batchItems);
      return new Measured(full, incremental, nextDay, renamed);
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  private Stretch stretch(
      CalendarService service,
      List<String> which,
      ExecutorService pool,
      Map<String, LongAdder> operations,
      Map<String, LongAdder> batchItems)
      throws Exception {
    m365.resetStats();
    operations.clear();
    batchItems.clear();
    long start = System.nanoTime();
    int[] found = syncAll(service, which, pool);
    double ms = (System.nanoTime() - start) / 1e6;
    return new Stretch(ms, Traffic.of(m365), sums(operations), sums(batchItems), found);
  }

  private static Map<String, Long> sums(Map<String, LongAdder> counters) {
    Map<String, Long> sums = new java.util.TreeMap<>();
    counters.forEach((k, v) -> sums.put(k, v.sum()));
    return sums;
  }

  /** Runs one round per room; returns created, updated and deleted summed. */
  private int[] syncAll(CalendarService service, List<String> which, ExecutorService pool)
      throws Exception {
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
    int[] counts = new int[3];
    for (SyncResult r : results) {
      counts[0] += r.created();
      counts[1] += r.updated();
      counts[2] += r.deleted();
    }
    return counts;
  }

  /** Renames one series in every tenth room of {@code which}, another series each time. */
  private int renameSeries(List<String> which) {
    int j = renameSet++ % options.seriesPerRoom;
    int renamed = 0;
    for (int i = 0; i < rooms.size(); i++) {
      if (i % 10 == 0 && which.contains(rooms.get(i))) {
        tenant.updateEvent(
            rooms.get(i), seriesIds[i][j], "Series " + j + " (renamed " + renameSet + ")",
            starts[i][j], starts[i][j].plus(Duration.ofMinutes(30)));
        renamed++;
      }
    }
    return renamed;
  }
}
