package com.workplace.calendar.internal.booking;

import java.time.Instant;
import java.util.Objects;

/**
 * An interval a booking takes in its room: the booking's own, or one occurrence's of a series.
 *
 * @param start the start
 * @param end the end
 */
record Slot(Instant start, Instant end) {
  Slot {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
  }
}
