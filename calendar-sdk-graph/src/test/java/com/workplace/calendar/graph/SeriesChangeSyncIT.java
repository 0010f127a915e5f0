package com.workplace.calendar.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.sync.BookingChange;
import com.workplace.calendar.sync.ChangeType;
import com.workplace.calendar.testkit.FakeEvent;
import com.workplace.calendar.testkit.FakeMicrosoft365Extension;
import com.workplace.calendar.testkit.SeriesDeltaBehaviour;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A whole recurring meeting changed "in Outlook" reaches the host right in every way the fake's
 * {@link SeriesDeltaBehaviour} can report it (all 8 combinations): a renamed or retimed series as
 * updates of exactly the occurrences that changed, a deleted series as deletions, and a mailbox
 * Graph cannot find while reading the series as no reason to delete it. Every round reads each
 * series' master and instances at most once.
 */
@ExtendWith(SecretsInLogsExtension.class)
class SeriesChangeSyncIT extends SeriesSyncSuite {
  @RegisterExtension
  static final FakeMicrosoft365Extension FAKE = FakeMicrosoft365Extension.newInstance().build();

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
