package com.workplace.calendar.internal.sync;

import com.workplace.calendar.ConflictException;
import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.store.Lease;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store leases one sync instance holds: taken with a time to live, kept alive while work goes
 * on, released when it ends, and all released when the instance closes. An instance that dies
 * leaves leases that expire, so another takes over.
 */
final class Leases {
  private static final Logger LOG = LoggerFactory.getLogger(Leases.class);

  private final CalendarStore store;
  private final String owner;
  private final Duration ttl;
  private final Clock clock;
  private final Set<Held> held = ConcurrentHashMap.newKeySet();

  Leases(CalendarStore store, String owner, Duration ttl, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.owner = Objects.requireNonNull(owner, "owner");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** {@return the owner id the leases are held under} */
  String owner() {
    return owner;
  }

  /**
   * Takes a lease unless another owner holds it.
   *
   * @param name the lease
   * @return the held lease, or empty when another instance holds it
   */
  Optional<Held> tryAcquire(String name) {
    return store.tryAcquireLease(name, owner, ttl).map(this::hold);
  }

  /**
   * Describes who holds a lease, for messages.
   *
   * @param name the lease
   * @return e.g. {@code "instance b until 2026-03-02T09:02:00Z"}
   */
  String holder(String name) {
    return store
        .findLease(name)
        .map(l -> "instance " + l.owner() + " until " + l.expiresAt())
        .orElse("another instance");
  }

  private Held hold(Lease lease) {
    Held h = new Held(lease);
    held.add(h);
    return h;
  }

  /** Releases every lease still held; used when the instance closes. */
  void releaseAll() {
    for (Held h : Set.copyOf(held)) {
      h.close();
    }
  }

  /** A lease this instance holds. */
  final class Held implements AutoCloseable {
    private volatile Lease lease;

    private Held(Lease lease) {
      this.lease = lease;
    }

    /**
     * Renews the lease when half of its time has passed.
     *
     * @throws ConflictException if the lease was lost (expired and taken, or released on close)
     */
    void keepAlive() {
      Lease current = lease;
      if (Duration.between(clock.instant(), current.expiresAt()).compareTo(ttl.dividedBy(2)) > 0
          && held.contains(this)) {
        return;
      }
      lease =
          store
              .renewLease(current, ttl)
              .orElseThrow(
                  () ->
                      new ConflictException(
                          "lease "
                              + current.name()
                              + " was lost to "
                              + holder(current.name())
                              + "; the work is abandoned"));
    }

    /** Releases the lease; harmless when called twice. */
    @Override
    public void close() {
      if (held.remove(this)) {
        try {
          store.releaseLease(lease);
        } catch (RuntimeException e) {
          LOG.warn(
              "Could not release lease {}; it expires on its own: {}", lease.name(), e.toString());
        }
      }
    }
  }
}
