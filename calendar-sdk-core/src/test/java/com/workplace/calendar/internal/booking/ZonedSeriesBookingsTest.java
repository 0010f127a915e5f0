package com.workplace.calendar.internal.booking;

import static com.workplace.calendar.internal.TestWorld.CONTOSO;
import static com.workplace.calendar.internal.TestWorld.ORCHARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.booking.Booking;
import com.workplace.calendar.booking.BookingConflictException;
import com.workplace.calendar.booking.BookingRecurrence;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.booking.BookingRuleException;
import com.workplace.calendar.booking.ConflictPolicy;
import com.workplace.calendar.internal.TestWorld;
import com.workplace.calendar.registry.RoomBookingRules;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.spi.CalendarEvent;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Recurring bookings in a time zone across the change to summer time, on the in-memory backend. */
class ZonedSeriesBookingsTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  /** Thursdays 17:00 in New York from 2026-03-05; the clocks go forward on Sunday 2026-03-08. */
  private static final BookingRecurrence THURSDAYS =
      BookingRecurrence.weekly(1, DayOfWeek.THURSDAY).times(4).inZone(NEW_YORK);

  private TestWorld world;
  private DefaultRoomBookings bookings;

  @BeforeEach
  void setUp() {
    world = new TestWorld();
    world.connectedRoom(ORCHARD);
    bookings = new DefaultRoomBookings(world.store, world.backend, world.clock);
  }

  private static Instant newYork(String local) {
    return LocalDateTime.parse(local).atZone(NEW_YORK).toInstant();
  }

  private static BookingRequest.Builder review(String key) {
    return BookingRequest.builder(CONTOSO, key)
        .room(ORCHARD)
        .subject("Weekly review")
        .time(newYork("2026-03-05T17:00"), newYork("2026-03-05T18:00"))
        .booker("ada@contoso.com", "Ada")
        .recurrence(THURSDAYS);
  }

  private List<CalendarEvent> instances() {
    return world.backend.events(ORCHARD).stream()
        .filter(e -> e.type().isSeriesInstance())
        .sorted(Comparator.comparing(CalendarEvent::start))
        .toList();
  }

  @Test
  void everyOccurrenceKeepsFivePmInNewYorkAndTheBookingSaysItsZone() {
    Booking booking = bookings.create(review("review").build());

    assertThat(booking.recurrence()).contains(THURSDAYS);
    assertThat(instances()).extracting(CalendarEvent::start)
        .containsExactly(
            Instant.parse("2026-03-05T22:00:00Z"),
            Instant.parse("2026-03-12T21:00:00Z"),
            Instant.parse("2026-03-19T21:00:00Z"),
            Instant.parse("2026-03-26T21:00:00Z"));
    assertThat(instances()).extracting(e -> LocalDateTime.ofInstant(e.start(), NEW_YORK).toLocalTime())
        .containsOnly(LocalTime.of(17, 0));
  }

  @Test
  void aConflictAfterTheClockChangeIsRefusedWithItsLocalDate() {
    // 17:30 in New York on 2026-03-19 is 21:30 UTC: in the way of the local 17:00 occurrence,
    // not of 22:00 UTC, where a series in UTC would have put it
    world.backend.outlook.addExternalEvent(ORCHARD, "bob@contoso.com", "Numbers", newYork("2026-03-19T17:30"), newYork("2026-03-19T17:45"));

    assertThatThrownBy(() -> bookings.create(review("review").build()))
        .isInstanceOfSatisfying(
            BookingConflictException.class,
            e -> {
              assertThat(e.conflictingOccurrences()).containsExactly(newYork("2026-03-19T17:00"));
              assertThat(e.getMessage()).contains("occurrences 2026-03-19 17:00–18:00 (America/New_York) overlap");
            });
    assertThat(world.store.findBookingLink(CONTOSO, "review")).isEmpty();

    RoomCalendar calendar = world.store.findCalendar(CONTOSO, ORCHARD).orElseThrow();
    world.store.updateCalendar(calendar.withBookingRules(RoomBookingRules.none().withAllowConflicts(false)));
    assertThatThrownBy(() -> bookings.create(review("review").conflictPolicy(ConflictPolicy.ALLOW).build()))
        .isInstanceOf(BookingRuleException.class)
        .hasMessageContaining("the series' occurrences on 2026-03-19 (America/New_York) overlap");
    assertThat(world.backend.calls.eventsCreated).hasValue(0);
  }

  @Test
  void anOccurrenceAfterTheClockChangeIsCancelledByItsLocalStart() {
    bookings.create(review("review").build());
    Instant third = newYork("2026-03-19T17:00");

    assertThatThrownBy(() -> bookings.cancelOccurrence(CONTOSO, "review", third.plus(Duration.ofHours(1)), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("occurrences start at 17:00 America/New_York");
    assertThat(bookings.cancelOccurrence(CONTOSO, "review", third, "Offsite")).isTrue();

    assertThat(instances()).hasSize(3).extracting(CalendarEvent::start).doesNotContain(third);
  }

  @Test
  void endEarlyFindsTheOccurrenceRunningAfterTheClockChange() {
    bookings.create(review("review").build());
    Instant during = newYork("2026-03-12T17:20");
    world.clock.set(during);

    Booking ended = bookings.endEarly(CONTOSO, "review");

    assertThat(ended.start()).isEqualTo(newYork("2026-03-12T17:00"));
    assertThat(ended.end()).isEqualTo(during);
  }

  @Test
  void aZoneTheBackendCannotStoreIsRefusedBeforeAnythingIsWritten() {
    world.backend.refusedRecurrences = r -> r.zone().equals(NEW_YORK);

    assertThatThrownBy(() -> bookings.create(review("review").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot store a series in America/New_York");

    assertThat(world.store.findBookingLink(CONTOSO, "review")).isEmpty();
    assertThat(world.backend.calls.eventsCreated).hasValue(0);
    assertThat(world.backend.calls.eventsBetweenCalls).hasValue(0);
  }
}
