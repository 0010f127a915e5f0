package com.workplace.calendar.booking;

/**
 * What a create or a time-changing update does when the requested time overlaps another event in
 * the room's calendar (one that is neither free nor cancelled).
 *
 * @since 0.2.0
 */
public enum ConflictPolicy {
  /**
   * Refuse the overlap with a {@link BookingConflictException} naming the conflicting intervals
   * (the default). The room's calendar is checked before and after writing.
   */
  REFUSE,
  /**
   * Book anyway: the host knowingly accepts the overlap and the calendar is not checked. Still
   * refused, with a {@link BookingRuleException}, when the room's own rules say {@code
   * AllowConflicts=False}.
   */
  ALLOW
}
