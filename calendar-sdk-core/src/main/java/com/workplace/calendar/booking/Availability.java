package com.workplace.calendar.booking;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When a room is busy in a window.
 *
 * @param calendarEmail the room calendar
 * @param busy the busy intervals, ordered by start
 * @param error why the room's schedule could not be read, if it could not
 * @since 0.1.0
 */
public record Availability(String calendarEmail, List<BusyInterval> busy, Optional<String> error) {
  /** Validates the record. */
  public Availability {
    Objects.requireNonNull(calendarEmail, "calendarEmail");
    busy = List.copyOf(Objects.requireNonNull(busy, "busy"));
    Objects.requireNonNull(error, "error");
  }
}
