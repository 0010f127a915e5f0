package com.workplace.calendar.booking;

import com.workplace.calendar.ConflictException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The requested time overlaps other events in the room's calendar, or another booking of the same
 * slot won a race. Nothing of the refused booking is left: no event (an event written before the
 * race was lost is removed again) and no booking link; a refused move leaves the booking where it
 * was. The message and {@link #conflicts()} name the conflicting intervals, never another event's
 * subject unless the request asked for subjects.
 *
 * @since 0.2.0
 */
public class BookingConflictException extends ConflictException {
  private static final long serialVersionUID = 1L;

  /** The field is transient: the intervals are data for the caller, not for serialized logs. */
  private final transient List<ConflictingInterval> conflicts;

  private final String calendarEmail;

  /**
   * Creates the exception.
   *
   * @param calendarEmail the room calendar
   * @param start the requested start
   * @param end the requested end
   * @param conflicts the events in the way, at least one
   * @param lostRace whether the booking was written and removed again because another booking of
   *     the slot came first
   */
  public BookingConflictException(
      String calendarEmail,
      Instant start,
      Instant end,
      List<ConflictingInterval> conflicts,
      boolean lostRace) {
    super(message(calendarEmail, start, end, conflicts, lostRace));
    this.calendarEmail = calendarEmail;
    this.conflicts = List.copyOf(conflicts);
  }

  /**
   * The events in the way.
   *
   * @return the intervals, ordered by start
   */
  public List<ConflictingInterval> conflicts() {
    return conflicts == null ? List.of() : conflicts;
  }

  /**
   * The room calendar.
   *
   * @return its address
   */
  public String calendarEmail() {
    return calendarEmail;
  }

  private static String message(
      String calendarEmail,
      Instant start,
      Instant end,
      List<ConflictingInterval> conflicts,
      boolean lostRace) {
    String intervals =
        conflicts.stream()
            .map(
                c ->
                    c.start()
                        + "–"
                        + c.end()
                        + (c.isPrivate() ? " (private)" : "")
                        + c.subject().map(s -> " \"" + s + "\"").orElse(""))
            .collect(Collectors.joining(", "));
    return calendarEmail
        + " is already booked "
        + (lostRace ? "(another booking of the same time came first) " : "")
        + "at "
        + intervals
        + "; the requested "
        + start
        + "–"
        + end
        + " overlaps it: choose another time or room";
  }
}
