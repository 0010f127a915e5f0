package com.workplace.calendar.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.workplace.calendar.store.MailboxCoordination;
import com.workplace.calendar.store.Permit;
import com.workplace.calendar.store.PermitClaim;
import com.workplace.calendar.store.PermitDecision;
import com.workplace.calendar.store.PermitDecision.Denial;
import com.workplace.calendar.store.PermitPolicy;
import com.workplace.calendar.testkit.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link MailboxCoordination} must have, as a JUnit 5 suite: ours (in memory,
 * H2, PostgreSQL) and any a host writes for its own shared engine. Extend it and return a fresh,
 * empty coordination on the given clock:
 *
 * <pre>{@code
 * class RedisCoordinationContractTest extends MailboxCoordinationContract {
 *   @Override
 *   protected MailboxCoordination createCoordination(Clock clock) {
 *     return new RedisMailboxCoordination(freshNamespace(), clock);
 *   }
 * }
 * }</pre>
 *
 * <p>It covers the permit limit per mailbox, expiry of a dead holder's permits (a late release
 * never frees a newer grant), renewals, the penalty box and the single probe after it, the budget
 * per cycle and over any sliding window, batches of claims, input checks, and many threads on two
 * instances that never exceed the limit together. Override {@link #anotherInstance(Clock)} to hand
 * out a second instance on the same shared state (a second connection pool, a second client), so
 * that the suite checks what two processes see.
 *
 * @since 0.2.0
 */
public abstract class MailboxCoordinationContract {
  /** Where every test's clock starts. */
  static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  private static final String ROOM = "app|tenant|room-1@contoso.example";
  private static final String OTHER_ROOM = "app|tenant|room-2@contoso.example";
  private static final PermitPolicy FOUR =
      new PermitPolicy(4, 1_000, Duration.ofMinutes(2), Duration.ofSeconds(10));

  /** The clock of the current test; the suite moves it. */
  protected TestClock clock;

  private MailboxCoordination first;

  /** For subclasses. */
  protected MailboxCoordinationContract() {}

  /**
   * Creates a fresh, empty coordination for one test.
   *
   * @param clock the clock it must follow for expiries, penalties and cycles
   * @return the coordination
   */
  protected abstract MailboxCoordination createCoordination(Clock clock);

  /**
   * A second instance on the same shared state as the last {@link #createCoordination(Clock)},
   * as another process would have it. The default returns the same object.
   *
   * @param clock the same clock
   * @return the second instance
   */
  protected MailboxCoordination anotherInstance(Clock clock) {
    return first;
  }

  @BeforeEach
  void openCoordination() {
    clock = TestClock.startingAt(START);
    first = createCoordination(clock);
  }

  private PermitDecision claim(MailboxCoordination c, String key, String holder, PermitPolicy p) {
    return c.tryAcquire(List.of(PermitClaim.of(key, holder, p))).get(0);
  }

  private static void assertDenied(Denial denial, PermitDecision decision) {
    assertDenied(denial, decision, "claim");
  }

  private static void assertDenied(Denial denial, PermitDecision decision, String what) {
    assertEquals(java.util.Optional.of(denial), decision.denial(), what + ": " + decision);
  }

  private static java.util.Set<Integer> slots(List<Permit> permits) {
    java.util.Set<Integer> slots = new java.util.HashSet<>();
    permits.forEach(p -> slots.add(p.slot()));
    return slots;
  }

  private Permit grant(MailboxCoordination c, String key, String holder, PermitPolicy p) {
    PermitDecision decision = claim(c, key, holder, p);
    assertTrue(decision.isGranted(), "claim of " + holder + " for " + key + ": " + decision);
    return decision.permit().orElseThrow();
  }

  @Test
  void grantsUpToTheLimitThenSaysBusyAndAReleaseFreesOne() {
    List<Permit> held = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      held.add(grant(first, ROOM, "a", FOUR));
    }
    assertEquals(java.util.Set.of(0, 1, 2, 3), slots(held));
    held.forEach(p -> assertEquals(START.plusSeconds(10), p.expiresAt()));
    assertEquals(4, held.stream().map(Permit::token).distinct().count());
    PermitDecision busy = claim(first, ROOM, "b", FOUR);
    assertDenied(Denial.BUSY, busy);
    assertTrue(busy.permit().isEmpty());

    first.release(List.of(held.get(2)));
    Permit again = grant(first, ROOM, "b", FOUR);
    assertEquals(held.get(2).slot(), again.slot());
    assertEquals("b", again.holder());
    assertDenied(Denial.BUSY, claim(first, ROOM, "a", FOUR));
  }

  @Test
  void mailboxesAreIndependent() {
    for (int i = 0; i < 4; i++) {
      grant(first, ROOM, "a", FOUR);
    }
    assertTrue(claim(first, OTHER_ROOM, "a", FOUR).isGranted());
    first.penalize(OTHER_ROOM, Duration.ofSeconds(30));
    assertDenied(Denial.PENALTY, claim(first, OTHER_ROOM, "a", FOUR));
    assertDenied(Denial.BUSY, claim(first, ROOM, "a", FOUR));
  }

  @Test
  void aDeadHoldersPermitsComeBackAfterTheirExpiryAndALateReleaseFreesNothingNewer() {
    List<Permit> dead = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      dead.add(grant(first, ROOM, "dead", FOUR));
    }
    MailboxCoordination second = anotherInstance(clock);
    clock.advance(Duration.ofSeconds(9));
    assertDenied(Denial.BUSY, claim(second, ROOM, "alive", FOUR));
    clock.advance(Duration.ofSeconds(1));
    List<Permit> alive = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      alive.add(grant(second, ROOM, "alive", FOUR));
    }
    first.release(dead);
    assertDenied(Denial.BUSY, claim(second, ROOM, "third", FOUR), "the dead holder's late release must not free the new grants");
    assertTrue(first.renew(dead, Duration.ofSeconds(10)).isEmpty());
    second.release(alive);
    assertTrue(claim(second, ROOM, "third", FOUR).isGranted());
  }

  @Test
  void aLateReleaseByTheSameHolderDoesNotFreeItsNewerGrantOfTheSameSlot() {
    PermitPolicy one = new PermitPolicy(1, 1_000, Duration.ofMinutes(2), Duration.ofSeconds(5));
    Permit old = grant(first, ROOM, "a", one);
    clock.advance(Duration.ofSeconds(5));
    Permit fresh = grant(first, ROOM, "a", one);
    assertEquals(old.slot(), fresh.slot());
    assertNotEquals(old.token(), fresh.token());
    first.release(List.of(old));
    assertDenied(Denial.BUSY, claim(first, ROOM, "b", one));
  }

  @Test
  void renewExtendsLivePermitsWithoutSpendingBudget() {
    PermitPolicy two = new PermitPolicy(4, 2, Duration.ofMinutes(2), Duration.ofSeconds(10));
    Permit a = grant(first, ROOM, "a", two);
    Permit b = grant(first, ROOM, "a", two);
    clock.advance(Duration.ofSeconds(8));
    List<Permit> renewed = first.renew(List.of(a, b), Duration.ofSeconds(10));
    assertEquals(2, renewed.size());
    renewed.forEach(p -> assertEquals(START.plusSeconds(18), p.expiresAt()));
    assertTrue(renewed.get(0).sameGrant(a) || renewed.get(0).sameGrant(b));
    clock.advance(Duration.ofSeconds(9));
    assertDenied(Denial.BUDGET, claim(first, ROOM, "b", two), "both permits still live, and the budget of two is spent");
    clock.advance(Duration.ofSeconds(2));
    assertTrue(first.renew(List.of(a), Duration.ofSeconds(10)).isEmpty(), "expired");
  }

  @Test
  void aRenewalKeepsItsSlotAndTokenAndCountsAgainstTheBudget() {
    PermitPolicy three = new PermitPolicy(4, 3, Duration.ofMinutes(2), Duration.ofSeconds(10));
    Permit p = grant(first, ROOM, "a", three);
    clock.advance(Duration.ofSeconds(3));
    PermitDecision renewal = first.tryAcquire(List.of(PermitClaim.renewal(p, three))).get(0);
    Permit kept = renewal.permit().orElseThrow();
    assertTrue(kept.sameGrant(p));
    assertEquals(START.plusSeconds(13), kept.expiresAt());
    assertTrue(claim(first, ROOM, "b", three).isGranted());
    assertDenied(Denial.BUDGET, claim(first, ROOM, "b", three), "grant, renewal and grant spent the budget of three");
  }

  @Test
  void aRenewalOfALostPermitIsANewClaim() {
    Permit p = grant(first, ROOM, "a", FOUR);
    clock.advance(Duration.ofSeconds(11));
    Permit again =
        first.tryAcquire(List.of(PermitClaim.renewal(p, FOUR))).get(0).permit().orElseThrow();
    assertFalse(again.sameGrant(p));
    assertEquals("a", again.holder());
  }

  @Test
  void theCountInFlightCountsRenewalsOnce() {
    List<Permit> held = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      held.add(grant(first, ROOM, "a", FOUR));
    }
    for (Permit p : held) {
      assertTrue(first.tryAcquire(List.of(PermitClaim.renewal(p, FOUR))).get(0).isGranted());
    }
    assertDenied(Denial.BUSY, claim(first, ROOM, "b", FOUR));
  }

  @Test
  void aPenaltyPausesEveryHolderThenOneProbeGoesFirst() {
    MailboxCoordination second = anotherInstance(clock);
    Permit before = grant(first, ROOM, "a", FOUR);
    first.penalize(ROOM, Duration.ofSeconds(3));
    PermitDecision paused = claim(second, ROOM, "b", FOUR);
    assertDenied(Denial.PENALTY, paused);
    assertEquals(Duration.ofSeconds(3), paused.retryIn());
    clock.advance(Duration.ofSeconds(2));
    assertEquals(Duration.ofSeconds(1), claim(first, ROOM, "a", FOUR).retryIn());
    second.penalize(ROOM, Duration.ofMillis(500));
    assertEquals(
        Duration.ofSeconds(1),
        claim(first, ROOM, "a", FOUR).retryIn(),
        "a shorter penalty does not cut a longer one");
    clock.advance(Duration.ofSeconds(1));
    assertDenied(Denial.BUSY, claim(second, ROOM, "b", FOUR), "the permit taken before the penalty is still in flight: no probe yet");
    first.release(List.of(before));
    Permit probe = grant(second, ROOM, "b", FOUR);
    assertTrue(probe.probe());
    assertDenied(Denial.BUSY, claim(first, ROOM, "a", FOUR));
    second.endProbe(ROOM);
    Permit next = grant(first, ROOM, "a", FOUR);
    assertFalse(next.probe());
    assertTrue(claim(first, ROOM, "a", FOUR).isGranted());
    assertTrue(claim(first, ROOM, "a", FOUR).isGranted());
    assertDenied(Denial.BUSY, claim(first, ROOM, "a", FOUR));
  }

  @Test
  void aProbeThatFailsWithoutAnAnswerLeavesTheNextClaimAsTheProbe() {
    first.penalize(ROOM, Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));
    Permit probe = grant(first, ROOM, "a", FOUR);
    assertTrue(probe.probe());
    first.release(List.of(probe));
    Permit next = grant(anotherInstance(clock), ROOM, "b", FOUR);
    assertTrue(next.probe());
  }

  @Test
  void endProbeDuringAPenaltyIsIgnored() {
    first.penalize(ROOM, Duration.ofSeconds(5));
    first.endProbe(ROOM);
    clock.advance(Duration.ofSeconds(5));
    Permit probe = grant(first, ROOM, "a", FOUR);
    assertTrue(probe.probe());
    assertDenied(Denial.BUSY, claim(first, ROOM, "b", FOUR));
  }

  @Test
  void aRenewalDeniedByAPenaltyGivesItsPermitUp() {
    List<Permit> held = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      held.add(grant(first, ROOM, "a", FOUR));
    }
    first.penalize(ROOM, Duration.ofSeconds(1));
    for (Permit p : held) {
      assertDenied(Denial.PENALTY, first.tryAcquire(List.of(PermitClaim.renewal(p, FOUR))).get(0));
    }
    clock.advance(Duration.ofSeconds(1));
    assertTrue(grant(first, ROOM, "b", FOUR).probe(), "every permit was given up, so the probe can go");
  }

  @Test
  void theBudgetHoldsPerCycleAndTellsWhenTheNextBegins() {
    PermitPolicy budget = new PermitPolicy(4, 3, Duration.ofSeconds(10), Duration.ofSeconds(60));
    clock.set(Instant.ofEpochSecond(1_800_000_000L).plusSeconds(4));
    MailboxCoordination second = anotherInstance(clock);
    first.release(List.of(grant(first, ROOM, "a", budget)));
    second.release(List.of(grant(second, ROOM, "b", budget)));
    first.release(List.of(grant(first, ROOM, "a", budget)));
    PermitDecision spent = claim(second, ROOM, "b", budget);
    assertDenied(Denial.BUDGET, spent);
    assertEquals(Duration.ofSeconds(6), spent.retryIn());
    clock.advance(Duration.ofSeconds(6));
    assertTrue(claim(second, ROOM, "b", budget).isGranted());
  }

  @Test
  void noSlidingWindowSeesMoreThanTheBudget() {
    Duration window = Duration.ofSeconds(40);
    int budget = 50;
    PermitPolicy policy = PermitPolicy.of(4, budget, window, Duration.ofSeconds(1));
    MailboxCoordination second = anotherInstance(clock);
    List<Instant> grants = new ArrayList<>();
    java.util.Random random = new java.util.Random(42);
    for (int step = 0; step < 2_000; step++) {
      MailboxCoordination c = step % 2 == 0 ? first : second;
      PermitDecision d = claim(c, ROOM, step % 2 == 0 ? "a" : "b", policy);
      if (d.isGranted()) {
        grants.add(clock.instant());
        c.release(List.of(d.permit().get()));
      }
      clock.advance(Duration.ofMillis(random.nextInt(200)));
    }
    assertTrue(grants.size() > 2 * budget, "the run spans several windows: " + grants.size());
    for (int i = 0; i < grants.size(); i++) {
      Instant from = grants.get(i);
      long inWindow = grants.stream().filter(t -> !t.isBefore(from) && t.isBefore(from.plus(window))).count();
      assertTrue(inWindow <= budget, inWindow + " grants in the window from " + from);
    }
  }

  @Test
  void aBatchOfClaimsIsDecidedInOrder() {
    List<PermitClaim> claims = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      claims.add(PermitClaim.of(ROOM, "a", FOUR));
      claims.add(PermitClaim.of(OTHER_ROOM, "a", FOUR));
    }
    List<PermitDecision> decisions = first.tryAcquire(claims);
    assertEquals(12, decisions.size());
    List<Boolean> room = new ArrayList<>();
    List<Boolean> other = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      (i % 2 == 0 ? room : other).add(decisions.get(i).isGranted());
      String key = claims.get(i).mailboxKey();
      decisions.get(i).permit().ifPresent(p -> assertEquals(key, p.mailboxKey()));
    }
    assertEquals(List.of(true, true, true, true, false, false), room);
    assertEquals(List.of(true, true, true, true, false, false), other);
    assertTrue(first.tryAcquire(List.of()).isEmpty());
  }

  @Test
  void releasingTwiceOrReleasingStrangersChangesNothing() {
    Permit p = grant(first, ROOM, "a", FOUR);
    Permit stranger = new Permit(ROOM, p.slot(), "mallory", p.token(), p.expiresAt(), false);
    first.release(List.of(stranger));
    assertEquals(1, first.renew(List.of(p), Duration.ofSeconds(10)).size(), "still held");
    first.release(List.of(p));
    first.release(List.of(p));
    first.release(List.of(new Permit(OTHER_ROOM, 0, "a", 1, START, false)));
    for (int i = 0; i < 4; i++) {
      grant(first, ROOM, "b", FOUR);
    }
    assertDenied(Denial.BUSY, claim(first, ROOM, "b", FOUR));
  }

  @Test
  void badInputIsRefusedAndChangesNothing() {
    assertThrows(IllegalArgumentException.class, () -> PermitClaim.of(" ", "a", FOUR));
    assertThrows(IllegalArgumentException.class, () -> PermitClaim.of(ROOM, "x".repeat(201), FOUR));
    assertThrows(IllegalArgumentException.class, () -> first.penalize(ROOM, Duration.ofSeconds(-1)));
    assertThrows(IllegalArgumentException.class, () -> first.penalize("k".repeat(601), Duration.ofSeconds(1)));
    Permit p = grant(first, ROOM, "a", FOUR);
    assertThrows(IllegalArgumentException.class, () -> first.renew(List.of(p), Duration.ZERO));
    assertEquals(1, first.renew(List.of(p), Duration.ofSeconds(1)).size());
  }

  @Test
  void manyThreadsOnTwoInstancesNeverExceedTheLimitTogether() throws InterruptedException {
    MailboxCoordination second = anotherInstance(clock);
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    AtomicInteger granted = new AtomicInteger();
    List<Integer> done =
        StoreContractSupport.runConcurrently(
            8,
            i ->
                () -> {
                  MailboxCoordination c = i % 2 == 0 ? first : second;
                  int mine = 0;
                  for (int round = 0; round < 60; round++) {
                    PermitDecision d = claim(c, ROOM, "holder-" + i, FOUR);
                    if (d.isGranted()) {
                      int now = inFlight.incrementAndGet();
                      peak.accumulateAndGet(now, Math::max);
                      granted.incrementAndGet();
                      mine++;
                      Thread.yield();
                      inFlight.decrementAndGet();
                      c.release(List.of(d.permit().get()));
                    }
                  }
                  return mine;
                });
    assertTrue(peak.get() >= 1 && peak.get() <= 4, "peak " + peak.get());
    assertEquals(granted.get(), done.stream().mapToInt(Integer::intValue).sum());
    assertTrue(granted.get() > 60, "claims that found a free permit: " + granted.get());
    assertTrue(Collections.max(done) > 0);
  }
}
