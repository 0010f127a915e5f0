package com.workplace.calendar.csv;

import com.workplace.calendar.registry.RoomBookingRules;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one row of a {@code Get-CalendarProcessing} export.
 *
 * @param line the line the row starts on
 * @param identity the row's {@code Identity} as written
 * @param calendarEmail the registered calendar it was matched to, if any
 * @param result what happened
 * @param rules the rules the calendar has afterwards (or would have, in a dry run); {@link
 *     RoomBookingRules#none()} for rows that were not applied
 * @param message why a row was not applied, or how the identity was matched
 * @since 0.2.0
 */
public record RulesImportRow(
    long line,
    String identity,
    Optional<String> calendarEmail,
    Result result,
    RoomBookingRules rules,
    Optional<String> message) {

  /** What happened to a row. */
  public enum Result {
    /** The calendar's rules were set (or would be, in a dry run). */
    APPLIED,
    /** The calendar already had these rules. */
    UNCHANGED,
    /** No registered calendar of the tenant has this identity: reported, not fatal. */
    UNKNOWN_MAILBOX,
    /** The identity names more than one registered calendar (e.g. two rooms of the same name). */
    AMBIGUOUS,
    /** A value cannot be read (e.g. {@code BookingWindowInDays} is not a number of days). */
    INVALID_VALUE,
    /** An earlier row already named the same calendar; this one was left out. */
    DUPLICATE
  }

  /** Validates the record. */
  public RulesImportRow {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(calendarEmail, "calendarEmail");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(message, "message");
  }

  /**
   * Tells whether the row was applied or already in effect.
   *
   * @return {@code true} for {@link Result#APPLIED} and {@link Result#UNCHANGED}
   */
  public boolean succeeded() {
    return result == Result.APPLIED || result == Result.UNCHANGED;
  }
}
