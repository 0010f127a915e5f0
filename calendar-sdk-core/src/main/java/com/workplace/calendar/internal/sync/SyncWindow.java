package com.workplace.calendar.internal.sync;

import com.workplace.calendar.store.SyncState;
import com.workplace.calendar.sync.SyncOptions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The rolling window a calendar is synced over: whole UTC days around today, so it stays the same
 * all day and moves on at midnight UTC (when the delta link made for the old window is dropped).
 *
 * @param start the first instant in the window
 * @param end the first instant after it
 */
record SyncWindow(Instant start, Instant end) {

  /**
   * The window for a moment.
   *
   * @param now the moment
   * @param options the days back and ahead
   * @return the window
   */
  static SyncWindow at(Instant now, SyncOptions options) {
    Instant today = now.truncatedTo(ChronoUnit.DAYS);
    return new SyncWindow(
        today.minus(options.windowDaysBack(), ChronoUnit.DAYS),
        today.plus(options.windowDaysAhead(), ChronoUnit.DAYS));
  }

  /** {@return whether a stored state was made for exactly this window} */
  boolean matches(SyncState state) {
    return state.windowStart().equals(start) && state.windowEnd().equals(end);
  }

  /** {@return whether an event between these times overlaps the window} */
  boolean overlaps(Instant eventStart, Instant eventEnd) {
    return eventStart.isBefore(end) && eventEnd.isAfter(start);
  }
}
