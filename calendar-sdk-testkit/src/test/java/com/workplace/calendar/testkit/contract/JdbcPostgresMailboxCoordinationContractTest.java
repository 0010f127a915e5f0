package com.workplace.calendar.testkit.contract;

/** The coordination contract on a real PostgreSQL server. */
class JdbcPostgresMailboxCoordinationContractTest extends JdbcMailboxCoordinationContractSupport {
  @Override
  JdbcTestDatabase openDatabase() {
    return JdbcTestDatabase.postgres();
  }
}
