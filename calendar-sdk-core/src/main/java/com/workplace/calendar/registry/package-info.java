/**
 * Room calendars: registering, connecting, discovering and removing them.
 *
 * <p>Start with {@link com.workplace.calendar.registry.CalendarRegistry}.
 */
package com.workplace.calendar.registry;
