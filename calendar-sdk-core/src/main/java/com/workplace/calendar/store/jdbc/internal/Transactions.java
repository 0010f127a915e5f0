package com.workplace.calendar.store.jdbc.internal;

import com.workplace.calendar.CalendarClientException;
import com.workplace.calendar.ConflictException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

/**
 * Runs each store operation in one transaction on a connection of its own: auto-commit off, commit
 * on success, roll back on any failure, auto-commit restored and the connection closed in every
 * case. Transient failures (deadlocks, serialization failures, lock timeouts) and races the work
 * asks to retry ({@link RetryException}) run the whole transaction again, a few times.
 */
public final class Transactions {
  /** How often a transaction runs at most. */
  static final int MAX_ATTEMPTS = 8;

  private final DataSource dataSource;
  private final Dialect dialect;
  private volatile boolean closed;

  /**
   * Creates the runner.
   *
   * @param dataSource where connections come from
   * @param dialect the database's dialect
   */
  public Transactions(DataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
  }

  /**
   * The work of one transaction.
   *
   * @param <T> what it returns
   */
  @FunctionalInterface
  public interface Work<T> {
    /**
     * Does the work.
     *
     * @param connection the connection, in a transaction
     * @return the result
     * @throws SQLException if a statement fails
     */
    T run(Connection connection) throws SQLException;
  }

  /**
   * Thrown by work that lost a race (typically a unique violation between its check and its write)
   * to run the transaction again, so that its checks see the winner.
   */
  public static final class RetryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the signal.
     *
     * @param cause the failure that lost the race
     */
    public RetryException(SQLException cause) {
      super(null, cause, false, false);
    }
  }

  /**
   * Runs work in a transaction.
   *
   * @param operation what it does, for messages (e.g. "update tenant")
   * @param work the work
   * @param <T> what it returns
   * @return the work's result
   */
  public <T> T run(String operation, Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      if (closed) {
        throw new IllegalStateException("the JdbcCalendarStore is closed");
      }
      try {
        return once(work);
      } catch (RetryException e) {
        if (attempt >= MAX_ATTEMPTS) {
          throw new ConflictException(
              "the calendar store could not "
                  + operation
                  + ": concurrent changes kept conflicting; try again");
        }
      } catch (SQLException e) {
        if (!dialect.isTransient(e) || attempt >= MAX_ATTEMPTS) {
          throw SqlErrors.translate(operation, e);
        }
      }
      pause(attempt);
    }
  }

  /** Makes every later call fail; the data source stays open (its owner closes it). */
  public void close() {
    closed = true;
  }

  private <T> T once(Work<T> work) throws SQLException {
    try (Connection connection = open()) {
      boolean autoCommit = connection.getAutoCommit();
      if (autoCommit) {
        connection.setAutoCommit(false);
      }
      T result;
      try {
        result = work.run(connection);
        connection.commit();
      } catch (SQLException | RuntimeException | Error e) {
        rollback(connection, e);
        restoreAutoCommit(connection, autoCommit, e);
        throw e;
      }
      // committed: a failure to restore auto-commit must not report the write as failed; the
      // connection is closed right after, and a pool discards or resets it
      restoreAutoCommit(connection, autoCommit, null);
      return result;
    }
  }

  private static void restoreAutoCommit(Connection connection, boolean autoCommit, Throwable failure) {
    if (!autoCommit) {
      return;
    }
    try {
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      if (failure != null) {
        failure.addSuppressed(e);
      }
    }
  }

  private Connection open() throws SQLException {
    Connection connection = dataSource.getConnection();
    if (connection == null) {
      throw new CalendarClientException("the DataSource returned no connection");
    }
    return connection;
  }

  private static void rollback(Connection connection, Throwable failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  private static void pause(int attempt) {
    long maxMillis = Math.min(200, 5L << Math.min(attempt, 6));
    LockSupport.parkNanos(
        TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextLong(1, maxMillis + 1)));
  }
}
