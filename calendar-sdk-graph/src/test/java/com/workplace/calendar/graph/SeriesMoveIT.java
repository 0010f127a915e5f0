package com.workplace.calendar.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.booking.Booking;
import com.workplace.calendar.booking.BookingConflictException;
import com.workplace.calendar.booking.BookingRecurrence;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.booking.BookingUpdate;
import com.workplace.calendar.booking.UnresolvedConflictException;
import com.workplace.calendar.testkit.FakeEvent;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.GraphOperation;
import com.workplace.calendar.testkit.RequestHook;
import com.workplace.calendar.testkit.RequestMatcher;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Moving a recurring booking through the real stack against the fake, which moves a series as
 * Exchange does (a PATCH of the master's start, end or recurrence drops its exceptions): every new
 * occurrence checked, a refusal changing nothing, lost answers and repeats moving once, a lost
 * race moved back with the occurrences cancelled and changed before.
 */
@ExtendWith(SecretsInLogsExtension.class)
class SeriesMoveIT {
  private static final GraphRetryOptions RETRY =
      GraphRetryOptions.builder()
          .maxAttempts(4)
          .baseDelay(Duration.ofMillis(20))
          .maxDelay(Duration.ofMillis(200))
          .deadline(Duration.ofSeconds(30))
          .build();

  private static FakeMicrosoft365 m365;
  private final AtomicInteger patches = new AtomicInteger();
  private AuthorizedTenant tenant;
  private String room;
  private Instant first;
  private BookingRecurrence weeklySix;

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
    GraphEventListener counter =
        new GraphEventListener() {
          @Override
          public void requestStarted(GraphCall call) {
            if (call.method().equals("PATCH")) {
              patches.incrementAndGet();
            }
          }
        };
    tenant = AuthorizedTenant.create(m365, "seriesmove", 1, b -> b.retry(RETRY).eventListener(counter));
    room = tenant.room(0);
    first = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(2)).plus(Duration.ofHours(9));
    weeklySix = BookingRecurrence.weekly(1, first.atOffset(ZoneOffset.UTC).getDayOfWeek()).times(6);
    tenant.service.bookings().create(
        BookingRequest.builder(tenant.id, "standup")
            .room(room)
            .subject("Stand-up")
            .time(first, first.plus(Duration.ofMinutes(30)))
            .booker("alex@" + tenant.fake.domain(), "Alex Wilber")
            .recurrence(weeklySix)
            .build());
    patches.set(0);
  }

  @AfterEach
  void tearDown() {
    m365.faults().clear();
    tenant.close();
  }

  private List<FakeEvent> view() {
    return tenant.fake.calendarView(room, first.minus(Duration.ofDays(1)), first.plus(Duration.ofDays(45)));
  }

  private FakeEvent master() {
    return tenant.fake.events(room).stream().filter(e -> e.type() == FakeEvent.Type.SERIES_MASTER).findFirst().orElseThrow();
  }

  private BookingUpdate byHours(long hours) {
    return BookingUpdate.time(first.plus(Duration.ofHours(hours)), first.plus(Duration.ofHours(hours)).plus(Duration.ofMinutes(30)));
  }

  private void walkIn(Instant start) {
    tenant.fake.event(room).subject("Walk-in").organizer("megan@" + tenant.fake.domain())
        .start(start).end(start.plus(Duration.ofMinutes(10))).add();
  }

  @Test
  void aMovedSeriesHasEveryOccurrenceAtTheNewTimeAndItsExceptionsDropped() {
    FakeEvent second = view().get(1);
    tenant.fake.updateEvent(room, second.id(), "Moved in Outlook", second.start().plus(Duration.ofHours(3)), second.end().plus(Duration.ofHours(3)));
    tenant.service.bookings().cancelOccurrence(tenant.id, "standup", first.plus(Duration.ofDays(14)), null);
    String masterId = master().id();
    long requests = m365.stats().requests(room);

    Booking moved = tenant.service.bookings().update(tenant.id, "standup", byHours(2));

    assertThat(moved.eventId()).isEqualTo(masterId);
    assertThat(moved.start()).isEqualTo(first.plus(Duration.ofHours(2)));
    assertThat(moved.recurrence()).contains(weeklySix);
    assertThat(view()).hasSize(6).allSatisfy(o -> {
      assertThat(o.type()).isEqualTo(FakeEvent.Type.OCCURRENCE);
      assertThat(o.subject()).isEqualTo("Stand-up");
      assertThat(o.start().atOffset(ZoneOffset.UTC).getHour()).isEqualTo(11);
    });
    // the master, the new span, the series' instances, the PATCH, the new span again
    assertThat(m365.stats().requests(room) - requests).isEqualTo(5);
    assertThat(patches).hasValue(1);
  }

  @Test
  void aMoveIntoAnOutlookBookingIsRefusedNamingItAndChangesNothing() {
    tenant.service.bookings().cancelOccurrence(tenant.id, "standup", first.plus(Duration.ofDays(14)), null);
    Instant fourth = first.plus(Duration.ofDays(21)).plus(Duration.ofHours(2));
    walkIn(fourth.plus(Duration.ofMinutes(10)));
    List<FakeEvent> before = view();

    assertThatThrownBy(() -> tenant.service.bookings().update(tenant.id, "standup", byHours(2)))
        .isInstanceOfSatisfying(
            BookingConflictException.class,
            e -> {
              assertThat(e.conflictingOccurrences()).containsExactly(fourth);
              assertThat(e.getMessage()).contains(fourth.toString()).doesNotContain("came first");
            });

    assertThat(patches).hasValue(0);
    assertThat(view()).isEqualTo(before);
    // the cancelled occurrence would come back with a move, so it is checked too
    Instant third = first.plus(Duration.ofDays(14)).plus(Duration.ofHours(4));
    walkIn(third);
    assertThatThrownBy(() -> tenant.service.bookings().update(tenant.id, "standup", byHours(4)))
        .isInstanceOfSatisfying(BookingConflictException.class, e -> assertThat(e.conflictingOccurrences()).containsExactly(third));
  }

  @Test
  void aMoveWhoseAnswersAreLostIsMadeOnceAndRepeatingItChangesNothing() {
    // the master, the check's read and the instances pass; the PATCH is processed, its answer lost
    m365.faults().slowNext(3, Duration.ZERO).dropResponseNext(1);

    Booking moved = tenant.service.bookings().update(tenant.id, "standup", byHours(1));

    assertThat(moved.start()).isEqualTo(first.plus(Duration.ofHours(1)));
    assertThat(patches).as("the PATCH and its retry").hasValue(2);
    assertThat(view()).hasSize(6).allSatisfy(o -> assertThat(o.start().atOffset(ZoneOffset.UTC).getHour()).isEqualTo(10));

    // every answer of the next move is lost: the caller sees a failure, the calendar the move
    m365.faults().slowNext(3, Duration.ZERO).dropResponseNext(RETRY.maxAttempts());
    assertThatThrownBy(() -> tenant.service.bookings().update(tenant.id, "standup", byHours(3)))
        .isInstanceOf(CalendarServiceException.class);
    assertThat(view()).allSatisfy(o -> assertThat(o.start().atOffset(ZoneOffset.UTC).getHour()).isEqualTo(12));
    String changeKey = master().changeKey();
    patches.set(0);

    Booking repeated = tenant.service.bookings().update(tenant.id, "standup", byHours(3));

    assertThat(repeated.start()).isEqualTo(first.plus(Duration.ofHours(3)));
    assertThat(patches).as("the repeat finds the series moved").hasValue(0);
    assertThat(master().changeKey()).isEqualTo(changeKey);
    assertThat(view()).hasSize(6);
  }

  @Test
  void aMoveThatLosesARaceToAnOutlookBookingGoesBackAsItWas() {
    FakeEvent second = view().get(1);
    tenant.fake.updateEvent(room, second.id(), "Moved in Outlook", second.start().plus(Duration.ofHours(3)), second.end().plus(Duration.ofHours(3)));
    tenant.service.bookings().cancelOccurrence(tenant.id, "standup", first.plus(Duration.ofDays(14)), null);
    List<FakeEvent> before = view();
    Instant fifth = first.plus(Duration.ofDays(28)).plus(Duration.ofHours(2));
    RequestHook race =
        m365.onNextRequest(RequestMatcher.of(GraphOperation.UPDATE_EVENT).mailbox(room), () -> walkIn(fifth));

    assertThatThrownBy(() -> tenant.service.bookings().update(tenant.id, "standup", byHours(2)))
        .isInstanceOfSatisfying(
            BookingConflictException.class,
            e -> {
              assertThat(e.conflictingOccurrences()).containsExactly(fifth);
              assertThat(e.getMessage()).contains("came first");
              assertThat(e.getSuppressed()).isEmpty();
            });

    assertThat(race.hasRun()).isTrue();
    assertThat(tenant.service.bookings().get(tenant.id, "standup").orElseThrow().start()).isEqualTo(first);
    List<FakeEvent> after = view().stream().filter(e -> e.seriesMasterId().isPresent()).toList();
    assertThat(after).extracting(FakeEvent::id).isEqualTo(before.stream().map(FakeEvent::id).toList());
    assertThat(after).extracting(FakeEvent::start).isEqualTo(before.stream().map(FakeEvent::start).toList());
    assertThat(after).extracting(FakeEvent::subject).isEqualTo(before.stream().map(FakeEvent::subject).toList());
    assertThat(after).extracting(FakeEvent::type).isEqualTo(before.stream().map(FakeEvent::type).toList());
    assertThat(view()).extracting(FakeEvent::subject).contains("Walk-in");
  }

  @Test
  void aMoveThatLostARaceAndCannotGoBackIsReportedAsStandingMoved() {
    Instant fifth = first.plus(Duration.ofDays(28)).plus(Duration.ofHours(2));
    m365.onNextRequest(
        RequestMatcher.of(GraphOperation.UPDATE_EVENT).mailbox(room),
        () -> {
          walkIn(fifth);
          // the check after writing passes, every attempt to move the series back fails
          m365.faults().slowNext(1, Duration.ZERO).serviceUnavailableNextWithoutRetryAfter(RETRY.maxAttempts());
        });

    assertThatThrownBy(() -> tenant.service.bookings().update(tenant.id, "standup", byHours(2)))
        .isInstanceOfSatisfying(
            UnresolvedConflictException.class,
            e -> {
              assertThat(e.bookingKey()).isEqualTo("standup");
              assertThat(e.conflict()).isInstanceOfSatisfying(
                  BookingConflictException.class, c -> assertThat(c.conflictingOccurrences()).containsExactly(fifth));
              assertThat(e.getCause()).isInstanceOf(CalendarServiceException.class);
            });
    assertThat(view()).filteredOn(e -> e.seriesMasterId().isPresent())
        .allSatisfy(o -> assertThat(o.start().atOffset(ZoneOffset.UTC).getHour()).isEqualTo(11));
  }

  @Test
  void aSeriesMovesToAnotherDayWithANewPattern() {
    DayOfWeek next = first.plus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC).getDayOfWeek();
    BookingRecurrence threeTimes = BookingRecurrence.weekly(1, next).times(3);
    Instant nextDay = first.plus(Duration.ofDays(1));

    Booking moved =
        tenant.service.bookings().update(
            tenant.id, "standup", BookingUpdate.time(nextDay, nextDay.plus(Duration.ofMinutes(45))).withRecurrence(threeTimes));

    assertThat(moved.recurrence()).contains(threeTimes);
    assertThat(view()).extracting(FakeEvent::start)
        .containsExactly(nextDay, nextDay.plus(Duration.ofDays(7)), nextDay.plus(Duration.ofDays(14)));
    assertThat(master().recurrence().orElseThrow().numberOfOccurrences()).isEqualTo(3);
  }
}
