package com.workplace.calendar.spi;

/**
 * What kind of calendar item an event is: a meeting on its own, or part of a recurring series.
 *
 * @since 0.2.0
 */
public enum EventType {
  /** A meeting that is not part of a series. */
  SINGLE_INSTANCE,
  /** An instance of a series as its pattern made it. */
  OCCURRENCE,
  /** An instance of a series that was changed on its own (moved, renamed, cancelled). */
  EXCEPTION,
  /**
   * The item that holds a series' pattern and shared properties. It is never an instance in a room
   * calendar's view: its occurrences and exceptions are.
   */
  SERIES_MASTER;

  /**
   * Tells whether this is an instance of a series (an occurrence or an exception).
   *
   * @return {@code true} for occurrences and exceptions
   */
  public boolean isSeriesInstance() {
    return this == OCCURRENCE || this == EXCEPTION;
  }
}
