package com.workplace.calendar.internal.booking;

import static com.workplace.calendar.internal.TestWorld.CONTOSO;
import static com.workplace.calendar.internal.TestWorld.NOW;
import static com.workplace.calendar.internal.TestWorld.ORCHARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.ConflictException;
import com.workplace.calendar.DuplicateRecordException;
import com.workplace.calendar.ResourceNotFoundException;
import com.workplace.calendar.booking.Booking;
import com.workplace.calendar.booking.BookingConflictException;
import com.workplace.calendar.booking.BookingRecurrence;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.booking.BookingRule;
import com.workplace.calendar.booking.BookingRuleException;
import com.workplace.calendar.booking.BookingUpdate;
import com.workplace.calendar.booking.ConflictPolicy;
import com.workplace.calendar.booking.ConflictingInterval;
import com.workplace.calendar.internal.TenantStatusCache;
import com.workplace.calendar.internal.TestWorld;
import com.workplace.calendar.registry.RoomBookingRules;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.spi.CalendarEvent;
import com.workplace.calendar.spi.EventDraft;
import com.workplace.calendar.spi.EventType;
import com.workplace.calendar.store.BookingLink;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Recurring bookings on the in-memory backend: one series per key, checked per occurrence. */
class SeriesBookingsTest {
  /** Monday, an hour after {@link TestWorld#NOW}. */
  private static final Instant TEN = Instant.parse("2026-03-02T10:00:00Z");
  private static final BookingRecurrence WEEKLY_TEN = BookingRecurrence.weekly(1, DayOfWeek.MONDAY).times(10);

  private TestWorld world;
  private DefaultRoomBookings bookings;

  @BeforeEach
  void setUp() {
    world = new TestWorld();
    world.connectedRoom(ORCHARD);
    bookings = new DefaultRoomBookings(world.store, world.backend, world.clock);
  }

  private static BookingRequest.Builder series(String key, Instant start, BookingRecurrence recurrence) {
    return BookingRequest.builder(CONTOSO, key)
        .room(ORCHARD)
        .subject("Stand-up")
        .time(start, start.plus(Duration.ofMinutes(30)))
        .booker("ada@contoso.com", "Ada")
        .recurrence(recurrence);
  }

  private List<CalendarEvent> instances() {
    return world.backend.events(ORCHARD).stream()
        .filter(e -> e.type().isSeriesInstance())
        .sorted(Comparator.comparing(CalendarEvent::start))
        .toList();
  }

  private void rules(RoomBookingRules rules) {
    RoomCalendar calendar = world.store.findCalendar(CONTOSO, ORCHARD).orElseThrow();
    world.store.updateCalendar(calendar.withBookingRules(rules));
  }

  @Test
  void aWeeklySeriesIsOneMasterUnderTheKeyWithTenOccurrencesReadInOneCheck() {
    Booking booking = bookings.create(series("standup", TEN, WEEKLY_TEN).build());

    assertThat(booking.recurring()).isTrue();
    assertThat(booking.recurrence()).contains(WEEKLY_TEN);
    assertThat(booking.start()).isEqualTo(TEN);
    CalendarEvent master = world.backend.getEvent(CONTOSO, ORCHARD, booking.eventId()).orElseThrow();
    assertThat(master.type()).isEqualTo(EventType.SERIES_MASTER);
    assertThat(master.transactionId()).contains(TransactionIds.of(CONTOSO, "standup"));
    assertThat(instances()).hasSize(10).allSatisfy(i -> assertThat(i.seriesMasterId()).contains(booking.eventId()));
    assertThat(world.backend.calls.eventsCreated).hasValue(1);
    // the span of the series is read once before and once after the write, not per occurrence
    assertThat(world.backend.calls.eventsBetweenCalls).hasValue(2);
    assertThat(world.store.findBookingLink(CONTOSO, "standup").orElseThrow().eventId()).contains(booking.eventId());

    Booking read = bookings.get(CONTOSO, "standup").orElseThrow();
    assertThat(read.recurring()).isTrue();
    assertThat(read.recurrence()).contains(WEEKLY_TEN);
    assertThat(bookings.create(series("standup", TEN, WEEKLY_TEN).build()).eventId()).isEqualTo(booking.eventId());
    assertThat(world.backend.calls.eventsCreated).hasValue(1);
  }

