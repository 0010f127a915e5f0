package com.workplace.calendar.testkit;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The recurrence of a series, as Graph's {@code patternedRecurrence}: a pattern (how often) and
 * a range (for how long). Used to seed series "booked in Outlook" ({@link
 * FakeEventBuilder#recurrence(FakeRecurrence)}) and reported by {@link FakeEvent#recurrence()}.
 *
 * <pre>{@code
 * FakeRecurrence.weekly(1, DayOfWeek.MONDAY, DayOfWeek.THURSDAY).until(LocalDate.of(2030, 6, 30))
 * FakeRecurrence.daily(1).times(10)
 * FakeRecurrence.relativeMonthly(1, FakeRecurrence.WeekIndex.LAST, DayOfWeek.FRIDAY)  // no end
 * }</pre>
 *
 * <p>Fields a pattern type does not use hold Graph's fillers: {@code dayOfMonth} and {@code
 * month} 0, no days of week. Validation follows Exchange: interval 1 to 999, a numbered range of
 * 1 to 999 occurrences, a day of month 1 to 31, a month 1 to 12.
 *
 * @param patternType the pattern type
 * @param interval units (days, weeks, months, years) between occurrences, at least 1
 * @param daysOfWeek the days for weekly and relative patterns, empty for the others
 * @param firstDayOfWeek the first day of the week of weekly patterns (Graph's default Sunday)
 * @param index the week of the month of relative patterns (Graph's default first)
 * @param dayOfMonth the day of absolute patterns, 0 for the others
 * @param month the month (1 to 12) of yearly patterns, 0 for the others
 * @param rangeType the range type
 * @param startDate the date the pattern starts; empty means the date of the event's start
 * @param endDate the last date of an {@code endDate} range, empty for the others
 * @param numberOfOccurrences the occurrences of a {@code numbered} range, 0 for the others
 * @param recurrenceTimeZone the time zone of the dates; empty means the zone of the event's
 *     start
 * @since 0.1.0
 */
public record FakeRecurrence(
    PatternType patternType,
    int interval,
    List<DayOfWeek> daysOfWeek,
    DayOfWeek firstDayOfWeek,
    WeekIndex index,
    int dayOfMonth,
    int month,
    RangeType rangeType,
    Optional<LocalDate> startDate,
    Optional<LocalDate> endDate,
    int numberOfOccurrences,
    Optional<String> recurrenceTimeZone) {

  /** The most occurrences of a numbered range and the largest interval Exchange accepts. */
  public static final int MAX = 999;

  /** Graph's {@code recurrencePatternType}. */
  public enum PatternType {
    /** Every {@code interval} days. */
    DAILY("daily"),
    /** On the days of week, every {@code interval} weeks. */
    WEEKLY("weekly"),
    /** On the day of month, every {@code interval} months. */
    ABSOLUTE_MONTHLY("absoluteMonthly"),
    /** On the {@code index} day of week of the month, every {@code interval} months. */
    RELATIVE_MONTHLY("relativeMonthly"),
    /** On the day of month of the month, every {@code interval} years. */
    ABSOLUTE_YEARLY("absoluteYearly"),
    /** On the {@code index} day of week of the month, every {@code interval} years. */
    RELATIVE_YEARLY("relativeYearly");

    private final String wireName;

    PatternType(String wireName) {
      this.wireName = wireName;
    }

    /**
     * The name Graph uses.
     *
     * @return e.g. {@code absoluteMonthly}
     */
    public String wireName() {
      return wireName;
    }
  }

  /** Graph's {@code recurrenceRangeType}. */
  public enum RangeType {
    /** Until {@code endDate}, inclusive. */
    END_DATE("endDate"),
    /** Without an end. */
    NO_END("noEnd"),
    /** {@code numberOfOccurrences} occurrences. */
    NUMBERED("numbered");

    private final String wireName;

    RangeType(String wireName) {
      this.wireName = wireName;
    }

    /**
     * The name Graph uses.
     *
     * @return e.g. {@code noEnd}
     */
    public String wireName() {
      return wireName;
    }
  }

  /** Graph's {@code weekIndex}. */
  public enum WeekIndex {
    /** The first matching day of the month. */
    FIRST,
    /** The second. */
    SECOND,
    /** The third. */
    THIRD,
    /** The fourth. */
    FOURTH,
    /** The last. */
    LAST;

    /**
     * The name Graph uses.
     *
     * @return e.g. {@code first}
     */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Validates and copies the values.
   *
   * @throws IllegalArgumentException when a value is out of range or missing for the pattern or
   *     range type
   * @throws NullPointerException when a value is null
   */
  public FakeRecurrence {
    Objects.requireNonNull(patternType, "patternType");
    Objects.requireNonNull(firstDayOfWeek, "firstDayOfWeek");
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(rangeType, "rangeType");
    Objects.requireNonNull(startDate, "startDate");
    Objects.requireNonNull(endDate, "endDate");
    Objects.requireNonNull(recurrenceTimeZone, "recurrenceTimeZone");
    List<DayOfWeek> given = nonNullDays(daysOfWeek);
    daysOfWeek = given.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(given));
    if (interval < 1 || interval > MAX) {
      throw new IllegalArgumentException("interval must be between 1 and " + MAX + ": " + interval);
    }
    boolean usesDays = patternType == PatternType.WEEKLY
        || patternType == PatternType.RELATIVE_MONTHLY || patternType == PatternType.RELATIVE_YEARLY;
    if (usesDays == daysOfWeek.isEmpty()) {
      throw new IllegalArgumentException(usesDays ? "a " + patternType.wireName()
          + " pattern needs daysOfWeek" : "a " + patternType.wireName()
          + " pattern takes no daysOfWeek");
    }
    boolean absolute = patternType == PatternType.ABSOLUTE_MONTHLY
        || patternType == PatternType.ABSOLUTE_YEARLY;
    if (absolute ? dayOfMonth < 1 || dayOfMonth > 31 : dayOfMonth != 0) {
      throw new IllegalArgumentException(absolute ? "dayOfMonth must be between 1 and 31: "
          + dayOfMonth : "a " + patternType.wireName() + " pattern takes no dayOfMonth");
    }
    boolean yearly = patternType == PatternType.ABSOLUTE_YEARLY
        || patternType == PatternType.RELATIVE_YEARLY;
    if (yearly ? month < 1 || month > 12 : month != 0) {
      throw new IllegalArgumentException(yearly ? "month must be between 1 and 12: " + month
          : "a " + patternType.wireName() + " pattern takes no month");
    }
    if (patternType == PatternType.ABSOLUTE_YEARLY
        && dayOfMonth > Month.of(month).maxLength()) {
      throw new IllegalArgumentException("month " + month + " has no day " + dayOfMonth);
    }
    if ((rangeType == RangeType.END_DATE) == endDate.isEmpty()) {
      throw new IllegalArgumentException(rangeType == RangeType.END_DATE
          ? "an endDate range needs an end date" : "only an endDate range has an end date");
    }
    if (rangeType == RangeType.NUMBERED
        ? numberOfOccurrences < 1 || numberOfOccurrences > MAX : numberOfOccurrences != 0) {
      throw new IllegalArgumentException(rangeType == RangeType.NUMBERED
          ? "numberOfOccurrences must be between 1 and " + MAX + ": " + numberOfOccurrences
          : "only a numbered range has a number of occurrences");
    }
    if (startDate.isPresent() && endDate.isPresent()
        && endDate.get().isBefore(startDate.get())) {
      throw new IllegalArgumentException("the end date " + endDate.get()
          + " is before the start date " + startDate.get());
    }
    if (recurrenceTimeZone.isPresent() && recurrenceTimeZone.get().isBlank()) {
      throw new IllegalArgumentException("recurrenceTimeZone must not be blank");
    }
  }

  private static List<DayOfWeek> nonNullDays(List<DayOfWeek> days) {
    List<DayOfWeek> out = new ArrayList<>(Objects.requireNonNull(days, "daysOfWeek"));
    out.forEach(d -> Objects.requireNonNull(d, "daysOfWeek"));
    return out;
  }

  private static FakeRecurrence of(PatternType type, int interval, List<DayOfWeek> days,
      WeekIndex index, int dayOfMonth, int month) {
    return new FakeRecurrence(type, interval, days, DayOfWeek.SUNDAY, index, dayOfMonth, month,
        RangeType.NO_END, Optional.empty(), Optional.empty(), 0, Optional.empty());
  }

  private static List<DayOfWeek> days(DayOfWeek first, DayOfWeek... more) {
    List<DayOfWeek> days = new ArrayList<>();
    days.add(Objects.requireNonNull(first, "daysOfWeek"));
    days.addAll(List.of(more));
    return days;
  }

  /**
   * Every {@code interval} days, without an end.
   *
   * @param interval days between occurrences
   * @return the recurrence
   */
  public static FakeRecurrence daily(int interval) {
    return of(PatternType.DAILY, interval, List.of(), WeekIndex.FIRST, 0, 0);
  }

  /**
   * On the given days every {@code interval} weeks, without an end.
   *
   * @param interval weeks between sets of occurrences
   * @param day a day
   * @param moreDays more days
   * @return the recurrence
   */
  public static FakeRecurrence weekly(int interval, DayOfWeek day, DayOfWeek... moreDays) {
    return of(PatternType.WEEKLY, interval, days(day, moreDays), WeekIndex.FIRST, 0, 0);
  }

  /**
   * On a day of the month every {@code interval} months (the last day in shorter months),
   * without an end.
   *
   * @param interval months between occurrences
   * @param dayOfMonth 1 to 31
   * @return the recurrence
   */
  public static FakeRecurrence absoluteMonthly(int interval, int dayOfMonth) {
    return of(PatternType.ABSOLUTE_MONTHLY, interval, List.of(), WeekIndex.FIRST, dayOfMonth, 0);
  }

  /**
   * On the {@code index} one of the given days in the month every {@code interval} months,
   * without an end; with several days, the {@code index} day of the month that is any of them.
   *
   * @param interval months between occurrences
   * @param index which matching day
   * @param day a day
   * @param moreDays more days
   * @return the recurrence
   */
  public static FakeRecurrence relativeMonthly(
      int interval, WeekIndex index, DayOfWeek day, DayOfWeek... moreDays) {
    return of(PatternType.RELATIVE_MONTHLY, interval, days(day, moreDays),
        Objects.requireNonNull(index, "index"), 0, 0);
  }

  /**
   * On a day of a month every {@code interval} years, without an end.
   *
   * @param interval years between occurrences
   * @param month the month
   * @param dayOfMonth the day
   * @return the recurrence
   */
  public static FakeRecurrence absoluteYearly(int interval, Month month, int dayOfMonth) {
    return of(PatternType.ABSOLUTE_YEARLY, interval, List.of(), WeekIndex.FIRST, dayOfMonth,
        month.getValue());
  }

  /**
   * On the {@code index} one of the given days in a month every {@code interval} years, without
   * an end.
   *
   * @param interval years between occurrences
   * @param month the month
   * @param index which matching day
   * @param day a day
   * @param moreDays more days
   * @return the recurrence
   */
  public static FakeRecurrence relativeYearly(
      int interval, Month month, WeekIndex index, DayOfWeek day, DayOfWeek... moreDays) {
    return of(PatternType.RELATIVE_YEARLY, interval, days(day, moreDays),
        Objects.requireNonNull(index, "index"), 0, month.getValue());
  }

  /**
   * A copy ending on a date (inclusive; an {@code endDate} range).
   *
   * @param date the last date an occurrence may fall on
   * @return the copy
   */
  public FakeRecurrence until(LocalDate date) {
    return new FakeRecurrence(patternType, interval, daysOfWeek, firstDayOfWeek, index,
        dayOfMonth, month, RangeType.END_DATE, startDate, Optional.of(date), 0,
        recurrenceTimeZone);
  }

  /**
   * A copy ending after a number of occurrences (a {@code numbered} range).
   *
   * @param occurrences 1 to 999
   * @return the copy
   */
  public FakeRecurrence times(int occurrences) {
    return new FakeRecurrence(patternType, interval, daysOfWeek, firstDayOfWeek, index,
        dayOfMonth, month, RangeType.NUMBERED, startDate, Optional.empty(), occurrences,
        recurrenceTimeZone);
  }

  /**
   * A copy without an end (a {@code noEnd} range).
   *
   * @return the copy
   */
  public FakeRecurrence noEnd() {
    return new FakeRecurrence(patternType, interval, daysOfWeek, firstDayOfWeek, index,
        dayOfMonth, month, RangeType.NO_END, startDate, Optional.empty(), 0, recurrenceTimeZone);
  }

  /**
   * A copy with another first day of the week (matters for weekly patterns with an interval
   * over 1).
   *
   * @param day the day
   * @return the copy
   */
  public FakeRecurrence firstDayOfWeek(DayOfWeek day) {
    return new FakeRecurrence(patternType, interval, daysOfWeek, day, index, dayOfMonth, month,
        rangeType, startDate, endDate, numberOfOccurrences, recurrenceTimeZone);
  }

  /**
   * A copy whose dates are in a time zone (Windows or IANA name).
   *
   * @param zone e.g. {@code W. Europe Standard Time}
   * @return the copy
   */
  public FakeRecurrence timeZone(String zone) {
    return new FakeRecurrence(patternType, interval, daysOfWeek, firstDayOfWeek, index,
        dayOfMonth, month, rangeType, startDate, endDate, numberOfOccurrences,
        Optional.of(zone));
  }

  /**
   * A copy starting on a date (it must be the date of the event's start).
   *
   * @param date the date
   * @return the copy
   */
  public FakeRecurrence startingOn(LocalDate date) {
    return new FakeRecurrence(patternType, interval, daysOfWeek, firstDayOfWeek, index,
        dayOfMonth, month, rangeType, Optional.of(date), endDate, numberOfOccurrences,
        recurrenceTimeZone);
  }
}
