package com.workplace.calendar.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.booking.Attendee;
import com.workplace.calendar.spi.CalendarEvent;
import com.workplace.calendar.spi.DeltaItem;
import com.workplace.calendar.spi.EventType;
import com.workplace.calendar.store.KnownInstance;
import com.workplace.calendar.sync.BookingChange;
import com.workplace.calendar.sync.SyncOptions;
import com.workplace.calendar.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The mapping of one round's items to changes, with scripted series reads. */
class RoundChangesTest {
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  private static final SyncWindow WINDOW = SyncWindow.at(NOW, SyncOptions.defaults());
  private static final CalendarKey KEY =
      new CalendarKey(TenantId.parse("contoso.onmicrosoft.com"), "orchard@contoso.onmicrosoft.com");
  private static final String SERIES = "series-1";
  private static final Instant MONDAY = Instant.parse("2026-03-09T08:00:00Z");
  private static final Attendee MARINA = Attendee.of("marina@contoso.com", "Marina");
  private static final Attendee ALI = Attendee.of("ali@contoso.com", null);

  /** Scripted reads that log every call. */
  private static final class Reads implements SeriesReads {
    final Map<String, Optional<List<CalendarEvent>>> instances = new HashMap<>();
    final Map<String, Optional<CalendarEvent>> masters = new HashMap<>();
    final List<String> calls = new ArrayList<>();

    @Override
    public Optional<List<CalendarEvent>> instances(String seriesId) {
      calls.add("instances " + seriesId);
      Optional<List<CalendarEvent>> answer = instances.get(seriesId);
      if (answer == null) {
        throw new AssertionError("no instances scripted for " + seriesId);
      }
      return answer;
    }

    @Override
    public Optional<SeriesMasters.Master> master(String seriesId, Optional<String> changeKey) {
      calls.add("master " + seriesId);
      Optional<CalendarEvent> answer = masters.get(seriesId);
      if (answer == null) {
        throw new AssertionError("no master scripted for " + seriesId);
      }
      return answer.map(SeriesMasters.Master::of);
    }

    @Override
    public void offer(CalendarEvent master) {
      calls.add("offer " + master.id());
    }
  }

  private final Reads reads = new Reads();

  private static Instant week(int n) {
    return MONDAY.plus(Duration.ofDays(7L * n));
  }

  private static String occ(int n) {
    return "occ-" + n;
  }

  private static CalendarEvent master(String subject, boolean cancelled) {
    return new CalendarEvent(
        SERIES, Optional.of("uid-series"), Optional.of(subject), MONDAY,
        MONDAY.plus(Duration.ofMinutes(15)), Optional.of(MARINA), List.of(MARINA, ALI),
        Optional.empty(), cancelled, EventType.SERIES_MASTER, Optional.empty(), Optional.empty(),
        Optional.of("ck-master"), false);
  }

  /** An occurrence as a delta stub: id, series, type and times. */
  private static CalendarEvent stub(int n) {
    return new CalendarEvent(
        occ(n), Optional.empty(), Optional.empty(), week(n), week(n).plus(Duration.ofMinutes(15)),
        Optional.empty(), List.of(), Optional.empty(), false, EventType.OCCURRENCE,
        Optional.of(SERIES), Optional.empty(), Optional.of("ck-master"), true);
  }

  /** An occurrence with every property, as /instances returns it. */
  private static CalendarEvent full(int n, String subject) {
    return new CalendarEvent(
        occ(n), Optional.of("uid-" + n), Optional.of(subject), week(n),
        week(n).plus(Duration.ofMinutes(15)), Optional.of(MARINA), List.of(ALI, MARINA),
        Optional.empty(), false, EventType.OCCURRENCE, Optional.of(SERIES), Optional.of(week(n)),
        Optional.of("ck-master"), false);
  }

