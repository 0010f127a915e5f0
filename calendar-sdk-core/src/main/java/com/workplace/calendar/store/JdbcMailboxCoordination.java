package com.workplace.calendar.store;

import com.workplace.calendar.store.jdbc.internal.PermitSql;
import com.workplace.calendar.store.jdbc.internal.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * {@link MailboxCoordination} in the tables of a {@link JdbcCalendarStore}: each call is one
 * transaction that locks the gate rows of its mailboxes (in key order), applies {@link
 * PermitRules} and writes back what changed. Every instance on the database shares the result.
 */
final class JdbcMailboxCoordination implements MailboxCoordination {
  private final Transactions tx;
  private final PermitSql sql;
  private final Clock clock;

  JdbcMailboxCoordination(Transactions tx, PermitSql sql, Clock clock) {
    this.tx = tx;
    this.sql = sql;
    this.clock = clock;
  }

  @Override
  public List<PermitDecision> tryAcquire(List<PermitClaim> claims) {
    List<PermitClaim> checked = List.copyOf(claims);
    if (checked.isEmpty()) {
      return List.of();
    }
    Set<String> keys = new HashSet<>();
    checked.forEach(c -> keys.add(c.mailboxKey()));
    return inGates(
        "claim mailbox permits",
        keys,
        true,
        (gates, now) -> {
          List<PermitDecision> decisions = new ArrayList<>(checked.size());
          for (PermitClaim claim : checked) {
            decisions.add(PermitRules.decide(gates.get(claim.mailboxKey()), claim, now));
          }
          return decisions;
        });
  }

  @Override
  public void release(Collection<Permit> permits) {
    List<Permit> list = PermitRules.copy(permits);
    if (list.isEmpty()) {
      return;
    }
    inGates(
        "release mailbox permits",
        keysOf(list),
        false,
        (gates, now) -> {
          for (Permit permit : list) {
            GateState gate = gates.get(permit.mailboxKey());
            if (gate != null) {
              PermitRules.release(gate, permit);
            }
          }
          return null;
        });
  }

  @Override
  public List<Permit> renew(Collection<Permit> permits, Duration expiry) {
    PermitRules.requireExpiry(expiry);
    List<Permit> list = PermitRules.copy(permits);
    if (list.isEmpty()) {
      return List.of();
    }
    return inGates(
        "renew mailbox permits",
        keysOf(list),
        false,
        (gates, now) -> {
          List<Permit> renewed = new ArrayList<>();
          for (Permit permit : list) {
            GateState gate = gates.get(permit.mailboxKey());
            Permit p = gate == null ? null : PermitRules.renew(gate, permit, expiry, now);
            if (p != null) {
              renewed.add(p);
            }
          }
          return renewed;
        });
  }

  @Override
  public void penalize(String mailboxKey, Duration wait) {
    MailboxCoordination.checkKey(mailboxKey);
    PermitRules.requireWait(wait);
    inGates(
        "penalize a mailbox",
        Set.of(mailboxKey),
        true,
        (gates, now) -> {
          PermitRules.penalize(gates.get(mailboxKey), wait, now);
          return null;
        });
  }

  @Override
  public void endProbe(String mailboxKey) {
    MailboxCoordination.checkKey(mailboxKey);
    inGates(
        "end a mailbox probe",
        Set.of(mailboxKey),
        false,
        (gates, now) -> {
          GateState gate = gates.get(mailboxKey);
          if (gate != null) {
            PermitRules.endProbe(gate, now);
          }
          return null;
        });
  }

  private static Set<String> keysOf(List<Permit> permits) {
    Set<String> keys = new HashSet<>();
    permits.forEach(p -> keys.add(p.mailboxKey()));
    return keys;
  }

  private <T> T inGates(
      String operation,
      Set<String> keys,
      boolean create,
      BiFunction<Map<String, GateState>, Instant, T> work) {
    return tx.run(
        operation,
        c -> {
          Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
          Map<String, PermitSql.Gate> rows = sql.lock(c, keys, create);
          Map<String, GateState> gates = new LinkedHashMap<>();
          Map<String, Set<Integer>> storedSlots = new LinkedHashMap<>();
          rows.forEach(
              (key, row) -> {
                gates.put(
                    key,
                    new GateState(
                        key,
                        row.penaltyUntil(),
                        row.probing(),
                        row.budgetCycle(),
                        row.budgetUsed(),
                        row.grantSequence(),
                        row.permits()));
                Set<Integer> slots = new HashSet<>();
                row.permits().forEach(p -> slots.add(p.slot()));
                storedSlots.put(key, slots);
              });
          T result = work.apply(gates, now);
          writeBack(c, gates, storedSlots);
          return result;
        });
  }

  private void writeBack(
      Connection c, Map<String, GateState> gates, Map<String, Set<Integer>> storedSlots)
      throws SQLException {
    List<PermitSql.Gate> changedGates = new ArrayList<>();
    for (GateState gate : gates.values()) {
      if (gate.isGateChanged()) {
        changedGates.add(
            new PermitSql.Gate(
                gate.key,
                gate.penaltyUntil,
                gate.probing,
                gate.budgetCycle,
                gate.budgetUsed,
                gate.grantSequence,
                List.of()));
      }
      Map<Integer, Permit> changed = gate.changedPermits();
      if (!changed.isEmpty()) {
        sql.writePermits(c, gate.key, changed, storedSlots.get(gate.key));
      }
    }
    sql.writeGates(c, changedGates);
  }

  @Override
  public String toString() {
    return "JdbcMailboxCoordination";
  }
}
