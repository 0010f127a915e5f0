package com.workplace.calendar.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.tenant.TenantId;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BookingRecurrenceTest {
  private static final TenantId CONTOSO = TenantId.parse("contoso.com");
  /** A Monday. */
  private static final Instant MONDAY_TEN = Instant.parse("2026-03-02T10:00:00Z");

  private static List<LocalDate> dates(List<Instant> starts) {
    return starts.stream().map(s -> s.atOffset(ZoneOffset.UTC).toLocalDate()).toList();
  }

  @Test
  void aWeeklySeriesOfTenFallsOnTenMondaysAtTheSameUtcTime() {
    List<Instant> starts = BookingRecurrence.weekly(1, DayOfWeek.MONDAY).times(10).occurrenceStarts(MONDAY_TEN);

    assertThat(starts).hasSize(10);
    assertThat(starts.get(0)).isEqualTo(MONDAY_TEN);
    assertThat(starts.get(9)).isEqualTo(Instant.parse("2026-05-04T10:00:00Z"));
    assertThat(starts).allSatisfy(s -> assertThat(s.atOffset(ZoneOffset.UTC).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY));
  }

  @Test
  void weeksStartOnMondayWhenAnIntervalCountsWeeks() {
    Instant sunday = Instant.parse("2026-03-08T10:00:00Z");
    List<Instant> starts =
        BookingRecurrence.weekly(2, DayOfWeek.SUNDAY, DayOfWeek.MONDAY).times(5).occurrenceStarts(sunday);

    assertThat(dates(starts))
        .containsExactly(
            LocalDate.parse("2026-03-08"),
            LocalDate.parse("2026-03-16"),
            LocalDate.parse("2026-03-22"),
            LocalDate.parse("2026-03-30"),
            LocalDate.parse("2026-04-05"));
  }

  @Test
  void aSeriesEndingOnADateIncludesThatDate() {
    List<Instant> starts =
        BookingRecurrence.daily(2).until(LocalDate.parse("2026-03-10")).occurrenceStarts(MONDAY_TEN);

    assertThat(dates(starts))
        .containsExactly(
            LocalDate.parse("2026-03-02"),
            LocalDate.parse("2026-03-04"),
            LocalDate.parse("2026-03-06"),
            LocalDate.parse("2026-03-08"),
            LocalDate.parse("2026-03-10"));
    assertThat(BookingRecurrence.daily(1).until(LocalDate.parse("2026-03-02")).occurrenceStarts(MONDAY_TEN))
        .containsExactly(MONDAY_TEN);
  }

  @Test
  void invalidPatternsAndRangesAreRefusedWithWhatIsWrong() {
    assertThatThrownBy(() -> BookingRecurrence.daily(0)).hasMessageContaining("between 1 and 999, was 0");
    assertThatThrownBy(() -> BookingRecurrence.weekly(1000, DayOfWeek.MONDAY)).hasMessageContaining("weeks");
    assertThatThrownBy(() -> BookingRecurrence.daily(1).times(1000)).hasMessageContaining("between 1 and 999 occurrences");
    assertThatThrownBy(() -> BookingRecurrence.daily(1).times(0)).hasMessageContaining("was 0");
    assertThatThrownBy(() -> new BookingRecurrence(BookingRecurrence.daily(1), Optional.empty(), Optional.empty()))
        .hasMessageContaining("must end");
    assertThatThrownBy(() -> new BookingRecurrence(BookingRecurrence.daily(1), Optional.of(LocalDate.MAX), Optional.of(3)))
        .hasMessageContaining("not both");
    assertThatThrownBy(() -> new BookingRecurrence.Pattern(BookingRecurrence.Frequency.WEEKLY, 1, java.util.Set.of()))
        .hasMessageContaining("at least one day");
    assertThatThrownBy(
            () -> new BookingRecurrence.Pattern(BookingRecurrence.Frequency.DAILY, 1, java.util.Set.of(DayOfWeek.MONDAY)))
        .hasMessageContaining("daily recurrence has no days");
  }

  @Test
  void aSeriesMustStartOnItsFirstOccurrenceAndHaveAtMost999() {
    assertThatThrownBy(
            () -> BookingRecurrence.weekly(1, DayOfWeek.TUESDAY, DayOfWeek.FRIDAY).times(3).occurrenceStarts(MONDAY_TEN))
        .hasMessageContaining("starts on a MONDAY (UTC), which is not one of the recurrence's days (TUESDAY, FRIDAY)");
    assertThatThrownBy(() -> BookingRecurrence.daily(1).until(LocalDate.parse("2026-03-01")).occurrenceStarts(MONDAY_TEN))
        .hasMessageContaining("ends on 2026-03-01, before the booking's first date 2026-03-02");
    assertThatThrownBy(() -> BookingRecurrence.daily(1).until(LocalDate.parse("2030-01-01")).occurrenceStarts(MONDAY_TEN))
        .hasMessageContaining("more than 999 occurrences");
    assertThat(BookingRecurrence.daily(1).times(999).occurrenceStarts(MONDAY_TEN)).hasSize(999);
  }

  @Test
  void aRequestChecksItsRecurrenceAgainstItsTime() {
    BookingRequest.Builder request =
        BookingRequest.builder(CONTOSO, "series-1")
            .room("orchard@contoso.com")
            .booker("alex@contoso.com", "Alex");

    BookingRequest weekly =
        request.time(MONDAY_TEN, MONDAY_TEN.plus(Duration.ofHours(1)))
            .recurrence(BookingRecurrence.weekly(1, DayOfWeek.MONDAY).times(10))
            .build();
    assertThat(weekly.recurrence()).contains(BookingRecurrence.weekly(1, DayOfWeek.MONDAY).times(10));

    assertThatThrownBy(
            () -> request.time(MONDAY_TEN, MONDAY_TEN.plus(Duration.ofHours(25))).recurrence(BookingRecurrence.daily(1).times(3)).build())
        .hasMessageContaining("a booking of 1500 minutes cannot recur every day")
        .hasMessageContaining("at most 1 day later");
    assertThatThrownBy(
            () ->
                request.time(MONDAY_TEN, MONDAY_TEN.plus(Duration.ofHours(25)))
                    .recurrence(BookingRecurrence.weekly(1, DayOfWeek.MONDAY, DayOfWeek.TUESDAY).times(1))
                    .build())
        .hasMessageContaining("each occurrence must end before the next one starts");
    // the week wraps around: Sunday to Monday is one day, too
    assertThatThrownBy(
            () ->
                request.time(MONDAY_TEN, MONDAY_TEN.plus(Duration.ofHours(25)))
                    .recurrence(BookingRecurrence.weekly(1, DayOfWeek.MONDAY, DayOfWeek.SUNDAY).times(4))
                    .build())
        .hasMessageContaining("at most 1 day later");
    assertThat(
            request.time(MONDAY_TEN, MONDAY_TEN.plus(Duration.ofDays(7)))
                .recurrence(BookingRecurrence.weekly(1, DayOfWeek.MONDAY).times(4))
                .build()
                .recurrence())
        .isPresent();
    assertThatThrownBy(
            () -> request.time(MONDAY_TEN, MONDAY_TEN.plusSeconds(1800)).recurrence(BookingRecurrence.weekly(1, DayOfWeek.FRIDAY).times(2)).build())
        .hasMessageContaining("not one of the recurrence's days");
  }

  @Test
  void aSingleBookingHasNoRecurrenceAndASeriesConflictNamesItsDates() {
    assertThatThrownBy(
            () ->
                new Booking(CONTOSO, "k", "orchard@contoso.com", "e", Optional.empty(), "", MONDAY_TEN,
                    MONDAY_TEN.plusSeconds(60), Optional.empty(), List.of(), false,
                    Optional.of(BookingRecurrence.daily(1).times(2))))
        .hasMessageContaining("does not recur");

    Instant second = MONDAY_TEN.plus(Duration.ofDays(7));
    BookingConflictException e =
        new BookingConflictException(
            "orchard@contoso.com",
            MONDAY_TEN,
            MONDAY_TEN.plusSeconds(3600),
            List.of(new ConflictingInterval(second, second.plusSeconds(1800), false, Optional.empty(), Optional.empty())),
            List.of(second),
            false);
    assertThat(e.conflictingOccurrences()).containsExactly(second);
    assertThat(e.getMessage())
        .contains("occurrences 2026-03-09T10:00:00Z–2026-03-09T11:00:00Z overlap it");
    assertThat(BookingRecurrence.weekly(2, DayOfWeek.MONDAY).times(3).toString()).isEqualTo("every 2 weeks on MONDAY, 3 times");
  }
}
