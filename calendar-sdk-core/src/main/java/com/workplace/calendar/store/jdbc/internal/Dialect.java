package com.workplace.calendar.store.jdbc.internal;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

/** The databases the JDBC store supports, and what differs between them. */
public enum Dialect {
  /** H2 2.x, embedded (file or memory) or as a server. */
  H2("H2", 2, "", "CHARACTER LARGE OBJECT", Set.of("40001", "HYT00", "90131")),
  /** PostgreSQL 13 or newer. */
  POSTGRESQL("PostgreSQL", 13, " COLLATE \"C\"", "TEXT", Set.of("40001", "40P01", "55P03"));

  private final String productName;
  private final int minimumMajorVersion;
  private final String keyCollation;
  private final String largeTextType;
  private final Set<String> transientStates;

  Dialect(
      String productName,
      int minimumMajorVersion,
      String keyCollation,
      String largeTextType,
      Set<String> transientStates) {
    this.productName = productName;
    this.minimumMajorVersion = minimumMajorVersion;
    this.keyCollation = keyCollation;
    this.largeTextType = largeTextType;
    this.transientStates = transientStates;
  }

  /**
   * Finds the dialect of a database.
   *
   * @param metaData the connection's metadata
   * @return the dialect
   * @throws SQLException if the metadata cannot be read
   * @throws IllegalArgumentException if the database is not supported, saying which is
   */
  public static Dialect detect(DatabaseMetaData metaData) throws SQLException {
    String product = metaData.getDatabaseProductName();
    String version = metaData.getDatabaseProductVersion();
    int major = metaData.getDatabaseMajorVersion();
    for (Dialect dialect : values()) {
      if (dialect.productName.equalsIgnoreCase(product == null ? "" : product.strip())) {
        if (major < dialect.minimumMajorVersion) {
          throw new IllegalArgumentException(
              "JdbcCalendarStore needs "
                  + dialect.productName
                  + " "
                  + dialect.minimumMajorVersion
                  + " or newer; the DataSource connects to "
                  + product
                  + " "
                  + version);
        }
        return dialect;
      }
    }
    throw new IllegalArgumentException(
        "JdbcCalendarStore supports H2 (2.x) and PostgreSQL (13 or newer); the DataSource connects"
            + " to "
            + product
            + " "
            + version
            + ". Use another CalendarStore implementation for this database.");
  }

  /**
   * Says what to put after the type of a key column so that it sorts and compares by code point, as
   * Java's {@link String#compareTo(String)} does.
   *
   * @return the collation clause, possibly empty
   */
  public String keyCollation() {
    return keyCollation;
  }

  /**
   * Names the column type for long texts.
   *
   * @return the type
   */
  public String largeTextType() {
    return largeTextType;
  }

  /**
   * Tells whether a failure is worth retrying the whole transaction for: a serialization failure,
   * deadlock, lock timeout or concurrent update.
   *
   * @param e the failure
   * @return {@code true} if a retry may succeed
   */
  public boolean isTransient(SQLException e) {
    for (SQLException each = e; each != null; each = each.getNextException()) {
      String state = each.getSQLState();
      if (state != null && transientStates.contains(state.toUpperCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Says how the database is called.
   *
   * @return the product name
   */
  public String productName() {
    return productName;
  }
}
