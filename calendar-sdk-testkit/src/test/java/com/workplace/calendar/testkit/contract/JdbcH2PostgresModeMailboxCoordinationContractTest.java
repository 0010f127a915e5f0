package com.workplace.calendar.testkit.contract;

/** The coordination contract on an in-memory H2 database in PostgreSQL mode. */
class JdbcH2PostgresModeMailboxCoordinationContractTest
    extends JdbcMailboxCoordinationContractSupport {
  @Override
  JdbcTestDatabase openDatabase() {
    return JdbcTestDatabase.h2(";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
  }
}
