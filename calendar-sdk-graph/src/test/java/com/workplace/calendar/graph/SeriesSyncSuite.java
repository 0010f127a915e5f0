package com.workplace.calendar.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.sync.BookingChange;
import com.workplace.calendar.sync.ChangeType;
import com.workplace.calendar.sync.SyncResult;
import com.workplace.calendar.testkit.FakeEvent;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeRecurrence;
import com.workplace.calendar.testkit.FakeTenant;
import com.workplace.calendar.testkit.SeriesDeltaBehaviour;
import com.workplace.calendar.testkit.SeriesDeltaBehaviour.OccurrenceDetail;
import com.workplace.calendar.testkit.SeriesDeltaBehaviour.OccurrenceRemoval;
import com.workplace.calendar.testkit.SeriesDeltaBehaviour.SeriesChange;
import com.workplace.calendar.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the suites of recurring meetings booked "in Outlook" share: every {@link
 * SeriesDeltaBehaviour} of the fake (all 8 combinations), a weekly meeting, and sync rounds that
 * check that each series' master and instances are read at most once. A suite registers the fake.
 */
abstract class SeriesSyncSuite {
  static final String ORGANIZER = "marina@";
  static final String ATTENDEE = "ali@";
  static final int OCCURRENCES = 8;

  FakeMicrosoft365 m365;
  final RecordingListener listener = new RecordingListener();
  final Map<String, Integer> reads = new ConcurrentHashMap<>();
  final TestClock clock = TestClock.startingNow();
  AuthorizedTenant tenant;
  String room;

  @BeforeEach
  void useFake(FakeMicrosoft365 fake) {
    m365 = fake;
  }

  @AfterEach
  void closeService() {
    if (tenant != null) {
      tenant.close();
    }
  }

  static Stream<SeriesDeltaBehaviour> behaviours() {
    List<SeriesDeltaBehaviour> all = new ArrayList<>();
    for (OccurrenceDetail detail : OccurrenceDetail.values()) {
      for (SeriesChange change : SeriesChange.values()) {
        for (OccurrenceRemoval removal : OccurrenceRemoval.values()) {
          all.add(new SeriesDeltaBehaviour(detail, change, removal));
        }
      }
    }
    return all.stream();
  }

  /** A tenant with one room whose service counts its series reads and runs on a settable clock. */
  void start(SeriesDeltaBehaviour behaviour) {
    m365.seriesDeltaBehaviour(behaviour);
    tenant =
        AuthorizedTenant.create(
            m365,
            "series",
            1,
            b ->
                b.syncListener(listener)
                    .clock(clock)
                    .eventListener(
                        new GraphEventListener() {
                          @Override
                          public void requestStarted(GraphCall call) {
                            if (call.attempt() == 1
                                && (call.operation().equals("events.get")
                                    || call.operation().equals("events.instances"))) {
                              reads.merge(call.operation() + " " + call.path(), 1, Integer::sum);
                            }
                          }
                        }));
    room = tenant.room(0);
  }

  /** A weekly meeting booked in Outlook: 8 occurrences, the first in two days, all in the window. */
  String weeklyStandUp() {
    Instant first =
        Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(2)).plus(Duration.ofHours(9));
    return tenant.fake
        .event(room)
        .subject("Weekly stand-up")
        .organizer(ORGANIZER + tenant.fake.domain())
        .attendees(ATTENDEE + tenant.fake.domain())
        .start(first)
        .end(first.plus(Duration.ofMinutes(15)))
        .recurrence(
            FakeRecurrence.weekly(1, first.atZone(java.time.ZoneOffset.UTC).getDayOfWeek())
                .times(OCCURRENCES))
        .add();
  }

  List<FakeEvent> occurrences() {
    return occurrences(tenant.fake);
  }

  List<FakeEvent> occurrences(FakeTenant fake) {
    Instant now = Instant.now();
    return fake.calendarView(room, now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(90)));
  }

  /** Runs a round and returns its changes; checks that no series was read twice in it. */
  List<BookingChange> round() {
    listener.changes.clear();
    reads.clear();
    SyncResult result = tenant.service.sync().syncNow(tenant.id, room);
    assertThat(reads).as("series reads in one round").allSatisfy((what, n) -> assertThat(n).as(what).isEqualTo(1));
    assertThat(result.changes()).isEqualTo(listener.changes.size());
    return List.copyOf(listener.changes);
  }

  /** The next day: the window moves on and the round lists it whole, reconciling every series. */
  List<BookingChange> nextDayRound() {
    clock.advance(Duration.ofDays(1));
    return round();
  }

  static List<String> summary(List<BookingChange> changes) {
    return changes.stream().map(c -> c.type() + " " + c.eventId()).toList();
  }

  static List<String> summary(ChangeType type, List<FakeEvent> events) {
    return events.stream().map(e -> type + " " + e.id()).toList();
  }

  long masterReads(String seriesId) {
    return reads.entrySet().stream()
        .filter(e -> e.getKey().startsWith("events.get ") && e.getKey().endsWith("/" + seriesId))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  long instanceReads() {
    return reads.keySet().stream().filter(k -> k.startsWith("events.instances ")).count();
  }
}