  @Test
  void aCreateWhoseAnswerWasLostMakesOneSeriesWhenRepeated() {
    world.backend.loseCreateAnswers(1);
    assertThatThrownBy(() -> bookings.create(series("lost", TEN, WEEKLY_TEN).build()))
        .isInstanceOf(CalendarServiceException.class);
    assertThat(instances()).hasSize(10);

    // the occurrences of the series the first attempt wrote carry no transaction id; their master
    // does, so the repeated create does not take them for conflicts
    Booking booking = bookings.create(series("lost", TEN, WEEKLY_TEN).build());

    assertThat(world.backend.calls.eventsCreated).hasValue(1);
    assertThat(instances()).hasSize(10).allSatisfy(i -> assertThat(i.seriesMasterId()).contains(booking.eventId()));
    assertThat(bookings.get(CONTOSO, "lost")).map(Booking::eventId).contains(booking.eventId());
  }

  @Test
  void aConcurrentCreateOfTheSameKeyTakesTheSeriesForItsOwnAndAnotherKeyDoesNot() {
    Booking booking = bookings.create(series("standup", TEN, WEEKLY_TEN).build());
    // a second create of the key that found no link before the first one wrote it: under the
    // room's lock, its check sees the first create's occurrences (without a transaction id)
    BookingRequest again = series("standup", TEN, WEEKLY_TEN).build();
    String transactionId = TransactionIds.of(CONTOSO, "standup");
    EventDraft draft =
        new EventDraft(transactionId, again.subject(), again.start(), again.end(), List.of(again.booker()),
            Optional.empty(), again.recurrence());
    BookingLink fresh = new BookingLink(CONTOSO, "standup", ORCHARD, transactionId, Optional.empty(), NOW, 0);
    CheckedWrites writes = new CheckedWrites(world.store, world.backend, new RoomWriteLocks(world.store));

    // it goes on to write its link, which the first create already wrote: the create continues
    // with that link and answers with the first create's booking
    assertThatThrownBy(
            () -> writes.create(CONTOSO, ORCHARD, draft, SeriesBookings.slots(again),
                () -> world.store.insertBookingLink(fresh), RoomRules.ConflictCheck.REFUSE, false))
        .isInstanceOf(DuplicateRecordException.class);
    assertThat(world.backend.calls.eventsCreated).hasValue(1);

    assertThatThrownBy(() -> bookings.create(series("other", TEN, WEEKLY_TEN).build()))
        .isInstanceOfSatisfying(
            BookingConflictException.class,
            e -> {
              assertThat(e.conflictingOccurrences()).hasSize(10);
              assertThat(e.conflicts()).extracting(ConflictingInterval::bookingKey).containsOnly(Optional.of("standup"));
            });
    assertThat(world.backend.getEvent(CONTOSO, ORCHARD, booking.eventId())).isPresent();
  }

  @Test
  void aSeriesWithAConflictingOccurrenceIsRefusedWithThatDateAndWritesNothing() {
    Instant fourth = TEN.plus(Duration.ofDays(21));
    world.backend.outlook.addExternalEvent(ORCHARD, "bob@contoso.com", "Board", fourth.plusSeconds(900), fourth.plusSeconds(2700));

    assertThatThrownBy(() -> bookings.create(series("clash", TEN, WEEKLY_TEN).build()))
        .isInstanceOfSatisfying(
            BookingConflictException.class,
            e -> {
              assertThat(e.conflictingOccurrences()).containsExactly(fourth);
              assertThat(e.conflicts())
                  .containsExactly(new ConflictingInterval(fourth.plusSeconds(900), fourth.plusSeconds(2700), false, Optional.empty(), Optional.empty()));
              assertThat(e.getMessage()).contains("2026-03-23T10:00:00Z").doesNotContain("Board");
            });
    assertThat(world.backend.calls.eventsCreated).hasValue(0);
    assertThat(world.store.findBookingLink(CONTOSO, "clash")).isEmpty();
  }

  @Test
  void aSingleBookingOnAnOccurrenceNamesTheSeriesKey() {
    bookings.create(series("standup", TEN, WEEKLY_TEN).build());
    Instant second = TEN.plus(Duration.ofDays(7));

    assertThatThrownBy(
            () ->
                bookings.create(
                    BookingRequest.builder(CONTOSO, "single")
                        .room(ORCHARD)
                        .time(second, second.plusSeconds(600))
                        .booker("bob@contoso.com", null)
                        .build()))
        .isInstanceOfSatisfying(
            BookingConflictException.class,
            e -> {
              assertThat(e.conflicts()).extracting(ConflictingInterval::bookingKey).containsExactly(Optional.of("standup"));
              assertThat(e.conflictingOccurrences()).isEmpty();
            });
  }