  private static CalendarEvent exception(int n, String subject, Duration moved, boolean partial) {
    return new CalendarEvent(
        occ(n), Optional.empty(), partial ? Optional.empty() : Optional.of(subject),
        week(n).plus(moved), week(n).plus(moved).plus(Duration.ofMinutes(15)),
        partial ? Optional.empty() : Optional.of(MARINA),
        partial ? List.of() : List.of(MARINA, ALI), Optional.empty(), false, EventType.EXCEPTION,
        Optional.of(SERIES), partial ? Optional.empty() : Optional.of(week(n)),
        Optional.of("ck-2"), partial);
  }

  private static CalendarEvent single(String id, String subject, Instant start) {
    return new CalendarEvent(
        id, Optional.empty(), Optional.of(subject), start, start.plus(Duration.ofHours(1)),
        Optional.of(MARINA), List.of(), Optional.empty(), false);
  }

  private static DeltaItem item(CalendarEvent event) {
    return new DeltaItem(event.id(), Optional.of(event));
  }

  private static DeltaItem removed(String id) {
    return new DeltaItem(id, Optional.empty());
  }

  private RoundChanges.Outcome round(
      boolean full, Set<String> known, Map<String, KnownInstance> instances, DeltaItem... items) {
    return new RoundChanges(
            KEY, WINDOW, full, known, instances, reads, (id, tx, series) -> Optional.empty())
        .map(List.of(items));
  }

  private static List<String> summary(RoundChanges.Outcome outcome) {
    return outcome.changes().stream().map(c -> c.type() + " " + c.eventId()).toList();
  }

  /** The first round over three stubbed occurrences of a weekly series. */
  private RoundChanges.Outcome firstRound() {
    reads.masters.put(SERIES, Optional.of(master("Stand-up", false)));
    return round(true, Set.of(), Map.of(), item(stub(0)), item(stub(1)), item(stub(2)));
  }

  @Test
  void stubsAreFilledFromTheirMasterReadOncePerRound() {
    RoundChanges.Outcome outcome = firstRound();

    assertThat(summary(outcome)).containsExactly("CREATED occ-0", "CREATED occ-1", "CREATED occ-2");
    assertThat(reads.calls).containsExactly("master " + SERIES);
    for (BookingChange change : outcome.changes()) {
      assertThat(change.subject()).contains("Stand-up");
      assertThat(change.organizerEmail()).contains("marina@contoso.com");
      assertThat(change.attendees()).containsExactly(MARINA, ALI);
      assertThat(change.seriesId()).contains(SERIES);
      assertThat(change.originalStart()).isEqualTo(change.start());
      assertThat(change.isOccurrence()).isTrue();
    }
    assertThat(outcome.knownIds()).containsExactlyInAnyOrder(occ(0), occ(1), occ(2));
    assertThat(outcome.knownInstances().values()).extracting(KnownInstance::seriesId)
        .containsOnly(SERIES);
    assertThat(outcome.seriesReconciled()).isZero();
  }

  @Test
  void fullOccurrencesNeedNoMaster() {
    RoundChanges.Outcome outcome =
        round(true, Set.of(), Map.of(), item(full(0, "Stand-up")), item(full(1, "Stand-up")));

    assertThat(summary(outcome)).containsExactly("CREATED occ-0", "CREATED occ-1");
    assertThat(reads.calls).isEmpty();
    assertThat(outcome.changes().get(0).iCalUId()).contains("uid-0");
  }

  @Test
  void reSentUnchangedOccurrencesAreNotReportedAgain() {
    RoundChanges.Outcome first = firstRound();
    reads.calls.clear();
    reads.instances.put(
        SERIES, Optional.of(List.of(full(0, "Stand-up"), full(1, "Stand-up"), full(2, "Stand-up"))));

    RoundChanges.Outcome again =
        round(false, first.knownIds(), first.knownInstances(), item(stub(0)), item(stub(1)), item(stub(2)));

    assertThat(again.changes()).isEmpty();
    assertThat(reads.calls).containsExactly("instances " + SERIES);
    assertThat(again.knownInstances()).isEqualTo(first.knownInstances());
  }

