package com.workplace.calendar.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.store.MailboxCoordination;
import com.workplace.calendar.store.PermitPolicy;
import com.workplace.calendar.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MailboxPermitsTest {
  private static final TenantId TENANT = TenantId.parse("contoso.onmicrosoft.com");
  private static final String ROOM = "room@contoso.onmicrosoft.com";

  private final MailboxCoordination store = MailboxCoordination.inMemory(Clock.systemUTC());
  private final List<ScheduledExecutorService> heartbeats = new ArrayList<>();

  private MailboxPermits instance(String name, PermitPolicy policy) {
    return instance(name, policy, store);
  }

  private MailboxPermits instance(String name, PermitPolicy policy, MailboxCoordination coordination) {
    ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor();
    heartbeats.add(heartbeat);
    return new MailboxPermits(coordination, policy, name, "app", heartbeat);
  }

  private static PermitPolicy policy(int inFlight, Duration expiry) {
    return PermitPolicy.of(inFlight, 10_000, Duration.ofMinutes(10), expiry);
  }

  private static long in(Duration d) {
    return System.nanoTime() + d.toNanos();
  }

  @AfterEach
  void stopHeartbeats() {
    heartbeats.forEach(ScheduledExecutorService::shutdownNow);
  }

  @Test
  void manyThreadsOnTwoInstancesNeverHoldMoreThanTheLimitTogether() throws Exception {
    MailboxPermits a = instance("a", policy(4, Duration.ofSeconds(10)));
    MailboxPermits b = instance("b", policy(4, Duration.ofSeconds(10)));
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> done = new ArrayList<>();
    for (int t = 0; t < 16; t++) {
      MailboxPermits permits = t % 2 == 0 ? a : b;
      done.add(
          pool.submit(
              () -> {
                go.await();
                int used = 0;
                for (int i = 0; i < 40; i++) {
                  MailboxPermits.Lease lease = permits.acquire(TENANT, ROOM, in(Duration.ofSeconds(30)));
                  assertThat(lease).isNotNull();
                  peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                  Thread.yield();
                  inFlight.decrementAndGet();
                  permits.release(lease, MailboxPermits.Outcome.ANSWERED, null);
                  used++;
                }
                return used;
              }));
    }
    go.countDown();
    int total = 0;
    for (Future<Integer> f : done) {
      total += f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdownNow();
    assertThat(total).isEqualTo(640);
    assertThat(peak.get()).isBetween(1, 4);
  }

  @Test
  void aReleasedPermitGoesToALocalWaiterRatherThanBackToTheStore() throws Exception {
    MailboxPermits a = instance("a", policy(1, Duration.ofSeconds(10)));
    MailboxPermits.Lease first = a.acquire(TENANT, ROOM, in(Duration.ofSeconds(5)));
    ExecutorService pool = Executors.newSingleThreadExecutor();
    Future<MailboxPermits.Lease> waiter = pool.submit(() -> a.acquire(TENANT, ROOM, in(Duration.ofSeconds(5))));
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> gateWaiting(a));
    a.release(first, MailboxPermits.Outcome.ANSWERED, null);
    MailboxPermits.Lease second = waiter.get(5, TimeUnit.SECONDS);
    assertThat(second.permit().sameGrant(first.permit())).as("the same permit, renewed").isTrue();
    pool.shutdownNow();
  }

  private static boolean gateWaiting(MailboxPermits permits) {
    // the waiter has asked the store at least once and is now waiting on the gate
    return permits.storeCalls() >= 2;
  }

  @Test
  void a429PausesEveryInstanceThenOneProbeGoesFirst() throws Exception {
    MailboxPermits a = instance("a", policy(4, Duration.ofSeconds(10)));
    MailboxPermits b = instance("b", policy(4, Duration.ofSeconds(10)));
    MailboxPermits.Lease throttled = a.acquire(TENANT, ROOM, in(Duration.ofSeconds(5)));
    a.release(throttled, MailboxPermits.Outcome.THROTTLED, Duration.ofMillis(600));

    assertThat(b.acquire(TENANT, ROOM, in(Duration.ofMillis(300))))
        .as("the other instance waits out the penalty")
        .isNull();
    MailboxPermits.Lease probe = b.acquire(TENANT, ROOM, in(Duration.ofSeconds(5)));
    assertThat(probe).isNotNull();
    assertThat(probe.permit().probe()).isTrue();
    assertThat(a.acquire(TENANT, ROOM, in(Duration.ofMillis(200))))
        .as("nobody else goes while the probe is out")
        .isNull();
    b.release(probe, MailboxPermits.Outcome.ANSWERED, null);
    List<MailboxPermits.Lease> after = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      after.add(a.acquire(TENANT, ROOM, in(Duration.ofSeconds(5))));
    }
    assertThat(after).doesNotContainNull();
    assertThat(after).noneMatch(l -> l.permit().probe());
  }

  @Test
  void aLongRequestKeepsItsPermitButADeadInstancesPermitComesBack() throws Exception {
    PermitPolicy one = policy(1, Duration.ofSeconds(1));
    MailboxPermits alive = instance("alive", one);
    MailboxPermits other = instance("other", one);
    MailboxPermits.Lease longRequest = alive.acquire(TENANT, ROOM, in(Duration.ofSeconds(5)));
    assertThat(other.acquire(TENANT, ROOM, in(Duration.ofMillis(2_500))))
        .as("the heartbeat renews a permit in use past its expiry")
        .isNull();
    alive.release(longRequest, MailboxPermits.Outcome.ANSWERED, null);

    MailboxPermits dead = instance("dead", one);
    MailboxPermits.Lease lost = dead.acquire(TENANT, ROOM, in(Duration.ofSeconds(5)));
    assertThat(lost).isNotNull();
    heartbeats.get(heartbeats.size() - 1).shutdownNow();
    assertThat(other.acquire(TENANT, ROOM, in(Duration.ofSeconds(5))))
        .as("a permit nobody renews comes back after its expiry")
        .isNotNull();
  }

  @Test
  void batchesTakePermitsWithoutWaitingAndLeaveBusyMailboxesOut() {
    MailboxPermits a = instance("a", policy(1, Duration.ofSeconds(10)));
    String busy = "busy@contoso.onmicrosoft.com";
    MailboxPermits.Lease held = a.acquire(TENANT, busy, in(Duration.ofSeconds(5)));
    long before = a.storeCalls();
    List<MailboxPermits.Lease> leases =
        a.tryAcquireNow(TENANT, List.of(ROOM, busy, "free@contoso.onmicrosoft.com"));
    assertThat(a.storeCalls() - before).as("one store call for the whole batch").isEqualTo(1);
    assertThat(leases.get(0)).isNotNull();
    assertThat(leases.get(1)).isNull();
    assertThat(leases.get(2)).isNotNull();
    a.releaseAll(
        List.of(leases.get(0), leases.get(2), held),
        List.of(MailboxPermits.Outcome.ANSWERED, MailboxPermits.Outcome.ANSWERED, MailboxPermits.Outcome.ANSWERED),
        java.util.Arrays.asList(null, null, null));
    assertThat(a.tryAcquireNow(TENANT, List.of(busy)).get(0)).isNotNull();
  }

  @Test
  void keysNameTheAppTheTenantAndTheMailboxAndStayShort() {
    MailboxPermits a = instance("a", policy(1, Duration.ofSeconds(10)));
    assertThat(a.key(TENANT, "Room@Contoso.onmicrosoft.com"))
        .isEqualTo("app|contoso.onmicrosoft.com|room@contoso.onmicrosoft.com");
    String longMailbox = "r".repeat(240) + "@" + "d".repeat(60) + ".example";
    String key = a.key(TenantId.parse("d".repeat(60) + ".onmicrosoft.com"), longMailbox);
    assertThat(key.length()).isLessThanOrEqualTo(MailboxCoordination.MAX_KEY_LENGTH);
  }
}
