package com.workplace.calendar.testkit.internal;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.testkit.FakeRecurrence;
import com.workplace.calendar.testkit.FakeRecurrence.WeekIndex;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecurrenceDatesTest {

  private static final LocalDate FAR = LocalDate.of(2040, 1, 1);

  private static List<LocalDate> dates(FakeRecurrence r, String start, int max) {
    return RecurrenceDates.list(r.startingOn(LocalDate.parse(start)), FAR, max);
  }

  private static List<LocalDate> days(String... isoDates) {
    return java.util.Arrays.stream(isoDates).map(LocalDate::parse).toList();
  }

  @Test
  void dailyEveryNDays() {
    assertThat(dates(FakeRecurrence.daily(3).times(4), "2030-01-30", 10))
        .isEqualTo(days("2030-01-30", "2030-02-02", "2030-02-05", "2030-02-08"));
  }

  @Test
  void weeklyStartsInTheWeekOfTheStartDateAndSkipsEarlierDays() {
    // 2030-01-09 is a Wednesday: Monday of that week is before the start, Thursday is not
    assertThat(dates(FakeRecurrence.weekly(1, MONDAY, THURSDAY).times(3), "2030-01-09", 10))
        .isEqualTo(days("2030-01-10", "2030-01-14", "2030-01-17"));
  }

  @Test
  void intervalsCountFromTheFirstOccurrence() {
    // every other Monday from Friday 11 January: the first is the next Monday, not a fortnight
    assertThat(dates(FakeRecurrence.weekly(2, MONDAY).times(3), "2030-01-11", 10))
        .isEqualTo(days("2030-01-14", "2030-01-28", "2030-02-11"));
    assertThat(dates(FakeRecurrence.absoluteYearly(2, Month.MARCH, 1).times(2), "2030-06-01",
        10)).isEqualTo(days("2031-03-01", "2033-03-01"));
  }

  @Test
  void weeklyIntervalsCountWeeksFromTheFirstDayOfWeek() {
    FakeRecurrence everyOtherWeek = FakeRecurrence.weekly(2, SUNDAY, SATURDAY).times(4);
    // weeks start on Sunday (Graph's default): Sunday 2030-01-06 .. Saturday 2030-01-12
    assertThat(dates(everyOtherWeek, "2030-01-06", 10))
        .isEqualTo(days("2030-01-06", "2030-01-12", "2030-01-20", "2030-01-26"));
    // with Monday as first day, Sunday 2030-01-06 ends the week before Saturday 2030-01-12
    assertThat(dates(everyOtherWeek.firstDayOfWeek(MONDAY), "2030-01-06", 10))
        .isEqualTo(days("2030-01-06", "2030-01-19", "2030-01-20", "2030-02-02"));
  }

  @Test
  void absoluteMonthlyFallsOnTheLastDayOfShorterMonths() {
    assertThat(dates(FakeRecurrence.absoluteMonthly(1, 31).times(4), "2030-01-01", 10))
        .isEqualTo(days("2030-01-31", "2030-02-28", "2030-03-31", "2030-04-30"));
    // the 15th of every other month from 20 January: February is the first, then April
    assertThat(dates(FakeRecurrence.absoluteMonthly(2, 15).times(3), "2030-01-20", 10))
        .isEqualTo(days("2030-02-15", "2030-04-15", "2030-06-15"));
  }

  @Test
  void relativeMonthlyPicksTheIndexedMatchingDay() {
    assertThat(dates(FakeRecurrence.relativeMonthly(1, WeekIndex.LAST, FRIDAY).times(3),
        "2030-01-01", 10)).isEqualTo(days("2030-01-25", "2030-02-22", "2030-03-29"));
    assertThat(dates(FakeRecurrence.relativeMonthly(1, WeekIndex.SECOND, WEDNESDAY).times(2),
        "2030-01-01", 10)).isEqualTo(days("2030-01-09", "2030-02-13"));
    // first Thursday or Friday: the first day of the month that is either
    assertThat(dates(FakeRecurrence.relativeMonthly(1, WeekIndex.FIRST, THURSDAY, FRIDAY)
        .times(2), "2030-01-01", 10)).isEqualTo(days("2030-01-03", "2030-02-01"));
    // Graph's documented example: the first Thursday of every other month from 29 August
    // 2017 first occurs in September
    assertThat(dates(FakeRecurrence.relativeMonthly(2, WeekIndex.FIRST, THURSDAY).times(2),
        "2017-08-29", 10)).isEqualTo(days("2017-09-07", "2017-11-02"));
  }

  @Test
  void yearlyPatterns() {
    assertThat(dates(FakeRecurrence.absoluteYearly(1, Month.APRIL, 15).times(2), "2030-05-01",
        10)).isEqualTo(days("2031-04-15", "2032-04-15"));
    assertThat(dates(FakeRecurrence.absoluteYearly(1, Month.FEBRUARY, 29).times(3),
        "2030-01-01", 10)).isEqualTo(days("2030-02-28", "2031-02-28", "2032-02-29"));
    assertThat(dates(FakeRecurrence.relativeYearly(1, Month.NOVEMBER, WeekIndex.LAST,
        WEDNESDAY).times(2), "2030-01-01", 10)).isEqualTo(days("2030-11-27", "2031-11-26"));
  }

  @Test
  void rangesEndOnADateAfterACountOrNever() {
    assertThat(dates(FakeRecurrence.weekly(1, MONDAY).until(LocalDate.of(2030, 1, 21)),
        "2030-01-07", 10)).isEqualTo(days("2030-01-07", "2030-01-14", "2030-01-21"));
    assertThat(dates(FakeRecurrence.daily(1).noEnd(), "2030-01-01", 500)).hasSize(500);
    assertThat(dates(FakeRecurrence.daily(1).times(999), "2030-01-01", 5000)).hasSize(999);
  }

  @Test
  void containsKnowsTheSeriesDates() {
    FakeRecurrence r = FakeRecurrence.weekly(1, MONDAY).times(2).startingOn(
        LocalDate.of(2030, 1, 7));

    assertThat(RecurrenceDates.contains(r, LocalDate.of(2030, 1, 14))).isTrue();
    assertThat(RecurrenceDates.contains(r, LocalDate.of(2030, 1, 21))).isFalse();
    assertThat(RecurrenceDates.contains(r, LocalDate.of(2030, 1, 8))).isFalse();
  }

  @Test
  void valuesAreValidatedAsExchangeDoes() {
    assertThatThrownBy(() -> FakeRecurrence.daily(0)).hasMessageContaining("interval");
    assertThatThrownBy(() -> FakeRecurrence.daily(1).times(1000)).hasMessageContaining("999");
    assertThatThrownBy(() -> FakeRecurrence.absoluteMonthly(1, 32))
        .hasMessageContaining("dayOfMonth");
    assertThatThrownBy(() -> FakeRecurrence.absoluteYearly(1, Month.FEBRUARY, 30))
        .hasMessageContaining("no day 30");
    assertThatThrownBy(() -> FakeRecurrence.daily(1).startingOn(LocalDate.of(2030, 2, 1))
        .until(LocalDate.of(2030, 1, 1))).hasMessageContaining("before the start date");
  }
}
