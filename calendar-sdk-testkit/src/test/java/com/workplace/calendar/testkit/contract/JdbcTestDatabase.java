package com.workplace.calendar.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * A database for the JDBC store's tests: a private in-memory H2 database, or a private schema on the
 * PostgreSQL server named by the environment:
 *
 * <ul>
 *   <li>{@code CALENDAR_SDK_TEST_PG_URL}: JDBC URL of a database the tests may create schemas in,
 *       e.g. {@code jdbc:postgresql://127.0.0.1:5432/calendar_sdk_test}
 *   <li>{@code CALENDAR_SDK_TEST_PG_USER}: user name (default {@code postgres})
 *   <li>{@code CALENDAR_SDK_TEST_PG_PASSWORD}: password (default empty)
 * </ul>
 *
 * <p>Without the URL the PostgreSQL tests are skipped with a warning, unless {@code CI=true}: then
 * they fail. {@code .ci/postgres.sh start} starts a throwaway server and prints the variables.
 *
 * <p>Connections come from HikariCP pools; {@link #assertNoActiveConnections()} proves that the
 * store closed every connection it opened.
 */
final class JdbcTestDatabase implements AutoCloseable {
  static final String PG_URL = "CALENDAR_SDK_TEST_PG_URL";
  static final String PG_USER = "CALENDAR_SDK_TEST_PG_USER";
  static final String PG_PASSWORD = "CALENDAR_SDK_TEST_PG_PASSWORD";

  enum Kind {
    H2,
    POSTGRESQL
  }

  private final Kind kind;
  private final String url;
  private final String user;
  private final String password;
  private final String schema;
  private final HikariDataSource pool;
  private final List<HikariDataSource> extraPools = new ArrayList<>();
  private final AtomicInteger prefixes = new AtomicInteger();

  private JdbcTestDatabase(Kind kind, String url, String user, String password, String schema) {
    this.kind = kind;
    this.url = url;
    this.user = user;
    this.password = password;
    this.schema = schema;
    this.pool = newPool(10);
  }

  /** A fresh in-memory H2 database, dropped by {@link #close()}. */
  static JdbcTestDatabase h2() {
    return h2("");
  }

  /** A fresh in-memory H2 database with more settings, e.g. {@code ;MODE=PostgreSQL}. */
  static JdbcTestDatabase h2(String settings) {
    String name = "calendar-" + UUID.randomUUID();
    return new JdbcTestDatabase(
        Kind.H2, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + settings, "sa", "", null);
  }

  /**
   * A fresh schema on the configured PostgreSQL server, dropped by {@link #close()}; skips (or, on
   * CI, fails) the calling test class when no server is configured.
   */
  static JdbcTestDatabase postgres() {
    String url = System.getenv(PG_URL);
    if (url == null || url.isBlank()) {
      String message =
          "PostgreSQL tests SKIPPED: "
              + PG_URL
              + " is not set. Run `eval \"$(bash .ci/postgres.sh start)\"` to start a throwaway"
              + " server (or point "
              + PG_URL
              + ", "
              + PG_USER
              + " and "
              + PG_PASSWORD
              + " at one), then run the build again.";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true but " + PG_URL + " is not set: the PostgreSQL tests must run on CI");
      }
      System.err.println();
      System.err.println("*".repeat(100));
      System.err.println("* WARNING: " + message);
      System.err.println("*".repeat(100));
      System.err.println();
      Assumptions.abort(message);
    }
    String user = envOr(PG_USER, "postgres");
    String password = envOr(PG_PASSWORD, "");
    String schema = "calendar_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new AssertionError(
          "cannot reach the PostgreSQL server at " + url + " (from " + PG_URL + ")", e);
    }
    return new JdbcTestDatabase(Kind.POSTGRESQL, url, user, password, schema);
  }

  Kind kind() {
    return kind;
  }

  /** The shared pool. */
  HikariDataSource pool() {
    return pool;
  }

  /** Another pool on the same database, as a second instance of the host would have. */
  HikariDataSource anotherPool(int size) {
    return anotherPool(size, 30_000);
  }

  /** Another pool on the same database that gives up waiting for a connection after a while. */
  HikariDataSource anotherPool(int size, long connectionTimeoutMillis) {
    HikariDataSource extra = newPool(size, connectionTimeoutMillis);
    synchronized (extraPools) {
      extraPools.add(extra);
    }
    return extra;
  }

  /** A table prefix no other test of this database uses. */
  String freshPrefix() {
    return "t" + prefixes.incrementAndGet() + "_";
  }

  /** Opens a plain connection in this test database's schema. */
  Connection connect() throws SQLException {
    Connection c = DriverManager.getConnection(url, user, password);
    if (schema != null) {
      c.setSchema(schema);
    }
    return c;
  }

  /** Counts the rows of a table, e.g. {@code t1_schema_version}. */
  long count(String table) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement();
        var rows = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** Runs one statement. */
  void execute(String sql) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  void assertNoActiveConnections() {
    assertEquals(
        0,
        pool.getHikariPoolMXBean().getActiveConnections(),
        "the store must close every connection it takes from the pool");
    synchronized (extraPools) {
      for (HikariDataSource extra : extraPools) {
        assertEquals(0, extra.getHikariPoolMXBean().getActiveConnections(), "leak in a second pool");
      }
    }
  }

  @Override
  public void close() throws SQLException {
    synchronized (extraPools) {
      extraPools.forEach(HikariDataSource::close);
      extraPools.clear();
    }
    pool.close();
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      s.execute(schema == null ? "SHUTDOWN" : "DROP SCHEMA " + schema + " CASCADE");
    }
  }

  private HikariDataSource newPool(int size) {
    return newPool(size, 30_000);
  }

  private HikariDataSource newPool(int size, long connectionTimeoutMillis) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    if (schema != null) {
      config.setSchema(schema);
    }
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(connectionTimeoutMillis);
    config.setPoolName(kind.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID());
    return new HikariDataSource(config);
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null ? fallback : value;
  }
}
