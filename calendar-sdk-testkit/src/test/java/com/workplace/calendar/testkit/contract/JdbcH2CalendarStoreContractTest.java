package com.workplace.calendar.testkit.contract;

/** The store contract on an in-memory H2 database. */
class JdbcH2CalendarStoreContractTest extends JdbcStoreContractSupport {
  @Override
  JdbcTestDatabase openDatabase() {
    return JdbcTestDatabase.h2();
  }
}
