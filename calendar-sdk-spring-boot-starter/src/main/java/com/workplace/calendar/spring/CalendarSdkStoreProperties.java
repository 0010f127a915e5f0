package com.workplace.calendar.spring;

/**
 * The settings under {@code workplace.calendar.store}: where the SDK keeps its state.
 *
 * @since 0.2.0
 */
public class CalendarSdkStoreProperties {
  /**
   * Which store: auto (a JdbcCalendarStore on the application's DataSource when there is one,
   * in memory otherwise), jdbc (fail without a DataSource) or in-memory.
   */
  private CalendarSdkStoreType type = CalendarSdkStoreType.AUTO;

  /** The JDBC store's table name prefix. Default: calendar_. */
  private String tablePrefix;

  /** {@return the value} */
  public CalendarSdkStoreType getType() {
    return type;
  }

  /** @param value the value */
  public void setType(CalendarSdkStoreType value) {
    this.type = value;
  }

  /** {@return the value} */
  public String getTablePrefix() {
    return tablePrefix;
  }

  /** @param value the value */
  public void setTablePrefix(String value) {
    this.tablePrefix = value;
  }
}
