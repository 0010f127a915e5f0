package com.workplace.calendar.examples.admin;

import static com.workplace.calendar.examples.admin.Output.obj;

import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeStats;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo's chapter 9: while the fake throttles one room's mailbox, bookings and availability
 * reads hit it from many threads at once; prints how they fared and what Microsoft 365 saw.
 */
final class DemoThrottlingBurst {
  static final String HOT_ROOM = "hh-1.01@" + DemoOrganisation.DOMAIN;
  static final int BURST_BOOKINGS = 24;
  static final int BURST_READS = 8;
  static final int BURST_THREADS = 16;
  static final Duration THROTTLE = Duration.ofSeconds(2);

  private DemoThrottlingBurst() {}

  /**
   * How the burst went.
   *
   * @param succeeded operations that succeeded
   * @param failed operations that failed
   * @param elapsed from the start signal to the last operation's end
   * @param stats the fake's counters, zeroed just before the burst
   */
  record Outcome(int succeeded, int failed, Duration elapsed, FakeStats stats) {}

  static Outcome run(AdminContext ctx, Output out, TenantId tenantId, FakeMicrosoft365 m365, Map<String, Object> json)
      throws Exception {
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
    return new Outcome(succeeded, failed.get(), elapsed, stats);
  }
}
