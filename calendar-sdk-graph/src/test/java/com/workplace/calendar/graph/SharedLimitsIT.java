package com.workplace.calendar.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.booking.Availability;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.booking.ConflictPolicy;
import com.workplace.calendar.graph.SharedDatabase.Kind;
import com.workplace.calendar.store.JdbcCalendarStore;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.tenant.TenantNotAuthorizedException;
import com.workplace.calendar.tenant.TenantStatus;
import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeEvent;
import com.workplace.calendar.testkit.FakeLimits;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeStats;
import com.workplace.calendar.testkit.FakeTenant;
import com.workplace.calendar.testkit.MailboxHold;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Several service instances on one database share each mailbox's limits: permits in flight, the
 * penalty box after a 429, the request budget, and the tenant's status. Each case runs on H2 and on
 * PostgreSQL, every instance with a connection pool of its own, against one fake with 20 ms of
 * latency per request.
 */
@ExtendWith(SecretsInLogsExtension.class)
class SharedLimitsIT {
  private static final Duration LATENCY = Duration.ofMillis(20);
  private static FakeMicrosoft365 m365;

  @BeforeAll
  static void startFake() {
    m365 = FakeMicrosoft365.builder().latency(LATENCY).build().start();
  }

  @AfterAll
  static void stopFake() {
    m365.close();
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void threeInstancesKeepOneMailboxInsideItsLimits(Kind kind) throws Exception {
    try (SharedDatabase db = SharedDatabase.open(kind);
        Cluster cluster = Cluster.start(m365, db, 3, "shared", b -> {})) {
      m365.resetStats();
      Run run = cluster.book(8, 120, Duration.ZERO, null);

      assertThat(run.failures).isEmpty();
      assertEveryBookingOnce(cluster, 120);
      FakeStats stats = m365.stats();
      assertThat(stats.limitViolations(cluster.room)).isZero();
      assertThat(stats.peakConcurrency(cluster.room)).isBetween(1, 4);
      assertThat(stats.retryAfterIgnored(cluster.room)).isZero();
      assertThat(stats.throttledResponses(cluster.room)).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aThrottledMailboxPausesEveryInstance(Kind kind) throws Exception {
    long alone;
    try (SharedDatabase db = SharedDatabase.open(kind);
        Cluster single = Cluster.start(m365, db, 1, "throttled-alone", b -> {})) {
      m365.resetStats();
      Run run = single.book(24, 120, Duration.ofSeconds(3), single.room);
      assertThat(run.failures).isEmpty();
      assertEveryBookingOnce(single, 120);
      alone = m365.stats().throttledResponses(single.room);
      assertThat(single.watch.pausesRecorded(single.room)).isPositive();
      assertThat(single.watch.grantedWhilePaused(single.room)).isZero();
      System.out.printf(
          "%s, one instance x 24 threads, throttled: %d 429s, %d arrived after the first 429,"
              + " %d sent while a wait was known%n",
          kind, alone, m365.stats().retryAfterIgnored(single.room),
          single.watch.sentWhilePaused(single.room));
    }
    try (SharedDatabase db = SharedDatabase.open(kind);
        Cluster cluster = Cluster.start(m365, db, 3, "throttled", b -> {})) {
      m365.resetStats();
      Run run = cluster.book(8, 120, Duration.ofSeconds(3), cluster.room);

      assertThat(run.failures).isEmpty();
      assertEveryBookingOnce(cluster, 120);
      FakeStats stats = m365.stats();
      assertThat(stats.throttledResponses(cluster.room))
          .as("429s of three instances against %d of one", alone)
          // one instance draws 1 to 3 429s from run to run (the requests already on their way
          // when the throttle begins each get one): the comparison starts from at least 2
          .isBetween(1L, 2 * Math.max(alone, 2));
      assertThat(cluster.watch.pausesRecorded(cluster.room)).isPositive();
      assertThat(cluster.watch.grantedWhilePaused(cluster.room))
          .as("permits granted to any instance while a 429's pause recorded in the store lasted")
          .isZero();
      System.out.printf(
          "%s, three instances x 8 threads, throttled: %d 429s, %d arrived after the first 429,"
              + " %d sent while a wait was known%n",
          kind, stats.throttledResponses(cluster.room), stats.retryAfterIgnored(cluster.room),
          cluster.watch.sentWhilePaused(cluster.room));
      assertThat(stats.limitViolations(cluster.room)).isZero();
      assertThat(stats.peakConcurrency(cluster.room)).isLessThanOrEqualTo(4);
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void threeInstancesShareTheRequestBudget(Kind kind) throws Exception {
    int budget = 60;
    Duration window = Duration.ofSeconds(6);
    try (FakeMicrosoft365 strict =
            FakeMicrosoft365.builder()
                .limits(FakeLimits.defaults().toBuilder().requestBudget(budget, window).build())
                .build()
                .start();
        SharedDatabase db = SharedDatabase.open(kind);
        Cluster cluster =
            Cluster.start(
                strict,
                db,
                3,
                "budget",
                b -> b.limits(GraphLimits.builder().requestsPerWindow(budget).window(window).build()))) {
      strict.resetStats();
      Instant from = Instant.now().truncatedTo(ChronoUnit.HOURS);
      ExecutorService pool = Executors.newFixedThreadPool(6);
      List<Future<Availability>> reads = new ArrayList<>();
      for (int i = 0; i < 45; i++) {
        CalendarService service = cluster.services.get(i % 3);
        reads.add(
            pool.submit(
                () ->
                    service.bookings()
                        .availability(cluster.id, List.of(cluster.room), from, from.plusSeconds(3600))
                        .get(0)));
      }
      for (Future<Availability> read : reads) {
        assertThat(read.get(2, TimeUnit.MINUTES).calendarEmail()).isEqualTo(cluster.room);
      }
      pool.shutdownNow();
      FakeStats stats = strict.stats();
      assertThat(stats.requests(cluster.room)).isGreaterThanOrEqualTo(45);
      assertThat(stats.limitViolations(cluster.room))
          .as("no sliding window of %s saw more than %d requests", window, budget)
          .isZero();
      assertThat(stats.throttledResponses(cluster.room)).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aDeadInstancesPermitsComeBackAfterTheirExpiry(Kind kind) throws Exception {
    Duration expiry = Duration.ofSeconds(2);
    try (SharedDatabase db = SharedDatabase.open(kind);
        Cluster cluster =
            Cluster.start(
                m365,
                db,
                2,
                "dead",
                b -> b.limits(GraphLimits.builder().permitExpiry(expiry).build()))) {
      CalendarService dying = cluster.services.get(0);
      CalendarService survivor = cluster.services.get(1);
      ExecutorService pool = Executors.newFixedThreadPool(5);
      Instant base = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
      List<Future<?>> stuck = new ArrayList<>();
      try (MailboxHold hold = m365.faults().holdMailbox(cluster.room)) {
        for (int i = 0; i < 4; i++) {
          // unchecked writes, so that the four are in flight at once (checked writes of one room
          // take turns)
          BookingRequest request = cluster.request("dying-" + i, base.plus(Duration.ofHours(i)), ConflictPolicy.ALLOW);
          stuck.add(pool.submit(() -> dying.bookings().create(request)));
        }
        assertThat(hold.awaitHeld(4, Duration.ofSeconds(20))).isTrue();
        // the instance dies holding four permits: its store connections are gone, it can neither
        // give them back nor renew them
        cluster.pools.get(0).close();
        hold.release();
      }
      for (Future<?> f : stuck) {
        try {
          f.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException expected) {
          // the dead instance cannot record its bookings
        }
      }
      m365.resetStats();
      Future<?> after =
          pool.submit(
              () -> survivor.bookings().create(cluster.request("survivor", base.plus(Duration.ofHours(5)))));
      await().atMost(expiry.plusSeconds(10)).until(after::isDone);
      after.get();
      assertThat(m365.stats().limitViolations(cluster.room)).isZero();
      assertThat(cluster.fake.events(cluster.room))
          .extracting(FakeEvent::subject)
          .contains("Meeting survivor");
      pool.shutdownNow();
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aRevokedTenantStopsEveryInstanceAndReauthorizingResumesThem(Kind kind) throws Exception {
    try (SharedDatabase db = SharedDatabase.open(kind);
        Cluster cluster = Cluster.start(m365, db, 3, "revoked", b -> {})) {
      Instant base = Instant.now().plus(4, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
      for (int i = 0; i < 3; i++) {
        cluster.services.get(i).bookings().create(cluster.request("before-" + i, base.plus(Duration.ofHours(i))));
      }
      cluster.fake.revokeConsent(cluster.app.clientId());
      assertThat(cluster.services.get(0).tenants().verify(cluster.id).status())
          .isEqualTo(TenantStatus.REVOKED);

      AtomicInteger attempt = new AtomicInteger();
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () -> {
                for (int i = 1; i < 3; i++) {
                  CalendarService other = cluster.services.get(i);
                  BookingRequest request =
                      cluster.request("during-" + attempt.incrementAndGet(), base.plus(Duration.ofHours(10)));
                  assertThatThrownBy(() -> other.bookings().create(request))
                      .isInstanceOf(TenantNotAuthorizedException.class)
                      .hasMessageContaining("REVOKED")
                      .hasMessageContaining("consent");
                }
              });
      long requests = m365.stats().requests(cluster.room);
      assertThatThrownBy(
              () -> cluster.services.get(2).bookings().create(cluster.request("refused", base.plus(Duration.ofHours(11)))))
          .isInstanceOf(TenantNotAuthorizedException.class);
      assertThat(m365.stats().requests(cluster.room)).as("refused without calling Graph").isEqualTo(requests);
      assertThat(cluster.services.get(2).bookings().get(cluster.id, "refused"))
          .as("a refused booking leaves nothing behind")
          .isEmpty();

      cluster.fake.grantAdminConsent(cluster.app.clientId(), "Calendars.ReadWrite", "Place.Read.All");
      var request = cluster.services.get(0).tenants().begin(cluster.id);
      assertThat(cluster.services.get(0).tenants().complete(GraphTestSupport.consent(m365, request)).verified())
          .isTrue();
      assertThat(cluster.services.get(1).tenants().get(cluster.id).orElseThrow().status())
          .isEqualTo(TenantStatus.VERIFIED);
      await()
          .atMost(Duration.ofSeconds(5))
          .ignoreExceptionsInstanceOf(TenantNotAuthorizedException.class)
          .untilAsserted(
              () -> {
                for (int i = 1; i < 3; i++) {
                  cluster.services.get(i).bookings()
                      .create(cluster.request("after-" + i, base.plus(Duration.ofHours(20 + i))));
                }
              });
    }
  }

  private static void assertEveryBookingOnce(Cluster cluster, int count) {
    List<FakeEvent> events = cluster.fake.events(cluster.room);
    assertThat(events).hasSize(count);
    Set<String> transactions = new HashSet<>();
    events.forEach(e -> transactions.add(e.transaction().orElseThrow()));
    assertThat(transactions).hasSize(count);
  }

  /** What a booking run did. */
  static final class Run {
    final List<Throwable> failures = new ArrayList<>();
    Duration took;
  }

  /** Several service instances of one app on one database, one tenant with one room authorized. */
  static final class Cluster implements AutoCloseable {
    final FakeApp app;
    final FakeTenant fake;
    final TenantId id;
    final String room;
    final List<CalendarService> services = new ArrayList<>();
    final List<HikariDataSource> pools = new ArrayList<>();
    final ThrottleWatch watch = new ThrottleWatch();
    private final FakeMicrosoft365 m365;

    private Cluster(FakeMicrosoft365 m365, FakeApp app, FakeTenant fake) {
      this.m365 = m365;
      this.app = app;
      this.fake = fake;
      this.id = TenantId.parse(fake.domain());
      this.room = "room@" + fake.domain();
    }

    static Cluster start(
        FakeMicrosoft365 m365,
        SharedDatabase db,
        int instances,
        String name,
        Consumer<GraphCalendarServiceBuilder> settings) {
      FakeApp app = GraphTestSupport.app(m365);
      FakeTenant fake = m365.tenant(GraphTestSupport.uniqueDomain(name));
      Cluster cluster = new Cluster(m365, app, fake);
      fake.addRoom(cluster.room, "Shared room");
      for (int i = 0; i < instances; i++) {
        HikariDataSource pool = db.newPool(8);
        cluster.pools.add(pool);
        JdbcCalendarStore store = JdbcCalendarStore.create(pool);
        GraphCalendarServiceBuilder builder =
            GraphTestSupport.builder(m365, app)
                .store(store)
                .mailboxCoordination(cluster.watch.around(store.mailboxCoordination().orElseThrow()))
                .eventListener(cluster.watch);
        settings.accept(builder);
        cluster.services.add(builder.build());
      }
      CalendarService first = cluster.services.get(0);
      var request = first.tenants().begin(cluster.id);
      assertThat(first.tenants().complete(GraphTestSupport.consent(m365, request)).verified()).isTrue();
      first.calendars().add(cluster.id, cluster.room);
      assertThat(first.calendars().connect(cluster.id).connected()).isEqualTo(1);
      return cluster;
    }

    BookingRequest request(String key, Instant start) {
      return request(key, start, ConflictPolicy.REFUSE);
    }

    BookingRequest request(String key, Instant start, ConflictPolicy policy) {
      return BookingRequest.builder(id, key)
          .room(room)
          .subject("Meeting " + key)
          .time(start, start.plus(Duration.ofMinutes(30)))
          .booker("alex@" + fake.domain(), "Alex Wilber")
          .conflictPolicy(policy)
          .build();
    }

    /**
     * Books {@code count} slots of the room from {@code threads} threads per instance; after a
     * quarter of them, throttles {@code throttled} for {@code throttle} when given.
     */
    Run book(int threads, int count, Duration throttle, String throttled) throws Exception {
      Instant base = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
      AtomicInteger next = new AtomicInteger();
      AtomicInteger done = new AtomicInteger();
      Run run = new Run();
      ExecutorService pool = Executors.newFixedThreadPool(threads * services.size());
      List<Future<?>> workers = new ArrayList<>();
      long start = System.nanoTime();
      for (CalendarService service : services) {
        for (int t = 0; t < threads; t++) {
          workers.add(
              pool.submit(
                  () -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                      try {
                        // the slots do not overlap: without the conflict check (whose writes of one room take
                        // turns), every booking is a bare create, so the permits see full concurrency
                        service.bookings().create(
                            request("b-" + i, base.plus(Duration.ofMinutes(30L * i)), ConflictPolicy.ALLOW));
                      } catch (RuntimeException e) {
                        synchronized (run.failures) {
                          run.failures.add(e);
                        }
                      }
                      if (done.incrementAndGet() == count / 4 && throttled != null) {
                        m365.faults().throttleMailbox(throttled, throttle);
                      }
                    }
                  }));
        }
      }
      for (Future<?> worker : workers) {
        worker.get(3, TimeUnit.MINUTES);
      }
      run.took = Duration.ofNanos(System.nanoTime() - start);
      pool.shutdownNow();
      return run;
    }

    @Override
    public void close() {
      services.forEach(CalendarService::close);
    }
  }
}
