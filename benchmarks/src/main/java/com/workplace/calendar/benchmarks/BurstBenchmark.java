package com.workplace.calendar.benchmarks;

import com.microsoft.graph.models.Event;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.workplace.calendar.CalendarService;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.graph.GraphLimits;
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
 * A burst of N reads of one room's event from as many threads as Exchange lets one mailbox run at
 * once (4), well inside the mailbox's budget of 10,000 requests per 10 minutes: this SDK with its
 * default limits ({@code bookings().get(..)}) against the official SDK. Each client reads its own
 * room, so that neither spends the other's budget at the fake.
 */
final class BurstBenchmark {
  private final Options options;
  private final FakeMicrosoft365 m365;
  private final FakeApp app;

  BurstBenchmark(Options options, FakeMicrosoft365 m365, FakeApp app) {
    this.options = options;
    this.m365 = m365;
    this.app = app;
  }

  List<Row> run() throws Exception {
    String domain = "burst.onmicrosoft.com";
    TenantId tenantId = TenantId.parse(domain);
    String ourRoom = "ours@" + domain;
    String theirRoom = "theirs@" + domain;
    FakeTenant tenant =
        m365.tenant(domain)
            .grantAdminConsent(app.clientId())
            .addRoom(ourRoom, "Ours")
            .addRoom(theirRoom, "Theirs");
    Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
    String theirEvent =
        tenant.addEvent(theirRoom, "Burst", start, start.plus(Duration.ofMinutes(30)));
    int n = options.burstRequests;
    int threads = options.burstThreads;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (CalendarService service =
        Clients.ours(m365, app, Clients.IGNORE_CHANGES, GraphLimits.defaults())) {
      Clients.authorize(service, m365, tenantId);
      service.calendars().add(tenantId, ourRoom);
      service.calendars().connect(tenantId);
      service
          .bookings()
          .create(
              BookingRequest.builder(tenantId, "burst-1")
                  .room(ourRoom)
                  .subject("Burst")
                  .time(start, start.plus(Duration.ofMinutes(30)))
                  .booker("ada@" + domain, "Ada")
                  .build());
      GraphServiceClient graph =
          Clients.official(m365, m365.issueAppToken(tenantId.value(), app.clientId()));

      Progress.say("burst: this SDK, %,d reads of one room from %d threads", n, threads);
      Measured ours =
          burst(
              pool, n,
              () -> {
                if (service.bookings().get(tenantId, "burst-1").isEmpty()) {
                  throw new IllegalStateException("booking not found");
                }
              });
      Progress.say("burst: Graph SDK, %,d reads of one room from %d threads", n, threads);
      Measured official =
          burst(
              pool, n,
              () -> {
                Event e = graph.users().byUserId(theirRoom).events().byEventId(theirEvent).get();
                if (e == null || e.getId() == null) {
                  throw new IllegalStateException("event not found");
                }
              });

      int waves = ConnectBenchmark.ceilDiv(n, Math.min(threads, 4));
      String best = Format.millis((double) waves * options.latencyMs);
      String formula =
          String.format(
              Locale.ROOT,
              "ceil(%d reads / %d in flight per mailbox) x %d ms; %d is within the budget of"
                  + " 10,000 per 10 minutes",
              n, Math.min(threads, 4), options.latencyMs, n);
      String benchmark =
          String.format(
              Locale.ROOT, "burst: %,d reads of one mailbox, %d threads", n, threads);
      return List.of(
          ours.row(benchmark, "this SDK, bookings().get(..), default limits").best(best, formula),
          official.row(benchmark, "Graph SDK 6.69.0, events().byEventId(..).get()")
              .best(best, formula));
    } finally {
      pool.shutdownNow();
    }
  }

  private record Measured(double ms, Traffic traffic, long failures, double[] progressSeconds) {
    Row row(String benchmark, String variant) {
      return new Row(benchmark, variant)
          .measured(Format.millis(ms))
          .traffic(traffic.requests(), traffic.throttled(), traffic.violations())
          .errors(
              String.format(
                  Locale.ROOT,
                  "%d failed; 25/50/75/100%% done after %.1f/%.1f/%.1f/%.1f s",
                  failures, progressSeconds[0], progressSeconds[1], progressSeconds[2],
                  progressSeconds[3]))
          .metric("wallMs", Format.round1(ms))
          .metric("secondsToQuarters", Format.rounded(progressSeconds))
          .metric("peakConcurrencyPerMailbox", traffic.peakConcurrency())
          .metric("failures", failures);
    }
  }

  private Measured burst(ExecutorService pool, int n, Runnable read) throws Exception {
    long[] doneAt = new long[n];
    java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicLong failures = new java.util.concurrent.atomic.AtomicLong();
    List<Callable<Void>> tasks = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      tasks.add(
          () -> {
            try {
              read.run();
            } catch (RuntimeException e) {
              failures.incrementAndGet();
            }
            doneAt[done.getAndIncrement()] = System.nanoTime();
            return null;
          });
    }
    m365.resetStats();
    long start = System.nanoTime();
    for (Future<Void> f : pool.invokeAll(tasks)) {
      f.get();
    }
    double ms = (System.nanoTime() - start) / 1e6;
    java.util.Arrays.sort(doneAt);
    double[] quarters = new double[4];
    for (int q = 1; q <= 4; q++) {
      quarters[q - 1] = (doneAt[Math.max(0, n * q / 4 - 1)] - start) / 1e9;
    }
    return new Measured(ms, Traffic.of(m365), failures.get(), quarters);
  }
}
