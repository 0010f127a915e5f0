package com.workplace.calendar.internal.sync;

import static com.workplace.calendar.internal.TestWorld.CONTOSO;
import static com.workplace.calendar.internal.TestWorld.NOW;
import static com.workplace.calendar.internal.TestWorld.ORCHARD;
import static com.workplace.calendar.internal.sync.StubbedSeriesBackend.occurrence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.internal.DefaultCalendarRegistry;
import com.workplace.calendar.internal.TenantGuardedProvider;
import com.workplace.calendar.internal.TenantStatusCache;
import com.workplace.calendar.internal.TestWorld;
import com.workplace.calendar.sync.BookingChange;
import com.workplace.calendar.sync.ChangeType;
import com.workplace.calendar.sync.SyncOptions;
import com.workplace.calendar.sync.SyncResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A round that needs the masters of several series of a calendar asks the provider for them
 * together ({@code CalendarProvider.getSeriesMasters}), only for those not cached at the version
 * their stubs name; a provider without its own way reads them one by one; what a master read finds
 * means what it meant when masters were read alone.
 */
class SeriesMasterReadsTest {
  private static final Instant FIRST = NOW.plus(Duration.ofDays(2));
  private static final int WEEKS = 3;

  private TestWorld world;
  private StubbedSeriesBackend backend;
  private RecordingListener listener;
  private DefaultCalendarSync sync;

  @BeforeEach
  void setUp() {
    world = new TestWorld();
    world.connectedRoom(ORCHARD);
    backend = new StubbedSeriesBackend();
    backend.series("s1", "Stand-up", "ck-1", FIRST, WEEKS);
    backend.series("s2", "Review", "ck-2", FIRST.plus(Duration.ofHours(2)), WEEKS);
    backend.series("s3", "Retro", "ck-3", FIRST.plus(Duration.ofHours(4)), WEEKS);
    listener = new RecordingListener();
    sync =
        new DefaultCalendarSync(
            world.store,
            backend,
            new DefaultCalendarRegistry(world.store, backend, world.clock),
            listener,
            SyncOptions.defaults(),
            world.clock);
  }

  @AfterEach
  void tearDown() {
    sync.close();
  }

  private SyncResult round() {
    return sync.syncNow(CONTOSO, ORCHARD);
  }

  /** The subject each occurrence was reported with, by occurrence id. */
  private Map<String, String> subjects(List<BookingChange> changes) {
    return changes.stream()
        .collect(Collectors.toMap(BookingChange::eventId, c -> c.subject().orElse("(none)")));
  }

  private static Map<String, String> occurrencesOf(String seriesId, String subject) {
    Map<String, String> expected = new java.util.HashMap<>();
    for (int n = 0; n < WEEKS; n++) {
      expected.put(occurrence(seriesId, n), subject);
    }
    return expected;
  }

  @Test
  void theFirstRoundAsksForEveryMasterOfTheCalendarTogether() {
    SyncResult result = round();

    assertThat(backend.readTogether).containsExactly(List.of("s1", "s2", "s3"));
    assertThat(backend.readAlone).isEmpty();
    assertThat(result.created()).isEqualTo(3 * WEEKS);
    Map<String, String> expected = new java.util.HashMap<>(occurrencesOf("s1", "Stand-up"));
    expected.putAll(occurrencesOf("s2", "Review"));
    expected.putAll(occurrencesOf("s3", "Retro"));
    assertThat(subjects(listener.last())).isEqualTo(expected);
    assertThat(listener.last())
        .allSatisfy(c -> assertThat(c.organizerEmail()).contains("marina@contoso.com"));
  }

  @Test
  void theTenantGuardPassesTheReadOfSeveralMastersOnAsOneCall() {
    sync.close();
    TenantGuardedProvider guarded =
        new TenantGuardedProvider(
            backend, new TenantStatusCache(world.store, Duration.ofSeconds(5)));
    sync =
        new DefaultCalendarSync(
            world.store,
            guarded,
            new DefaultCalendarRegistry(world.store, guarded, world.clock),
            listener,
            SyncOptions.defaults(),
            world.clock);

    assertThat(round().created()).isEqualTo(3 * WEEKS);

    assertThat(backend.readTogether).containsExactly(List.of("s1", "s2", "s3"));
    assertThat(backend.readAlone).isEmpty();
  }

