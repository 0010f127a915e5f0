package com.workplace.calendar.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.tenant.TenantId;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Series that recur in a time zone: wall-clock times kept across clock changes, local dates. */
class BookingRecurrenceZoneTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static Instant at(String local, ZoneId zone) {
    return LocalDateTime.parse(local).atZone(zone).toInstant();
  }

  private static List<LocalDateTime> local(List<Instant> starts, ZoneId zone) {
    return starts.stream().map(s -> LocalDateTime.ofInstant(s, zone)).toList();
  }

  @Test
  void aWeeklyBerlinStandUpStaysAtNineWhenSummerTimeBegins() {
    // summer time begins in Berlin on Sunday 2026-03-29
    Instant first = at("2026-03-16T09:00", BERLIN);
    BookingRecurrence weekly = BookingRecurrence.weekly(1, DayOfWeek.MONDAY).times(4).inZone(BERLIN);

    List<Instant> starts = weekly.occurrenceStarts(first);

    assertThat(starts)
        .containsExactly(
            Instant.parse("2026-03-16T08:00:00Z"),
            Instant.parse("2026-03-23T08:00:00Z"),
            Instant.parse("2026-03-30T07:00:00Z"),
            Instant.parse("2026-04-06T07:00:00Z"));
    assertThat(local(starts, BERLIN)).extracting(LocalDateTime::toLocalTime).containsOnly(LocalTime.of(9, 0));
    // the same series in UTC keeps 08:00 UTC, which is 10:00 in Berlin after the change
    List<Instant> utc = BookingRecurrence.weekly(1, DayOfWeek.MONDAY).times(4).occurrenceStarts(first);
    assertThat(local(utc, BERLIN)).extracting(LocalDateTime::toLocalTime)
        .containsExactly(LocalTime.of(9, 0), LocalTime.of(9, 0), LocalTime.of(10, 0), LocalTime.of(10, 0));
  }

  @Test
  void aDailyNewYorkSeriesKeepsHalfPastEightInSpringAndInAutumn() {
    // New York: clocks forward on 2026-03-08, back on 2026-11-01
    List<Instant> spring =
        BookingRecurrence.daily(1).times(4).inZone(NEW_YORK).occurrenceStarts(at("2026-03-06T08:30", NEW_YORK));
    List<Instant> autumn =
        BookingRecurrence.daily(1).times(4).inZone(NEW_YORK).occurrenceStarts(at("2026-10-30T08:30", NEW_YORK));

    assertThat(spring)
        .containsExactly(
            Instant.parse("2026-03-06T13:30:00Z"),
            Instant.parse("2026-03-07T13:30:00Z"),
            Instant.parse("2026-03-08T12:30:00Z"),
            Instant.parse("2026-03-09T12:30:00Z"));
    assertThat(autumn)
        .containsExactly(
            Instant.parse("2026-10-30T12:30:00Z"),
            Instant.parse("2026-10-31T12:30:00Z"),
            Instant.parse("2026-11-01T13:30:00Z"),
            Instant.parse("2026-11-02T13:30:00Z"));
    assertThat(local(spring, NEW_YORK)).extracting(LocalDateTime::toLocalTime).containsOnly(LocalTime.of(8, 30));
    assertThat(local(autumn, NEW_YORK)).extracting(LocalDateTime::toLocalTime).containsOnly(LocalTime.of(8, 30));
  }

  @Test
  void daysOfTheWeekAndTheLastDateAreDatesInTheZone() {
    // Friday 21:00 in New York is Saturday 02:00 (winter) or 01:00 (summer) in UTC
    Instant friday = at("2026-03-06T21:00", NEW_YORK);
    BookingRecurrence fridays =
        BookingRecurrence.weekly(1, DayOfWeek.FRIDAY).until(LocalDate.parse("2026-03-20")).inZone(NEW_YORK);

    List<Instant> starts = fridays.occurrenceStarts(friday);

    assertThat(local(starts, NEW_YORK))
        .containsExactly(
            LocalDateTime.parse("2026-03-06T21:00"),
            LocalDateTime.parse("2026-03-13T21:00"),
            LocalDateTime.parse("2026-03-20T21:00"));
    assertThat(starts.get(2)).isEqualTo(Instant.parse("2026-03-21T01:00:00Z"));
    // in UTC the same start is a Saturday
    assertThatThrownBy(
            () -> BookingRecurrence.weekly(1, DayOfWeek.FRIDAY).times(3).occurrenceStarts(friday))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("starts on a SATURDAY (UTC)");
    assertThatThrownBy(
            () -> BookingRecurrence.weekly(1, DayOfWeek.SATURDAY).times(3).inZone(NEW_YORK).occurrenceStarts(friday))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("starts on a FRIDAY (America/New_York)");
  }

  @Test
  void anOccurrenceInTheSkippedHourStartsLaterByTheGap() {
    // 02:30 does not exist in Berlin on 2026-03-29: the clocks jump from 02:00 to 03:00
    List<Instant> starts =
        BookingRecurrence.daily(1).times(4).inZone(BERLIN).occurrenceStarts(at("2026-03-27T02:30", BERLIN));

    assertThat(local(starts, BERLIN))
        .containsExactly(
            LocalDateTime.parse("2026-03-27T02:30"),
            LocalDateTime.parse("2026-03-28T02:30"),
            LocalDateTime.parse("2026-03-29T03:30"),
            LocalDateTime.parse("2026-03-30T02:30"));
  }

  @Test
  void anOccurrenceInTheRepeatedHourTakesTheFirstOfTheTwo() {
    // 02:30 happens twice in Berlin on 2026-10-25: at 00:30 UTC (summer time) and 01:30 UTC
    Instant firstOfTwo = Instant.parse("2026-10-25T00:30:00Z");
    Instant secondOfTwo = Instant.parse("2026-10-25T01:30:00Z");
    assertThat(LocalDateTime.ofInstant(secondOfTwo, BERLIN)).isEqualTo(LocalDateTime.ofInstant(firstOfTwo, BERLIN));

    List<Instant> starts =
        BookingRecurrence.daily(1).times(3).inZone(BERLIN).occurrenceStarts(at("2026-10-24T02:30", BERLIN));
    assertThat(starts.get(1)).isEqualTo(firstOfTwo);
    assertThat(BookingRecurrence.daily(1).times(2).inZone(BERLIN).occurrenceStarts(firstOfTwo)).startsWith(firstOfTwo);

    assertThatThrownBy(() -> BookingRecurrence.daily(1).times(3).inZone(BERLIN).occurrenceStarts(secondOfTwo))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the second time that wall-clock time occurs there")
        .hasMessageContaining("start it at " + firstOfTwo);
  }

  @Test
  void anOccurrenceMayNotLastIntoTheNextOneWhenTheClocksChange() {
    // a daily booking of 23h30 fits 24 hours, not the 23 hours before 2026-03-29 in Berlin
    Instant start = at("2026-03-26T09:00", BERLIN);
    Instant end = start.plus(Duration.ofMinutes(23 * 60 + 30));
    BookingRecurrence berlin = BookingRecurrence.daily(1).times(5).inZone(BERLIN);

    assertThatThrownBy(() -> berlin.occurrenceStarts(start, end))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the occurrence of 2026-03-28 would last into the next one, which starts only 1380 minutes later because the clocks change");
    assertThat(BookingRecurrence.daily(1).times(5).occurrenceStarts(start, end)).hasSize(5);
    assertThatThrownBy(
            () ->
                BookingRequest.builder(TenantId.parse("contoso.com"), "long")
                    .room("orchard@contoso.com")
                    .time(start, end)
                    .booker("ada@contoso.com", null)
                    .recurrence(berlin)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("because the clocks change");
  }

  @Test
  void zonesEquivalentToUtcAreUtcAndOtherZonesAreNamed() {
    BookingRecurrence utc = BookingRecurrence.daily(1).times(3);

    assertThat(utc.zone()).isEqualTo(ZoneOffset.UTC);
    assertThat(utc.isUtc()).isTrue();
    assertThat(utc.inZone(ZoneId.of("UTC"))).isEqualTo(utc);
    assertThat(utc.inZone(ZoneId.of("Etc/UTC"))).isEqualTo(utc);
    assertThat(utc.inZone(ZoneId.of("Z"))).isEqualTo(utc);
    assertThat(utc.inZone(BERLIN)).isNotEqualTo(utc).satisfies(r -> assertThat(r.isUtc()).isFalse());
    assertThat(utc.inZone(BERLIN).toString()).isEqualTo("every day, 3 times in Europe/Berlin");
    assertThat(utc.toString()).isEqualTo("every day, 3 times");
    assertThat(utc.inZone(BERLIN).inZone(ZoneOffset.UTC)).isEqualTo(utc);
    assertThatThrownBy(() -> utc.inZone(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void theFirstStartStaysTheBookingsOwnStart() {
    ZonedDateTime first = ZonedDateTime.of(2026, 3, 16, 9, 15, 30, 0, BERLIN);

    List<Instant> starts =
        BookingRecurrence.weekly(1, DayOfWeek.MONDAY).times(3).inZone(BERLIN).occurrenceStarts(first.toInstant());

    assertThat(starts.get(0)).isEqualTo(first.toInstant());
    assertThat(local(starts, BERLIN)).extracting(LocalDateTime::toLocalTime).containsOnly(LocalTime.of(9, 15, 30));
  }
}
