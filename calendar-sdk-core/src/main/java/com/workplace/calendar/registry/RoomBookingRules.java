package com.workplace.calendar.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A room's own booking rules, as an Exchange administrator sets them with {@code
 * Set-CalendarProcessing}. Exchange's resource booking assistant does not run for events an app
 * writes straight into the room's calendar, and Graph cannot read these settings, so the host
 * supplies them (per room with {@link CalendarRegistry#setBookingRules}, or in bulk from a {@code
 * Get-CalendarProcessing} export with the CSV module) and the SDK enforces them before it writes.
 * An absent value is not enforced.
 *
 * @param bookingWindowInDays how far ahead the room may be booked ({@code BookingWindowInDays},
 *     0–1080): a booking must end within that many days from now; 0 allows only bookings that end
 *     today (UTC)
 * @param maximumDurationInMinutes the longest booking ({@code MaximumDurationInMinutes}); 0 means
 *     no limit, as in Exchange
 * @param allowConflicts whether bookings may overlap others ({@code AllowConflicts}); {@code false}
 *     refuses overlaps even when the host's request allows them
 * @param allowRecurringMeetings whether recurring bookings are accepted ({@code
 *     AllowRecurringMeetings})
 * @since 0.2.0
 */
public record RoomBookingRules(
    Optional<Integer> bookingWindowInDays,
    Optional<Integer> maximumDurationInMinutes,
    Optional<Boolean> allowConflicts,
    Optional<Boolean> allowRecurringMeetings) {

  /** The longest booking window Exchange accepts, in days. */
  public static final int MAX_BOOKING_WINDOW_DAYS = 1080;

  private static final RoomBookingRules NONE =
      new RoomBookingRules(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  /** Validates the record. */
  public RoomBookingRules {
    Objects.requireNonNull(bookingWindowInDays, "bookingWindowInDays");
    Objects.requireNonNull(maximumDurationInMinutes, "maximumDurationInMinutes");
    Objects.requireNonNull(allowConflicts, "allowConflicts");
    Objects.requireNonNull(allowRecurringMeetings, "allowRecurringMeetings");
    bookingWindowInDays.ifPresent(
        days -> {
          if (days < 0 || days > MAX_BOOKING_WINDOW_DAYS) {
            throw new IllegalArgumentException(
                "BookingWindowInDays must be between 0 and "
                    + MAX_BOOKING_WINDOW_DAYS
                    + " (was "
                    + days
                    + ")");
          }
        });
    maximumDurationInMinutes.ifPresent(
        minutes -> {
          if (minutes < 0) {
            throw new IllegalArgumentException(
                "MaximumDurationInMinutes must not be negative (was " + minutes + "; 0 means no limit)");
          }
        });
  }

  /**
   * No rules: nothing is enforced.
   *
   * @return the empty rules
   */
  public static RoomBookingRules none() {
    return NONE;
  }

  /**
   * Tells whether no rule is set.
   *
   * @return {@code true} when every value is absent
   */
  public boolean isEmpty() {
    return equals(NONE);
  }

  /**
   * A copy with a booking window.
   *
   * @param days 0–1080
   * @return the copy
   */
  public RoomBookingRules withBookingWindowInDays(int days) {
    return new RoomBookingRules(
        Optional.of(days), maximumDurationInMinutes, allowConflicts, allowRecurringMeetings);
  }

  /**
   * A copy with a maximum duration.
   *
   * @param minutes the longest booking in minutes; 0 for no limit
   * @return the copy
   */
  public RoomBookingRules withMaximumDurationInMinutes(int minutes) {
    return new RoomBookingRules(
        bookingWindowInDays, Optional.of(minutes), allowConflicts, allowRecurringMeetings);
  }

  /**
   * A copy that allows or forbids conflicts.
   *
   * @param allowed whether overlaps are allowed
   * @return the copy
   */
  public RoomBookingRules withAllowConflicts(boolean allowed) {
    return new RoomBookingRules(
        bookingWindowInDays, maximumDurationInMinutes, Optional.of(allowed), allowRecurringMeetings);
  }

  /**
   * A copy that allows or forbids recurring meetings.
   *
   * @param allowed whether recurring bookings are accepted
   * @return the copy
   */
  public RoomBookingRules withAllowRecurringMeetings(boolean allowed) {
    return new RoomBookingRules(
        bookingWindowInDays, maximumDurationInMinutes, allowConflicts, Optional.of(allowed));
  }

  /**
   * Describes the rules the way {@code Set-CalendarProcessing} names them, e.g. {@code
   * BookingWindowInDays=180, MaximumDurationInMinutes=1440}.
   *
   * @return the description, or {@code none} when no rule is set
   */
  public String describe() {
    List<String> parts = new ArrayList<>();
    bookingWindowInDays.ifPresent(v -> parts.add("BookingWindowInDays=" + v));
    maximumDurationInMinutes.ifPresent(v -> parts.add("MaximumDurationInMinutes=" + v));
    allowConflicts.ifPresent(v -> parts.add("AllowConflicts=" + (v ? "True" : "False")));
    allowRecurringMeetings.ifPresent(
        v -> parts.add("AllowRecurringMeetings=" + (v ? "True" : "False")));
    return parts.isEmpty() ? "none" : String.join(", ", parts);
  }
}