  @Test
  void aProviderWithoutItsOwnWayReadsThemOneByOneWithTheSameResult() {
    backend.together = false;

    SyncResult result = round();

    assertThat(backend.readAlone).containsExactly("s1", "s2", "s3");
    assertThat(backend.readTogether).isEmpty();
    assertThat(result.created()).isEqualTo(3 * WEEKS);
    assertThat(subjects(listener.last())).containsAllEntriesOf(occurrencesOf("s2", "Review"));
  }

  @Test
  void cachedMastersAreNotAskedForAgainAndOneChangedMasterIsReadAlone() {
    round();
    backend.readTogether.clear();

    world.clock.advance(Duration.ofDays(1)); // the window moves on: a full round again
    assertThat(round().changes()).isZero();
    assertThat(backend.readTogether).isEmpty();
    assertThat(backend.readAlone).isEmpty();

    backend.rename("s2", "Design review", "ck-2b");
    world.clock.advance(Duration.ofDays(1));
    SyncResult renamed = round();

    assertThat(backend.readAlone).containsExactly("s2");
    assertThat(backend.readTogether).isEmpty();
    assertThat(renamed.updated()).isEqualTo(WEEKS);
    assertThat(subjects(listener.last())).isEqualTo(occurrencesOf("s2", "Design review"));
  }

  @Test
  void severalChangedMastersAreAskedForTogetherAndTheCachedOneIsNot() {
    round();
    backend.readTogether.clear();
    backend.rename("s1", "Daily stand-up", "ck-1b");
    backend.rename("s3", "Retrospective", "ck-3b");
    world.clock.advance(Duration.ofDays(1));

    SyncResult result = round();

    assertThat(backend.readTogether).containsExactly(List.of("s1", "s3"));
    assertThat(backend.readAlone).isEmpty();
    assertThat(result.updated()).isEqualTo(2 * WEEKS);
    Map<String, String> expected = new java.util.HashMap<>(occurrencesOf("s1", "Daily stand-up"));
    expected.putAll(occurrencesOf("s3", "Retrospective"));
    assertThat(subjects(listener.last())).isEqualTo(expected);
  }

  @Test
  void aSeriesWhoseMasterIsGoneOrNoSeriesMasterIsLeftOutAndNotCached() {
    backend.loseMaster("s2");
    backend.turnMasterIntoSingle("s3");

    SyncResult result = round();

    assertThat(backend.readTogether).containsExactly(List.of("s1", "s2", "s3"));
    assertThat(result.created()).isEqualTo(WEEKS);
    assertThat(subjects(listener.last())).isEqualTo(occurrencesOf("s1", "Stand-up"));

    backend.readTogether.clear();
    world.clock.advance(Duration.ofDays(1));
    round();
    assertThat(backend.readTogether)
        .as("neither answer was cached: both are asked for again, s1 is not")
        .containsExactly(List.of("s2", "s3"));
  }

  @Test
  void aSeriesTheAnswerLeavesOutIsReadAlone() {
    backend.leftOut = Set.of("s2");

    SyncResult result = round();

    assertThat(backend.readTogether).containsExactly(List.of("s1", "s2", "s3"));
    assertThat(backend.readAlone).containsExactly("s2");
    assertThat(result.created()).isEqualTo(3 * WEEKS);
    assertThat(subjects(listener.last())).containsAllEntriesOf(occurrencesOf("s2", "Review"));
  }

  @Test
  void aFailedReadOfTheMastersFailsTheRoundAndTheNextOneStartsOver() {
    backend.failTogether =
        new CalendarServiceException(
            "reading a series master failed: HTTP 404 ErrorInvalidUser", 404, "ErrorInvalidUser",
            null, null, null);

    assertThatThrownBy(this::round)
        .isInstanceOfSatisfying(
            CalendarServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    assertThat(listener.calls).isEmpty();
    assertThat(world.store.findSyncState(CONTOSO, ORCHARD)).isEmpty();

    SyncResult next = round();
    assertThat(next.fullResync()).isTrue();
    assertThat(next.created()).isEqualTo(3 * WEEKS);
    assertThat(listener.last()).allSatisfy(c -> assertThat(c.type()).isEqualTo(ChangeType.CREATED));
  }
}
