package com.workplace.calendar.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The lease table of an {@link InMemoryCalendarStore}; thread-safe on its own monitor. */
final class InMemoryLeases {
  private final Clock clock;
  private final Map<String, Lease> leases = new HashMap<>();
  private long tokens;

  InMemoryLeases(Clock clock) {
    this.clock = clock;
  }

  synchronized Optional<Lease> tryAcquire(String name, String owner, Duration ttl) {
    StoreChecks.requirePositive(ttl);
    Instant now = clock.instant();
    Lease current = leases.get(name);
    boolean heldByOther =
        current != null && !current.owner().equals(owner) && current.expiresAt().isAfter(now);
    if (heldByOther) {
      return Optional.empty();
    }
    boolean heldBySame =
        current != null && current.owner().equals(owner) && current.expiresAt().isAfter(now);
    Lease lease = new Lease(name, owner, now.plus(ttl), heldBySame ? current.token() : ++tokens);
    leases.put(name, lease);
    return Optional.of(lease);
  }

  synchronized Optional<Lease> renew(Lease lease, Duration ttl) {
    StoreChecks.requirePositive(ttl);
    Instant now = clock.instant();
    Lease current = leases.get(lease.name());
    if (!sameHolder(current, lease) || !current.expiresAt().isAfter(now)) {
      return Optional.empty();
    }
    Lease renewed = new Lease(lease.name(), lease.owner(), now.plus(ttl), lease.token());
    leases.put(lease.name(), renewed);
    return Optional.of(renewed);
  }

  synchronized boolean release(Lease lease) {
    Lease current = leases.get(lease.name());
    if (!sameHolder(current, lease)) {
      return false;
    }
    leases.remove(lease.name());
    return current.expiresAt().isAfter(clock.instant());
  }

  synchronized Optional<Lease> find(String name) {
    Lease current = leases.get(name);
    return current != null && current.expiresAt().isAfter(clock.instant())
        ? Optional.of(current)
        : Optional.empty();
  }

  private static boolean sameHolder(Lease current, Lease lease) {
    return current != null && current.owner().equals(lease.owner()) && current.token() == lease.token();
  }
}
