package com.workplace.calendar.testkit.contract;

/**
 * The store contract on H2 in its PostgreSQL compatibility mode, which hosts often use for tests of
 * code written for PostgreSQL.
 */
class JdbcH2PostgresModeCalendarStoreContractTest extends JdbcStoreContractSupport {
  @Override
  JdbcTestDatabase openDatabase() {
    return JdbcTestDatabase.h2(";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
  }
}
