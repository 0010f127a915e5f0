package com.workplace.calendar.graph;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One database that several service instances share, each through a connection pool of its own:
 * an in-memory H2 database, or a private schema on the test PostgreSQL server.
 */
abstract class SharedDatabase implements AutoCloseable {
  /** The kinds a test is run on. */
  enum Kind {
    H2,
    POSTGRESQL
  }

  static SharedDatabase open(Kind kind) {
    return kind == Kind.H2 ? new H2() : new Postgres();
  }

  /** A connection pool of its own, as one instance of a host has. */
  abstract HikariDataSource newPool(int size);

  @Override
  public abstract void close() throws SQLException;

  private static final class H2 extends SharedDatabase {
    private final String url = "jdbc:h2:mem:shared-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final List<HikariDataSource> pools = new ArrayList<>();

    @Override
    HikariDataSource newPool(int size) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(url);
      config.setUsername("sa");
      config.setPassword("");
      config.setMaximumPoolSize(size);
      HikariDataSource pool = new HikariDataSource(config);
      pools.add(pool);
      return pool;
    }

    @Override
    public void close() throws SQLException {
      try (var c = java.sql.DriverManager.getConnection(url, "sa", "");
          var s = c.createStatement()) {
        s.execute("SHUTDOWN");
      }
      pools.forEach(HikariDataSource::close);
    }
  }

  private static final class Postgres extends SharedDatabase {
    private final PostgresSchema schema = PostgresSchema.create();

    @Override
    HikariDataSource newPool(int size) {
      return schema.newPool(size);
    }

    @Override
    public void close() throws SQLException {
      schema.close();
    }
  }
}
