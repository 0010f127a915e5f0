package com.workplace.calendar.booking;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a booking recurs: daily or weekly, ending on a date or after a number of occurrences.
 *
 * <pre>{@code
 * BookingRecurrence.weekly(1, DayOfWeek.MONDAY, DayOfWeek.THURSDAY).times(10)
 * BookingRecurrence.daily(2).until(LocalDate.of(2026, 6, 30))
 * }</pre>
 *
 * <p><b>The series recurs in UTC.</b> Every occurrence starts at the UTC time of day of the
 * booking's start and lasts as long as the booking; dates, days of the week and the last date
 * are UTC dates. A series booked at 09:00 in Berlin therefore starts at 10:00 there once summer
 * time begins. Weeks start on Monday (ISO 8601), which matters only for weekly series with an
 * interval above 1 and several days. The booking's start is the first occurrence: for weekly
 * series it must fall on one of the days.
 *
 * <p>A series has at most {@value #MAX_OCCURRENCES} occurrences (Exchange's limit), and each
 * occurrence must end before the next one starts. Creating one checks more against the room and
 * the service (see {@link RoomBookings#create}): the room accepts recurring meetings, every
 * occurrence is free, and the last occurrence ends inside the sync window.
 *
 * @param pattern how often it recurs
 * @param lastDate the last date (UTC) an occurrence may start on, when the series ends on a date
 * @param numberOfOccurrences how many occurrences there are, when the series ends after a count
 * @since 0.2.0
 */
public record BookingRecurrence(
    Pattern pattern, Optional<LocalDate> lastDate, Optional<Integer> numberOfOccurrences) {

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
     * Ends the series after a number of occurrences.
     *
     * @param count the occurrences, 1 to {@value BookingRecurrence#MAX_OCCURRENCES}
     * @return the recurrence
     * @throws IllegalArgumentException if the count is out of range
     */
    public BookingRecurrence times(int count) {
      return new BookingRecurrence(this, Optional.empty(), Optional.of(count));
    }

    /**
     * Ends the series on a date: the last occurrence starts on or before it (UTC).
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

  /** Validates the record. */
  public BookingRecurrence {
    Objects.requireNonNull(pattern, "pattern");
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
   * @param day a day of the week (UTC)
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
   * firstStart}, in order.
   *
   * @param firstStart the booking's start
   * @return at least one start, at most {@value #MAX_OCCURRENCES}
   * @throws IllegalArgumentException if {@code firstStart} is not on one of a weekly series'
   *     days, if the last date is before it, or if the series would have more than {@value
   *     #MAX_OCCURRENCES} occurrences
   */
  public List<Instant> occurrenceStarts(Instant firstStart) {
    Objects.requireNonNull(firstStart, "firstStart");
    LocalDate first = firstStart.atOffset(ZoneOffset.UTC).toLocalDate();
    if (pattern.frequency() == Frequency.WEEKLY
        && !pattern.daysOfWeek().contains(first.getDayOfWeek())) {
      throw new IllegalArgumentException(
          "the booking starts on a "
              + first.getDayOfWeek()
              + " (UTC), which is not one of the recurrence's days ("
              + pattern.daysOfWeek().stream().map(DayOfWeek::toString).collect(Collectors.joining(", "))
              + "): start the series on its first occurrence");
    }
    if (lastDate.isPresent() && lastDate.get().isBefore(first)) {
      throw new IllegalArgumentException(
          "the recurrence ends on "
              + lastDate.get()
              + ", before the booking's first date "
              + first);
    }
    Instant midnight = first.atStartOfDay().toInstant(ZoneOffset.UTC);
    Duration timeOfDay = Duration.between(midnight, firstStart);
    List<Instant> starts = new ArrayList<>();
    int wanted = numberOfOccurrences.orElse(MAX_OCCURRENCES + 1);
    for (LocalDate date : dates(first, wanted)) {
      starts.add(date.atStartOfDay().toInstant(ZoneOffset.UTC).plus(timeOfDay));
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
   * The shortest time from one occurrence's start to the next one's, whatever the range: an
   * occurrence may last at most that long.
   */
  Duration shortestGap() {
    if (pattern.frequency() == Frequency.DAILY) {
      return Duration.ofDays(pattern.interval());
    }
    List<Integer> days = pattern.daysOfWeek().stream().map(DayOfWeek::getValue).toList();
    int shortest = 7 * pattern.interval() - (days.get(days.size() - 1) - days.get(0));
    for (int i = 1; i < days.size(); i++) {
      shortest = Math.min(shortest, days.get(i) - days.get(i - 1));
    }
    return Duration.ofDays(shortest);
  }

  /** The dates of the series from its first date, at most {@code limit} of them. */
  private List<LocalDate> dates(LocalDate first, int limit) {
    LocalDate last = lastDate.orElse(LocalDate.MAX);
    List<LocalDate> dates = new ArrayList<>();
    if (pattern.frequency() == Frequency.DAILY) {
      for (LocalDate d = first; !d.isAfter(last) && dates.size() < limit;
          d = d.plusDays(pattern.interval())) {
        dates.add(d);
      }
      return dates;
    }
    LocalDate week = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    while (dates.size() < limit) {
      for (int i = 0; i < 7 && dates.size() < limit; i++) {
        LocalDate d = week.plusDays(i);
        if (d.isAfter(last)) {
          return dates;
        }
        if (!d.isBefore(first) && pattern.daysOfWeek().contains(d.getDayOfWeek())) {
          dates.add(d);
        }
      }
      week = week.plus(pattern.interval(), ChronoUnit.WEEKS);
    }
    return dates;
  }

  @Override
  public String toString() {
    return pattern
        + lastDate.map(d -> " until " + d).orElse("")
        + numberOfOccurrences.map(n -> ", " + n + " times").orElse("");
  }
}
