package com.workplace.calendar.testkit.contract;

/** The store contract on a real PostgreSQL server (see {@link JdbcTestDatabase} for the environment variables), in a private schema. */
class JdbcPostgresCalendarStoreContractTest extends JdbcStoreContractSupport {
  @Override
  JdbcTestDatabase openDatabase() {
    return JdbcTestDatabase.postgres();
  }
}
