package com.workplace.calendar.internal.sync;

import static com.workplace.calendar.internal.TestWorld.CONTOSO;
import static com.workplace.calendar.internal.TestWorld.MARINA;
import static com.workplace.calendar.internal.TestWorld.NOW;
import static com.workplace.calendar.internal.TestWorld.ORCHARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.workplace.calendar.internal.DefaultCalendarRegistry;
import com.workplace.calendar.internal.TestWorld;
import com.workplace.calendar.registry.CalendarFailureReason;
import com.workplace.calendar.registry.CalendarStatus;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.sync.SyncOptions;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SyncSchedulerTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String GHOST = "ghost@contoso.onmicrosoft.com";

  private TestWorld world;
  private RecordingListener listener;
  private DefaultCalendarSync sync;

  @BeforeEach
  void setUp() {
    world = new TestWorld();
    world.connectedRoom(ORCHARD);
    world.backend.outlook.addExternalEvent(
        ORCHARD, "bob@contoso.com", "Standup", NOW.plusSeconds(3600), NOW.plusSeconds(5400));
    listener = new RecordingListener();
  }

  @AfterEach
  void tearDown() {
    if (sync != null) {
      sync.close();
    }
  }

  private DefaultCalendarSync start(SyncOptions.Builder options) {
    sync =
        new DefaultCalendarSync(
            world.store,
            world.backend,
            new DefaultCalendarRegistry(world.store, world.backend, world.clock),
            listener,
            options.ownerId("node-1").build(),
            world.clock);
    sync.start();
    return sync;
  }

  private static SyncOptions.Builder fast() {
    return SyncOptions.builder()
        .syncInterval(Duration.ofMillis(50))
        .connectInterval(Duration.ofMillis(50))
        .notifications(
            URI.create("https://host.example/notify"), URI.create("https://host.example/life"));
  }

  private static SyncOptions.Builder manual() {
    return SyncOptions.builder()
        .syncInterval(Duration.ofMinutes(5))
        .connectInterval(Duration.ofHours(1))
        .startDelay(Duration.ofHours(1))
        .busyRetryDelay(Duration.ofMillis(20));
  }

  private static List<Thread> threadsOf(String owner) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("calendar-sdk-sync-" + owner + "-") && t.isAlive())
        .toList();
  }

  @Test
  void scheduledWorkSyncsConnectedCalendarsAndSubscribesThem() {
    start(fast());

    await().atMost(WAIT).until(() -> !listener.all(ORCHARD).isEmpty());
    await().atMost(WAIT).until(() -> world.store.findSubscription(CONTOSO, ORCHARD).isPresent());

    assertThat(listener.all(ORCHARD)).hasSize(1);
    assertThat(world.backend.subscriptions.all()).hasSize(1);
  }

  @Test
  void newlyAddedCalendarsAreConnectedOnScheduleAndThenSynced() {
    world.backend.addRoom(MARINA);
    world.backend.outlook.addExternalEvent(
        MARINA, "eve@contoso.com", "Retro", NOW.plusSeconds(3600), NOW.plusSeconds(5400));
    world.store.insertCalendar(RoomCalendar.added(CONTOSO, MARINA, null, NOW));
    world.store.insertCalendar(RoomCalendar.added(CONTOSO, GHOST, null, NOW));

    start(fast());

    await()
        .atMost(WAIT)
        .until(
            () ->
                world.store.findCalendar(CONTOSO, MARINA).orElseThrow().status()
                    == CalendarStatus.CONNECTED);
    await().atMost(WAIT).until(() -> !listener.all(MARINA).isEmpty());
    RoomCalendar ghost = world.store.findCalendar(CONTOSO, GHOST).orElseThrow();
    assertThat(ghost.status()).isEqualTo(CalendarStatus.FAILED);
    assertThat(ghost.failureReason()).contains(CalendarFailureReason.MAILBOX_NOT_FOUND);
    assertThat(world.backend.calls.deltaCalls(GHOST)).isZero();
  }

  @Test
  void workersAreNamedDaemonThreadsAndCloseStopsThemAndReleasesLeases() {
    start(fast());
    await().atMost(WAIT).until(() -> !listener.all(ORCHARD).isEmpty());

    assertThat(threadsOf("node-1"))
        .isNotEmpty()
        .allSatisfy(t -> assertThat(t.isDaemon()).isTrue())
        .anySatisfy(t -> assertThat(t.getName()).contains("-worker-"))
        .anySatisfy(t -> assertThat(t.getName()).contains("-scheduler-"));

    sync.close();

    await().atMost(WAIT).until(() -> threadsOf("node-1").isEmpty());
    assertThat(world.store.findLease("sync:" + CONTOSO.value() + ":" + ORCHARD)).isEmpty();
    assertThatThrownBy(sync::start).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aScheduledRoundWhoseListenerFailedIsRepeatedAtTheNextInterval() {
    start(manual());
    listener.failNext(1);

    sync.syncTickNow();
    await().atMost(WAIT).until(sync::isIdle);
    assertThat(listener.calls).hasSize(1);
    assertThat(world.store.findSyncState(CONTOSO, ORCHARD)).isEmpty();

    world.clock.advance(Duration.ofMinutes(5));
    sync.syncTickNow();
    await().atMost(WAIT).until(sync::isIdle);
    assertThat(listener.calls).hasSize(2);
    assertThat(listener.calls.get(1).changes()).isEqualTo(listener.calls.get(0).changes());
    assertThat(world.store.findSyncState(CONTOSO, ORCHARD)).isPresent();
  }

  @Test
  void aScheduledRoundIsSkippedRightAfterAnotherRoundOfTheSameCalendar() {
    start(manual());
    sync.syncNow(CONTOSO, ORCHARD);
    int calls = world.backend.calls.deltaCalls(ORCHARD);

    world.clock.advance(Duration.ofMinutes(1));
    sync.syncTickNow();
    await().atMost(WAIT).until(sync::isIdle);
    assertThat(world.backend.calls.deltaCalls(ORCHARD)).isEqualTo(calls);

    world.clock.advance(Duration.ofMinutes(2));
    sync.syncTickNow();
    await().atMost(WAIT).until(sync::isIdle);
    assertThat(world.backend.calls.deltaCalls(ORCHARD)).isEqualTo(calls + 1);
  }

  @Test
  void aTriggeredRunOfACalendarLeasedElsewhereIsRetriedOnceTheLeaseIsFree() {
    start(manual());
    String lease = "sync:" + CONTOSO.value() + ":" + ORCHARD;
    var other = world.store.tryAcquireLease(lease, "node-2", Duration.ofMinutes(2)).orElseThrow();

    sync.request(new CalendarKey(CONTOSO, ORCHARD), Set.of(WorkKind.DELTA));
    await().atMost(WAIT).until(sync::isIdle);
    assertThat(world.backend.calls.deltaCalls(ORCHARD)).isZero();

    world.store.releaseLease(other);
    await().atMost(WAIT).until(() -> world.backend.calls.deltaCalls(ORCHARD) == 1);
    await().atMost(WAIT).until(sync::isIdle);
    assertThat(listener.all(ORCHARD)).hasSize(1);
  }
}
