package com.workplace.calendar.booking;

import java.time.Instant;
import java.util.Objects;

/**
 * A time when a room is not free.
 *
 * @param start the start
 * @param end the end
 * @param status how it is taken: {@code busy}, {@code tentative}, {@code oof} or {@code
 *     workingElsewhere}
 * @since 0.1.0
 */
public record BusyInterval(Instant start, Instant end, String status) {
  /** Validates the record. */
  public BusyInterval {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(status, "status");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("an interval must not end before it starts");
    }
  }
}