  @Test
  void theRoomsRulesApplyToTheSeries() {
    rules(RoomBookingRules.none().withAllowRecurringMeetings(false));
    assertThatThrownBy(() -> bookings.create(series("refused", TEN, WEEKLY_TEN).build()))
        .isInstanceOfSatisfying(
            BookingRuleException.class,
            e -> {
              assertThat(e.rule()).isEqualTo(BookingRule.RECURRING_NOT_ALLOWED);
              assertThat(e.getMessage()).contains("AllowRecurringMeetings=False");
            });
    // a single booking of the same room is still fine
    bookings.create(BookingRequest.builder(CONTOSO, "one").room(ORCHARD).time(TEN, TEN.plusSeconds(60)).booker("a@contoso.com", null).build());

    rules(RoomBookingRules.none().withBookingWindowInDays(30));
    assertThatThrownBy(() -> bookings.create(series("too-far", TEN.plus(Duration.ofDays(1)), BookingRecurrence.daily(1).times(31)).build()))
        .isInstanceOfSatisfying(
            BookingRuleException.class,
            e -> {
              assertThat(e.rule()).isEqualTo(BookingRule.BOOKING_WINDOW);
              assertThat(e.getMessage()).contains("the series' last occurrence ends at 2026-04-02T10:30:00Z");
            });
    assertThat(world.backend.calls.eventsCreated).hasValue(1);
    assertThat(world.store.findBookingLink(CONTOSO, "too-far")).isEmpty();
  }

