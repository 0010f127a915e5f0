/**
 * The storage SPI and its implementations.
 *
 * <p>{@link com.workplace.calendar.store.CalendarStore} is what a store implements; {@link
 * com.workplace.calendar.store.InMemoryCalendarStore} is the default.
 */
package com.workplace.calendar.store;
