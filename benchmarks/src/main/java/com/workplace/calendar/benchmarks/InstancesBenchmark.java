package com.workplace.calendar.benchmarks;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.booking.ConflictPolicy;
import com.workplace.calendar.graph.GraphCalendarService;
import com.workplace.calendar.graph.GraphLimits;
import com.workplace.calendar.store.JdbcCalendarStore;
import com.workplace.calendar.store.MailboxCoordination;
import com.workplace.calendar.store.Permit;
import com.workplace.calendar.store.PermitClaim;
import com.workplace.calendar.store.PermitDecision;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeStats;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * One room mailbox booked from several service instances that share one database: 1 instance with
 * 24 threads against 3 instances with 8 threads each (each instance with its own connection pool),
 * booking {@code --instance-bookings} non-overlapping slots. It reports the wall time, what the
 * fake saw (requests, 429s, limit violations, peak concurrency) and the store round-trips per Graph
 * request: calls to the mailbox coordination, and all transactions of the store (booking links
 * included). Runs on an in-memory H2 database, and on PostgreSQL when {@code
 * CALENDAR_SDK_TEST_PG_URL} is set.
 */
final class InstancesBenchmark {
  private final Options options;
  private final FakeMicrosoft365 m365;
  private final FakeApp app;
  private final AtomicInteger tenants = new AtomicInteger();

  InstancesBenchmark(Options options, FakeMicrosoft365 m365, FakeApp app) {
    this.options = options;
    this.m365 = m365;
    this.app = app;
  }

  List<Row> run() throws Exception {
    List<Row> rows = new ArrayList<>();
    List<String> databases = new ArrayList<>(List.of("H2"));
    String pg = System.getenv("CALENDAR_SDK_TEST_PG_URL");
    if (pg != null && !pg.isBlank()) {
      databases.add("PostgreSQL");
    } else {
      Progress.say("instances: PostgreSQL skipped (CALENDAR_SDK_TEST_PG_URL is not set)");
    }
    int n = options.instanceBookings;
    for (String database : databases) {
      for (int[] shape : new int[][] {{1, 24}, {3, 8}}) {
        int instances = shape[0];
        int threads = shape[1];
        Progress.say(
            "instances: %s, %d instance(s) x %d threads, %d bookings in one room",
            database, instances, threads, n);
        run(database, instances, threads, n);
        List<Measured> rounds = new ArrayList<>();
        for (int r = 0; r < options.rounds; r++) {
          rounds.add(run(database, instances, threads, n));
        }
        rows.add(rowOf(median(rounds), database, instances, threads, n));
      }
    }
    return rows;
  }

  private Row rowOf(Measured m, String database, int instances, int threads, int n) {
    int waves = ConnectBenchmark.ceilDiv(n, 4);
    String best = Format.millis((double) waves * options.latencyMs);
    String formula =
        String.format(
            Locale.ROOT, "ceil(%d creates / 4 in flight per mailbox) x %d ms", n, options.latencyMs);
    return new Row(
            String.format(Locale.ROOT, "instances: %d bookings in one mailbox, %s", n, database),
            String.format(Locale.ROOT, "%d instance(s) x %d threads", instances, threads))
        .measured(Format.millis(m.ms))
        .best(best, formula)
        .traffic(m.requests, m.throttled, m.violations)
        .errors(
            String.format(
                Locale.ROOT,
                "%d failed; peak %d in flight; %.2f coordination calls and %.2f store"
                    + " transactions per Graph request",
                m.failures, m.peak, m.coordinationPerRequest(), m.transactionsPerRequest()))
        .metric("wallMs", Format.round1(m.ms))
        .metric("peakConcurrencyPerMailbox", m.peak)
        .metric("coordinationCallsPerGraphRequest", Format.round2(m.coordinationPerRequest()))
        .metric("storeTransactionsPerGraphRequest", Format.round2(m.transactionsPerRequest()))
        .metric("failures", m.failures);
  }

