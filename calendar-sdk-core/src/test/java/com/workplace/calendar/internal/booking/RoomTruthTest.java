package com.workplace.calendar.internal.booking;

import static com.workplace.calendar.internal.TestWorld.CONTOSO;
import static com.workplace.calendar.internal.TestWorld.NOW;
import static com.workplace.calendar.internal.TestWorld.ORCHARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.booking.Booking;
import com.workplace.calendar.booking.BookingConflictException;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.booking.BookingRule;
import com.workplace.calendar.booking.BookingRuleException;
import com.workplace.calendar.booking.BookingUpdate;
import com.workplace.calendar.booking.ConflictPolicy;
import com.workplace.calendar.booking.ConflictingInterval;
import com.workplace.calendar.internal.DefaultCalendarRegistry;
import com.workplace.calendar.internal.TestWorld;
import com.workplace.calendar.registry.RoomBookingRules;
import com.workplace.calendar.registry.RoomBookingType;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.spi.CalendarEvent;
import com.workplace.calendar.spi.FreeBusyStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Conflicts and the room's own rules, on the in-memory backend. */
class RoomTruthTest {
  private static final Instant TEN = Instant.parse("2026-03-02T10:00:00Z");
  private static final Instant ELEVEN = TEN.plus(Duration.ofHours(1));

  private TestWorld world;
  private DefaultRoomBookings bookings;

  @BeforeEach
  void setUp() {
    world = new TestWorld();
    world.connectedRoom(ORCHARD);
    bookings = new DefaultRoomBookings(world.store, world.backend, world.clock);
  }

  private static BookingRequest.Builder request(String key, Instant start, Instant end) {
    return BookingRequest.builder(CONTOSO, key)
        .room(ORCHARD)
        .subject("Design review")
        .time(start, end)
        .booker("ada@contoso.com", "Ada");
  }

  private void rules(RoomBookingRules rules) {
    RoomCalendar calendar = world.store.findCalendar(CONTOSO, ORCHARD).orElseThrow();
    world.store.updateCalendar(calendar.withBookingRules(rules));
  }

  @Test
  void anOverlapIsRefusedWithItsIntervalAndWritesNothing() {
    world.backend.outlook.addExternalEvent(ORCHARD, "bob@contoso.com", "1:1 secret", TEN, ELEVEN);

    assertThatThrownBy(() -> bookings.create(request("b-1", TEN.plusSeconds(1800), ELEVEN.plusSeconds(1800)).build()))
        .isInstanceOfSatisfying(
            BookingConflictException.class,
            e -> {
              assertThat(e.conflicts())
                  .containsExactly(new ConflictingInterval(TEN, ELEVEN, false, Optional.empty(), Optional.empty()));
              assertThat(e.getMessage()).contains(TEN.toString()).doesNotContain("secret");
            });
    assertThat(world.backend.events(ORCHARD)).hasSize(1);
    assertThat(world.store.findBookingLink(CONTOSO, "b-1")).isEmpty();
  }

  @Test
  void subjectsAreNamedOnlyWhenAskedFor() {
    world.backend.outlook.addExternalEvent(ORCHARD, "bob@contoso.com", "Board meeting", TEN, ELEVEN);

    assertThatThrownBy(() -> bookings.create(request("b-1", TEN, ELEVEN).showConflictSubjects(true).build()))
        .isInstanceOfSatisfying(
            BookingConflictException.class,
            e -> assertThat(e.conflicts().get(0).subject()).contains("Board meeting"));
  }

  @Test
  void touchingIntervalsDoNotConflictAndAnSdkBookingInTheWayIsNamedByItsKey() {
    bookings.create(request("first", TEN, ELEVEN).build());
    Booking touching = bookings.create(request("second", ELEVEN, ELEVEN.plusSeconds(3600)).build());
    assertThat(touching.start()).isEqualTo(ELEVEN);

    assertThatThrownBy(() -> bookings.create(request("third", TEN.plusSeconds(600), TEN.plusSeconds(1200)).build()))
        .isInstanceOfSatisfying(
            BookingConflictException.class,
            e -> assertThat(e.conflicts()).extracting(ConflictingInterval::bookingKey).containsExactly(Optional.of("first")));
  }

