package com.workplace.calendar.store.jdbc.internal;

import com.workplace.calendar.ResourceNotFoundException;
import com.workplace.calendar.StaleRecordException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Small helpers for statements whose parameters are all texts. */
final class Sql {
  private Sql() {}

  static int update(Connection c, String sql, String... parameters) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, parameters);
      return s.executeUpdate();
    }
  }

  static boolean exists(Connection c, String sql, String... parameters) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, parameters);
      try (ResultSet rows = s.executeQuery()) {
        return rows.next();
      }
    }
  }

  /**
   * Explains why an {@code UPDATE ... WHERE version = ?} changed no row: the record is missing
   * ({@link ResourceNotFoundException}) or has another version ({@link StaleRecordException}).
   *
   * @param c the connection
   * @param what the record, for the message
   * @param selectVersion a query for the stored version by key
   * @param givenVersion the version the update was based on
   * @param key the key values
   * @throws SQLException if the query fails
   */
  static void explainMissedUpdate(
      Connection c, String what, String selectVersion, long givenVersion, String... key)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(selectVersion)) {
      bind(s, key);
      try (ResultSet rows = s.executeQuery()) {
        if (!rows.next()) {
          throw new ResourceNotFoundException(what + " is not stored");
        }
        throw new StaleRecordException(
            what
                + " was changed meanwhile (version "
                + rows.getLong(1)
                + ", update based on "
                + givenVersion
                + ")");
      }
    }
  }

  private static void bind(PreparedStatement s, String... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      s.setString(i + 1, parameters[i]);
    }
  }
}
