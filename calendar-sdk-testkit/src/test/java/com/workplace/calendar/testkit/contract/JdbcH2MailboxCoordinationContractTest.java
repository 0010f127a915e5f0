package com.workplace.calendar.testkit.contract;

/** The coordination contract on an in-memory H2 database. */
class JdbcH2MailboxCoordinationContractTest extends JdbcMailboxCoordinationContractSupport {
  @Override
  JdbcTestDatabase openDatabase() {
    return JdbcTestDatabase.h2();
  }
}