  @Test
  void aHostMayAllowAnOverlapUnlessTheRoomForbidsIt() {
    world.backend.outlook.addExternalEvent(ORCHARD, "bob@contoso.com", "1:1", TEN, ELEVEN);

    Booking allowed = bookings.create(request("allowed", TEN, ELEVEN).conflictPolicy(ConflictPolicy.ALLOW).build());
    assertThat(allowed.start()).isEqualTo(TEN);

    rules(RoomBookingRules.none().withAllowConflicts(false));
    assertThatThrownBy(() -> bookings.create(request("forbidden", TEN, ELEVEN).conflictPolicy(ConflictPolicy.ALLOW).build()))
        .isInstanceOfSatisfying(
            BookingRuleException.class,
            e -> {
              assertThat(e.rule()).isEqualTo(BookingRule.CONFLICTS_NOT_ALLOWED);
              assertThat(e.getMessage()).contains("AllowConflicts=False");
            });
    assertThat(world.store.findBookingLink(CONTOSO, "forbidden")).isEmpty();
  }

  @Test
  void theBookingWindowAndTheMaximumDurationAreEnforced() {
    rules(RoomBookingRules.none().withBookingWindowInDays(180).withMaximumDurationInMinutes(120));
    Instant far = NOW.plus(Duration.ofDays(181));

    assertThatThrownBy(() -> bookings.create(request("far", far, far.plusSeconds(3600)).build()))
        .isInstanceOfSatisfying(
            BookingRuleException.class,
            e -> {
              assertThat(e.rule()).isEqualTo(BookingRule.BOOKING_WINDOW);
              assertThat(e.getMessage()).contains("180 days ahead").contains("BookingWindowInDays");
            });
    assertThatThrownBy(() -> bookings.create(request("long", TEN, TEN.plus(Duration.ofMinutes(121))).build()))
        .isInstanceOfSatisfying(
            BookingRuleException.class,
            e -> {
              assertThat(e.rule()).isEqualTo(BookingRule.MAXIMUM_DURATION);
              assertThat(e.getMessage()).contains("at most 120 minutes").contains("lasts 121 minutes");
            });
    assertThat(world.backend.events(ORCHARD)).isEmpty();

    Instant near = NOW.plus(Duration.ofDays(179));
    assertThat(bookings.create(request("near", near, near.plus(Duration.ofMinutes(120))).build()).start()).isEqualTo(near);
    assertThatThrownBy(() -> bookings.update(CONTOSO, "near", BookingUpdate.time(far, far.plusSeconds(60))))
        .isInstanceOfSatisfying(BookingRuleException.class, e -> assertThat(e.rule()).isEqualTo(BookingRule.BOOKING_WINDOW));
    assertThat(bookings.get(CONTOSO, "near").orElseThrow().start()).isEqualTo(near);
  }

  @Test
  void aZeroMaximumDurationIsNoLimitAndAZeroWindowAllowsToday() {
    rules(RoomBookingRules.none().withMaximumDurationInMinutes(0).withBookingWindowInDays(0));
    Instant endOfDay = Instant.parse("2026-03-03T00:00:00Z");

    assertThat(bookings.create(request("all-day", NOW, endOfDay).build()).end()).isEqualTo(endOfDay);
    assertThatThrownBy(() -> bookings.create(request("tomorrow", endOfDay, endOfDay.plusSeconds(60)).build()))
        .isInstanceOfSatisfying(BookingRuleException.class, e -> assertThat(e.rule()).isEqualTo(BookingRule.BOOKING_WINDOW));
  }

  @Test
  void aReservedRoomIsRefusedWithItsOwnReason() {
    new DefaultCalendarRegistry(world.store, world.backend, world.clock)
        .setBookingType(CONTOSO, ORCHARD, RoomBookingType.RESERVED);

    assertThatThrownBy(() -> bookings.create(request("b-1", TEN, ELEVEN).build()))
        .isInstanceOfSatisfying(
            BookingRuleException.class,
            e -> {
              assertThat(e.rule()).isEqualTo(BookingRule.RESERVED_ROOM);
              assertThat(e.getMessage()).contains("reserved room");
            });
    assertThat(world.store.findBookingLink(CONTOSO, "b-1")).isEmpty();
  }

