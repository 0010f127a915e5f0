package com.workplace.calendar.booking;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a booking recurs: daily or weekly, ending on a date or after a number of occurrences, in a
 * time zone.
 *
 * <pre>{@code
 * BookingRecurrence.weekly(1, DayOfWeek.MONDAY, DayOfWeek.THURSDAY).times(10)
 *     .inZone(ZoneId.of("Europe/Berlin"))
 * BookingRecurrence.daily(2).until(LocalDate.of(2026, 6, 30))   // in UTC
 * }</pre>
 *
 * <p><b>The series recurs in its time zone</b> ({@link #inZone}; UTC unless set). Every occurrence
 * starts at the wall-clock time the booking's start has in that zone, so a stand-up booked at
 * 09:00 in {@code Europe/Berlin} stays at 09:00 there when summer time begins (at 07:00 instead of
 * 08:00 UTC); dates, days of the week and the last date are dates in that zone. Every occurrence
 * lasts as long as the first one (elapsed time). Weeks start on Monday (ISO 8601), which matters
 * only for weekly series with an interval above 1 and several days. The booking's start is the
 * first occurrence: for weekly series it must fall on one of the days (in the zone).
 *
 * <p><b>Clock changes.</b> An occurrence whose wall-clock start does not exist on its date (it
 * falls into the hour skipped when the clocks go forward) starts later by the length of the gap,
 * e.g. 02:30 becomes 03:30 on the last Sunday of March in Berlin, as Exchange shifts such an
 * occurrence forward. An occurrence whose wall-clock start happens twice (the clocks go back)
 * starts at the first of the two; a series whose first occurrence is the second of the two is
 * refused, because none of its occurrences could keep that time.
 *
 * <p>A series has at most {@value #MAX_OCCURRENCES} occurrences (Exchange's limit), and each
 * occurrence must end before the next one starts. Creating one checks more against the room and
 * the service (see {@link RoomBookings#create}): the room accepts recurring meetings, every
 * occurrence is free, the last occurrence ends inside the sync window, and the service can name
 * the time zone (Microsoft 365 knows the zones of Windows; see the Graph module).
 *
 * @param pattern how often it recurs
 * @param lastDate the last date (in {@code zone}) an occurrence may start on, when the series ends
 *     on a date
 * @param numberOfOccurrences how many occurrences there are, when the series ends after a count
 * @param zone the time zone whose wall-clock time and dates the series keeps; a zone equivalent to
 *     UTC ({@code UTC}, {@code Etc/UTC}, {@code Z}) is stored as {@link ZoneOffset#UTC}
 * @since 0.2.0
 */
public record BookingRecurrence(
    Pattern pattern,
    Optional<LocalDate> lastDate,
    Optional<Integer> numberOfOccurrences,
    ZoneId zone) {

  /** The most occurrences a series may have (Exchange refuses more). */
  public static final int MAX_OCCURRENCES = 999;

  /** The largest interval (days or weeks between occurrences) Exchange accepts. */
  public static final int MAX_INTERVAL = 999;

  /** How often a series recurs. */
  public enum Frequency {
    /** Every {@code interval} days. */
    DAILY,
    /** On the given days of the week, every {@code interval} weeks. */
    WEEKLY
  }

  /**
   * How often a series recurs; end it with {@link #times(int)} or {@link #until(LocalDate)}.
   *
   * @param frequency daily or weekly
   * @param interval days (daily) or weeks (weekly) between occurrences, 1 to {@value
   *     BookingRecurrence#MAX_INTERVAL}
   * @param daysOfWeek the days of weekly series (at least one), empty for daily ones
   */
  public record Pattern(Frequency frequency, int interval, Set<DayOfWeek> daysOfWeek) {
    /** Validates the record. */
    public Pattern {
      Objects.requireNonNull(frequency, "frequency");
      Objects.requireNonNull(daysOfWeek, "daysOfWeek");
      if (interval < 1 || interval > MAX_INTERVAL) {
        throw new IllegalArgumentException(
            "a recurrence's interval (the "
                + (frequency == Frequency.DAILY ? "days" : "weeks")
                + " from one occurrence to the next) must be between 1 and "
                + MAX_INTERVAL
                + ", was "
                + interval);
      }
      if (frequency == Frequency.WEEKLY && daysOfWeek.isEmpty()) {
        throw new IllegalArgumentException("a weekly recurrence needs at least one day of the week");
      }
      if (frequency == Frequency.DAILY && !daysOfWeek.isEmpty()) {
        throw new IllegalArgumentException(
            "a daily recurrence has no days of the week; use a weekly one for " + daysOfWeek);
      }
      daysOfWeek =
          daysOfWeek.isEmpty()
              ? Set.of()
              : Collections.unmodifiableSet(EnumSet.copyOf(daysOfWeek));
    }

    /**
     * Ends the series after a number of occurrences; it recurs in UTC until {@link
     * BookingRecurrence#inZone} says otherwise.
     *
     * @param count the occurrences, 1 to {@value BookingRecurrence#MAX_OCCURRENCES}
     * @return the recurrence
     * @throws IllegalArgumentException if the count is out of range
     */
    public BookingRecurrence times(int count) {
      return new BookingRecurrence(this, Optional.empty(), Optional.of(count));
    }

    /**
     * Ends the series on a date: the last occurrence starts on or before it (a date in the
     * series' zone, UTC until {@link BookingRecurrence#inZone} says otherwise).
     *
     * @param date the last date
     * @return the recurrence
     */
    public BookingRecurrence until(LocalDate date) {
      return new BookingRecurrence(
          this, Optional.of(Objects.requireNonNull(date, "date")), Optional.empty());
    }

    @Override
    public String toString() {
      String every = interval == 1 ? "every " : "every " + interval + " ";
      return frequency == Frequency.DAILY
          ? every + (interval == 1 ? "day" : "days")
          : every
              + (interval == 1 ? "week" : "weeks")
              + " on "
              + daysOfWeek.stream().map(DayOfWeek::toString).collect(Collectors.joining(", "));
    }
  }

  /**
   * Validates the record.
   *
   * @throws IllegalArgumentException if the range ends both ways or not at all, or the count is
   *     out of range
   */
  public BookingRecurrence {
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(zone, "zone");
    zone = zone.normalized().equals(ZoneOffset.UTC) ? ZoneOffset.UTC : zone;
    Objects.requireNonNull(lastDate, "lastDate");
    Objects.requireNonNull(numberOfOccurrences, "numberOfOccurrences");
    if (lastDate.isPresent() == numberOfOccurrences.isPresent()) {
      throw new IllegalArgumentException(
          "a recurrence ends either on a date (until) or after a number of occurrences (times),"
              + (lastDate.isPresent() ? " not both" : " and it must end"));
    }
    numberOfOccurrences.ifPresent(
        count -> {
          if (count < 1 || count > MAX_OCCURRENCES) {
            throw new IllegalArgumentException(
                "a recurrence has between 1 and "
                    + MAX_OCCURRENCES
                    + " occurrences, was "
                    + count);
          }
        });
  }

  /**
   * A recurrence in UTC (the shape before time zones).
   *
   * @param pattern how often it recurs
   * @param lastDate the last date an occurrence may start on, when the series ends on a date
   * @param numberOfOccurrences how many occurrences there are, when the series ends after a count
   * @throws IllegalArgumentException if the range ends both ways or not at all, or the count is
   *     out of range
   */
  public BookingRecurrence(
      Pattern pattern, Optional<LocalDate> lastDate, Optional<Integer> numberOfOccurrences) {
    this(pattern, lastDate, numberOfOccurrences, ZoneOffset.UTC);
  }

  /**
   * The same recurrence in another time zone: its occurrences keep the wall-clock time of the
   * booking's start in that zone across clock changes, and its days and dates are dates there.
   *
   * <pre>{@code
   * BookingRecurrence.weekly(1, DayOfWeek.MONDAY).times(10).inZone(ZoneId.of("Europe/Berlin"))
   * }</pre>
   *
   * @param timeZone the zone, e.g. {@code ZoneId.of("America/New_York")}
   * @return the recurrence in that zone
   */
  public BookingRecurrence inZone(ZoneId timeZone) {
    return new BookingRecurrence(
        pattern, lastDate, numberOfOccurrences, Objects.requireNonNull(timeZone, "timeZone"));
  }

  /**
   * Tells whether the series recurs in UTC (the default).
   *
   * @return {@code true} if its zone is UTC
   */
  public boolean isUtc() {
    return zone.equals(ZoneOffset.UTC);
  }

  /**
   * Recurs every {@code interval} days.
   *
   * @param interval days from one occurrence to the next, 1 to {@value #MAX_INTERVAL}
   * @return the pattern; end it with {@link Pattern#times(int)} or {@link Pattern#until}
   * @throws IllegalArgumentException if the interval is out of range
   */
  public static Pattern daily(int interval) {
    return new Pattern(Frequency.DAILY, interval, Set.of());
  }

  /**
   * Recurs on the given days of every {@code interval} weeks.
   *
   * @param interval weeks from one cycle to the next, 1 to {@value #MAX_INTERVAL}
   * @param day a day of the week (in the series' zone)
   * @param moreDays further days
   * @return the pattern; end it with {@link Pattern#times(int)} or {@link Pattern#until}
   * @throws IllegalArgumentException if the interval is out of range
   */
  public static Pattern weekly(int interval, DayOfWeek day, DayOfWeek... moreDays) {
    EnumSet<DayOfWeek> days = EnumSet.of(Objects.requireNonNull(day, "day"));
    for (DayOfWeek more : moreDays) {
      days.add(Objects.requireNonNull(more, "moreDays"));
    }
    return new Pattern(Frequency.WEEKLY, interval, days);
  }

  /**
   * The starts of the occurrences of a series whose first occurrence starts at {@code
   * firstStart}, in order: at the wall-clock time {@code firstStart} has in the series' zone, on
   * each date of the pattern there (an occurrence in a skipped hour starts later by the gap's
   * length; one in a repeated hour at the first of the two times).
   *
   * @param firstStart the booking's start
   * @return at least one start, at most {@value #MAX_OCCURRENCES}
   * @throws IllegalArgumentException if {@code firstStart} is not on one of a weekly series'
   *     days, if the last date is before it, if it is the second of two equal wall-clock times
   *     (the clocks went back), or if the series would have more than {@value #MAX_OCCURRENCES}
   *     occurrences
   */
  public List<Instant> occurrenceStarts(Instant firstStart) {
    Objects.requireNonNull(firstStart, "firstStart");
    ZonedDateTime local = firstStart.atZone(zone);
    LocalDate first = local.toLocalDate();
    LocalTime time = local.toLocalTime();
    if (pattern.frequency() == Frequency.WEEKLY
        && !pattern.daysOfWeek().contains(first.getDayOfWeek())) {
      throw new IllegalArgumentException(
          "the booking starts on a "
              + first.getDayOfWeek()
              + " ("
              + zoneName()
              + "), which is not one of the recurrence's days ("
              + pattern.daysOfWeek().stream().map(DayOfWeek::toString).collect(Collectors.joining(", "))
              + "): start the series on its first occurrence");
    }
    if (lastDate.isPresent() && lastDate.get().isBefore(first)) {
      throw new IllegalArgumentException(
          "the recurrence ends on "
              + lastDate.get()
              + ", before the booking's first date "
              + first
              + " ("
              + zoneName()
              + ")");
    }
    if (!startOn(first, time).equals(firstStart)) {
      throw new IllegalArgumentException(
          "the booking starts at "
              + time
              + " on "
              + first
              + " in "
              + zone.getId()
              + " after the clocks went back, the second time that wall-clock time occurs there;"
              + " a series keeps a wall-clock time and takes the first of two equal ones: start"
              + " it at "
              + startOn(first, time)
              + " (the first "
              + time
              + "), or at another time");
    }
    List<Instant> starts = new ArrayList<>();
    int wanted = numberOfOccurrences.orElse(MAX_OCCURRENCES + 1);
    for (LocalDate date : SeriesDates.dates(pattern, lastDate, first, wanted)) {
      starts.add(startOn(date, time));
    }
    if (starts.size() > MAX_OCCURRENCES) {
      throw new IllegalArgumentException(
          "the recurrence from "
              + first
              + " until "
              + lastDate.orElseThrow()
              + " has more than "
              + MAX_OCCURRENCES
              + " occurrences: end it earlier");
    }
    return List.copyOf(starts);
  }

  /**
   * The starts of the occurrences of a series whose first occurrence is {@code [firstStart,
   * firstEnd)}, checking also that each occurrence (lasting as long as the first) ends before the
   * next one starts, clock changes included: the check a request or a move of a series passes.
   *
   * @param firstStart the first occurrence's start
   * @param firstEnd the first occurrence's end, after its start
   * @return the starts, as {@link #occurrenceStarts(Instant)} gives them
   * @throws IllegalArgumentException if {@link #occurrenceStarts(Instant)} refuses the start, the
   *     end is not after it, or an occurrence would last into the next one
   */
  public List<Instant> occurrenceStarts(Instant firstStart, Instant firstEnd) {
    Objects.requireNonNull(firstEnd, "firstEnd");
    List<Instant> starts = occurrenceStarts(firstStart);
    Duration length = Duration.between(firstStart, firstEnd);
    if (length.isNegative() || length.isZero()) {
      throw new IllegalArgumentException("the booking must end after it starts");
    }
    SeriesDates.checkLength(this, starts, length);
    return starts;
  }

  /**
   * When the occurrence of a date starts: the wall-clock time on that date in the series' zone,
   * later by the gap's length if the clocks skip it, the earlier of two if they repeat it.
   */
  private Instant startOn(LocalDate date, LocalTime time) {
    return ZonedDateTime.of(date, time, zone).toInstant();
  }

  private String zoneName() {
    return isUtc() ? "UTC" : zone.getId();
  }

  @Override
  public String toString() {
    return pattern
        + lastDate.map(d -> " until " + d).orElse("")
        + numberOfOccurrences.map(n -> ", " + n + " times").orElse("")
        + (isUtc() ? "" : " in " + zone.getId());
  }
}