  @Test
  void anOccurrenceMissingFromItsSeriesIsDeletedThoughDeltaSaidNothing() {
    RoundChanges.Outcome first = firstRound();
    reads.instances.put(SERIES, Optional.of(List.of(full(0, "Stand-up"), full(2, "Stand-up"))));

    RoundChanges.Outcome outcome =
        round(false, first.knownIds(), first.knownInstances(), item(stub(0)), item(stub(2)));

    assertThat(summary(outcome)).containsExactly("DELETED occ-1");
    assertThat(outcome.changes().get(0).seriesId()).contains(SERIES);
    assertThat(outcome.knownIds()).containsExactlyInAnyOrder(occ(0), occ(2));
    assertThat(outcome.knownInstances()).doesNotContainKey(occ(1));
  }

  @Test
  void aRemovalOfAKnownOccurrenceTouchesItsSeriesAndIsReportedOnce() {
    RoundChanges.Outcome first = firstRound();
    reads.calls.clear();
    reads.instances.put(SERIES, Optional.of(List.of(full(0, "Stand-up"), full(2, "Stand-up"))));

    RoundChanges.Outcome outcome =
        round(false, first.knownIds(), first.knownInstances(), removed(occ(1)), removed(occ(1)));

    assertThat(summary(outcome)).containsExactly("DELETED occ-1");
    assertThat(reads.calls).containsExactly("instances " + SERIES);
  }

  @Test
  void aSeriesThatIsGoneDeletesEveryKnownOccurrence() {
    RoundChanges.Outcome first = firstRound();
    reads.instances.put(SERIES, Optional.empty());

    RoundChanges.Outcome outcome =
        round(false, first.knownIds(), first.knownInstances(), removed(occ(0)));

    assertThat(summary(outcome)).containsExactly("DELETED occ-0", "DELETED occ-1", "DELETED occ-2");
    assertThat(outcome.knownIds()).isEmpty();
    assertThat(outcome.knownInstances()).isEmpty();
  }

  @Test
  void aRenamedSeriesUpdatesItsOccurrencesAndNeverCreatesThemAgain() {
    RoundChanges.Outcome first = firstRound();
    reads.instances.put(
        SERIES, Optional.of(List.of(full(0, "Daily"), full(1, "Daily"), full(2, "Daily"))));

    RoundChanges.Outcome outcome =
        round(false, first.knownIds(), first.knownInstances(), item(stub(2)), item(stub(0)));

    assertThat(summary(outcome)).containsExactly("UPDATED occ-0", "UPDATED occ-1", "UPDATED occ-2");
    assertThat(outcome.changes()).allSatisfy(c -> assertThat(c.subject()).contains("Daily"));
    assertThat(outcome.updated()).isEqualTo(3);
  }

  @Test
  void aMovedOccurrenceIsAnUpdateWithItsOriginalStart() {
    RoundChanges.Outcome first = firstRound();
    CalendarEvent moved = exception(1, "Stand-up", Duration.ofHours(3), false);

    RoundChanges.Outcome outcome =
        round(true, first.knownIds(), first.knownInstances(), item(stub(0)), item(moved), item(stub(2)));

    assertThat(summary(outcome)).containsExactly("UPDATED occ-1");
    BookingChange change = outcome.changes().get(0);
    assertThat(change.start()).contains(week(1).plus(Duration.ofHours(3)));
    assertThat(change.originalStart()).contains(week(1));
  }

  @Test
  void aPartialExceptionIsReadThroughItsSeriesInAFullRound() {
    RoundChanges.Outcome first = firstRound();
    reads.calls.clear();
    CalendarEvent moved = exception(1, "Moved stand-up", Duration.ofHours(3), false);
    reads.instances.put(SERIES, Optional.of(List.of(full(0, "Stand-up"), moved, full(2, "Stand-up"))));

    RoundChanges.Outcome outcome =
        round(
            true,
            first.knownIds(),
            first.knownInstances(),
            item(stub(0)),
            item(exception(1, null, Duration.ofHours(3), true)),
            item(stub(2)));

    assertThat(summary(outcome)).containsExactly("UPDATED occ-1");
    assertThat(outcome.changes().get(0).subject()).contains("Moved stand-up");
    assertThat(reads.calls).containsExactly("instances " + SERIES);
  }

