package com.workplace.calendar.testkit.contract;

import static com.workplace.calendar.testkit.contract.StoreFixtures.CONTOSO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.workplace.calendar.CalendarClientException;
import com.workplace.calendar.store.JdbcCalendarStore;
import com.workplace.calendar.tenant.Tenant;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDBC store's own cases on in-memory H2, and what only H2 (or no database) can show. */
class JdbcH2CalendarStoreTest extends JdbcCalendarStoreCases {
  private static JdbcTestDatabase database;

  @BeforeAll
  static void openDatabase() {
    database = JdbcTestDatabase.h2();
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

  @Test
  void anEmbeddedFileDatabaseKeepsItsDataAcrossRestarts(@TempDir Path dir) {
    JdbcDataSource file = new JdbcDataSource();
    file.setURL("jdbc:h2:file:" + dir.resolve("calendar").toAbsolutePath());
    file.setUser("sa");
    Tenant stored;
    try (JdbcCalendarStore store = JdbcCalendarStore.create(file)) {
      stored = store.insertTenant(fixtures.tenant(CONTOSO));
    }
    try (JdbcCalendarStore store = JdbcCalendarStore.create(file)) {
      assertEquals(Optional.of(stored), store.findTenant(CONTOSO));
    }
  }

  @Test
  void otherDatabasesAreRejectedWithAClearMessage() {
    IllegalArgumentException mysql =
        assertThrows(
            IllegalArgumentException.class,
            () -> JdbcCalendarStore.create(claiming("MySQL", "8.0.36", 8)));
    assertTrue(mysql.getMessage().contains("MySQL 8.0.36"), mysql.getMessage());
    assertTrue(mysql.getMessage().contains("H2") && mysql.getMessage().contains("PostgreSQL"));

    IllegalArgumentException oldPostgres =
        assertThrows(
            IllegalArgumentException.class,
            () -> JdbcCalendarStore.create(claiming("PostgreSQL", "12.18", 12)));
    assertTrue(oldPostgres.getMessage().contains("PostgreSQL 13 or newer"), oldPostgres.getMessage());

    assertThrows(
        IllegalArgumentException.class,
        () -> JdbcCalendarStore.create(claiming("H2", "1.4.200 (2019-10-14)", 1)));
  }

  @Test
  void anUnreachableDatabaseIsAClientException() {
    DataSource down =
        (DataSource)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                  throw new SQLException("Connection refused", "08001");
                });
    CalendarClientException e =
        assertThrows(CalendarClientException.class, () -> JdbcCalendarStore.create(down));
    assertTrue(e.getMessage().contains("08001"), e.getMessage());
  }

  @Test
  void migratingH2WithOneConnectionSaysItNeedsTwo() {
    HikariDataSource single = database().anotherPool(1, 250);
    CalendarClientException e =
        assertThrows(
            CalendarClientException.class,
            () -> JdbcCalendarStore.builder(single).tablePrefix(database().freshPrefix()).build());
    assertTrue(e.getMessage().contains("two connections"), e.getMessage());
  }

  /** A data source whose connections claim to belong to another database. */
  private DataSource claiming(String product, String version, int major) {
    DatabaseMetaData metaData =
        (DatabaseMetaData)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "getDatabaseProductName" -> product;
                      case "getDatabaseProductVersion" -> version;
                      case "getDatabaseMajorVersion" -> major;
                      default -> throw new UnsupportedOperationException(method.getName());
                    });
    Connection connection =
        (Connection)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "getMetaData" -> metaData;
                      case "close" -> null;
                      default -> throw new UnsupportedOperationException(method.getName());
                    });
    return (DataSource)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getConnection")) {
                return connection;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
