package com.workplace.calendar.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.booking.Availability;
import com.workplace.calendar.booking.Booking;
import com.workplace.calendar.booking.BookingConflictException;
import com.workplace.calendar.booking.BookingRecurrence;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.booking.BookingRule;
import com.workplace.calendar.booking.BookingRuleException;
import com.workplace.calendar.booking.BusyInterval;
import com.workplace.calendar.booking.ConflictingInterval;
import com.workplace.calendar.registry.RoomBookingRules;
import com.workplace.calendar.sync.BookingChange;
import com.workplace.calendar.sync.ChangeType;
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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Recurring bookings through the real stack against the fake, which models series as Exchange
 * does: one series per booking key under retries and lost answers, every occurrence checked,
 * single occurrences cancelled and ended, the series cancelled, busy and synced.
 */
@ExtendWith(SecretsInLogsExtension.class)
class SeriesBookingsIT {
  /** Quick backoff, so that lost answers cost little time. */
  private static final GraphRetryOptions RETRY =
      GraphRetryOptions.builder()
          .maxAttempts(4)
          .baseDelay(Duration.ofMillis(20))
          .maxDelay(Duration.ofMillis(200))
          .deadline(Duration.ofSeconds(30))
          .build();

  private static FakeMicrosoft365 m365;
  private final AtomicInteger retriedCreates = new AtomicInteger();
  private AuthorizedTenant tenant;
  private RecordingListener listener;
  private String room;
  private Instant first;
  private BookingRecurrence weeklyTen;

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
    GraphEventListener retries =
        new GraphEventListener() {
          @Override
          public void retrying(GraphCall call, Duration wait) {
            if (call.method().equals("POST") && call.path().endsWith("/events")) {
              retriedCreates.incrementAndGet();
            }
          }
        };
    tenant =
        AuthorizedTenant.create(
            m365, "seriesbook", 1, b -> b.syncListener(listener).retry(RETRY).eventListener(retries));
    room = tenant.room(0);
    first = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(2)).plus(Duration.ofHours(10));
    weeklyTen = BookingRecurrence.weekly(1, first.atOffset(ZoneOffset.UTC).getDayOfWeek()).times(10);
  }

  @AfterEach
  void tearDown() {
    m365.faults().clear();
    tenant.close();
  }

  private BookingRequest.Builder series(String key, Instant start) {
    return BookingRequest.builder(tenant.id, key)
        .room(room)
        .subject("Stand-up " + key)
        .time(start, start.plus(Duration.ofMinutes(30)))
        .booker("alex@" + tenant.fake.domain(), "Alex Wilber")
        .recurrence(weeklyTen);
  }

  private List<FakeEvent> instances() {
    return tenant.fake.calendarView(room, first.minus(Duration.ofDays(1)), first.plus(Duration.ofDays(80)));
  }

  private List<FakeEvent> masters() {
    return tenant.fake.events(room).stream().filter(e -> e.type() == FakeEvent.Type.SERIES_MASTER).toList();
  }

  @Test
  void aWeeklySeriesOfTenIsCreatedOnceUnderRetriesAndDroppedAnswers() {
    // the check's read passes, then the create is processed twice without an answer reaching us
    m365.faults().slowNext(1, Duration.ZERO).dropResponseNext(2);

    Booking booking = tenant.service.bookings().create(series("standup", first).build());

    assertThat(retriedCreates).hasValue(2);
    assertThat(masters()).singleElement().satisfies(master -> {
      assertThat(master.id()).isEqualTo(booking.eventId());
      assertThat(master.transaction()).isPresent();
      assertThat(master.organizerAddress()).isEqualTo(room);
    });
    assertThat(instances())
        .hasSize(10)
        .allSatisfy(i -> {
          assertThat(i.type()).isEqualTo(FakeEvent.Type.OCCURRENCE);
          assertThat(i.seriesMasterId()).contains(booking.eventId());
          assertThat(i.subject()).isEqualTo("Stand-up standup");
        });
    assertThat(instances().get(9).start()).isEqualTo(first.plus(Duration.ofDays(63)));
    assertThat(booking.recurring()).isTrue();
    assertThat(booking.recurrence()).contains(weeklyTen);

    Booking read = tenant.service.bookings().get(tenant.id, "standup").orElseThrow();
    assertThat(read.recurring()).isTrue();
    assertThat(read.recurrence()).contains(weeklyTen);
    assertThat(read.start()).isEqualTo(first);
    assertThat(tenant.service.bookings().create(series("standup", first).build()).eventId()).isEqualTo(booking.eventId());
    assertThat(masters()).hasSize(1);
  }

  @Test
  void aSeriesWhoseAnswersWereAllLostIsCreatedOnceWhenRepeated() {
    Instant later = first.plus(Duration.ofHours(2));
    m365.faults().slowNext(1, Duration.ZERO).dropResponseNext(RETRY.maxAttempts());
    assertThatThrownBy(() -> tenant.service.bookings().create(series("lost", later).build()))
        .isInstanceOf(CalendarServiceException.class);
    assertThat(retriedCreates).hasValue(RETRY.maxAttempts() - 1);
    assertThat(masters()).as("every attempt reached the calendar, one series was made").hasSize(1);
    assertThat(tenant.service.bookings().get(tenant.id, "lost")).isEmpty();

    // its occurrences are in the way now, but they are the booking's own: the repeated create
    // recognizes their master by its transaction id and completes the booking
    Booking booking = tenant.service.bookings().create(series("lost", later).build());

    assertThat(masters()).extracting(FakeEvent::id).containsExactly(booking.eventId());
    assertThat(instances()).hasSize(10).allSatisfy(i -> assertThat(i.seriesMasterId()).contains(booking.eventId()));
    assertThat(tenant.service.bookings().get(tenant.id, "lost")).map(Booking::eventId).contains(booking.eventId());
  }

  @Test
  void oneOccurrenceIsCancelledThenTheWholeSeries() {
    Booking booking = tenant.service.bookings().create(series("standup", first).build());
    Instant third = first.plus(Duration.ofDays(14));

    assertThat(tenant.service.bookings().cancelOccurrence(tenant.id, "standup", third, "Team day")).isTrue();

    assertThat(instances()).hasSize(9).extracting(FakeEvent::originalStart).doesNotContain(Optional.of(third));
    assertThat(masters()).extracting(FakeEvent::id).containsExactly(booking.eventId());
    assertThat(tenant.service.bookings().get(tenant.id, "standup")).isPresent();
    assertThat(tenant.service.bookings().cancelOccurrence(tenant.id, "standup", third, null)).isFalse();
    assertThatThrownBy(() -> tenant.service.bookings().cancelOccurrence(tenant.id, "standup", third.plusSeconds(900), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not an occurrence of booking standup");

    assertThat(tenant.service.bookings().cancel(tenant.id, "standup", "Stand-ups are over")).isTrue();

    assertThat(tenant.fake.events(room)).isEmpty();
    assertThat(instances()).isEmpty();
    assertThat(tenant.service.bookings().get(tenant.id, "standup")).isEmpty();
  }

  @Test
  void aMovedOccurrenceIsCancelledByItsOriginalStart() {
    tenant.service.bookings().create(series("standup", first).build());
    FakeEvent second = instances().get(1);
    Instant moved = second.start().plus(Duration.ofHours(3));
    tenant.fake.updateEvent(room, second.id(), "Moved in Outlook", moved, moved.plus(Duration.ofMinutes(30)));
    assertThat(instances().get(1).type()).isEqualTo(FakeEvent.Type.EXCEPTION);

    assertThat(tenant.service.bookings().cancelOccurrence(tenant.id, "standup", second.originalStart().orElseThrow(), null))
        .isTrue();

    assertThat(instances()).hasSize(9).extracting(FakeEvent::id).doesNotContain(second.id());
  }

  @Test
  void aSeriesWithAConflictingOccurrenceIsRefusedWithThatDate() {
    Instant fourth = first.plus(Duration.ofDays(21));
    tenant.fake.event(room).subject("Quarterly numbers").start(fourth.plus(Duration.ofMinutes(15)))
        .end(fourth.plus(Duration.ofMinutes(45))).organizer("megan@" + tenant.fake.domain()).add();
    long requests = m365.stats().requests(room);

    assertThatThrownBy(() -> tenant.service.bookings().create(series("clash", first).build()))
        .isInstanceOfSatisfying(
            BookingConflictException.class,
            e -> {
              assertThat(e.conflictingOccurrences()).containsExactly(fourth);
              assertThat(e.conflicts()).extracting(ConflictingInterval::start).containsExactly(fourth.plus(Duration.ofMinutes(15)));
              assertThat(e.getMessage())
                  .contains(fourth.atOffset(ZoneOffset.UTC).toLocalDate().toString())
                  .doesNotContain("Quarterly");
            });
    assertThat(m365.stats().requests(room)).as("one read of the series' span, nothing written").isEqualTo(requests + 1);
    assertThat(tenant.fake.events(room)).extracting(FakeEvent::subject).containsExactly("Quarterly numbers");
    assertThat(tenant.service.bookings().get(tenant.id, "clash")).isEmpty();
  }

  @Test
  void anOutlookBookingBetweenTheCheckAndTheWriteWithdrawsTheWholeSeries() {
    Instant fifth = first.plus(Duration.ofDays(28));
    RequestHook walkIn =
        m365.onNextRequest(
            RequestMatcher.of(GraphOperation.CREATE_EVENT).mailbox(room),
            () ->
                tenant.fake.event(room).subject("Walk-in").start(fifth).end(fifth.plus(Duration.ofMinutes(10)))
                    .organizer("megan@" + tenant.fake.domain()).add());

    assertThatThrownBy(() -> tenant.service.bookings().create(series("raced", first).build()))
        .isInstanceOfSatisfying(
            BookingConflictException.class,
            e -> {
              assertThat(e.conflictingOccurrences()).containsExactly(fifth);
              assertThat(e.getMessage()).contains("came first");
            });
    assertThat(walkIn.hasRun()).isTrue();
    assertThat(tenant.fake.events(room)).extracting(FakeEvent::subject).containsExactly("Walk-in");
    assertThat(tenant.service.bookings().get(tenant.id, "raced")).isEmpty();
  }

  @Test
  void aRoomThatRefusesRecurringMeetingsRefusesTheSeriesButNotSingleBookings() {
    tenant.service.calendars().setBookingRules(tenant.id, room, RoomBookingRules.none().withAllowRecurringMeetings(false));

    assertThatThrownBy(() -> tenant.service.bookings().create(series("weekly", first).build()))
        .isInstanceOfSatisfying(
            BookingRuleException.class,
            e -> {
              assertThat(e.rule()).isEqualTo(BookingRule.RECURRING_NOT_ALLOWED);
              assertThat(e.getMessage()).contains("AllowRecurringMeetings=False");
            });
    assertThat(tenant.fake.events(room)).isEmpty();

    Booking single =
        tenant.service.bookings().create(
            BookingRequest.builder(tenant.id, "once").room(room).time(first, first.plus(Duration.ofMinutes(30)))
                .booker("alex@" + tenant.fake.domain(), null).build());
    assertThat(single.recurring()).isFalse();
  }

  @Test
  void endEarlyEndsTheOccurrenceRunningNow() {
    Instant started = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(30));
    Booking booking =
        tenant.service.bookings().create(
            BookingRequest.builder(tenant.id, "daily")
                .room(room)
                .subject("Daily focus time")
                .time(started, started.plus(Duration.ofHours(2)))
                .booker("alex@" + tenant.fake.domain(), null)
                .recurrence(BookingRecurrence.daily(1).times(5))
                .build());

    Booking ended = tenant.service.bookings().endEarly(tenant.id, "daily");

    List<FakeEvent> days = tenant.fake.calendarView(room, started.minusSeconds(1), started.plus(Duration.ofDays(5)));
    assertThat(days).hasSize(5);
    FakeEvent today = days.get(0);
    assertThat(ended.eventId()).isEqualTo(today.id()).isNotEqualTo(booking.eventId());
    assertThat(ended.recurring()).isTrue();
    assertThat(today.type()).isEqualTo(FakeEvent.Type.EXCEPTION);
    assertThat(today.end()).isEqualTo(ended.end()).isBefore(started.plus(Duration.ofHours(2))).isAfter(started);
    assertThat(days.subList(1, 5))
        .allSatisfy(d -> assertThat(Duration.between(d.start(), d.end())).isEqualTo(Duration.ofHours(2)));
  }

  @Test
  void availabilityShowsEveryOccurrenceBusy() {
    tenant.service.bookings().create(series("standup", first).build());

    List<Availability> availability =
        tenant.service.bookings().availability(tenant.id, List.of(room), first.minus(Duration.ofDays(1)), first.plus(Duration.ofDays(70)));

    assertThat(availability).singleElement().satisfies(a -> {
      assertThat(a.error()).isEmpty();
      assertThat(a.busy()).extracting(BusyInterval::start)
          .containsExactlyElementsOf(instances().stream().map(FakeEvent::start).toList())
          .hasSize(10);
    });
  }

  @Test
  void syncReportsEveryOccurrenceOfTheSeriesWithTheBookingKey() {
    Booking booking = tenant.service.bookings().create(series("standup", first).build());

    tenant.service.sync().syncNow(tenant.id, room);

    List<BookingChange> occurrences = listener.changes.stream().filter(BookingChange::isOccurrence).toList();
    assertThat(occurrences)
        .hasSize(10)
        .allSatisfy(c -> {
          assertThat(c.type()).isEqualTo(ChangeType.CREATED);
          assertThat(c.bookingKey()).contains("standup");
          assertThat(c.seriesId()).contains(booking.eventId());
          assertThat(c.subject()).contains("Stand-up standup");
          assertThat(c.isConflict()).isFalse();
        });
    assertThat(occurrences).extracting(c -> c.originalStart().orElseThrow())
        .containsExactlyInAnyOrderElementsOf(instances().stream().map(FakeEvent::start).toList());

    tenant.service.bookings().cancelOccurrence(tenant.id, "standup", first.plus(Duration.ofDays(7)), null);
    listener.changes.clear();
    tenant.service.sync().syncNow(tenant.id, room);
    assertThat(listener.changes).singleElement().satisfies(c -> {
      assertThat(c.type()).isEqualTo(ChangeType.DELETED);
      assertThat(c.seriesId()).contains(booking.eventId());
    });
  }
}
