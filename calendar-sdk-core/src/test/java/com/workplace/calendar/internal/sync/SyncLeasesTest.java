package com.workplace.calendar.internal.sync;

import static com.workplace.calendar.internal.TestWorld.CONTOSO;
import static com.workplace.calendar.internal.TestWorld.MARINA;
import static com.workplace.calendar.internal.TestWorld.ORCHARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.workplace.calendar.ConflictException;
import com.workplace.calendar.internal.DefaultCalendarRegistry;
import com.workplace.calendar.internal.TestWorld;
import com.workplace.calendar.store.Lease;
import com.workplace.calendar.sync.SyncOptions;
import com.workplace.calendar.sync.SyncResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SyncLeasesTest {
  private static final String ORCHARD_LEASE = "sync:" + CONTOSO.value() + ":" + ORCHARD;
  private static final String PARK = "park@contoso.onmicrosoft.com";

  private TestWorld world;
  private RecordingListener listener;
  private final List<DefaultCalendarSync> syncs = new ArrayList<>();
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @BeforeEach
  void setUp() {
    world = new TestWorld();
    listener = new RecordingListener();
    for (String room : List.of(ORCHARD, MARINA, PARK)) {
      world.connectedRoom(room);
      for (int i = 0; i < 8; i++) {
        Instant start = TestWorld.NOW.plus(Duration.ofHours(i + 1));
        world.backend.outlook.addExternalEvent(
            room, "bob@contoso.com", "m" + i, start, start.plusSeconds(900));
      }
    }
  }

  @AfterEach
  void tearDown() {
    syncs.forEach(DefaultCalendarSync::close);
    threads.shutdownNow();
  }

  private DefaultCalendarSync instance(String owner) {
    SyncOptions options =
        SyncOptions.builder()
            .ownerId(owner)
            .syncInterval(Duration.ofMinutes(5))
            .connectInterval(Duration.ofHours(1))
            .startDelay(Duration.ofHours(1))
            .build();
    DefaultCalendarSync sync =
        new DefaultCalendarSync(
            world.store,
            world.backend,
            new DefaultCalendarRegistry(world.store, world.backend, world.clock),
            listener,
            options,
            world.clock);
    syncs.add(sync);
    return sync;
  }

  @Test
  void aCalendarLeasedByADeadInstanceIsSyncedOnceTheLeaseExpires() {
    world.store.tryAcquireLease(ORCHARD_LEASE, "dead-instance", Duration.ofMinutes(2));
    DefaultCalendarSync sync = instance("alive");

    assertThatThrownBy(() -> sync.syncNow(CONTOSO, ORCHARD))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("dead-instance");
    assertThat(world.backend.calls.deltaCalls(ORCHARD)).isZero();

    world.clock.advance(Duration.ofMinutes(2).plusSeconds(1));
    assertThat(sync.syncNow(CONTOSO, ORCHARD).created()).isEqualTo(8);
    assertThat(world.store.findLease(ORCHARD_LEASE)).isEmpty();
  }

  @Test
  void aSecondInstanceCannotSyncACalendarWhileTheFirstIsInItsRound() throws Exception {
    DefaultCalendarSync first = instance("first");
    DefaultCalendarSync second = instance("second");
    CountDownLatch inRound = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    world.backend.deltaHook =
        (mailbox, link) -> {
          if (Thread.currentThread().getName().startsWith("first-round")) {
            inRound.countDown();
            awaitQuietly(release);
          }
        };
    Future<SyncResult> running =
        Executors.newSingleThreadExecutor(r -> new Thread(r, "first-round"))
            .submit(() -> first.syncNow(CONTOSO, ORCHARD));
    assertThat(inRound.await(10, TimeUnit.SECONDS)).isTrue();

    assertThatThrownBy(() -> second.syncNow(CONTOSO, ORCHARD))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("instance first");
    assertThat(second.syncNow(CONTOSO, MARINA).created()).isEqualTo(8);

    release.countDown();
    assertThat(running.get(10, TimeUnit.SECONDS).created()).isEqualTo(8);
    assertThat(second.syncNow(CONTOSO, ORCHARD).changes()).isZero();
    assertThat(world.backend.calls.maxConcurrency(ORCHARD)).isEqualTo(1);
  }

  @Test
  void twoInstancesHammeringTheSameCalendarsNeverOverlapOnOne() throws Exception {
    world.backend.delta.pageSize(1);
    DefaultCalendarSync a = instance("a");
    DefaultCalendarSync b = instance("b");
    AtomicInteger rounds = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      DefaultCalendarSync sync = t % 2 == 0 ? a : b;
      int offset = t;
      workers.add(
          threads.submit(
              () -> {
                for (int i = 0; i < 30; i++) {
                  String room = List.of(ORCHARD, MARINA, PARK).get((i + offset) % 3);
                  try {
                    sync.syncNow(CONTOSO, room);
                    rounds.incrementAndGet();
                  } catch (ConflictException e) {
                    refused.incrementAndGet();
                  }
                }
              }));
    }
    for (Future<?> worker : workers) {
      worker.get(60, TimeUnit.SECONDS);
    }

    assertThat(rounds.get() + refused.get()).isEqualTo(120);
    assertThat(rounds.get()).isPositive();
    for (String room : List.of(ORCHARD, MARINA, PARK)) {
      assertThat(world.backend.calls.maxConcurrency(room)).as(room).isEqualTo(1);
      assertThat(listener.all(room)).as(room).hasSize(8);
    }
  }

  @Test
  void scheduledWorkOfTwoInstancesNeverOverlapsOnACalendar() {
    world.backend.delta.pageSize(1);
    DefaultCalendarSync a = instance("a");
    DefaultCalendarSync b = instance("b");
    a.start();
    b.start();
    for (int tick = 0; tick < 10; tick++) {
      world.backend.outlook.addExternalEvent(
          ORCHARD,
          "bob@contoso.com",
          "tick " + tick,
          TestWorld.NOW.plus(Duration.ofDays(1)),
          TestWorld.NOW.plus(Duration.ofDays(1)).plusSeconds(60));
      world.clock.advance(Duration.ofMinutes(5));
      a.syncTickNow();
      b.syncTickNow();
      await().atMost(Duration.ofSeconds(20)).until(() -> a.isIdle() && b.isIdle());
    }

    for (String room : List.of(ORCHARD, MARINA, PARK)) {
      assertThat(world.backend.calls.maxConcurrency(room)).as(room).isEqualTo(1);
    }
    assertThat(listener.all(ORCHARD)).hasSize(18);
  }

  @Test
  void leasesAreReleasedAndLostLeasesStopTheWork() {
    Leases leases = new Leases(world.store, "me", Duration.ofMinutes(2), world.clock);
    Leases.Held held = leases.tryAcquire("sync:x").orElseThrow();
    assertThat(
            new Leases(world.store, "other", Duration.ofMinutes(2), world.clock)
                .tryAcquire("sync:x"))
        .isEmpty();

    world.clock.advance(Duration.ofSeconds(61));
    held.keepAlive();
    assertThat(world.store.findLease("sync:x").map(Lease::expiresAt))
        .contains(world.clock.instant().plus(Duration.ofMinutes(2)));

    leases.releaseAll();
    assertThat(world.store.findLease("sync:x")).isEmpty();
    assertThatThrownBy(held::keepAlive)
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("was lost");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
