package com.workplace.calendar.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.booking.Attendee;
import com.workplace.calendar.store.JdbcCalendarStore;
import com.workplace.calendar.sync.BookingChange;
import com.workplace.calendar.sync.ChangeType;
import com.workplace.calendar.sync.SyncResult;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.testkit.FakeApp;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Recurring meetings booked "in Outlook" reach the host right in every way the fake's {@link
 * SeriesDeltaBehaviour} can report them (all 8 combinations): each occurrence with the series'
 * subject, a moved occurrence as an update, a cancelled occurrence as a deletion even when delta
 * is silent, a renamed series as updates, a deleted series as deletions, and nothing more. Every
 * round reads each series' master and instances at most once.
 */
@ExtendWith(SecretsInLogsExtension.class)
class SeriesSyncIT {
  private static final String ORGANIZER = "marina@";
  private static final String ATTENDEE = "ali@";
  private static final int OCCURRENCES = 8;

  private static FakeMicrosoft365 m365;

  private final RecordingListener listener = new RecordingListener();
  private final Map<String, Integer> reads = new ConcurrentHashMap<>();
  private final TestClock clock = TestClock.startingNow();
  private AuthorizedTenant tenant;
  private String room;

  @BeforeAll
  static void startFake() {
    m365 = FakeMicrosoft365.builder().build().start();
  }

