package com.workplace.calendar.registry;

/**
 * The state of a registered room calendar: {@code ADDED → CONNECTED}, or {@code FAILED} with a
 * {@link CalendarFailureReason}.
 *
 * @since 0.1.0
 */
public enum CalendarStatus {
  /** Registered, not yet checked. */
  ADDED,
  /** The mailbox answered: the SDK can read and write its calendar. */
  CONNECTED,
  /** The mailbox could not be reached; see the calendar's failure reason. */
  FAILED
}
