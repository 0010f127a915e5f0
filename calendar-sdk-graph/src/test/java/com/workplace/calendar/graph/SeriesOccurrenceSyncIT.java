package com.workplace.calendar.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.booking.Attendee;
import com.workplace.calendar.store.JdbcCalendarStore;
import com.workplace.calendar.sync.BookingChange;
import com.workplace.calendar.sync.ChangeType;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeEvent;
import com.workplace.calendar.testkit.FakeMicrosoft365Extension;
import com.workplace.calendar.testkit.FakeTenant;
import com.workplace.calendar.testkit.SeriesDeltaBehaviour;
import com.workplace.calendar.testkit.SeriesDeltaBehaviour.OccurrenceDetail;
import com.workplace.calendar.testkit.SeriesDeltaBehaviour.OccurrenceRemoval;
import com.workplace.calendar.testkit.SeriesDeltaBehaviour.SeriesChange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The occurrences of a recurring meeting booked "in Outlook" reach the host right in every way the
 * fake's {@link SeriesDeltaBehaviour} can report them (all 8 combinations): each occurrence with
 * the series' subject, a moved occurrence as an update, a cancelled occurrence as a deletion even
 * when delta is silent (also after a restart on a JDBC store), and nothing more. Every round reads
 * each series' master and instances at most once.
 */
@ExtendWith(SecretsInLogsExtension.class)
class SeriesOccurrenceSyncIT extends SeriesSyncSuite {
  @RegisterExtension
  static final FakeMicrosoft365Extension FAKE = FakeMicrosoft365Extension.newInstance().build();

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
}
