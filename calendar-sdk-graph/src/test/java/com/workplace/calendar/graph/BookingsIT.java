package com.workplace.calendar.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.ConflictException;
import com.workplace.calendar.booking.Availability;
import com.workplace.calendar.booking.Booking;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.booking.BookingUpdate;
import com.workplace.calendar.space.LinkMode;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.testkit.FakeEvent;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SecretsInLogsExtension.class)
class BookingsIT {
  private static FakeMicrosoft365 m365;
  private AuthorizedTenant tenant;

  @BeforeAll
  static void startFake() {
    m365 = FakeMicrosoft365.builder().build().start();
  }

  @AfterAll
  static void stopFake() {
    m365.close();
  }

  @BeforeEach
  void setUp() {
    tenant = AuthorizedTenant.create(m365, "bookings", 45, b -> {});
  }

  @AfterEach
  void tearDown() {
    m365.faults().clear();
    tenant.close();
  }

  private BookingRequest request(String key, String room, Instant start, Instant end) {
    return BookingRequest.builder(tenant.id, key)
        .room(room)
        .subject("Planning " + key)
        .time(start, end)
        .booker("alex@" + tenant.fake.domain(), "Alex Wilber")
        .body("Booked from the workplace app")
        .build();
  }

  @Test
  void aBookingIsAnEventOrganizedByTheRoomWithTheBookerAsAttendee() {
    Instant start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    Booking booking = tenant.service.bookings().create(request("b-1", tenant.room(0), start, start.plus(Duration.ofHours(1))));

    List<FakeEvent> events = tenant.fake.events(tenant.room(0));
    assertThat(events).hasSize(1);
    FakeEvent event = events.get(0);
    assertThat(event.id()).isEqualTo(booking.eventId());
    assertThat(event.organizerAddress()).isEqualTo(tenant.room(0));
    assertThat(event.attendees()).contains("alex@" + tenant.fake.domain());
    assertThat(event.start()).isEqualTo(start);
    assertThat(event.transaction()).isPresent();
    assertThat(tenant.service.bookings().get(tenant.id, "b-1")).map(Booking::subject).contains("Planning b-1");
  }

  @Test
  void creatingTheSameKeyTwiceOrByLinkedSpaceMakesOneEvent() {
    Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    tenant.service.spaces().link(tenant.id, tenant.room(1), SpaceId.of("4.12"), LinkMode.FAIL_IF_LINKED);
    BookingRequest bySpace =
        BookingRequest.builder(tenant.id, "b-2")
            .space(SpaceId.of("4.12"))
            .subject("Review")
            .time(start, start.plus(Duration.ofMinutes(30)))
            .booker("alex@" + tenant.fake.domain(), null)
            .build();
    Booking first = tenant.service.bookings().create(bySpace);
    Booking second = tenant.service.bookings().create(bySpace);
    assertThat(second.eventId()).isEqualTo(first.eventId());
    assertThat(first.calendarEmail()).isEqualTo(tenant.room(1));
    assertThat(tenant.fake.events(tenant.room(1))).hasSize(1);
  }

  @Test
  void aCreateRetriedAfterAFailedAnswerMakesOneEvent() {
    Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    m365.faults().serviceUnavailableNextWithoutRetryAfter(2);
    Booking booking = tenant.service.bookings().create(request("b-3", tenant.room(2), start, start.plusSeconds(1800)));
    assertThat(tenant.fake.events(tenant.room(2))).extracting(FakeEvent::id).containsExactly(booking.eventId());
  }

  @Test
  void updateEndEarlyAndCancelShowInTheRoomCalendar() {
    Instant now = Instant.now();
    Booking running =
        tenant.service.bookings().create(request("b-4", tenant.room(3), now.minus(Duration.ofMinutes(30)), now.plus(Duration.ofMinutes(30))));
    Instant later = now.plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    tenant.service.bookings().create(request("b-5", tenant.room(3), later, later.plus(Duration.ofHours(1))));

    Booking moved =
        tenant.service.bookings().update(tenant.id, "b-5", BookingUpdate.time(later.plus(Duration.ofHours(2)), later.plus(Duration.ofHours(3))));
    assertThat(moved.start()).isEqualTo(later.plus(Duration.ofHours(2)));
    assertThat(eventById(tenant.room(3), moved.eventId()).start()).isEqualTo(later.plus(Duration.ofHours(2)));
    tenant.service.bookings().update(tenant.id, "b-5", BookingUpdate.subject("Renamed"));
    assertThat(eventById(tenant.room(3), moved.eventId()).subject()).isEqualTo("Renamed");

    Booking ended = tenant.service.bookings().endEarly(tenant.id, "b-4");
    assertThat(ended.end()).isBefore(running.end()).isAfterOrEqualTo(now.minusSeconds(5));
    assertThat(eventById(tenant.room(3), running.eventId()).end()).isBefore(running.end());
    assertThatThrownBy(() -> tenant.service.bookings().endEarly(tenant.id, "b-5"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("not started");

    assertThat(tenant.service.bookings().cancel(tenant.id, "b-5", "Plans changed")).isTrue();
    assertThat(tenant.fake.events(tenant.room(3))).extracting(FakeEvent::id).containsExactly(running.eventId());
    assertThat(tenant.service.bookings().get(tenant.id, "b-5")).isEmpty();
    assertThat(tenant.service.bookings().cancel(tenant.id, "b-5", null)).isFalse();
  }

  @Test
  void availabilityCoversManyRoomsAndLongWindows() {
    Instant base = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
    List<String> rooms = new ArrayList<>();
    for (int i = 0; i < 45; i++) {
      rooms.add(tenant.room(i));
    }
    tenant.fake.addEvent(tenant.room(0), "Outlook meeting", base.plus(Duration.ofHours(9)), base.plus(Duration.ofHours(10)));
    tenant.fake.addEvent(tenant.room(44), "Far away", base.plus(Duration.ofDays(45)), base.plus(Duration.ofDays(45)).plus(Duration.ofHours(1)));

    List<Availability> availability =
        tenant.service.bookings().availability(tenant.id, rooms, base, base.plus(Duration.ofDays(50)));

    assertThat(availability).hasSize(45);
    assertThat(availability.get(0).calendarEmail()).isEqualTo(tenant.room(0));
    assertThat(availability.get(0).busy()).singleElement().satisfies(b -> assertThat(b.start()).isEqualTo(base.plus(Duration.ofHours(9))));
    assertThat(availability.get(44).busy()).singleElement().satisfies(b -> assertThat(b.start()).isEqualTo(base.plus(Duration.ofDays(45))));
    assertThat(availability.get(20).busy()).isEmpty();
    assertThat(availability).allSatisfy(a -> assertThat(a.error()).isEmpty());
  }

  private FakeEvent eventById(String room, String id) {
    return tenant.fake.events(room).stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
  }
}
