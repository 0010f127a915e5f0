package com.workplace.calendar.store;

import com.workplace.calendar.store.jdbc.internal.Tables;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Configures and creates a {@link JdbcCalendarStore}; get one from {@link
 * JdbcCalendarStore#builder(DataSource)}.
 *
 * <pre>{@code
 * JdbcCalendarStore store =
 *     JdbcCalendarStore.builder(dataSource)
 *         .tablePrefix("booking_calendar_")
 *         .build();
 * }</pre>
 *
 * <p>A builder is not thread-safe; the store it builds is.
 *
 * @since 0.1.0
 */
public final class JdbcCalendarStoreBuilder {
  private final DataSource dataSource;
  private String tablePrefix = Tables.DEFAULT_PREFIX;
  private Clock clock = Clock.systemUTC();

  JdbcCalendarStoreBuilder(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /**
   * Sets the prefix of every table (and index) name the store creates and uses, so that several
   * stores or applications can share one database schema. The default is {@code "calendar_"}.
   *
   * @param prefix empty, or a lower-case letter followed by lower-case letters, digits and
   *     underscores; at most 24 characters
   * @return this builder
   * @throws IllegalArgumentException if the prefix is not such an identifier
   */
  public JdbcCalendarStoreBuilder tablePrefix(String prefix) {
    this.tablePrefix = Tables.withPrefix(prefix).prefix();
    return this;
  }

  /**
   * Sets the clock that decides when leases expire. The default is {@link Clock#systemUTC()}. All
   * instances sharing a database should have clocks in step.
   *
   * @param clock the clock
   * @return this builder
   */
  public JdbcCalendarStoreBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Connects, detects the database, and creates or migrates the schema (under a lock, so instances
   * starting together migrate once). On H2 migrating needs two connections at once.
   *
   * @return the store
   * @throws IllegalArgumentException if the data source connects to a database other than H2 2.x
   *     or PostgreSQL 13 or newer
   * @throws IllegalStateException if the schema in the database does not match this SDK's
   *     migrations (an applied migration was changed, or one is missing)
   * @throws com.workplace.calendar.CalendarClientException if the database cannot be reached or the
   *     migration fails
   */
  public JdbcCalendarStore build() {
    return new JdbcCalendarStore(dataSource, Tables.withPrefix(tablePrefix), clock);
  }
}
