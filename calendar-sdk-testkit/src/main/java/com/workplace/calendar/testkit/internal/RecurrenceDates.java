package com.workplace.calendar.testkit.internal;

import com.workplace.calendar.testkit.FakeRecurrence;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The dates a recurrence pattern and range produce, as Exchange expands them, in the
 * recurrence's time zone. The range's start date need not be an occurrence: the first
 * occurrence is the first date on or after it that fits the pattern, and the interval counts
 * weeks, months or years from the week, month or year of that first occurrence (so "the first
 * Thursday of every other month" starting on 29 August first occurs in September, as Graph's
 * documentation has it).
 */
final class RecurrenceDates {

  private RecurrenceDates() {}

  /**
   * Calls {@code sink} with every date of the series up to {@code until} (inclusive), in order;
   * stops early when the sink answers false. A numbered range counts from its start date, so
   * the count is right whatever {@code until} is.
   *
   * @param r the recurrence, with its start date
   * @param until the last date of interest
   * @param sink receives the dates
   */
  static void forEach(FakeRecurrence r, LocalDate until, Predicate<LocalDate> sink) {
    LocalDate start = r.startDate().orElseThrow();
    LocalDate last = r.endDate().filter(end -> end.isBefore(until)).orElse(until);
    int[] left = {r.rangeType() == FakeRecurrence.RangeType.NUMBERED
        ? r.numberOfOccurrences() : Integer.MAX_VALUE};
    Predicate<LocalDate> emit = d -> {
      if (d.isBefore(start)) {
        return true;
      }
      if (d.isAfter(last) || left[0] <= 0) {
        return false;
      }
      left[0]--;
      return sink.test(d) && left[0] > 0;
    };
    switch (r.patternType()) {
      case DAILY:
        for (LocalDate d = start; !d.isAfter(last); d = d.plusDays(r.interval())) {
          if (!emit.test(d)) {
            return;
          }
        }
        return;
      case WEEKLY:
        weekly(r, start, last, emit);
        return;
      case ABSOLUTE_MONTHLY:
      case RELATIVE_MONTHLY: {
        YearMonth first = YearMonth.from(start);
        if (dayIn(r, first).isBefore(start)) {
          first = first.plusMonths(1);
        }
        for (YearMonth m = first; !m.atDay(1).isAfter(last); m = m.plusMonths(r.interval())) {
          if (!emit.test(dayIn(r, m))) {
            return;
          }
        }
        return;
      }
      case ABSOLUTE_YEARLY:
      case RELATIVE_YEARLY:
      default: {
        YearMonth first = YearMonth.of(start.getYear(), r.month());
        if (dayIn(r, first).isBefore(start)) {
          first = first.plusYears(1);
        }
        for (YearMonth m = first; !m.atDay(1).isAfter(last); m = m.plusYears(r.interval())) {
          if (!emit.test(dayIn(r, m))) {
            return;
          }
        }
      }
    }
  }

  /** The dates up to {@code until}, at most {@code max} of them. */
  static List<LocalDate> list(FakeRecurrence r, LocalDate until, int max) {
    List<LocalDate> out = new ArrayList<>();
    forEach(r, until, d -> {
      out.add(d);
      return out.size() < max;
    });
    return out;
  }

  /** Whether a date is one of the series' dates. */
  static boolean contains(FakeRecurrence r, LocalDate date) {
    boolean[] found = {false};
    forEach(r, date, d -> {
      found[0] = d.equals(date);
      return !found[0];
    });
    return found[0];
  }

  private static void weekly(
      FakeRecurrence r, LocalDate start, LocalDate last, Predicate<LocalDate> emit) {
    LocalDate firstMatch = start;
    while (!r.daysOfWeek().contains(firstMatch.getDayOfWeek())) {
      firstMatch = firstMatch.plusDays(1);
    }
    DayOfWeek firstDay = r.firstDayOfWeek();
    for (LocalDate week = firstMatch.with(TemporalAdjusters.previousOrSame(firstDay));
        !week.isAfter(last); week = week.plusWeeks(r.interval())) {
      for (int i = 0; i < 7; i++) {
        LocalDate d = week.plusDays(i);
        if (r.daysOfWeek().contains(d.getDayOfWeek()) && !emit.test(d)) {
          return;
        }
      }
    }
  }

  /** The pattern's day in a month: the day of month (clamped) or the index-th matching day. */
  private static LocalDate dayIn(FakeRecurrence r, YearMonth m) {
    if (r.patternType() == FakeRecurrence.PatternType.ABSOLUTE_MONTHLY
        || r.patternType() == FakeRecurrence.PatternType.ABSOLUTE_YEARLY) {
      return m.atDay(Math.min(r.dayOfMonth(), m.lengthOfMonth()));
    }
    List<LocalDate> matching = new ArrayList<>();
    for (int day = 1; day <= m.lengthOfMonth(); day++) {
      if (r.daysOfWeek().contains(m.atDay(day).getDayOfWeek())) {
        matching.add(m.atDay(day));
      }
    }
    return r.index() == FakeRecurrence.WeekIndex.LAST ? matching.get(matching.size() - 1)
        : matching.get(r.index().ordinal());
  }
}
