package com.workplace.calendar.booking;

/**
 * A rule of the room that refused a booking.
 *
 * @since 0.2.0
 */
public enum BookingRule {
  /** The booking ends beyond the room's {@code BookingWindowInDays}. */
  BOOKING_WINDOW,
  /** The booking is longer than the room's {@code MaximumDurationInMinutes}. */
  MAXIMUM_DURATION,
  /**
   * The request allowed an overlap, but the room's {@code AllowConflicts=False} forbids overlaps.
   */
  CONFLICTS_NOT_ALLOWED,
  /** The booking recurs and the room's {@code AllowRecurringMeetings=False} forbids that. */
  RECURRING_NOT_ALLOWED,
  /** The room is reserved (Places {@code bookingType} {@code reserved}): it is not booked. */
  RESERVED_ROOM
}
