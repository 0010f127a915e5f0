package com.workplace.calendar.testkit.contract;

import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.store.JdbcCalendarStore;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract on H2 in its PostgreSQL compatibility mode, which hosts often use for tests of
 * code written for PostgreSQL.
 */
class JdbcH2PostgresModeCalendarStoreContractTest extends CalendarStoreContract {
  private static JdbcTestDatabase database;

  @BeforeAll
  static void openDatabase() {
    database = JdbcTestDatabase.h2(";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
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