  @Test
  void aCancelledMasterCancelsItsStubbedOccurrences() {
    RoundChanges.Outcome first = firstRound();
    reads.masters.put(SERIES, Optional.of(master("Stand-up", true)));

    RoundChanges.Outcome outcome =
        round(true, first.knownIds(), first.knownInstances(), item(stub(0)), item(stub(1)));

    assertThat(summary(outcome)).containsExactly("DELETED occ-0", "DELETED occ-1", "DELETED occ-2");
  }

  @Test
  void aMasterInTheDeltaIsNoBookingAndIsNotReadAgain() {
    RoundChanges.Outcome outcome =
        round(true, Set.of(), Map.of(), item(master("Stand-up", false)), item(stub(0)));

    assertThat(summary(outcome)).containsExactly("CREATED occ-0");
    assertThat(outcome.changes().get(0).subject()).contains("Stand-up");
    assertThat(reads.calls).containsExactly("offer " + SERIES);
  }

  @Test
  void instancesOutsideTheWindowAreNotBookings() {
    RoundChanges.Outcome first = firstRound();
    CalendarEvent late =
        new CalendarEvent(
            "occ-late", Optional.empty(), Optional.of("Stand-up"), WINDOW.end().plusSeconds(60),
            WINDOW.end().plusSeconds(960), Optional.of(MARINA), List.of(), Optional.empty(),
            false, EventType.OCCURRENCE, Optional.of(SERIES), Optional.empty(), Optional.empty(),
            false);
    reads.instances.put(SERIES, Optional.of(List.of(full(0, "Stand-up"), full(1, "Stand-up"), late)));

    RoundChanges.Outcome outcome =
        round(false, first.knownIds(), first.knownInstances(), item(stub(0)));

    assertThat(summary(outcome)).containsExactly("DELETED occ-2");
  }

  @Test
  void aKnownSingleThatBecameASeriesMasterIsDeleted() {
    CalendarEvent once = single(SERIES, "Stand-up", MONDAY);
    RoundChanges.Outcome first = round(true, Set.of(), Map.of(), item(once));
    reads.instances.put(SERIES, Optional.of(List.of(full(0, "Stand-up"), full(1, "Stand-up"))));

    RoundChanges.Outcome outcome =
        round(false, first.knownIds(), first.knownInstances(), item(stub(0)), item(stub(1)));

    assertThat(summary(outcome))
        .containsExactly("CREATED occ-0", "CREATED occ-1", "DELETED " + SERIES);
  }

  @Test
  void singleInstancesAreReportedAsBefore() {
    CalendarEvent standup = single("evt-1", "Standup", MONDAY);
    RoundChanges.Outcome first = round(true, Set.of(), Map.of(), item(standup));

    RoundChanges.Outcome again =
        round(true, first.knownIds(), first.knownInstances(), item(standup));

    assertThat(summary(first)).containsExactly("CREATED evt-1");
    assertThat(summary(again)).containsExactly("UPDATED evt-1");
    assertThat(again.changes().get(0).seriesId()).isEmpty();
    assertThat(again.knownInstances()).isEmpty();
    assertThat(reads.calls).isEmpty();
  }

  @Test
  void theFingerprintIgnoresAttendeeOrderAndTheICalUidButNotTheSubject() {
    CalendarEvent a = full(0, "Stand-up");
    CalendarEvent reordered =
        new CalendarEvent(
            a.id(), Optional.empty(), a.subject(), a.start(), a.end(), a.organizer(),
            List.of(MARINA, ALI), a.transactionId(), false, a.type(), a.seriesMasterId(),
            a.originalStart(), Optional.of("other"), false);

    assertThat(InstanceFingerprint.of(reordered)).isEqualTo(InstanceFingerprint.of(a));
    assertThat(InstanceFingerprint.of(full(0, "Renamed"))).isNotEqualTo(InstanceFingerprint.of(a));
    assertThat(InstanceFingerprint.of(a)).matches("[A-Za-z0-9_-]{12}");
  }
}
