package com.workplace.calendar.testkit.contract;

import com.workplace.calendar.store.JdbcCalendarStore;
import com.workplace.calendar.store.MailboxCoordination;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The coordination contract on one database per class: each test gets a fresh table prefix, and
 * the second instance is a second store (its own connection pool) on the same tables, as another
 * process would have it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcMailboxCoordinationContractSupport extends MailboxCoordinationContract {
  private JdbcTestDatabase database;
  private javax.sql.DataSource secondPool;
  private final List<JdbcCalendarStore> stores = new ArrayList<>();
  private String prefix;

  abstract JdbcTestDatabase openDatabase();

  @BeforeAll
  void open() {
    database = openDatabase();
    secondPool = database.anotherPool(10);
  }

  @AfterAll
  void closeDatabase() throws Exception {
    if (database != null) {
      database.close();
    }
  }

  @Override
  protected MailboxCoordination createCoordination(Clock clock) {
    prefix = database.freshPrefix();
    return store(database.pool(), clock);
  }

  @Override
  protected MailboxCoordination anotherInstance(Clock clock) {
    return store(secondPool, clock);
  }

  private MailboxCoordination store(javax.sql.DataSource pool, Clock clock) {
    JdbcCalendarStore store =
        JdbcCalendarStore.builder(pool).tablePrefix(prefix).clock(clock).build();
    stores.add(store);
    return store.mailboxCoordination().orElseThrow();
  }

  @AfterEach
  void closeStores() {
    stores.forEach(JdbcCalendarStore::close);
    stores.clear();
    database.assertNoActiveConnections();
  }
}
