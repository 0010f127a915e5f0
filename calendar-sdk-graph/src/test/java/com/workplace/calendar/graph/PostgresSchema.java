package com.workplace.calendar.graph;

import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A private schema on the PostgreSQL server named by {@code CALENDAR_SDK_TEST_PG_URL} (plus {@code
 * _USER} and {@code _PASSWORD}); {@code .ci/postgres.sh start} starts one. Without it the calling
 * test is skipped with a loud warning, except under {@code CI=true}, where it fails.
 */
final class PostgresSchema implements AutoCloseable {
  private final String url;
  private final String user;
  private final String password;
  private final String schema;
  private final List<HikariDataSource> pools = new ArrayList<>();

  private PostgresSchema(String url, String user, String password, String schema) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.schema = schema;
  }

  static PostgresSchema create() {
    String url = System.getenv("CALENDAR_SDK_TEST_PG_URL");
    if (url == null || url.isBlank()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true but CALENDAR_SDK_TEST_PG_URL is not set: the PostgreSQL tests must run on CI");
      }
      String message =
          "PostgreSQL test SKIPPED: CALENDAR_SDK_TEST_PG_URL is not set; start a server with"
              + " `bash .ci/postgres.sh start` and export the variables it prints";
      System.err.println("*".repeat(100) + "\n* WARNING: " + message + "\n" + "*".repeat(100));
      Assumptions.abort(message);
    }
    String user = env("CALENDAR_SDK_TEST_PG_USER", "postgres");
    String password = env("CALENDAR_SDK_TEST_PG_PASSWORD", "");
    String schema = "graph_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new AssertionError("cannot reach the PostgreSQL server at " + url, e);
    }
    return new PostgresSchema(url, user, password, schema);
  }

  /** A connection pool of its own, as one instance of a host has. */
  HikariDataSource newPool(int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setSchema(schema);
    config.setMaximumPoolSize(size);
    HikariDataSource pool = new HikariDataSource(config);
    pools.add(pool);
    return pool;
  }

  @Override
  public void close() throws SQLException {
    pools.forEach(HikariDataSource::close);
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
