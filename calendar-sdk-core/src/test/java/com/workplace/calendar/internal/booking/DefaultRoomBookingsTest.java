package com.workplace.calendar.internal.booking;

import static com.workplace.calendar.internal.TestWorld.CONTOSO;
import static com.workplace.calendar.internal.TestWorld.MARINA;
import static com.workplace.calendar.internal.TestWorld.NOW;
import static com.workplace.calendar.internal.TestWorld.ORCHARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.ConflictException;
import com.workplace.calendar.ResourceNotFoundException;
import com.workplace.calendar.booking.Attendee;
import com.workplace.calendar.booking.Booking;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.booking.BookingUpdate;
import com.workplace.calendar.internal.TestWorld;
import com.workplace.calendar.registry.CalendarFailureReason;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.space.SpaceLink;
import com.workplace.calendar.spi.CalendarEvent;
import com.workplace.calendar.store.BookingLink;
import com.workplace.calendar.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DefaultRoomBookingsTest {
  private static final Instant TEN = Instant.parse("2026-03-02T10:00:00Z");
  private static final Instant ELEVEN = Instant.parse("2026-03-02T11:00:00Z");

  private TestWorld world;
  private DefaultRoomBookings bookings;

  @BeforeEach
  void setUp() {
    world = new TestWorld();
    world.connectedRoom(ORCHARD);
    bookings = new DefaultRoomBookings(world.store, world.backend, world.clock);
  }

  private static BookingRequest.Builder request(String key) {
    return BookingRequest.builder(CONTOSO, key)
        .room(ORCHARD)
        .subject("Design review")
        .time(TEN, ELEVEN)
        .booker("ada@contoso.com", "Ada");
  }

  @Test
  void createsAnEventOrganizedByTheRoomWithTheBookerAsAttendee() {
    Booking booking = bookings.create(request("b-1").body("agenda").build());

    CalendarEvent event = world.backend.events(ORCHARD).get(0);
    assertThat(booking.eventId()).isEqualTo(event.id());
    assertThat(event.organizer()).contains(Attendee.of(ORCHARD, null));
    assertThat(event.attendees()).containsExactly(Attendee.of("ada@contoso.com", "Ada"));
    assertThat(event.transactionId()).contains(TransactionIds.of(CONTOSO, "b-1"));
    assertThat(booking.subject()).isEqualTo("Design review");
    assertThat(booking.start()).isEqualTo(TEN);
    assertThat(world.store.findBookingLink(CONTOSO, "b-1").orElseThrow().eventId())
        .contains(event.id());
  }

  @Test
  void creatingTheSameKeyTwiceMakesOneEvent() {
    Booking first = bookings.create(request("b-1").build());
    Booking second = bookings.create(request("b-1").build());

    assertThat(second.eventId()).isEqualTo(first.eventId());
    assertThat(world.backend.calls.eventsCreated).hasValue(1);
    assertThat(world.backend.events(ORCHARD)).hasSize(1);
  }

  @Test
  void aCreateRetriedAfterALostAnswerMakesOneEvent() {
    world.backend.loseCreateAnswers(1);
    assertThatThrownBy(() -> bookings.create(request("b-1").build()))
        .isInstanceOf(CalendarServiceException.class);
    BookingLink pending = world.store.findBookingLink(CONTOSO, "b-1").orElseThrow();
    assertThat(pending.eventId()).isEmpty();
    assertThat(world.backend.events(ORCHARD)).hasSize(1);

    Booking retried = bookings.create(request("b-1").build());

    assertThat(world.backend.calls.eventsCreated).hasValue(1);
    assertThat(retried.eventId()).isEqualTo(world.backend.events(ORCHARD).get(0).id());
    assertThat(world.store.findBookingLink(CONTOSO, "b-1").orElseThrow().eventId())
        .contains(retried.eventId());
  }

  @Test
  void concurrentCreatesOfOneKeyMakeOneEventAndOneLink() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      CyclicBarrier together = new CyclicBarrier(8);
      List<Future<Booking>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(
            threads.submit(
                () -> {
                  together.await(10, TimeUnit.SECONDS);
                  return bookings.create(request("b-1").build());
                }));
      }
      Set<String> eventIds = new HashSet<>();
      for (Future<Booking> result : results) {
        eventIds.add(result.get(10, TimeUnit.SECONDS).eventId());
      }

      assertThat(eventIds).hasSize(1);
      assertThat(world.backend.events(ORCHARD)).hasSize(1);
      assertThat(world.store.findBookingLink(CONTOSO, "b-1").orElseThrow().eventId())
          .contains(eventIds.iterator().next());
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void transactionIdsAreNameBasedUuidsOfTenantAndKey() {
    String id = TransactionIds.of(CONTOSO, "b-1");
    UUID uuid = UUID.fromString(id);
    assertThat(uuid.version()).isEqualTo(8);
    assertThat(uuid.variant()).isEqualTo(2);
    assertThat(TransactionIds.of(CONTOSO, "b-1")).isEqualTo(id);
    assertThat(TransactionIds.of(CONTOSO, "b-2")).isNotEqualTo(id);
    assertThat(TransactionIds.of(TenantId.parse("fabrikam.com"), "b-1")).isNotEqualTo(id);
  }

  @Test
  void booksTheCalendarLinkedToASpace() {
    world.store.putSpaceLink(new SpaceLink(CONTOSO, SpaceId.of("4.12"), ORCHARD, NOW, 0), false);
    BookingRequest bySpace =
        BookingRequest.builder(CONTOSO, "b-1")
            .space(SpaceId.of("4.12"))
            .subject("x")
            .time(TEN, ELEVEN)
            .booker("ada@contoso.com", null)
            .build();

    assertThat(bookings.create(bySpace).calendarEmail()).isEqualTo(ORCHARD);

    BookingRequest unlinked =
        BookingRequest.builder(CONTOSO, "b-2")
            .space(SpaceId.of("9.99"))
            .subject("x")
            .time(TEN, ELEVEN)
            .booker("ada@contoso.com", null)
            .build();
    assertThatThrownBy(() -> bookings.create(unlinked))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("space 9.99 is not linked");
  }

  @Test
  void refusesUnknownUnconnectedAndFailedCalendarsWithoutWritingAnything() {
    assertThatThrownBy(() -> bookings.create(request("b-1").room(MARINA).build()))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("not registered");

    world.backend.addRoom(MARINA);
    RoomCalendar added = world.store.insertCalendar(RoomCalendar.added(CONTOSO, MARINA, null, NOW));
    assertThatThrownBy(() -> bookings.create(request("b-1").room(MARINA).build()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("ADDED")
        .hasMessageContaining("connect it first");

    world.store.updateCalendar(
        added.failed(CalendarFailureReason.ACCESS_DENIED_BY_POLICY, "ErrorAccessDenied", NOW));
    assertThatThrownBy(() -> bookings.create(request("b-1").room(MARINA).build()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("ACCESS_DENIED_BY_POLICY");

    assertThat(world.store.findBookingLink(CONTOSO, "b-1")).isEmpty();
    assertThat(world.backend.events(MARINA)).isEmpty();
  }

  @Test
  void aKeyInUseReturnsItsBookingInTheSameRoomAndIsRefusedForAnother() {
    world.connectedRoom(MARINA);
    Booking first = bookings.create(request("b-1").build());

    Booking again =
        bookings.create(
            request("b-1").subject("Other").time(ELEVEN, ELEVEN.plusSeconds(600)).build());
    assertThat(again.eventId()).isEqualTo(first.eventId());
    assertThat(again.subject()).isEqualTo("Design review");
    assertThat(again.start()).isEqualTo(TEN);

    assertThatThrownBy(() -> bookings.create(request("b-1").room(MARINA).build()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("already used for a booking in " + ORCHARD);
    assertThat(world.backend.events(MARINA)).isEmpty();
  }

  @Test
  void aKeyWhoseEventWasDeletedInOutlookIsReleasedByCancel() {
    Booking booking = bookings.create(request("b-1").build());
    world.backend.outlook.deleteExternal(ORCHARD, booking.eventId());

    assertThatThrownBy(() -> bookings.create(request("b-1").build()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("no longer in");
    assertThat(bookings.get(CONTOSO, "b-1")).isEmpty();

    assertThat(bookings.cancel(CONTOSO, "b-1", null)).isTrue();
    assertThat(world.store.findBookingLink(CONTOSO, "b-1")).isEmpty();
  }

  @Test
  void updatesSubjectAndTime() {
    bookings.create(request("b-1").build());

    Booking renamed = bookings.update(CONTOSO, "b-1", BookingUpdate.subject("Retro"));
    assertThat(renamed.subject()).isEqualTo("Retro");
    assertThat(renamed.start()).isEqualTo(TEN);

    Booking moved =
        bookings.update(CONTOSO, "b-1", BookingUpdate.time(ELEVEN, ELEVEN.plusSeconds(1800)));
    assertThat(moved.start()).isEqualTo(ELEVEN);
    assertThat(moved.subject()).isEqualTo("Retro");
    assertThat(world.backend.events(ORCHARD).get(0).end()).isEqualTo(ELEVEN.plusSeconds(1800));
  }

  @Test
  void refusesUpdatesThatEndBeforeTheStartOrNameNoBooking() {
    bookings.create(request("b-1").build());
    BookingUpdate endBeforeStart =
        new BookingUpdate(Optional.empty(), Optional.empty(), Optional.of(TEN.minusSeconds(60)));

    assertThatThrownBy(() -> bookings.update(CONTOSO, "b-1", endBeforeStart))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("end after it starts");
    assertThat(world.backend.events(ORCHARD).get(0).end()).isEqualTo(ELEVEN);
    assertThatThrownBy(() -> bookings.update(CONTOSO, "nope", BookingUpdate.subject("x")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void endsARunningBookingNow() {
    bookings.create(request("b-1").build());
    world.clock.set(TEN.plus(Duration.ofMinutes(25)));

    Booking ended = bookings.endEarly(CONTOSO, "b-1");

    assertThat(ended.end()).isEqualTo(TEN.plus(Duration.ofMinutes(25)));
    assertThat(world.backend.events(ORCHARD).get(0).end()).isEqualTo(ended.end());
  }

  @Test
  void refusesToEndEarlyABookingThatHasNotStartedOrHasEnded() {
    bookings.create(request("b-1").build());

    assertThatThrownBy(() -> bookings.endEarly(CONTOSO, "b-1"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("has not started yet");

    world.clock.set(ELEVEN);
    assertThatThrownBy(() -> bookings.endEarly(CONTOSO, "b-1"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("has already ended");
    assertThat(world.backend.events(ORCHARD).get(0).end()).isEqualTo(ELEVEN);
  }

  @Test
  void cancelsABookingTheRoomOrganizesWithTheComment() {
    Booking booking = bookings.create(request("b-1").build());

    assertThat(bookings.cancel(CONTOSO, "b-1", "room needed elsewhere")).isTrue();

    assertThat(world.backend.calls.cancellations)
        .containsExactly(ORCHARD + "/" + booking.eventId() + "/room needed elsewhere");
    assertThat(world.backend.events(ORCHARD)).isEmpty();
    assertThat(world.store.findBookingLink(CONTOSO, "b-1")).isEmpty();
    assertThat(bookings.cancel(CONTOSO, "b-1", null)).isFalse();
    assertThat(bookings.cancel(CONTOSO, "unknown", null)).isFalse();
  }

  @Test
  void deletesABookingSomeoneElseOrganizes() {
    CalendarEvent outlook =
        world.backend.outlook.addExternalEvent(ORCHARD, "bob@contoso.com", "1:1", TEN, ELEVEN);
    world.store.insertBookingLink(
        new BookingLink(CONTOSO, "adopted", ORCHARD, "tx", Optional.of(outlook.id()), NOW, 0));

    assertThat(bookings.cancel(CONTOSO, "adopted", "sorry")).isTrue();

    assertThat(world.backend.calls.cancellations).isEmpty();
    assertThat(world.backend.events(ORCHARD)).isEmpty();
  }

  @Test
  void getsABookingByKey() {
    Booking booking = bookings.create(request("b-1").build());

    assertThat(bookings.get(CONTOSO, "b-1")).contains(booking);
    assertThat(bookings.get(CONTOSO, "unknown")).isEmpty();

    world.backend.loseCreateAnswers(1);
    assertThatThrownBy(() -> bookings.create(request("b-2").time(ELEVEN, ELEVEN.plusSeconds(3600)).build()))
        .isInstanceOf(CalendarServiceException.class);
    assertThat(bookings.get(CONTOSO, "b-2")).isEmpty();
    assertThatThrownBy(() -> bookings.endEarly(CONTOSO, "b-2"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("repeat the create");
  }
}