  @Test
  void aSeriesMustEndInsideTheSyncWindow() {
    // default window: 90 days ahead of today (2026-03-02), i.e. until 2026-05-31T00:00Z
    BookingRecurrence thirteenWeeks = BookingRecurrence.weekly(1, DayOfWeek.MONDAY).times(13);
    BookingRecurrence fourteenWeeks = BookingRecurrence.weekly(1, DayOfWeek.MONDAY).times(14);

    assertThatThrownBy(() -> bookings.create(series("long", TEN, fourteenWeeks).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must lie in the sync window, which ends 90 days after the start of today (2026-05-31T00:00:00Z)")
        .hasMessageContaining("ends at 2026-06-01T10:30:00Z");
    assertThat(world.store.findBookingLink(CONTOSO, "long")).isEmpty();
    assertThat(bookings.create(series("short", TEN, thirteenWeeks).build()).recurring()).isTrue();

    DefaultRoomBookings wider =
        new DefaultRoomBookings(world.store, world.backend, world.clock, new TenantStatusCache(world.store, Duration.ZERO), 120);
    assertThat(wider.create(series("long", TEN.plusSeconds(3600), fourteenWeeks).build()).recurring()).isTrue();
  }

  @Test
  void oneOccurrenceIsCancelledByItsOriginalStartAndTheSeriesStays() {
    Booking booking = bookings.create(series("standup", TEN, WEEKLY_TEN).build());
    Instant third = TEN.plus(Duration.ofDays(14));

    assertThat(bookings.cancelOccurrence(CONTOSO, "standup", third, "Team day")).isTrue();

    assertThat(instances()).hasSize(9).extracting(CalendarEvent::start).doesNotContain(third);
    assertThat(world.backend.calls.cancellations).containsExactly(ORCHARD + "/" + booking.eventId() + ".2026-03-16/Team day");
    assertThat(bookings.get(CONTOSO, "standup")).isPresent();
    assertThat(bookings.cancelOccurrence(CONTOSO, "standup", third, null)).isFalse();

    assertThatThrownBy(() -> bookings.cancelOccurrence(CONTOSO, "standup", third.plusSeconds(60), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not an occurrence of booking standup")
        .hasMessageContaining("10:00 UTC");
    assertThatThrownBy(() -> bookings.cancelOccurrence(CONTOSO, "nobody", third, null))
        .isInstanceOf(ResourceNotFoundException.class);
    bookings.create(BookingRequest.builder(CONTOSO, "single").room(ORCHARD).time(TEN.minusSeconds(3600), TEN).booker("a@contoso.com", null).build());
    assertThatThrownBy(() -> bookings.cancelOccurrence(CONTOSO, "single", TEN.minusSeconds(3600), null))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("does not recur");
  }

  @Test
  void aMovedOccurrenceIsFoundByItsOriginalStart() {
    Booking booking = bookings.create(series("standup", TEN, WEEKLY_TEN).build());
    Instant second = TEN.plus(Duration.ofDays(7));
    String id = booking.eventId() + ".2026-03-09";
    world.backend.updateEvent(CONTOSO, ORCHARD, id, Optional.empty(), Optional.of(second.plus(Duration.ofDays(2))), Optional.of(second.plus(Duration.ofDays(2)).plusSeconds(1800)));

    assertThat(bookings.cancelOccurrence(CONTOSO, "standup", second, null)).isTrue();
    assertThat(world.backend.getEvent(CONTOSO, ORCHARD, id)).isEmpty();
  }

  @Test
  void cancellingTheSeriesRemovesEveryOccurrence() {
    bookings.create(series("standup", TEN, WEEKLY_TEN).build());

    assertThat(bookings.cancel(CONTOSO, "standup", "No more")).isTrue();

    assertThat(world.backend.events(ORCHARD)).isEmpty();
    assertThat(bookings.get(CONTOSO, "standup")).isEmpty();
  }

  @Test
  void endEarlyEndsTheRunningOccurrenceOnly() {
    Booking booking = bookings.create(series("standup", TEN, WEEKLY_TEN).build());
    assertThatThrownBy(() -> bookings.endEarly(CONTOSO, "standup"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("no occurrence of booking standup is running now");

    Instant during = TEN.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(10));
    world.clock.set(during);
    Booking ended = bookings.endEarly(CONTOSO, "standup");

    assertThat(ended.eventId()).isEqualTo(booking.eventId() + ".2026-03-09");
    assertThat(ended.end()).isEqualTo(during);
    assertThat(ended.recurring()).isTrue();
    CalendarEvent exception = world.backend.getEvent(CONTOSO, ORCHARD, ended.eventId()).orElseThrow();
    assertThat(exception.type()).isEqualTo(EventType.EXCEPTION);
    assertThat(instances()).filteredOn(i -> i.type() == EventType.OCCURRENCE).hasSize(9)
        .allSatisfy(i -> assertThat(Duration.between(i.start(), i.end())).isEqualTo(Duration.ofMinutes(30)));
  }

  @Test
  void aSeriesIsRenamedWithoutMoving() {
    bookings.create(series("standup", TEN, WEEKLY_TEN).build());

    Booking renamed = bookings.update(CONTOSO, "standup", BookingUpdate.subject("Daily sync"));
    assertThat(renamed.subject()).isEqualTo("Daily sync");
    assertThat(renamed.recurring()).isTrue();
    assertThat(renamed.start()).isEqualTo(TEN);
    assertThat(instances()).allSatisfy(i -> assertThat(i.subject()).contains("Daily sync"));
    assertThat(world.backend.calls.seriesMoved).hasValue(0);
  }

  @Test
  void aRoomThatForbidsConflictsNamesTheDatesEvenWhenTheRequestAllowsThem() {
    rules(RoomBookingRules.none().withAllowConflicts(false));
    Instant second = TEN.plus(Duration.ofDays(7));
    world.backend.outlook.addExternalEvent(ORCHARD, "bob@contoso.com", "1:1", second, second.plusSeconds(600));

    assertThatThrownBy(() -> bookings.create(series("allowed", TEN, WEEKLY_TEN).conflictPolicy(ConflictPolicy.ALLOW).build()))
        .isInstanceOfSatisfying(
            BookingRuleException.class,
            e -> {
              assertThat(e.rule()).isEqualTo(BookingRule.CONFLICTS_NOT_ALLOWED);
              assertThat(e.getMessage()).contains("the series' occurrences on 2026-03-09 overlap");
            });
    assertThat(world.backend.calls.eventsCreated).hasValue(0);
  }

  @Test
  void aHostMayAllowOverlapsOfASeries() {
    Instant second = TEN.plus(Duration.ofDays(7));
    world.backend.outlook.addExternalEvent(ORCHARD, "bob@contoso.com", "1:1", second, second.plusSeconds(600));

    Booking booking = bookings.create(series("allowed", TEN, WEEKLY_TEN).conflictPolicy(ConflictPolicy.ALLOW).build());

    assertThat(booking.recurring()).isTrue();
    assertThat(instances()).hasSize(10);
    assertThat(NOW).isBefore(TEN);
  }
}
