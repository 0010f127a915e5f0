/**
 * The storage SPI and its implementations.
 *
 * <p>{@link com.workplace.calendar.store.CalendarStore} is what a store implements; {@link
 * com.workplace.calendar.store.InMemoryCalendarStore} is the default; {@link
 * com.workplace.calendar.store.JdbcCalendarStore} keeps the state in H2 or PostgreSQL, shared by several
 * instances of a host.
 */
package com.workplace.calendar.store;
