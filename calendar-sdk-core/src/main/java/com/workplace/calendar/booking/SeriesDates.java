package com.workplace.calendar.booking;

import com.workplace.calendar.booking.BookingRecurrence.Frequency;
import com.workplace.calendar.booking.BookingRecurrence.Pattern;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The date arithmetic behind {@link BookingRecurrence}: the dates a pattern gives, and whether
 * occurrences of a length fit between them.
 */
final class SeriesDates {
  private SeriesDates() {}

  /**
   * The dates of a series from its first date, at most {@code limit} of them.
   *
   * @param pattern how often it recurs
   * @param lastDate the last date, if the series ends on one
   * @param first the first date
   * @param limit the most dates wanted
   * @return the dates, in order
   */
  static List<LocalDate> dates(Pattern pattern, Optional<LocalDate> lastDate, LocalDate first, int limit) {
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

  /**
   * Checks that occurrences of a length end before the next ones start: by the pattern's days
   * whatever the range, and by the starts themselves, which a clock change can bring closer.
   *
   * @param recurrence the recurrence
   * @param starts its occurrences' starts
   * @param length how long each occurrence lasts
   * @throws IllegalArgumentException if an occurrence would last into the next one
   */
  static void checkLength(BookingRecurrence recurrence, List<Instant> starts, Duration length) {
    Duration gap = shortestGap(recurrence.pattern());
    if (length.compareTo(gap) > 0) {
      throw new IllegalArgumentException(
          "a booking of "
              + length.toMinutes()
              + " minutes cannot recur "
              + recurrence.pattern()
              + ": each occurrence must end before the next one starts, at most "
              + gap.toDays()
              + (gap.toDays() == 1 ? " day" : " days")
              + " later");
    }
    for (int i = 1; i < starts.size(); i++) {
      if (starts.get(i - 1).plus(length).isAfter(starts.get(i))) {
        throw new IllegalArgumentException(
            "a booking of "
                + length.toMinutes()
                + " minutes cannot recur "
                + recurrence
                + ": the occurrence of "
                + starts.get(i - 1).atZone(recurrence.zone()).toLocalDate()
                + " would last into the next one, which starts only "
                + Duration.between(starts.get(i - 1), starts.get(i)).toMinutes()
                + " minutes later because the clocks change; shorten the booking");
      }
    }
  }

  /** The shortest time between two occurrences' starts by the pattern's days. */
  private static Duration shortestGap(Pattern pattern) {
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
}