  @Test
  void recurringMeetingsHaveTheirCheck() {
    RoomCalendar calendar = world.store.findCalendar(CONTOSO, ORCHARD).orElseThrow();
    RoomRules.checkRecurring(calendar);
    RoomRules.checkRecurring(calendar.withBookingRules(RoomBookingRules.none().withAllowRecurringMeetings(true)));

    assertThatThrownBy(
            () -> RoomRules.checkRecurring(calendar.withBookingRules(RoomBookingRules.none().withAllowRecurringMeetings(false))))
        .isInstanceOfSatisfying(
            BookingRuleException.class,
            e -> {
              assertThat(e.rule()).isEqualTo(BookingRule.RECURRING_NOT_ALLOWED);
              assertThat(e.getMessage()).contains("AllowRecurringMeetings=False");
            });
  }

  @Test
  void aMoveOntoATakenSlotIsRefusedAndTheBookingStays() {
    bookings.create(request("mine", TEN, ELEVEN).build());
    world.backend.outlook.addExternalEvent(ORCHARD, "bob@contoso.com", "1:1", ELEVEN, ELEVEN.plusSeconds(3600));

    assertThatThrownBy(() -> bookings.update(CONTOSO, "mine", BookingUpdate.time(TEN.plusSeconds(1800), ELEVEN.plusSeconds(1800))))
        .isInstanceOf(BookingConflictException.class);
    Booking stays = bookings.get(CONTOSO, "mine").orElseThrow();
    assertThat(stays.start()).isEqualTo(TEN);
    assertThat(stays.end()).isEqualTo(ELEVEN);

    Booking longer = bookings.update(CONTOSO, "mine", BookingUpdate.time(TEN.minusSeconds(1800), ELEVEN));
    assertThat(longer.start()).isEqualTo(TEN.minusSeconds(1800));
  }

  @Test
  void theFirstEventToTakeTheSlotWinsAndTiesGoToTheSmallerId() {
    Instant t = TEN;
    CalendarEvent earlier = event("b", t.minusMillis(1));
    CalendarEvent sameTimeSmallerId = event("a", t);
    CalendarEvent sameTimeLargerId = event("z", t);
    CalendarEvent later = event("c", t.plusMillis(1));
    CalendarEvent unstamped = event("d", null);

    assertThat(CheckedWrites.firstToTheSlot(List.of(earlier, sameTimeSmallerId, sameTimeLargerId, later), t, "m"))
        .containsExactly(earlier, sameTimeSmallerId);
    assertThat(CheckedWrites.firstToTheSlot(List.of(later, unstamped), t, "m")).containsExactly(unstamped);
    assertThat(CheckedWrites.firstToTheSlot(List.of(later), null, "m")).containsExactly(later);
  }

  @Test
  void freeAndCancelledEventsAndTheBookingItselfAreNotInTheWay() {
    CalendarEvent free = withShowAs(event("free", TEN), FreeBusyStatus.FREE, false);
    CalendarEvent cancelled = withShowAs(event("cancelled", TEN), FreeBusyStatus.BUSY, true);
    CalendarEvent tentative = withShowAs(event("tentative", TEN), FreeBusyStatus.TENTATIVE, false);
    CalendarEvent own = event("own", TEN);

    assertThat(CheckedWrites.inTheWay(List.of(free, cancelled, tentative, own), TEN, ELEVEN, "own", "tx"))
        .containsExactly(tentative);
  }

  private static CalendarEvent event(String id, Instant created) {
    return new CalendarEvent(
        id, Optional.empty(), Optional.empty(), TEN, ELEVEN, Optional.empty(), List.of(),
        Optional.empty(), false, FreeBusyStatus.BUSY, false, Optional.ofNullable(created), Optional.ofNullable(created));
  }

  private static CalendarEvent withShowAs(CalendarEvent e, FreeBusyStatus showAs, boolean cancelled) {
    return new CalendarEvent(
        e.id(), e.iCalUId(), e.subject(), e.start(), e.end(), e.organizer(), e.attendees(),
        e.transactionId(), cancelled, showAs, e.isPrivate(), e.createdAt(), e.lastModifiedAt());
  }
}
