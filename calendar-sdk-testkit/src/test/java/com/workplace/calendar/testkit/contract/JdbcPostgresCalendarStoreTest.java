package com.workplace.calendar.testkit.contract;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The JDBC store's own cases on a real PostgreSQL server (see {@link JdbcTestDatabase} for the
 * environment variables).
 */
class JdbcPostgresCalendarStoreTest extends JdbcCalendarStoreCases {
  private static JdbcTestDatabase database;

  @BeforeAll
  static void openDatabase() {
    database = JdbcTestDatabase.postgres();
  }

  @AfterAll
  static void closeDatabase() throws Exception {
    if (database != null) {
      database.assertNoActiveConnections();
      database.close();
    }
  }

  @Override
  JdbcTestDatabase database() {
    return database;
  }
}
