package com.workplace.calendar.internal.booking;

import com.workplace.calendar.booking.BookingRule;
import com.workplace.calendar.booking.BookingRuleException;
import com.workplace.calendar.booking.ConflictPolicy;
import com.workplace.calendar.registry.RoomBookingRules;
import com.workplace.calendar.registry.RoomBookingType;
import com.workplace.calendar.registry.RoomCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The room's own booking rules and booking type, checked before anything is written. Each refusal
 * is a {@link BookingRuleException} naming the rule and what the room would accept.
 */
public final class RoomRules {
  private RoomRules() {}

  /** How a write must treat overlaps with other events. */
  enum ConflictCheck {
    /** Not checked: the request allows overlaps and the room does not forbid them. */
    NONE,
    /** Refused with a {@code BookingConflictException} (the default). */
    REFUSE,
    /**
     * Refused with a {@code BookingRuleException}: the request allowed overlaps, the room's {@code
     * AllowConflicts=False} does not.
     */
    ROOM_FORBIDS
  }

  /**
   * Checks a new booking: the room is not reserved, and its time fits the window and duration.
   *
   * @param calendar the room calendar
   * @param start the booking's start
   * @param end the booking's end
   * @param now the current time
   * @throws BookingRuleException if a rule refuses it
   */
  static void checkCreate(RoomCalendar calendar, Instant start, Instant end, Instant now) {
    checkNotReserved(calendar);
    checkTime(calendar, start, end, now);
  }

  /**
   * Checks a new recurring booking: the room is not reserved and accepts recurring meetings, an
   * occurrence is not longer than the room allows, and the last occurrence ends inside the
   * booking window (as Exchange's default {@code EnforceSchedulingHorizon=True} declines a series
   * that reaches beyond it).
   *
   * @param calendar the room calendar
   * @param firstStart the first occurrence's start
   * @param firstEnd the first occurrence's end (every occurrence lasts as long)
   * @param lastEnd the last occurrence's end
   * @param now the current time
   * @throws BookingRuleException if a rule refuses it
   */
  static void checkSeries(
      RoomCalendar calendar, Instant firstStart, Instant firstEnd, Instant lastEnd, Instant now) {
    checkNotReserved(calendar);
    checkRecurring(calendar);
    checkDuration(calendar, firstStart, firstEnd);
    checkWindow(calendar, lastEnd, now, "the series' last occurrence");
  }

  /**
   * Checks a new time or pattern of an existing recurring booking: the room accepts recurring
   * meetings (it takes the moved series as a new request), an occurrence is not longer than the
   * room allows, and the last occurrence ends inside the booking window.
   *
   * @param calendar the room calendar
   * @param firstStart the first occurrence's new start
   * @param firstEnd the first occurrence's new end
   * @param lastEnd the last occurrence's new end
   * @param now the current time
   * @throws BookingRuleException if a rule refuses it
   */
  static void checkSeriesTime(
      RoomCalendar calendar, Instant firstStart, Instant firstEnd, Instant lastEnd, Instant now) {
    checkRecurring(calendar);
    checkDuration(calendar, firstStart, firstEnd);
    checkWindow(calendar, lastEnd, now, "the series' last occurrence");
  }

  /**
   * Checks a new time of an existing booking against the window and duration.
   *
   * @param calendar the room calendar
   * @param start the new start
   * @param end the new end
   * @param now the current time
   * @throws BookingRuleException if a rule refuses it
   */
  static void checkTime(RoomCalendar calendar, Instant start, Instant end, Instant now) {
    checkDuration(calendar, start, end);
    checkWindow(calendar, end, now, "this one");
  }

  private static void checkNotReserved(RoomCalendar calendar) {
    if (calendar.bookingType() == RoomBookingType.RESERVED) {
      throw new BookingRuleException(
          BookingRule.RESERVED_ROOM,
          calendar.email(),
          calendar.email()
              + " is a reserved room (Places bookingType 'reserved'): it is not booked through its"
              + " calendar; choose a standard room, or ask the administrator to make it bookable");
    }
  }

  private static void checkDuration(RoomCalendar calendar, Instant start, Instant end) {
    RoomBookingRules rules = calendar.bookingRules();
    if (rules.maximumDurationInMinutes().isPresent()) {
      int limit = rules.maximumDurationInMinutes().get();
      Duration length = Duration.between(start, end);
      if (limit > 0 && length.compareTo(Duration.ofMinutes(limit)) > 0) {
        throw new BookingRuleException(
            BookingRule.MAXIMUM_DURATION,
            calendar.email(),
            calendar.email()
                + " accepts bookings of at most "
                + limit
                + " minutes (MaximumDurationInMinutes); this one lasts "
                + minutesOf(length)
                + " minutes: shorten it or split it");
      }
    }
  }

  private static void checkWindow(RoomCalendar calendar, Instant end, Instant now, String what) {
    RoomBookingRules rules = calendar.bookingRules();
    if (rules.bookingWindowInDays().isPresent()) {
      int days = rules.bookingWindowInDays().get();
      Instant limit =
          days == 0
              ? now.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)
              : now.plus(days, ChronoUnit.DAYS);
      if (end.isAfter(limit)) {
        throw new BookingRuleException(
            BookingRule.BOOKING_WINDOW,
            calendar.email(),
            calendar.email()
                + " can be booked at most "
                + days
                + " days ahead (BookingWindowInDays): a booking must end by "
                + limit
                + ", "
                + what
                + " ends at "
                + end
                + "; book it later or choose a nearer time");
      }
    }
  }

  /**
   * Checks that the room accepts recurring bookings ({@code AllowRecurringMeetings}); the check a
   * recurring create or a change that makes a booking recur calls before writing.
   *
   * @param calendar the room calendar
   * @throws BookingRuleException if the room refuses recurring meetings
   */
  public static void checkRecurring(RoomCalendar calendar) {
    if (calendar.bookingRules().allowRecurringMeetings().filter(allowed -> !allowed).isPresent()) {
      throw new BookingRuleException(
          BookingRule.RECURRING_NOT_ALLOWED,
          calendar.email(),
          calendar.email()
              + " does not accept recurring meetings (AllowRecurringMeetings=False): book the"
              + " occurrences one by one, or choose another room");
    }
  }

  /**
   * Decides how a write treats overlaps: the request's policy, bounded by the room's {@code
   * AllowConflicts}.
   *
   * @param calendar the room calendar
   * @param policy the request's policy
   * @return the check to run
   */
  static ConflictCheck conflictCheck(RoomCalendar calendar, ConflictPolicy policy) {
    if (policy == ConflictPolicy.REFUSE) {
      return ConflictCheck.REFUSE;
    }
    boolean roomForbids =
        calendar.bookingRules().allowConflicts().filter(allowed -> !allowed).isPresent();
    return roomForbids ? ConflictCheck.ROOM_FORBIDS : ConflictCheck.NONE;
  }

  private static long minutesOf(Duration length) {
    long minutes = length.toMinutes();
    return length.equals(Duration.ofMinutes(minutes)) ? minutes : minutes + 1;
  }
}