  private record Measured(
      double ms,
      long requests,
      long throttled,
      long violations,
      int peak,
      long coordinationCalls,
      long transactions,
      long failures) {
    double coordinationPerRequest() {
      return requests == 0 ? 0 : (double) coordinationCalls / requests;
    }

    double transactionsPerRequest() {
      return requests == 0 ? 0 : (double) transactions / requests;
    }
  }

  private static Measured median(List<Measured> rounds) {
    List<Measured> sorted = new ArrayList<>(rounds);
    sorted.sort((a, b) -> Double.compare(a.ms, b.ms));
    return sorted.get(sorted.size() / 2);
  }

  private Measured run(String database, int instances, int threads, int n) throws Exception {
    String domain = "instances" + tenants.incrementAndGet() + ".onmicrosoft.com";
    TenantId tenantId = TenantId.parse(domain);
    String room = "room@" + domain;
    m365.tenant(domain).grantAdminConsent(app.clientId()).addRoom(room, "Shared room");
    try (Database db = database.equals("H2") ? Database.h2() : Database.postgres()) {
      AtomicLong coordinationCalls = new AtomicLong();
      List<CalendarService> services = new ArrayList<>();
      List<CountingDataSource> pools = new ArrayList<>();
      try {
        for (int i = 0; i < instances; i++) {
          CountingDataSource pool = new CountingDataSource(db.newPool(threads + 2));
          pools.add(pool);
          JdbcCalendarStore store = JdbcCalendarStore.create(pool);
          services.add(
              GraphCalendarService.builder()
                  .clientId(app.clientId())
                  .clientSecret(app.clientSecret())
                  .redirectUri(Clients.REDIRECT)
                  .authorityHost(m365.authorityUri())
                  .graphEndpoint(m365.graphUri())
                  .trust(m365.sslContext(), m365.trustManager())
                  .limits(GraphLimits.defaults())
                  .verificationTimeout(Duration.ZERO)
                  .syncListener(Clients.IGNORE_CHANGES)
                  .spaceDirectory(Clients.NO_SPACES)
                  .store(store)
                  .mailboxCoordination(
                      new CountingCoordination(store.mailboxCoordination().orElseThrow(), coordinationCalls))
                  .build());
        }
        Clients.authorize(services.get(0), m365, tenantId);
        services.get(0).calendars().add(tenantId, room);
        services.get(0).calendars().connect(tenantId);
        // one booking per instance first, so that every instance has its token and connections
        Instant base = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        for (int i = 0; i < services.size(); i++) {
          services.get(i).bookings().create(request(tenantId, room, "warm-" + i, base.minus(Duration.ofHours(i + 1))));
        }
        m365.resetStats();
        coordinationCalls.set(0);
        pools.forEach(p -> p.borrowed.set(0));
        AtomicInteger next = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(instances * threads);
        List<Future<?>> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (CalendarService service : services) {
          for (int t = 0; t < threads; t++) {
            workers.add(
                pool.submit(
                    () -> {
                      for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        try {
                          service.bookings().create(
                              request(tenantId, room, "b-" + i, base.plus(Duration.ofMinutes(30L * i))));
                        } catch (RuntimeException e) {
                          failures.incrementAndGet();
                        }
                      }
                    }));
          }
        }
        for (Future<?> worker : workers) {
          worker.get(10, TimeUnit.MINUTES);
        }
        double ms = (System.nanoTime() - start) / 1e6;
        pool.shutdownNow();
        FakeStats stats = m365.stats();
        long transactions = pools.stream().mapToLong(p -> p.borrowed.get()).sum();
        return new Measured(
            ms,
            stats.requests(room),
            stats.throttledResponses(room),
            stats.limitViolations(room),
            stats.peakConcurrency(room),
            coordinationCalls.get(),
            transactions,
            failures.get());
      } finally {
        services.forEach(CalendarService::close);
      }
    }
  }

  private static BookingRequest request(TenantId tenant, String room, String key, Instant start) {
    return BookingRequest.builder(tenant, key)
        .room(room)
        .subject("Meeting " + key)
        .time(start, start.plus(Duration.ofMinutes(30)))
        .booker("ada@" + tenant.value(), "Ada")
        // non-overlapping slots, written without the conflict check, whose writes of one room take
        // turns: the benchmark measures the mailbox's shared limits at full concurrency
        .conflictPolicy(ConflictPolicy.ALLOW)
        .build();
  }

  /** Counts the calls to a coordination. */
  private record CountingCoordination(MailboxCoordination delegate, AtomicLong calls)
      implements MailboxCoordination {
    @Override
    public List<PermitDecision> tryAcquire(List<PermitClaim> claims) {
      calls.incrementAndGet();
      return delegate.tryAcquire(claims);
    }

    @Override
    public void release(Collection<Permit> permits) {
      calls.incrementAndGet();
      delegate.release(permits);
    }

    @Override
    public List<Permit> renew(Collection<Permit> permits, Duration expiry) {
      calls.incrementAndGet();
      return delegate.renew(permits, expiry);
    }

    @Override
    public void penalize(String mailboxKey, Duration wait) {
      calls.incrementAndGet();
      delegate.penalize(mailboxKey, wait);
    }

    @Override
    public void endProbe(String mailboxKey) {
      calls.incrementAndGet();
      delegate.endProbe(mailboxKey);
    }
  }

  /** Counts the connections borrowed: the store takes one per transaction. */
  private static final class CountingDataSource implements DataSource {
    private final HikariDataSource pool;
    final AtomicLong borrowed = new AtomicLong();

    CountingDataSource(HikariDataSource pool) {
      this.pool = pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
      borrowed.incrementAndGet();
      return pool.getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      borrowed.incrementAndGet();
      return pool.getConnection(user, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
      return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
      pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      return pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
      return pool.isWrapperFor(type);
    }
  }

  /** One database for one run, and the pools of its instances. */
  private abstract static class Database implements AutoCloseable {
    final List<HikariDataSource> pools = new ArrayList<>();

    static Database h2() {
      String url = "jdbc:h2:mem:instances-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
      return new Database() {
        @Override
        HikariDataSource newPool(int size) {
          return add(pool(url, "sa", "", null, size));
        }

        @Override
        void drop() throws SQLException {
          try (Connection c = DriverManager.getConnection(url, "sa", "");
              Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
          }
        }
      };
    }

    static Database postgres() throws SQLException {
      String url = System.getenv("CALENDAR_SDK_TEST_PG_URL");
      String user = envOr("CALENDAR_SDK_TEST_PG_USER", "postgres");
      String password = envOr("CALENDAR_SDK_TEST_PG_PASSWORD", "");
      String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      try (Connection c = DriverManager.getConnection(url, user, password);
          Statement s = c.createStatement()) {
        s.execute("CREATE SCHEMA " + schema);
      }
      return new Database() {
        @Override
        HikariDataSource newPool(int size) {
          return add(pool(url, user, password, schema, size));
        }

        @Override
        void drop() throws SQLException {
          try (Connection c = DriverManager.getConnection(url, user, password);
              Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
          }
        }
      };
    }

    abstract HikariDataSource newPool(int size);

    abstract void drop() throws SQLException;

    HikariDataSource add(HikariDataSource pool) {
      pools.add(pool);
      return pool;
    }

    static HikariDataSource pool(String url, String user, String password, String schema, int size) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(url);
      config.setUsername(user);
      config.setPassword(password);
      if (schema != null) {
        config.setSchema(schema);
      }
      config.setMaximumPoolSize(size);
      return new HikariDataSource(config);
    }

    private static String envOr(String name, String fallback) {
      String value = System.getenv(name);
      return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public void close() throws SQLException {
      pools.forEach(HikariDataSource::close);
      drop();
    }
  }

}