  @AfterAll
  static void stopFake() {
    m365.close();
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
  private void start(SeriesDeltaBehaviour behaviour) {
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
  private String weeklyStandUp() {
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

  private List<FakeEvent> occurrences() {
    return occurrences(tenant.fake);
  }

  private List<FakeEvent> occurrences(FakeTenant fake) {
    Instant now = Instant.now();
    return fake.calendarView(room, now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(90)));
  }

  /** Runs a round and returns its changes; checks that no series was read twice in it. */
  private List<BookingChange> round() {
    listener.changes.clear();
    reads.clear();
    SyncResult result = tenant.service.sync().syncNow(tenant.id, room);
    assertThat(reads).as("series reads in one round").allSatisfy((what, n) -> assertThat(n).as(what).isEqualTo(1));
    assertThat(result.changes()).isEqualTo(listener.changes.size());
    return List.copyOf(listener.changes);
  }

  /** The next day: the window moves on and the round lists it whole, reconciling every series. */
  private List<BookingChange> nextDayRound() {
    clock.advance(Duration.ofDays(1));
    return round();
  }

  private static List<String> summary(List<BookingChange> changes) {
    return changes.stream().map(c -> c.type() + " " + c.eventId()).toList();
  }

  private static List<String> summary(ChangeType type, List<FakeEvent> events) {
    return events.stream().map(e -> type + " " + e.id()).toList();
  }

  private long masterReads(String seriesId) {
    return reads.entrySet().stream()
        .filter(e -> e.getKey().startsWith("events.get ") && e.getKey().endsWith("/" + seriesId))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  private long instanceReads() {
    return reads.keySet().stream().filter(k -> k.startsWith("events.instances ")).count();
  }

  @ParameterizedTest
  @MethodSource("behaviours")
  void aWeeklyMeetingAppearsWithItsSubjectOnEveryOccurrence(SeriesDeltaBehaviour behaviour) {
    start(behaviour);
    String seriesId = weeklyStandUp();
    List<FakeEvent> occurrences = occurrences();
    assertThat(occurrences).hasSize(OCCURRENCES);

    List<BookingChange> first = round();

    assertThat(summary(first))
        .containsExactlyInAnyOrderElementsOf(summary(ChangeType.CREATED, occurrences));
    for (FakeEvent occurrence : occurrences) {
      BookingChange change =
          first.stream().filter(c -> c.eventId().equals(occurrence.id())).findFirst().orElseThrow();
      assertThat(change.subject()).contains("Weekly stand-up");
      assertThat(change.organizerEmail()).contains(ORGANIZER + tenant.fake.domain());
      assertThat(change.attendees())
          .extracting(Attendee::email)
          .contains(ATTENDEE + tenant.fake.domain(), room);
      assertThat(change.seriesId()).contains(seriesId);
      assertThat(change.start()).contains(occurrence.start());
      assertThat(change.end()).contains(occurrence.end());
      assertThat(change.originalStart()).contains(occurrence.start());
      assertThat(change.isOurs()).isFalse();
    }
    assertThat(masterReads(seriesId))
        .as("the master is read once, and only for stubs")
        .isEqualTo(behaviour.occurrenceDetail() == OccurrenceDetail.STUB ? 1 : 0);
    assertThat(instanceReads()).as("a full round reads no instances").isZero();

    assertThat(round()).isEmpty();
    assertThat(reads).isEmpty();
    assertThat(nextDayRound()).as("the daily full round of an unchanged series").isEmpty();
    assertThat(masterReads(seriesId)).as("the cached master is still current").isZero();
  }

  @ParameterizedTest
  @MethodSource("behaviours")
  void aCancelledOccurrenceIsDeletedEvenWhenDeltaIsSilent(SeriesDeltaBehaviour behaviour) {
    start(behaviour);
    String seriesId = weeklyStandUp();
    round();
    FakeEvent cancelled = occurrences().get(2);

    tenant.fake.deleteEvent(room, cancelled.id());
    List<BookingChange> next = round();
    List<BookingChange> nextDay = nextDayRound();

    List<String> expected = List.of("DELETED " + cancelled.id());
    // a cancelled occurrence without @removed and without re-sent siblings leaves no trace in
    // delta: only the daily round over the whole window finds it
    boolean noTrace =
        behaviour.seriesChange() == SeriesChange.CHANGED_INSTANCES
            && behaviour.occurrenceRemoval() == OccurrenceRemoval.SILENT;
    assertThat(summary(next)).isEqualTo(noTrace ? List.of() : expected);
    assertThat(summary(nextDay)).isEqualTo(noTrace ? expected : List.of());
    assertThat(noTrace ? nextDay : next)
        .singleElement()
        .satisfies(c -> assertThat(c.seriesId()).contains(seriesId));
    assertThat(round()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("behaviours")
  void anOccurrenceCancelledByItsOrganizerIsDeleted(SeriesDeltaBehaviour behaviour) {
    start(behaviour);
    weeklyStandUp();
    round();
    FakeEvent cancelled = occurrences().get(5);

    tenant.fake.markCancelled(room, cancelled.id());

    assertThat(summary(round())).containsExactly("DELETED " + cancelled.id());
    assertThat(round()).isEmpty();
    assertThat(nextDayRound()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("behaviours")
  void aMovedOccurrenceIsAnUpdateOfThatOccurrence(SeriesDeltaBehaviour behaviour) {
    start(behaviour);
    String seriesId = weeklyStandUp();
    round();
    FakeEvent moved = occurrences().get(3);
    Instant newStart = moved.start().plus(Duration.ofHours(2));

    tenant.fake.updateEvent(room, moved.id(), moved.subject(), newStart, newStart.plus(Duration.ofMinutes(30)));
    List<BookingChange> changes = round();

    assertThat(summary(changes)).containsExactly("UPDATED " + moved.id());
    BookingChange change = changes.get(0);
    assertThat(change.start()).contains(newStart);
    assertThat(change.end()).contains(newStart.plus(Duration.ofMinutes(30)));
    assertThat(change.originalStart()).contains(moved.start());
    assertThat(change.subject()).contains("Weekly stand-up");
    assertThat(change.seriesId()).contains(seriesId);
    assertThat(instanceReads()).isLessThanOrEqualTo(1);
    assertThat(round()).isEmpty();
    assertThat(nextDayRound()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("behaviours")
  void aRenamedAndRetimedSeriesUpdatesEveryOccurrenceButItsExceptions(SeriesDeltaBehaviour behaviour) {
    start(behaviour);
    String seriesId = weeklyStandUp();
    round();
    List<FakeEvent> before = occurrences();
    FakeEvent moved = before.get(3);
    Instant newStart = moved.start().plus(Duration.ofHours(1));
    tenant.fake.updateEvent(room, moved.id(), "Stand-up (later)", newStart, newStart.plus(Duration.ofMinutes(15)));
    assertThat(summary(round())).containsExactly("UPDATED " + moved.id());
    FakeEvent master =
        tenant.fake.events(room).stream().filter(e -> e.id().equals(seriesId)).findFirst().orElseThrow();

    tenant.fake.updateEvent(room, seriesId, "Daily stand-up", master.start(), master.end());
    List<BookingChange> changes = round();

    List<FakeEvent> renamed = before.stream().filter(e -> !e.id().equals(moved.id())).toList();
    assertThat(summary(changes))
        .as("updates of the occurrences, no creates, not the exception")
        .containsExactlyInAnyOrderElementsOf(summary(ChangeType.UPDATED, renamed));
    assertThat(changes).allSatisfy(c -> assertThat(c.subject()).contains("Daily stand-up"));
    assertThat(masterReads(seriesId)).isLessThanOrEqualTo(1);
    assertThat(instanceReads()).isEqualTo(1);
    assertThat(round()).isEmpty();
    assertThat(nextDayRound()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("behaviours")
  void aSeriesMovedToAnotherTimeUpdatesExactlyWhatChanged(SeriesDeltaBehaviour behaviour) {
    start(behaviour);
    String seriesId = weeklyStandUp();
    round();
    FakeEvent moved = occurrences().get(3);
    Instant newStart = moved.start().plus(Duration.ofHours(3));
    tenant.fake.updateEvent(room, moved.id(), moved.subject(), newStart, newStart.plus(Duration.ofMinutes(15)));
    round();
    List<FakeEvent> before = occurrences();
    FakeEvent master =
        tenant.fake.events(room).stream().filter(e -> e.id().equals(seriesId)).findFirst().orElseThrow();
    Duration later = Duration.ofMinutes(30);

    tenant.fake.updateEvent(
        room, seriesId, master.subject(), master.start().plus(later), master.end().plus(later));
    List<BookingChange> changes = round();

    List<FakeEvent> after = occurrences();
    assertThat(after).extracting(FakeEvent::id).isEqualTo(before.stream().map(FakeEvent::id).toList());
    List<String> changed = new ArrayList<>();
    for (int i = 0; i < after.size(); i++) {
      FakeEvent was = before.get(i);
      FakeEvent now = after.get(i);
      if (!was.start().equals(now.start()) || !was.originalStart().equals(now.originalStart())) {
        changed.add("UPDATED " + now.id());
      }
    }
    assertThat(changed).as("the fake moved every plain occurrence").hasSizeGreaterThanOrEqualTo(OCCURRENCES - 1);
    assertThat(summary(changes)).containsExactlyInAnyOrderElementsOf(changed);
    for (FakeEvent occurrence : after) {
      changes.stream()
          .filter(c -> c.eventId().equals(occurrence.id()))
          .forEach(
              c -> {
                assertThat(c.start()).contains(occurrence.start());
                assertThat(c.originalStart()).isEqualTo(occurrence.originalStart());
              });
    }
    assertThat(round()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("behaviours")
  void aDeletedSeriesDeletesEveryOccurrence(SeriesDeltaBehaviour behaviour) {
    start(behaviour);
    String seriesId = weeklyStandUp();
    round();
    List<FakeEvent> occurrences = occurrences();

    tenant.fake.deleteEvent(room, seriesId);
    List<BookingChange> changes = round();

    assertThat(summary(changes))
        .containsExactlyInAnyOrderElementsOf(summary(ChangeType.DELETED, occurrences));
    assertThat(changes).allSatisfy(c -> assertThat(c.seriesId()).contains(seriesId));
    assertThat(instanceReads()).isLessThanOrEqualTo(1);
    assertThat(round()).isEmpty();
    assertThat(nextDayRound()).isEmpty();
  }

  @Test
  void whatSyncKnowsOfASeriesSurvivesARestartOnAJdbcStore() throws Exception {
    m365.seriesDeltaBehaviour(SeriesDeltaBehaviour.defaults());
    try (SharedDatabase database = SharedDatabase.open(SharedDatabase.Kind.H2)) {
      tenant =
          AuthorizedTenant.create(
              m365,
              "restart",
              1,
              b -> b.syncListener(listener).store(JdbcCalendarStore.create(database.newPool(4))));
      room = tenant.room(0);
      String seriesId = weeklyStandUp();
      assertThat(tenant.service.sync().syncNow(tenant.id, room).created()).isEqualTo(OCCURRENCES);
      FakeTenant fake = tenant.fake;
      FakeApp app = tenant.app;
      TenantId tenantId = tenant.id;
      tenant.close();
      tenant = null;
      FakeEvent cancelled = occurrences(fake).get(4);
      listener.changes.clear();

      try (CalendarService restarted =
          GraphTestSupport.service(
              m365,
              app,
              b -> b.syncListener(listener).store(JdbcCalendarStore.create(database.newPool(4))))) {
        fake.deleteEvent(room, cancelled.id());
        restarted.sync().syncNow(tenantId, room);
      }

      assertThat(listener.changes)
          .as("the silent removal is found, the re-sent occurrences are known unchanged")
          .extracting(c -> c.type() + " " + c.eventId() + " " + c.seriesId().orElse(""))
          .containsExactly("DELETED " + cancelled.id() + " " + seriesId);
    }
  }

  @Test
  void aMailboxGraphCannotFindIsNoReasonToDeleteASeries() {
    start(SeriesDeltaBehaviour.defaults());
    String seriesId = weeklyStandUp();
    round();
    FakeEvent master =
        tenant.fake.events(room).stream().filter(e -> e.id().equals(seriesId)).findFirst().orElseThrow();
    tenant.fake.updateEvent(room, seriesId, "Renamed", master.start(), master.end());
    m365.faults()
        .respondOnceWithJson(
            "GET",
            ".*/instances.*",
            404,
            "{\"error\":{\"code\":\"ErrorInvalidUser\",\"message\":\"The requested user is invalid.\"}}");
    listener.changes.clear();

    assertThatThrownBy(() -> tenant.service.sync().syncNow(tenant.id, room))
        .isInstanceOfSatisfying(
            CalendarServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    assertThat(listener.changes).isEmpty();

    List<BookingChange> next = round();
    assertThat(next).hasSize(OCCURRENCES).allSatisfy(c -> {
      assertThat(c.type()).isEqualTo(ChangeType.UPDATED);
      assertThat(c.subject()).contains("Renamed");
    });
  }
}
