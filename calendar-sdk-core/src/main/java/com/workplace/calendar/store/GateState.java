package com.workplace.calendar.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a {@link MailboxCoordination} knows of one mailbox: its penalty, probing, budget and the
 * permits by slot. Mutable; one thread (or one transaction) works on it at a time. Records which
 * parts changed, so that a database writes back only those.
 */
final class GateState {
  final String key;
  Instant penaltyUntil;
  boolean probing;
  long budgetCycle;
  int budgetUsed;
  long grantSequence;
  private final Map<Integer, Permit> permits = new TreeMap<>();
  private final Set<Integer> changedSlots = new HashSet<>();
  private boolean gateChanged;

  GateState(String key) {
    this.key = key;
  }

  GateState(
      String key,
      Instant penaltyUntil,
      boolean probing,
      long budgetCycle,
      int budgetUsed,
      long grantSequence,
      List<Permit> stored) {
    this.key = key;
    this.penaltyUntil = penaltyUntil;
    this.probing = probing;
    this.budgetCycle = budgetCycle;
    this.budgetUsed = budgetUsed;
    this.grantSequence = grantSequence;
    stored.forEach(p -> permits.put(p.slot(), p));
  }

  Permit at(int slot) {
    return permits.get(slot);
  }

  /** The permits of live slots, other than {@code except}'s slot. */
  int liveOthers(Instant now, Permit except) {
    int count = 0;
    for (Permit p : permits.values()) {
      if (p.expiresAt().isAfter(now) && (except == null || p.slot() != except.slot())) {
        count++;
      }
    }
    return count;
  }

  /** The lowest slot in {@code [0, limit)} without a live permit, or -1. */
  int freeSlot(Instant now, int limit) {
    for (int slot = 0; slot < limit; slot++) {
      Permit p = permits.get(slot);
      if (p == null || !p.expiresAt().isAfter(now)) {
        return slot;
      }
    }
    return -1;
  }

  /** The permit held now for the same grant, if it is live. */
  Permit live(Permit permit, Instant now) {
    Permit current = permits.get(permit.slot());
    return current != null && current.sameGrant(permit) && current.expiresAt().isAfter(now)
        ? current
        : null;
  }

  /** The permit held now for the same grant, live or expired. */
  Permit held(Permit permit) {
    Permit current = permits.get(permit.slot());
    return current != null && current.sameGrant(permit) ? current : null;
  }

  void put(Permit permit) {
    permits.put(permit.slot(), permit);
    changedSlots.add(permit.slot());
  }

  void free(int slot) {
    if (permits.remove(slot) != null) {
      changedSlots.add(slot);
    }
  }

  void gateChanged() {
    gateChanged = true;
  }

  boolean isGateChanged() {
    return gateChanged;
  }

  /** The slots whose permit changed, with the permit now there ({@code null}: freed). */
  Map<Integer, Permit> changedPermits() {
    Map<Integer, Permit> changed = new TreeMap<>();
    for (Integer slot : changedSlots) {
      changed.put(slot, permits.get(slot));
    }
    return changed;
  }

  /** Forgets what changed, after it was written back. */
  void clearChanges() {
    changedSlots.clear();
    gateChanged = false;
  }

  List<Permit> permits() {
    return new ArrayList<>(permits.values());
  }
}
