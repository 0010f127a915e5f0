package com.workplace.calendar.booking;

import com.workplace.calendar.ConflictException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The requested time overlaps other events in the room's calendar, or another booking of the same
 * slot won a race. Nothing of the refused booking is left: no event (an event written before the
 * race was lost is removed again) and no booking link; a refused move leaves the booking where it
 * was. The message and {@link #conflicts()} name the conflicting intervals, never another event's
 * subject unless the request asked for subjects. For a recurring booking, {@link
 * #conflictingOccurrences()} and the message also name the occurrences of the requested series
 * that are in conflict (their dates: in UTC, or as dates and wall-clock times in the series' time
 * zone).
 *
 * @since 0.2.0
 */
public class BookingConflictException extends ConflictException {
  private static final long serialVersionUID = 1L;

  /** At most this many intervals and occurrences are named in the message. */
  private static final int LISTED = 20;

  private static final DateTimeFormatter DAY_AND_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  /** The field is transient: the intervals are data for the caller, not for serialized logs. */
  private final transient List<ConflictingInterval> conflicts;

  private final transient List<Instant> conflictingOccurrences;

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
    this(calendarEmail, start, end, conflicts, List.of(), lostRace);
  }

  /**
   * Creates the exception for a recurring booking.
   *
   * @param calendarEmail the room calendar
   * @param start the requested start of the series' first occurrence
   * @param end the requested end of the series' first occurrence
   * @param conflicts the events in the way, at least one
   * @param conflictingOccurrences the starts of the requested series' occurrences that overlap
   *     them
   * @param lostRace whether the series was written and removed again because another booking
   *     came first
   * @since 0.2.0
   */
  public BookingConflictException(
      String calendarEmail,
      Instant start,
      Instant end,
      List<ConflictingInterval> conflicts,
      List<Instant> conflictingOccurrences,
      boolean lostRace) {
    this(calendarEmail, start, end, conflicts, conflictingOccurrences, ZoneOffset.UTC, lostRace);
  }

  /**
   * Creates the exception for a recurring booking that recurs in a time zone: the message names
   * the occurrences in conflict by their dates and wall-clock times there.
   *
   * @param calendarEmail the room calendar
   * @param start the requested start of the series' first occurrence
   * @param end the requested end of the series' first occurrence
   * @param conflicts the events in the way, at least one
   * @param conflictingOccurrences the starts of the requested series' occurrences that overlap
   *     them
   * @param zone the series' time zone
   * @param lostRace whether the series was written and removed again (or moved back) because
   *     another booking came first
   * @since 0.2.0
   */
  public BookingConflictException(
      String calendarEmail,
      Instant start,
      Instant end,
      List<ConflictingInterval> conflicts,
      List<Instant> conflictingOccurrences,
      ZoneId zone,
      boolean lostRace) {
    super(message(calendarEmail, start, end, conflicts, conflictingOccurrences, zone, lostRace));
    this.calendarEmail = calendarEmail;
    this.conflicts = List.copyOf(conflicts);
    this.conflictingOccurrences = List.copyOf(conflictingOccurrences);
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
   * The occurrences of a requested series that overlap the conflicting events.
   *
   * @return their starts, in order; empty when the booking does not recur
   * @since 0.2.0
   */
  public List<Instant> conflictingOccurrences() {
    return conflictingOccurrences == null ? List.of() : conflictingOccurrences;
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
      List<Instant> occurrences,
      ZoneId zone,
      boolean lostRace) {
    String intervals =
        conflicts.stream()
            .limit(LISTED)
            .map(
                c ->
                    c.start()
                        + "–"
                        + c.end()
                        + (c.isPrivate() ? " (private)" : "")
                        + c.subject().map(s -> " \"" + s + "\"").orElse(""))
            .collect(Collectors.joining(", "))
            + more(conflicts.size());
    if (!occurrences.isEmpty()) {
      Duration length = Duration.between(start, end);
      return calendarEmail
          + " is already booked "
          + (lostRace ? "(another booking of the same time came first) " : "")
          + "at "
          + intervals
          + "; the requested series' occurrences "
          + occurrences.stream()
              .limit(LISTED)
              .map(o -> occurrence(o, length, zone))
              .collect(Collectors.joining(", "))
          + more(occurrences.size())
          + (zone.normalized().equals(ZoneOffset.UTC) ? "" : " (" + zone.getId() + ")")
          + " overlap it: choose another time or room";
    }
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

  /** An occurrence as an instant span in UTC, or as date and wall-clock times in its zone. */
  private static String occurrence(Instant start, Duration length, ZoneId zone) {
    if (zone.normalized().equals(ZoneOffset.UTC)) {
      return start + "–" + start.plus(length);
    }
    ZonedDateTime from = start.atZone(zone);
    ZonedDateTime to = start.plus(length).atZone(zone);
    return DAY_AND_TIME.format(from)
        + "–"
        + (to.toLocalDate().equals(from.toLocalDate()) ? TIME : DAY_AND_TIME).format(to);
  }

  private static String more(int size) {
    return size > LISTED ? " and " + (size - LISTED) + " more" : "";
  }
}
