package com.workplace.calendar.store.jdbc.internal;

import com.workplace.calendar.CalendarClientException;
import java.sql.SQLException;

/** Classifies database failures by SQLState and turns the unexpected ones into SDK exceptions. */
public final class SqlErrors {
  private SqlErrors() {}

  /**
   * Tells whether a failure is a unique or primary key violation (SQLState 23505).
   *
   * @param e the failure
   * @return {@code true} for a duplicate key
   */
  public static boolean isUniqueViolation(SQLException e) {
    return hasState(e, "23505");
  }

  /**
   * Tells whether a failure is a foreign key violation: PostgreSQL answers 23503, H2 23506 when the
   * referenced row is missing.
   *
   * @param e the failure
   * @return {@code true} for a missing parent row
   */
  public static boolean isForeignKeyViolation(SQLException e) {
    return hasState(e, "23503") || hasState(e, "23506");
  }

  /**
   * Turns a failure nobody expected into an SDK exception. Values longer than a column allows
   * (SQLState class 22) are the caller's mistake and become {@link IllegalArgumentException}s.
   * Messages name the operation and the SQLState, never the values involved.
   *
   * @param operation what the store was doing, e.g. "insert tenant"
   * @param e the failure
   * @return the exception to throw
   */
  public static RuntimeException translate(String operation, SQLException e) {
    String state = e.getSQLState() == null ? "unknown" : e.getSQLState();
    if (state.startsWith("22")) {
      return new IllegalArgumentException(
          "the calendar store could not "
              + operation
              + ": a value does not fit its column (too long or out of range; SQLState "
              + state
              + ")",
          e);
    }
    return new CalendarClientException(
        "the calendar store could not " + operation + " (SQLState " + state + ")", e);
  }

  private static boolean hasState(SQLException e, String state) {
    for (SQLException each = e; each != null; each = each.getNextException()) {
      if (state.equals(each.getSQLState())) {
        return true;
      }
      if (each.getNextException() == each) {
        break;
      }
    }
    return false;
  }
}
