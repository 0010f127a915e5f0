package com.workplace.calendar.internal.booking;

import static com.workplace.calendar.internal.TestWorld.CONTOSO;
import static com.workplace.calendar.internal.TestWorld.ORCHARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.ConflictException;
import com.workplace.calendar.booking.Booking;
import com.workplace.calendar.booking.BookingConflictException;
import com.workplace.calendar.booking.BookingRecurrence;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.booking.BookingRule;
import com.workplace.calendar.booking.BookingRuleException;
import com.workplace.calendar.booking.BookingUpdate;
import com.workplace.calendar.booking.ConflictPolicy;
import com.workplace.calendar.booking.UnresolvedConflictException;
import com.workplace.calendar.internal.TestWorld;
import com.workplace.calendar.registry.RoomBookingRules;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.spi.CalendarEvent;
import com.workplace.calendar.spi.EventType;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Moving a recurring booking on the in-memory backend, which moves series as Exchange does (the
 * master's times and recurrence change, exceptions and cancellations are dropped).
 */
class SeriesMovesTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  /** Six Mondays at 09:00 in Berlin, across the change to summer time on 2026-03-29. */
  private static final BookingRecurrence MONDAYS =
      BookingRecurrence.weekly(1, DayOfWeek.MONDAY).times(6).inZone(BERLIN);

  private TestWorld world;
  private DefaultRoomBookings bookings;
  private Booking standUp;

  @BeforeEach
  void setUp() {
    world = new TestWorld();
    world.connectedRoom(ORCHARD);
    bookings = new DefaultRoomBookings(world.store, world.backend, world.clock);
    standUp =
        bookings.create(
            BookingRequest.builder(CONTOSO, "standup")
                .room(ORCHARD)
                .subject("Stand-up")
                .time(berlin("2026-03-16T09:00"), berlin("2026-03-16T09:30"))
                .booker("ada@contoso.com", "Ada")
                .recurrence(MONDAYS)
                .build());
  }

  private static Instant berlin(String local) {
    return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
  }

  private List<CalendarEvent> instances() {
    return world.backend.events(ORCHARD).stream()
        .filter(e -> e.seriesMasterId().filter(standUp.eventId()::equals).isPresent())
        .sorted(Comparator.comparing(CalendarEvent::start))
        .toList();
  }

  private static List<LocalTime> localTimes(List<CalendarEvent> events) {
    return events.stream().map(e -> LocalDateTime.ofInstant(e.start(), BERLIN).toLocalTime()).toList();
  }

  private void rules(RoomBookingRules rules) {
    RoomCalendar calendar = world.store.findCalendar(CONTOSO, ORCHARD).orElseThrow();
    world.store.updateCalendar(calendar.withBookingRules(rules));
  }

  private static BookingUpdate toTen() {
    return BookingUpdate.time(berlin("2026-03-16T10:00"), berlin("2026-03-16T10:30"));
  }

  @Test
  void aSeriesMovesToAnotherTimeWithEveryOccurrenceCheckedInOneRead() {
    int reads = world.backend.calls.eventsBetweenCalls.get();

    Booking moved = bookings.update(CONTOSO, "standup", toTen());

    assertThat(moved.eventId()).isEqualTo(standUp.eventId());
    assertThat(moved.start()).isEqualTo(berlin("2026-03-16T10:00"));
    assertThat(moved.recurring()).isTrue();
    assertThat(moved.recurrence()).contains(MONDAYS);
    assertThat(instances()).hasSize(6);
    assertThat(localTimes(instances())).containsOnly(LocalTime.of(10, 0));
    assertThat(world.backend.calls.seriesMoved).hasValue(1);
    // the new span is read once before and once after writing, not per occurrence
    assertThat(world.backend.calls.eventsBetweenCalls.get() - reads).isEqualTo(2);
    assertThat(bookings.get(CONTOSO, "standup").orElseThrow().start()).isEqualTo(berlin("2026-03-16T10:00"));
  }

  @Test
  void aMoveIntoAnotherEventIsRefusedNamingTheLocalDateAndChangesNothing() {
    // after summer time began: 10:15 in Berlin is 08:15 UTC
    world.backend.outlook.addExternalEvent(ORCHARD, "bob@contoso.com", "Board", berlin("2026-04-06T10:15"), berlin("2026-04-06T10:45"));

    assertThatThrownBy(() -> bookings.update(CONTOSO, "standup", toTen()))
        .isInstanceOfSatisfying(
            BookingConflictException.class,
            e -> {
              assertThat(e.conflictingOccurrences()).containsExactly(Instant.parse("2026-04-06T08:00:00Z"));
              assertThat(e.getMessage())
                  .contains("occurrences 2026-04-06 10:00–10:30 (Europe/Berlin) overlap")
                  .doesNotContain("Board");
            });
    assertThat(world.backend.calls.seriesMoved).hasValue(0);
    assertThat(localTimes(instances())).containsOnly(LocalTime.of(9, 0));
    assertThat(bookings.get(CONTOSO, "standup").orElseThrow().start()).isEqualTo(standUp.start());
  }

  @Test
  void aMoveMayChangeThePatternAndEveryNewOccurrenceIsChecked() {
    BookingRecurrence tuesdays = BookingRecurrence.weekly(1, DayOfWeek.TUESDAY).times(3).inZone(BERLIN);
    world.backend.outlook.addExternalEvent(ORCHARD, "bob@contoso.com", "1:1", berlin("2026-03-31T09:00"), berlin("2026-03-31T09:10"));
    BookingUpdate toTuesdays =
        BookingUpdate.time(berlin("2026-03-17T09:00"), berlin("2026-03-17T09:30")).withRecurrence(tuesdays);

    assertThatThrownBy(() -> bookings.update(CONTOSO, "standup", toTuesdays))
        .isInstanceOfSatisfying(
            BookingConflictException.class,
            e -> assertThat(e.conflictingOccurrences()).containsExactly(berlin("2026-03-31T09:00")));

    Booking moved = bookings.update(CONTOSO, "standup", toTuesdays.withConflictPolicy(ConflictPolicy.ALLOW));
    assertThat(moved.recurrence()).contains(tuesdays);
    assertThat(instances())
        .extracting(e -> LocalDateTime.ofInstant(e.start(), BERLIN))
        .containsExactly(
            LocalDateTime.parse("2026-03-17T09:00"),
            LocalDateTime.parse("2026-03-24T09:00"),
            LocalDateTime.parse("2026-03-31T09:00"));
    // a new start that is not on the pattern's days says so, and nothing moves
    assertThatThrownBy(
            () -> bookings.update(CONTOSO, "standup", BookingUpdate.time(berlin("2026-03-18T09:00"), berlin("2026-03-18T09:30"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("starts on a WEDNESDAY (Europe/Berlin), which is not one of the recurrence's days (TUESDAY)");
    assertThat(world.backend.calls.seriesMoved).hasValue(1);
  }

  @Test
  void aMovedSeriesHasItsCancelledOccurrencesBackAndLosesItsChangedOnes() {
    Instant third = berlin("2026-03-30T09:00");
    bookings.cancelOccurrence(CONTOSO, "standup", third, null);
    String second = instances().get(1).id();
    world.backend.updateEvent(CONTOSO, ORCHARD, second, Optional.of("Special"), Optional.empty(), Optional.empty());
    assertThat(instances()).hasSize(5).extracting(CalendarEvent::type).contains(EventType.EXCEPTION);
    // the cancelled occurrence comes back with the move, so it is checked like the others
    world.backend.outlook.addExternalEvent(ORCHARD, "bob@contoso.com", "Walk-in", berlin("2026-03-30T10:00"), berlin("2026-03-30T10:05"));
    assertThatThrownBy(() -> bookings.update(CONTOSO, "standup", toTen()))
        .isInstanceOfSatisfying(
            BookingConflictException.class,
            e -> assertThat(e.conflictingOccurrences()).containsExactly(berlin("2026-03-30T10:00")));

    bookings.update(CONTOSO, "standup", BookingUpdate.time(berlin("2026-03-16T11:00"), berlin("2026-03-16T11:30")));

    assertThat(instances()).hasSize(6).allSatisfy(i -> {
      assertThat(i.type()).isEqualTo(EventType.OCCURRENCE);
      assertThat(i.subject()).contains("Stand-up");
    });
    assertThat(localTimes(instances())).containsOnly(LocalTime.of(11, 0));
  }

  @Test
  void repeatingAMoveFindsTheSeriesMovedAndChangesNothing() {
    bookings.update(CONTOSO, "standup", toTen());
    int reads = world.backend.calls.eventsBetweenCalls.get();

    Booking again = bookings.update(CONTOSO, "standup", toTen());
    Booking sameRecurrence = bookings.update(CONTOSO, "standup", toTen().withRecurrence(MONDAYS));

    assertThat(again.start()).isEqualTo(berlin("2026-03-16T10:00"));
    assertThat(sameRecurrence.start()).isEqualTo(berlin("2026-03-16T10:00"));
    assertThat(world.backend.calls.seriesMoved).hasValue(1);
    assertThat(world.backend.calls.eventsBetweenCalls.get()).isEqualTo(reads);
    assertThat(localTimes(instances())).containsOnly(LocalTime.of(10, 0));
  }

  @Test
  void aMoveThatLosesARaceGoesBackWithItsCancelledAndChangedOccurrences() {
    bookings.cancelOccurrence(CONTOSO, "standup", berlin("2026-03-30T09:00"), null);
    String fourth = instances().get(2).id();
    world.backend.updateEvent(
        CONTOSO, ORCHARD, fourth, Optional.of("Special"), Optional.of(berlin("2026-04-06T09:15")), Optional.of(berlin("2026-04-06T09:45")));
    // the last occurrence moved past the series' end: still the series' own, not a cancelled one
    String last = instances().get(4).id();
    world.backend.updateEvent(
        CONTOSO, ORCHARD, last, Optional.empty(), Optional.of(berlin("2026-04-22T09:00")), Optional.of(berlin("2026-04-22T09:30")));
    List<CalendarEvent> before = instances();
    AtomicBoolean walkIn = new AtomicBoolean();
    world.backend.beforeSeriesMove =
        () -> {
          if (walkIn.compareAndSet(false, true)) {
            world.backend.outlook.addExternalEvent(ORCHARD, "bob@contoso.com", "Walk-in", berlin("2026-04-13T10:00"), berlin("2026-04-13T10:10"));
          }
        };

    assertThatThrownBy(() -> bookings.update(CONTOSO, "standup", toTen()))
        .isInstanceOfSatisfying(
            BookingConflictException.class,
            e -> {
              assertThat(e.conflictingOccurrences()).containsExactly(berlin("2026-04-13T10:00"));
              assertThat(e.getMessage()).contains("came first");
              assertThat(e.getSuppressed()).isEmpty();
            });

    assertThat(world.backend.calls.seriesMoved).as("moved, then moved back").hasValue(2);
    Booking after = bookings.get(CONTOSO, "standup").orElseThrow();
    assertThat(after.start()).isEqualTo(standUp.start());
    assertThat(after.recurrence()).contains(MONDAYS);
    List<CalendarEvent> restored = instances();
    assertThat(restored).extracting(CalendarEvent::start).isEqualTo(before.stream().map(CalendarEvent::start).toList());
    assertThat(restored).extracting(CalendarEvent::subject).isEqualTo(before.stream().map(CalendarEvent::subject).toList());
    assertThat(restored.get(2).type()).isEqualTo(EventType.EXCEPTION);
    assertThat(world.backend.events(ORCHARD)).extracting(e -> e.subject().orElse("")).contains("Walk-in");
  }

  @Test
  void aMoveThatLostARaceAndCannotGoBackSaysItStandsMoved() {
    AtomicInteger moves = new AtomicInteger();
    world.backend.beforeSeriesMove =
        () -> {
          if (moves.incrementAndGet() == 1) {
            world.backend.outlook.addExternalEvent(ORCHARD, "bob@contoso.com", "Walk-in", berlin("2026-04-13T10:00"), berlin("2026-04-13T10:10"));
          } else {
            world.backend.failSeriesMoves(1); // the move back
          }
        };

    assertThatThrownBy(() -> bookings.update(CONTOSO, "standup", toTen()))
        .isInstanceOfSatisfying(
            UnresolvedConflictException.class,
            e -> {
              assertThat(e.bookingKey()).isEqualTo("standup");
              assertThat(e.conflict()).isInstanceOfSatisfying(
                  BookingConflictException.class,
                  c -> assertThat(c.conflictingOccurrences()).containsExactly(berlin("2026-04-13T10:00")));
              assertThat(e.getCause()).isInstanceOf(CalendarServiceException.class);
              assertThat(e.getMessage()).contains("stands as changed", "move it again or cancel it");
            });
    assertThat(localTimes(instances())).containsOnly(LocalTime.of(10, 0));
  }

  @Test
  void theRoomsRulesAndTheSyncWindowApplyToTheMovedSeries() {
    rules(RoomBookingRules.none().withAllowRecurringMeetings(false));
    assertThatThrownBy(() -> bookings.update(CONTOSO, "standup", toTen()))
        .isInstanceOfSatisfying(BookingRuleException.class, e -> assertThat(e.rule()).isEqualTo(BookingRule.RECURRING_NOT_ALLOWED));

    rules(RoomBookingRules.none().withBookingWindowInDays(30));
    assertThatThrownBy(() -> bookings.update(CONTOSO, "standup", toTen()))
        .isInstanceOfSatisfying(BookingRuleException.class, e -> {
          assertThat(e.rule()).isEqualTo(BookingRule.BOOKING_WINDOW);
          assertThat(e.getMessage()).contains("the series' last occurrence ends at 2026-04-20T08:30:00Z");
        });

    rules(RoomBookingRules.none());
    BookingUpdate fourteenWeeks = toTen().withRecurrence(BookingRecurrence.weekly(1, DayOfWeek.MONDAY).times(14).inZone(BERLIN));
    assertThatThrownBy(() -> bookings.update(CONTOSO, "standup", fourteenWeeks))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must lie in the sync window");

    world.backend.refusedRecurrences = r -> r.zone().equals(ZoneId.of("Asia/Kathmandu"));
    BookingUpdate kathmandu = toTen().withRecurrence(MONDAYS.inZone(ZoneId.of("Asia/Kathmandu")));
    assertThatThrownBy(() -> bookings.update(CONTOSO, "standup", kathmandu))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot store a series in Asia/Kathmandu");
    assertThat(world.backend.calls.seriesMoved).hasValue(0);
    assertThat(localTimes(instances())).containsOnly(LocalTime.of(9, 0));
  }

  @Test
  void aSeriesWhosePatternTheSdkCannotSayIsRenamedButNotMoved() {
    world.backend.outlook.forgetRecurrence(ORCHARD, standUp.eventId());

    assertThatThrownBy(() -> bookings.update(CONTOSO, "standup", toTen()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("recurs in a way the SDK cannot say");
    assertThat(bookings.update(CONTOSO, "standup", BookingUpdate.subject("Daily sync")).subject()).isEqualTo("Daily sync");
    assertThat(world.backend.calls.seriesMoved).hasValue(0);
  }

  @Test
  void aSingleBookingIsNotGivenARecurrence() {
    Instant tomorrow = berlin("2026-03-03T14:00");
    bookings.create(
        BookingRequest.builder(CONTOSO, "single").room(ORCHARD).time(tomorrow, tomorrow.plus(Duration.ofHours(1)))
            .booker("ada@contoso.com", null).build());

    assertThatThrownBy(
            () -> bookings.update(CONTOSO, "single", BookingUpdate.subject("Weekly").withRecurrence(MONDAYS)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("booking single does not recur");
  }

  @Test
  void aMoveThatAllowsOverlapsIsWrittenWithoutReadingTheRoom() {
    world.backend.outlook.addExternalEvent(ORCHARD, "bob@contoso.com", "Board", berlin("2026-04-06T10:15"), berlin("2026-04-06T10:45"));
    int reads = world.backend.calls.eventsBetweenCalls.get();

    Booking moved = bookings.update(CONTOSO, "standup", toTen().withConflictPolicy(ConflictPolicy.ALLOW).withConflictSubjects(true));

    assertThat(moved.start()).isEqualTo(berlin("2026-03-16T10:00"));
    assertThat(world.backend.calls.eventsBetweenCalls.get()).isEqualTo(reads);
  }
}
