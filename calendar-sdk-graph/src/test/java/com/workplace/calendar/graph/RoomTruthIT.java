package com.workplace.calendar.graph;

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
import com.workplace.calendar.registry.RoomBookingRules;
import com.workplace.calendar.registry.RoomBookingType;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.sync.BookingChange;
import com.workplace.calendar.testkit.FakeEvent;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.GraphOperation;
import com.workplace.calendar.testkit.RequestHook;
import com.workplace.calendar.testkit.RequestMatcher;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No double bookings and the room's own rules, through the real stack against the fake (which,
 * like Exchange for direct writes, accepts overlapping events in a room calendar).
 */
@ExtendWith(SecretsInLogsExtension.class)
class RoomTruthIT {
  private static FakeMicrosoft365 m365;
  private AuthorizedTenant tenant;
  private RecordingListener listener;
  private String room;
  private Instant ten;
  private Instant eleven;

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
    listener = new RecordingListener();
    tenant = AuthorizedTenant.create(m365, "truth", 3, b -> b.syncListener(listener));
    room = tenant.room(0);
    ten = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(10));
    eleven = ten.plus(Duration.ofHours(1));
  }

  @AfterEach
  void tearDown() {
    tenant.close();
  }

  private BookingRequest.Builder request(String key, Instant start, Instant end) {
    return BookingRequest.builder(tenant.id, key)
        .room(room)
        .subject("Planning " + key)
        .time(start, end)
        .booker("alex@" + tenant.fake.domain(), "Alex Wilber");
  }

  private String outlookMeeting(Instant start, Instant end) {
    return tenant.fake.event(room).subject("Quarterly numbers").start(start).end(end)
        .organizer("megan@" + tenant.fake.domain()).add();
  }

  @Test
  void anOutlookMeetingRefusesAnOverlapWithItsIntervalAndATouchingBookingIsAccepted() {
    outlookMeeting(ten, eleven);

    assertThatThrownBy(() -> tenant.service.bookings().create(request("overlap", ten.plusSeconds(1800), eleven.plusSeconds(1800)).build()))
        .isInstanceOfSatisfying(
            BookingConflictException.class,
            e -> {
              assertThat(e.conflicts()).containsExactly(new ConflictingInterval(ten, eleven, false, Optional.empty(), Optional.empty()));
              assertThat(e.calendarEmail()).isEqualTo(room);
              assertThat(e.getMessage()).contains(ten.toString()).contains(eleven.toString()).doesNotContain("Quarterly");
            });
    assertThat(tenant.fake.events(room)).hasSize(1);
    assertThat(tenant.service.bookings().get(tenant.id, "overlap")).isEmpty();

    Booking touching = tenant.service.bookings().create(request("touching", eleven, eleven.plusSeconds(3600)).build());
    assertThat(touching.start()).isEqualTo(eleven);
    assertThat(tenant.fake.events(room)).hasSize(2);
  }

  @Test
  void cancelledAndFreeEventsDoNotBlockAndAPrivateOneIsNamedWithoutItsSubject() {
    tenant.fake.event(room).subject("Lunch walk").start(ten).end(eleven).showAs(FakeEvent.ShowAs.FREE).add();
    tenant.fake.event(room).subject("Called off").start(ten).end(eleven).cancelled(true).add();

    Booking booking = tenant.service.bookings().create(request("free-slot", ten, eleven).build());
    assertThat(booking.start()).isEqualTo(ten);

    Instant later = eleven.plus(Duration.ofHours(2));
    tenant.fake.event(room).subject("HR talk").start(later).end(later.plusSeconds(3600))
        .sensitivity(FakeEvent.Sensitivity.PRIVATE).add();
    assertThatThrownBy(
            () -> tenant.service.bookings().create(request("private", later, later.plusSeconds(1800)).showConflictSubjects(true).build()))
        .isInstanceOfSatisfying(
            BookingConflictException.class,
            e -> {
              assertThat(e.conflicts()).singleElement().satisfies(c -> {
                assertThat(c.isPrivate()).isTrue();
                assertThat(c.subject()).isEmpty();
              });
              assertThat(e.getMessage()).contains("(private)").doesNotContain("HR talk");
            });
  }

  @Test
  void movingABookingOntoATakenSlotIsRefusedAndTheBookingStaysWhereItWas() {
    Booking mine = tenant.service.bookings().create(request("mine", ten, eleven).build());
    outlookMeeting(eleven, eleven.plusSeconds(3600));

    assertThatThrownBy(
            () -> tenant.service.bookings().update(tenant.id, "mine", BookingUpdate.time(ten.plusSeconds(1800), eleven.plusSeconds(1800))))
        .isInstanceOf(BookingConflictException.class);
    FakeEvent stays = tenant.fake.events(room).stream().filter(e -> e.id().equals(mine.eventId())).findFirst().orElseThrow();
    assertThat(stays.start()).isEqualTo(ten);
    assertThat(stays.end()).isEqualTo(eleven);

    Booking extended = tenant.service.bookings().update(tenant.id, "mine", BookingUpdate.time(ten.minusSeconds(1800), eleven));
    assertThat(extended.start()).isEqualTo(ten.minusSeconds(1800));
  }

  @Test
  void anOutlookBookingBetweenTheCheckAndTheWriteIsFoundByThePostWriteCheck() throws Exception {
    RequestHook walkIn =
        m365.onNextRequest(
            RequestMatcher.of(GraphOperation.CREATE_EVENT).mailbox(room),
            () -> outlookMeeting(ten, eleven));

    assertThatThrownBy(() -> tenant.service.bookings().create(request("raced", ten.plusSeconds(900), eleven).build()))
        .isInstanceOfSatisfying(
            BookingConflictException.class,
            e -> {
              assertThat(e.conflicts()).extracting(ConflictingInterval::start).containsExactly(ten);
              assertThat(e.getMessage()).contains("came first");
            });
    assertThat(walkIn.hasRun()).isTrue();
    assertThat(tenant.fake.events(room)).extracting(FakeEvent::subject).containsExactly("Quarterly numbers");
    assertThat(tenant.service.bookings().get(tenant.id, "raced")).isEmpty();
    // the key is free again: the same booking at another time goes through
    assertThat(tenant.service.bookings().create(request("raced", eleven, eleven.plusSeconds(1800)).build()).start())
        .isEqualTo(eleven);
  }

  @Test
  void anOutlookBookingAfterTheWriteKeepsOursAndTheNextSyncRoundReportsTheDoubleBooking() {
    tenant.service.sync().syncNow(tenant.id, room);
    listener.changes.clear();
    // when our create arrives, arrange for an Outlook booking to land just before the next
    // calendarView of the room: the post-write check, after our event was created
    AtomicReference<RequestHook> afterWrite = new AtomicReference<>();
    RequestHook onCreate =
        m365.onNextRequest(
            RequestMatcher.of(GraphOperation.CREATE_EVENT).mailbox(room),
            () ->
                afterWrite.set(
                    m365.onNextRequest(
                        RequestMatcher.of(GraphOperation.CALENDAR_VIEW).mailbox(room),
                        () -> outlookMeeting(ten, eleven))));
    Booking ours = tenant.service.bookings().create(request("kept", ten, eleven).build());
    assertThat(onCreate.hasRun()).isTrue();
    assertThat(afterWrite.get().hasRun()).isTrue();
    assertThat(tenant.fake.events(room)).hasSize(2);

    tenant.service.sync().syncNow(tenant.id, room);
    BookingChange outlook =
        listener.changes.stream().filter(c -> !c.isOurs()).findFirst().orElseThrow();
    assertThat(outlook.isConflict()).isTrue();
    assertThat(outlook.conflicts()).extracting(ConflictingInterval::bookingKey).containsExactly(Optional.of("kept"));
    BookingChange mine = listener.changes.stream().filter(BookingChange::isOurs).findFirst().orElseThrow();
    assertThat(mine.eventId()).isEqualTo(ours.eventId());
    assertThat(mine.conflicts()).hasSize(1);
  }

  @Test
  void eachRuleOfTheRoomIsEnforcedWithItsReason() {
    RoomCalendar calendar =
        tenant.service.calendars().setBookingRules(
            tenant.id,
            room,
            RoomBookingRules.none()
                .withBookingWindowInDays(30)
                .withMaximumDurationInMinutes(60)
                .withAllowConflicts(false)
                .withAllowRecurringMeetings(false));
    assertThat(tenant.service.calendars().get(tenant.id, room)).contains(calendar);
    long requests = m365.stats().requests(room);

    Instant far = ten.plus(Duration.ofDays(40));
    assertThatThrownBy(() -> tenant.service.bookings().create(request("far", far, far.plusSeconds(1800)).build()))
        .isInstanceOfSatisfying(BookingRuleException.class, e -> {
          assertThat(e.rule()).isEqualTo(BookingRule.BOOKING_WINDOW);
          assertThat(e.getMessage()).contains("at most 30 days ahead");
        });
    assertThatThrownBy(() -> tenant.service.bookings().create(request("long", ten, ten.plus(Duration.ofMinutes(90))).build()))
        .isInstanceOfSatisfying(BookingRuleException.class, e -> {
          assertThat(e.rule()).isEqualTo(BookingRule.MAXIMUM_DURATION);
          assertThat(e.getMessage()).contains("at most 60 minutes");
        });
    assertThat(m365.stats().requests(room)).as("refused before any Graph call").isEqualTo(requests);

    outlookMeeting(ten, eleven);
    assertThatThrownBy(
            () -> tenant.service.bookings().create(request("allowed", ten, eleven).conflictPolicy(ConflictPolicy.ALLOW).build()))
        .isInstanceOfSatisfying(BookingRuleException.class, e -> {
          assertThat(e.rule()).isEqualTo(BookingRule.CONFLICTS_NOT_ALLOWED);
          assertThat(e.getMessage()).contains("AllowConflicts=False");
        });
    assertThat(tenant.fake.events(room)).hasSize(1);

    tenant.service.calendars().setBookingRules(tenant.id, room, RoomBookingRules.none());
    Booking knowingly =
        tenant.service.bookings().create(request("knowingly", ten, eleven).conflictPolicy(ConflictPolicy.ALLOW).build());
    assertThat(knowingly.start()).isEqualTo(ten);
    assertThat(tenant.fake.events(room)).hasSize(2);
  }

  @Test
  void discoveryStoresAReservedRoomAndBookingItIsRefused() {
    String reserved = "hot-desk-zone@" + tenant.fake.domain();
    tenant.fake.room(reserved).displayName("Hot desk zone").bookingType("reserved").add();
    tenant.service.calendars().addDiscovered(tenant.id, tenant.service.calendars().discoverRooms(tenant.id));
    assertThat(tenant.service.calendars().connect(tenant.id, List.of(reserved)).connected()).isEqualTo(1);
    assertThat(tenant.service.calendars().get(tenant.id, reserved).orElseThrow().bookingType())
        .isEqualTo(RoomBookingType.RESERVED);
    assertThat(tenant.service.calendars().get(tenant.id, room).orElseThrow().bookingType())
        .isEqualTo(RoomBookingType.STANDARD);

    assertThatThrownBy(
            () -> tenant.service.bookings().create(BookingRequest.builder(tenant.id, "hot").room(reserved)
                .time(ten, eleven).booker("alex@" + tenant.fake.domain(), null).build()))
        .isInstanceOfSatisfying(BookingRuleException.class, e -> {
          assertThat(e.rule()).isEqualTo(BookingRule.RESERVED_ROOM);
          assertThat(e.getMessage()).contains("reserved room");
        });
    assertThat(tenant.fake.events(reserved)).isEmpty();
  }
}
