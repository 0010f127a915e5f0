package com.workplace.calendar.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@link MailboxCoordination} in one process's memory; one monitor makes every call atomic. It keeps
 * one small record per mailbox ever used (the budget of the current cycle must survive).
 */
final class InMemoryMailboxCoordination implements MailboxCoordination {
  private final Clock clock;
  private final Map<String, GateState> gates = new HashMap<>();

  InMemoryMailboxCoordination(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized List<PermitDecision> tryAcquire(List<PermitClaim> claims) {
    List<PermitClaim> checked = List.copyOf(claims);
    Instant now = clock.instant();
    List<PermitDecision> decisions = new ArrayList<>(checked.size());
    for (PermitClaim claim : checked) {
      GateState gate = gates.computeIfAbsent(claim.mailboxKey(), GateState::new);
      decisions.add(PermitRules.decide(gate, claim, now));
      gate.clearChanges();
    }
    return decisions;
  }

  @Override
  public synchronized void release(Collection<Permit> permits) {
    for (Permit permit : PermitRules.copy(permits)) {
      GateState gate = gates.get(permit.mailboxKey());
      if (gate != null) {
        PermitRules.release(gate, permit);
        gate.clearChanges();
      }
    }
  }

  @Override
  public synchronized List<Permit> renew(Collection<Permit> permits, Duration expiry) {
    PermitRules.requireExpiry(expiry);
    Instant now = clock.instant();
    List<Permit> renewed = new ArrayList<>();
    for (Permit permit : PermitRules.copy(permits)) {
      GateState gate = gates.get(permit.mailboxKey());
      Permit p = gate == null ? null : PermitRules.renew(gate, permit, expiry, now);
      if (p != null) {
        renewed.add(p);
        gate.clearChanges();
      }
    }
    return renewed;
  }

  @Override
  public synchronized void penalize(String mailboxKey, Duration wait) {
    MailboxCoordination.checkKey(mailboxKey);
    PermitRules.requireWait(wait);
    GateState gate = gates.computeIfAbsent(mailboxKey, GateState::new);
    PermitRules.penalize(gate, wait, clock.instant());
    gate.clearChanges();
  }

  @Override
  public synchronized void endProbe(String mailboxKey) {
    MailboxCoordination.checkKey(mailboxKey);
    GateState gate = gates.get(Objects.requireNonNull(mailboxKey));
    if (gate != null) {
      PermitRules.endProbe(gate, clock.instant());
      gate.clearChanges();
    }
  }

  @Override
  public String toString() {
    return "InMemoryMailboxCoordination";
  }
}
