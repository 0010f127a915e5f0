package com.workplace.calendar.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.ArrayList;

/**
 * The rules of {@link MailboxCoordination}, applied to a {@link GateState}: one implementation for
 * every store, so that the in-memory and the database coordination decide alike.
 */
final class PermitRules {
  private PermitRules() {}

  static PermitDecision decide(GateState gate, PermitClaim claim, Instant now) {
    PermitPolicy policy = claim.policy();
    Permit own = claim.renewing().map(p -> gate.live(p, now)).orElse(null);
    if (gate.penaltyUntil != null && gate.penaltyUntil.isAfter(now)) {
      giveUp(gate, own);
      return PermitDecision.denied(
          PermitDecision.Denial.PENALTY, Duration.between(now, gate.penaltyUntil));
    }
    int limit = gate.probing ? 1 : policy.maxInFlight();
    if (gate.liveOthers(now, own) + 1 > limit) {
      giveUp(gate, own);
      return PermitDecision.denied(PermitDecision.Denial.BUSY, Duration.ZERO);
    }
    long nowMillis = now.toEpochMilli();
    long cycle = policy.cycleOf(nowMillis);
    int used = gate.budgetCycle == cycle ? gate.budgetUsed : 0;
    if (used >= policy.grantsPerCycle()) {
      giveUp(gate, own);
      long nextCycleMillis = (cycle + 1) * policy.cycle().toMillis();
      return PermitDecision.denied(
          PermitDecision.Denial.BUDGET, Duration.ofMillis(Math.max(1, nextCycleMillis - nowMillis)));
    }
    gate.budgetCycle = cycle;
    gate.budgetUsed = used + 1;
    gate.gateChanged();
    Instant expiresAt = now.plus(policy.expiry());
    Permit granted;
    if (own != null) {
      granted = own.renewed(expiresAt, gate.probing);
    } else {
      int slot = gate.freeSlot(now, Math.max(limit, policy.maxInFlight()));
      gate.grantSequence++;
      granted =
          new Permit(gate.key, slot, claim.holder(), gate.grantSequence, expiresAt, gate.probing);
    }
    gate.put(granted);
    return PermitDecision.granted(granted);
  }

  private static void giveUp(GateState gate, Permit own) {
    if (own != null) {
      gate.free(own.slot());
    }
  }

  static void release(GateState gate, Permit permit) {
    if (gate.held(permit) != null) {
      gate.free(permit.slot());
    }
  }

  static Permit renew(GateState gate, Permit permit, Duration expiry, Instant now) {
    Permit live = gate.live(permit, now);
    if (live == null) {
      return null;
    }
    Permit renewed = live.renewed(now.plus(expiry), live.probe());
    gate.put(renewed);
    return renewed;
  }

  static void penalize(GateState gate, Duration wait, Instant now) {
    Instant until = now.plus(wait);
    if (gate.penaltyUntil == null || until.isAfter(gate.penaltyUntil)) {
      gate.penaltyUntil = until;
    }
    gate.probing = true;
    gate.gateChanged();
  }

  static void endProbe(GateState gate, Instant now) {
    if (gate.probing && (gate.penaltyUntil == null || !gate.penaltyUntil.isAfter(now))) {
      gate.probing = false;
      gate.gateChanged();
    }
  }

  static void requireWait(Duration wait) {
    if (wait == null || wait.isNegative()) {
      throw new IllegalArgumentException("a penalty needs a wait that is not negative");
    }
  }

  static void requireExpiry(Duration expiry) {
    if (expiry == null || expiry.isNegative() || expiry.isZero()) {
      throw new IllegalArgumentException("a permit needs a positive expiry");
    }
  }

  static List<Permit> copy(Collection<Permit> permits) {
    List<Permit> list = new ArrayList<>(permits.size());
    for (Permit p : permits) {
      list.add(java.util.Objects.requireNonNull(p, "permit"));
    }
    return list;
  }
}
