package com.workplace.calendar.testkit.contract;

import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.store.JdbcCalendarStore;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract on a real PostgreSQL server (see {@link JdbcTestDatabase} for the environment
 * variables), in a private schema with a fresh table prefix per test.
 */
class JdbcPostgresCalendarStoreContractTest extends CalendarStoreContract {
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
  protected CalendarStore createStore(Clock clock) {
    return JdbcCalendarStore.builder(database.pool())
        .tablePrefix(database.freshPrefix())
        .clock(clock)
        .build();
  }

  @AfterEach
  void noConnectionIsLeft() {
    database.assertNoActiveConnections();
  }
}
