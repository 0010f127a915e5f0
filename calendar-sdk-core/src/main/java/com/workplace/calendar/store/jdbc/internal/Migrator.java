package com.workplace.calendar.store.jdbc.internal;

import com.workplace.calendar.CalendarClientException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema to the newest version at start, under a lock so that instances starting together
 * do not both migrate. The table {@code <prefix>schema_version} records each applied migration with
 * its checksum.
 *
 * <ul>
 *   <li>PostgreSQL: one transaction takes {@code pg_advisory_xact_lock} on a key derived from the
 *       prefix, creates the version table if needed and applies the pending migrations; DDL is
 *       transactional there, so a migration is applied completely or not at all, and the lock ends
 *       with the transaction, even if the instance dies.
 *   <li>H2: DDL commits the open transaction, so one connection holds {@code SELECT ... FOR UPDATE}
 *       on the row of {@code <prefix>schema_lock} while a second connection migrates. The row lock
 *       ends with its session, even if the instance dies. Starting therefore needs two connections.
 * </ul>
 */
public final class Migrator {
  private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);

  /** How long to wait for another instance's migration. */
  static final Duration LOCK_WAIT = Duration.ofMinutes(5);

  private final DataSource dataSource;
  private final Dialect dialect;
  private final Tables tables;
  private final Clock clock;
  private final List<Migration> migrations;

  /**
   * Creates the migrator.
   *
   * @param dataSource where connections come from
   * @param dialect the database's dialect
   * @param tables the table names
   * @param clock the clock for the installation times
   */
  public Migrator(DataSource dataSource, Dialect dialect, Tables tables, Clock clock) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.tables = tables;
    this.clock = clock;
    this.migrations = Migration.all();
  }

  /**
   * Applies the pending migrations.
   *
   * @return the schema version afterwards
   * @throws IllegalStateException if an applied migration differs from this version's, or one is
   *     missing below the newest applied
   * @throws CalendarClientException if the database fails or the lock is not granted in time
   */
  public int migrate() {
    try {
      return dialect == Dialect.POSTGRESQL ? migratePostgres() : migrateH2();
    } catch (SQLException e) {
      throw new CalendarClientException(
          "the calendar store could not migrate its schema (tables "
              + tables.prefix()
              + "*, SQLState "
              + e.getSQLState()
              + ")",
          e);
    }
  }

  /** The newest version this code knows. */
  public int latestVersion() {
    return migrations.get(migrations.size() - 1).version();
  }

  private int migratePostgres() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
          lock.setLong(1, lockKey());
          lock.execute();
        }
        createVersionTable(connection);
        int version = applyPending(connection);
        connection.commit();
        return version;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  private int migrateH2() throws SQLException {
    try (Connection locker = dataSource.getConnection()) {
      boolean autoCommit = locker.getAutoCommit();
      locker.setAutoCommit(true);
      try {
        createVersionTable(locker);
        try (Statement statement = locker.createStatement()) {
          statement.execute(
              "CREATE TABLE IF NOT EXISTS " + tables.schemaLock() + " (id INT NOT NULL PRIMARY KEY)");
          statement.execute("MERGE INTO " + tables.schemaLock() + " (id) KEY (id) VALUES (1)");
        } catch (SQLException e) {
          if (!SqlErrors.isUniqueViolation(e)) {
            throw e;
          }
        }
        if (pending(applied(locker)).isEmpty()) {
          return currentVersion(applied(locker));
        }
        locker.setAutoCommit(false);
        try {
          lockH2(locker);
          try (Connection migrating = secondConnection()) {
            boolean migratingAutoCommit = migrating.getAutoCommit();
            migrating.setAutoCommit(true);
            try {
              return applyPending(migrating);
            } finally {
              migrating.setAutoCommit(migratingAutoCommit);
            }
          }
        } finally {
          locker.rollback();
        }
      } finally {
        locker.setAutoCommit(autoCommit);
      }
    }
  }

  private void lockH2(Connection locker) throws SQLException {
    long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
    String sql = "SELECT id FROM " + tables.schemaLock() + " WHERE id = 1 FOR UPDATE";
    while (true) {
      try (PreparedStatement lock = locker.prepareStatement(sql);
          ResultSet row = lock.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException("the row of " + tables.schemaLock() + " is missing");
        }
        return;
      } catch (SQLException e) {
        if (!dialect.isTransient(e) || System.nanoTime() > deadline) {
          throw e;
        }
        locker.rollback();
        LOG.info("waiting for another instance to finish migrating tables {}*", tables.prefix());
      }
    }
  }

  private Connection secondConnection() {
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      throw new CalendarClientException(
          "the calendar store needs a second connection while it migrates an H2 database; allow"
              + " the DataSource at least two connections",
          e);
    }
  }

  private void createVersionTable(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS "
              + tables.schemaVersion()
              + " (version INT NOT NULL PRIMARY KEY, description VARCHAR(200) NOT NULL,"
              + " checksum VARCHAR(64) NOT NULL, installed_at TIMESTAMP WITH TIME ZONE NOT NULL)");
    }
  }

  /** Applies what is missing; the caller holds the lock. Returns the version afterwards. */
  private int applyPending(Connection writer) throws SQLException {
    Map<Integer, String> applied = applied(writer);
    List<Migration> pending = pending(applied);
    Map<String, String> values =
        Map.of(
            "prefix", tables.prefix(),
            "key_collation", dialect.keyCollation(),
            "large_text", dialect.largeTextType());
    for (Migration migration : pending) {
      try (Statement statement = writer.createStatement()) {
        for (String sql : migration.statements(values)) {
          statement.execute(sql);
        }
      }
      try (PreparedStatement record =
          writer.prepareStatement(
              "INSERT INTO "
                  + tables.schemaVersion()
                  + " (version, description, checksum, installed_at) VALUES (?, ?, ?, ?)")) {
        record.setInt(1, migration.version());
        record.setString(2, migration.description());
        record.setString(3, migration.checksum());
        Columns.setInstant(record, 4, clock.instant());
        record.executeUpdate();
      }
      applied.put(migration.version(), migration.checksum());
      LOG.info(
          "applied migration V{} ({}) to tables {}* on {}",
          migration.version(),
          migration.description(),
          tables.prefix(),
          dialect.productName());
    }
    return currentVersion(applied);
  }

  private Map<Integer, String> applied(Connection connection) throws SQLException {
    Map<Integer, String> applied = new TreeMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT version, checksum FROM " + tables.schemaVersion())) {
      while (rows.next()) {
        applied.put(rows.getInt(1), rows.getString(2));
      }
    }
    return applied;
  }

  /** Checks what was applied against what this code knows, and lists what is missing. */
  private List<Migration> pending(Map<Integer, String> applied) {
    int newestApplied = applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
    if (newestApplied > latestVersion()) {
      LOG.warn(
          "tables {}* are at schema version {}, newer than this SDK's {}; carrying on, as"
              + " migrations only add",
          tables.prefix(),
          newestApplied,
          latestVersion());
    }
    List<Migration> pending = new ArrayList<>();
    for (Migration migration : migrations) {
      String checksum = applied.get(migration.version());
      if (checksum == null) {
        if (migration.version() < newestApplied) {
          throw new IllegalStateException(
              "tables "
                  + tables.prefix()
                  + "* lack migration V"
                  + migration.version()
                  + " below the applied V"
                  + newestApplied
                  + "; the schema was changed by hand");
        }
        pending.add(migration);
      } else if (!checksum.equals(migration.checksum())) {
        throw new IllegalStateException(
            "migration V"
                + migration.version()
                + " applied to tables "
                + tables.prefix()
                + "* differs from this SDK's (checksum mismatch); do not edit released migrations");
      }
    }
    return pending;
  }

  private static int currentVersion(Map<Integer, String> applied) {
    return applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  private long lockKey() {
    byte[] digest =
        Digests.sha256(
            ("com.workplace.calendar.store.JdbcCalendarStore:" + tables.prefix())
                .getBytes(StandardCharsets.UTF_8));
    return ByteBuffer.wrap(digest).getLong();
  }
}
