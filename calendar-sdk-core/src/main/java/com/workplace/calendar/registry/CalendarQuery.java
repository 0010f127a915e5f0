package com.workplace.calendar.registry;

import com.workplace.calendar.PageRequest;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which calendars of a tenant to list. Results are ordered by e-mail address.
 *
 * @param statuses the statuses to include; empty means all
 * @param page which page
 * @since 0.1.0
 */
public record CalendarQuery(Set<CalendarStatus> statuses, PageRequest page) {
  /** Validates the query. */
  public CalendarQuery {
    statuses = Set.copyOf(Objects.requireNonNull(statuses, "statuses"));
    Objects.requireNonNull(page, "page");
  }

  /**
   * All calendars, first page.
   *
   * @return the query
   */
  public static CalendarQuery all() {
    return new CalendarQuery(Set.of(), PageRequest.first());
  }

  /**
   * Calendars in some statuses, first page.
   *
   * @param first a status
   * @param more more statuses
   * @return the query
   */
  public static CalendarQuery withStatus(CalendarStatus first, CalendarStatus... more) {
    return new CalendarQuery(EnumSet.of(first, more), PageRequest.first());
  }

  /**
   * The same filter for another page.
   *
   * @param newPage the page
   * @return the query
   */
  public CalendarQuery page(PageRequest newPage) {
    return new CalendarQuery(statuses, newPage);
  }

  /**
   * Tells whether a calendar passes the status filter.
   *
   * @param calendar the calendar
   * @return {@code true} if it is included
   */
  public boolean includes(RoomCalendar calendar) {
    return statuses.isEmpty() || statuses.contains(calendar.status());
  }
}
