package com.workplace.calendar.testkit.contract;

import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.store.JdbcCalendarStore;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The store contract on one database per test class, with a fresh table prefix per test and a
 * check after every test that the store left no connection open.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcStoreContractSupport extends CalendarStoreContract {
  private JdbcTestDatabase database;

  /** Opens the database this class runs the contract on. */
  abstract JdbcTestDatabase openDatabase();

  @BeforeAll
  void open() {
    database = openDatabase();
  }

  @AfterAll
  void closeDatabase() throws Exception {
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
