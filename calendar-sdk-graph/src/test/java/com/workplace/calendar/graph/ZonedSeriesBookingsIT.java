package com.workplace.calendar.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.booking.Availability;
import com.workplace.calendar.booking.Booking;
import com.workplace.calendar.booking.BookingConflictException;
import com.workplace.calendar.booking.BookingRecurrence;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.booking.BusyInterval;
import com.workplace.calendar.sync.SyncOptions;
import com.workplace.calendar.testkit.FakeEvent;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Series booked in Europe/Berlin across the change to summer time, through the real stack against
 * the fake, which expands series in their zone as Exchange does: every occurrence keeps 09:00
 * local, conflicts and cancellations find the occurrences after the change, and the SDK's own
 * expansion (a skipped hour included) agrees with the fake's.
 */
@ExtendWith(SecretsInLogsExtension.class)
class ZonedSeriesBookingsIT {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static FakeMicrosoft365 m365;
  private AuthorizedTenant tenant;
  private String room;
  /** The next Sunday on which Berlin's clocks go forward. */
  private LocalDate change;
  /** Two Mondays before the change, 09:00 in Berlin. */
  private Instant first;
  private BookingRecurrence mondays;

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
    Instant next = BERLIN.getRules().nextTransition(Instant.now()).getInstant();
    if (!BERLIN.getRules().isDaylightSavings(next.plus(Duration.ofHours(1)))) {
      next = BERLIN.getRules().nextTransition(next).getInstant();
    }
    change = next.atZone(BERLIN).toLocalDate();
    LocalDate monday = change.minusWeeks(2).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    first = monday.atTime(9, 0).atZone(BERLIN).toInstant();
    mondays = BookingRecurrence.weekly(1, DayOfWeek.MONDAY).times(5).inZone(BERLIN);
    // the series must lie in the sync window, which has to reach the next spring
    int daysAhead = (int) Duration.between(Instant.now(), first.plus(Duration.ofDays(40))).toDays() + 2;
    tenant =
        AuthorizedTenant.create(
            m365, "zoned", 1, b -> b.syncOptions(SyncOptions.builder().window(1, Math.max(daysAhead, 90)).build()));
    room = tenant.room(0);
  }

  @AfterEach
  void tearDown() {
    tenant.close();
  }

  private BookingRequest.Builder standUp(String key) {
    return BookingRequest.builder(tenant.id, key)
        .room(room)
        .subject("Stand-up " + key)
        .time(first, first.plus(Duration.ofMinutes(30)))
        .booker("alex@" + tenant.fake.domain(), "Alex Wilber")
        .recurrence(mondays);
  }

  private List<FakeEvent> view() {
    return tenant.fake.calendarView(room, first.minus(Duration.ofDays(1)), first.plus(Duration.ofDays(40)));
  }

  private Instant berlin(LocalDate date, int hour, int minute) {
    return date.atTime(hour, minute).atZone(BERLIN).toInstant();
  }

  @Test
  void aWeeklyBerlinSeriesKeepsNineOClockOnEveryOccurrenceAcrossTheChange() {
    Booking booking = tenant.service.bookings().create(standUp("standup").build());

    List<FakeEvent> occurrences = view();
    assertThat(occurrences).hasSize(5);
    assertThat(occurrences).extracting(e -> LocalDateTime.ofInstant(e.start(), BERLIN).toLocalTime())
        .containsOnly(LocalTime.of(9, 0));
    assertThat(occurrences).extracting(e -> e.start().atZone(BERLIN).getOffset())
        .containsExactly(ZoneOffset.ofHours(1), ZoneOffset.ofHours(1), ZoneOffset.ofHours(2), ZoneOffset.ofHours(2), ZoneOffset.ofHours(2));
    assertThat(occurrences).extracting(FakeEvent::start).containsExactlyElementsOf(mondays.occurrenceStarts(first));
    FakeEvent master = tenant.fake.events(room).get(0);
    assertThat(master.recurrence().orElseThrow().recurrenceTimeZone()).contains("W. Europe Standard Time");

    Booking read = tenant.service.bookings().get(tenant.id, "standup").orElseThrow();
    assertThat(read.recurrence()).contains(mondays);
    assertThat(read.eventId()).isEqualTo(booking.eventId());
    List<Availability> busy =
        tenant.service.bookings().availability(tenant.id, List.of(room), first.minus(Duration.ofDays(1)), first.plus(Duration.ofDays(35)));
    assertThat(busy.get(0).busy()).extracting(BusyInterval::start).containsExactlyElementsOf(mondays.occurrenceStarts(first));
  }

  @Test
  void anOccurrenceAfterTheChangeInTheWayIsRefusedWithItsDate() {
    LocalDate fourth = first.atZone(BERLIN).toLocalDate().plusWeeks(3);
    tenant.fake.event(room).subject("Quarterly numbers").organizer("megan@" + tenant.fake.domain())
        .start(berlin(fourth, 9, 15)).end(berlin(fourth, 9, 45)).add();

    assertThatThrownBy(() -> tenant.service.bookings().create(standUp("clash").build()))
        .isInstanceOfSatisfying(
            BookingConflictException.class,
            e -> {
              assertThat(e.conflictingOccurrences()).containsExactly(berlin(fourth, 9, 0));
              assertThat(e.getMessage()).contains(fourth + " 09:00–09:30").contains("(Europe/Berlin)");
            });
    assertThat(tenant.fake.events(room)).extracting(FakeEvent::subject).containsExactly("Quarterly numbers");
    assertThat(tenant.service.bookings().get(tenant.id, "clash")).isEmpty();
  }

  @Test
  void anOccurrenceAfterTheChangeIsCancelledByItsOriginalStart() {
    tenant.service.bookings().create(standUp("standup").build());
    Instant fourth = mondays.occurrenceStarts(first).get(3);

    assertThatThrownBy(() -> tenant.service.bookings().cancelOccurrence(tenant.id, "standup", fourth.plus(Duration.ofHours(1)), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("occurrences start at 09:00 Europe/Berlin");
    assertThat(tenant.service.bookings().cancelOccurrence(tenant.id, "standup", fourth, "Team day")).isTrue();

    assertThat(view()).hasSize(4).extracting(FakeEvent::start).doesNotContain(fourth);
  }

  @Test
  void anOccurrenceInTheSkippedHourIsWhereTheFakeAndTheSdkBothPutIt() {
    // 02:30 on the day of the change does not exist: both shift it to 03:30
    Instant night = berlin(change.minusDays(2), 2, 30);
    BookingRecurrence nightly = BookingRecurrence.daily(1).times(4).inZone(BERLIN);
    List<Instant> expected = nightly.occurrenceStarts(night);
    assertThat(LocalDateTime.ofInstant(expected.get(2), BERLIN)).isEqualTo(change.atTime(3, 30));
    tenant.fake.event(room).subject("Night shift").organizer("megan@" + tenant.fake.domain())
        .start(berlin(change, 3, 40)).end(berlin(change, 3, 50)).add();
    BookingRequest.Builder request =
        BookingRequest.builder(tenant.id, "night").room(room).subject("Backups").time(night, night.plus(Duration.ofMinutes(20)))
            .booker("alex@" + tenant.fake.domain(), null).recurrence(nightly);

    assertThatThrownBy(() -> tenant.service.bookings().create(request.build()))
        .isInstanceOfSatisfying(BookingConflictException.class, e -> assertThat(e.conflictingOccurrences()).containsExactly(expected.get(2)));

    tenant.fake.deleteEvent(room, tenant.fake.events(room).get(0).id());
    tenant.service.bookings().create(request.build());
    assertThat(tenant.fake.calendarView(room, night.minusSeconds(1), night.plus(Duration.ofDays(4))))
        .extracting(FakeEvent::start).containsExactlyElementsOf(expected);
  }

  @Test
  void aZoneMicrosoft365CannotNameIsRefusedBeforeAnythingIsSent() {
    long requests = m365.stats().requests(room);
    BookingRecurrence odd = BookingRecurrence.weekly(1, first.atZone(ZoneOffset.ofHoursMinutes(5, 17)).getDayOfWeek())
        .times(3).inZone(ZoneOffset.ofHoursMinutes(5, 17));

    assertThatThrownBy(() -> tenant.service.bookings().create(standUp("odd").recurrence(odd).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no Windows time zone keeps the clock of +05:17");

    assertThat(m365.stats().requests(room)).isEqualTo(requests);
    assertThat(tenant.service.bookings().get(tenant.id, "odd")).isEmpty();
  }
}
