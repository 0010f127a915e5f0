package com.workplace.calendar.spring;

/**
 * Which store the starter builds: the value of {@code workplace.calendar.store.type}.
 *
 * @since 0.2.0
 */
public enum CalendarSdkStoreType {
  /** JDBC on the application's DataSource when there is one, in memory otherwise. */
  AUTO,
  /** JDBC on the application's DataSource; start-up fails without one. */
  JDBC,
  /** In memory: for tests and a single instance that may forget everything on restart. */
  IN_MEMORY
}
