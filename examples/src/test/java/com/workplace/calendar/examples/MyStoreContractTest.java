// [START store-contract]
package com.workplace.calendar.examples;

import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.store.JdbcCalendarStore;
import com.workplace.calendar.testkit.contract.CalendarStoreContract;
import java.time.Clock;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The store contract on a store of your own: here the JDBC store on a fresh H2 database. */
class MyStoreContractTest extends CalendarStoreContract {
  @Override
  protected CalendarStore createStore(Clock clock) {
    return JdbcCalendarStore.builder(freshDataSource()).clock(clock).build();
  }

  private static DataSource freshDataSource() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return h2;
  }
}
// [END store-contract]
