package com.workplace.calendar.internal.booking;

import com.workplace.calendar.ConflictException;
import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.store.Lease;
import com.workplace.calendar.tenant.TenantId;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serializes the SDK's checked writes to one room calendar across threads and instances: a fair
 * semaphore per room inside this instance, so that one thread per room and instance asks the store,
 * then a lease per room in the store that every instance on the same store shares (the house rule:
 * whatever is shared between requests goes through the store).
 *
 * <p>The lease lasts {@link #LEASE_TTL} and is renewed between the steps of a write; a writer that
 * stalls past it (a long retry, a dead instance) loses it to the next writer. That next writer's
 * check does not see the stalled one's event yet; the post-write check of both then decides which
 * booking stays, so a lost lease costs a refusal, not a double booking.
 */
final class RoomWriteLocks {
  private static final Logger LOG = LoggerFactory.getLogger(RoomWriteLocks.class);

  /** How long a room's write lease lasts without renewal. */
  static final Duration LEASE_TTL = Duration.ofSeconds(60);

  /** How long a write waits for its room before it is refused. */
  static final Duration MAX_WAIT = Duration.ofSeconds(60);

  private static final long FIRST_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
  private static final long MAX_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final CalendarStore store;
  private final Duration maxWait;
  private final ConcurrentMap<String, Semaphore> local = new ConcurrentHashMap<>();

  RoomWriteLocks(CalendarStore store) {
    this(store, MAX_WAIT);
  }

  RoomWriteLocks(CalendarStore store, Duration maxWait) {
    this.store = Objects.requireNonNull(store, "store");
    this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
  }

  /**
   * Takes the room's write lock, waiting for other writers of the room.
   *
   * @param tenantId the tenant
   * @param email the room calendar
   * @return the held lock; close it to release
   * @throws ConflictException if the room stays locked by other writers longer than the wait
   */
  Held acquire(TenantId tenantId, String email) {
    String name = "room-write|" + tenantId.value() + "|" + email;
    long deadline = System.nanoTime() + maxWait.toNanos();
    Semaphore inProcess = local.computeIfAbsent(name, k -> new Semaphore(1, true));
    try {
      if (!inProcess.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
        throw busy(email);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConflictException(
          "interrupted while waiting to book " + email + "; nothing was written");
    }
    try {
      String owner = "booking/" + UUID.randomUUID();
      long pause = FIRST_POLL_NANOS;
      while (true) {
        Optional<Lease> lease = store.tryAcquireLease(name, owner, LEASE_TTL);
        if (lease.isPresent()) {
          return new Held(lease.get(), inProcess);
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw busy(email);
        }
        long wait = Math.min(left, ThreadLocalRandom.current().nextLong(pause / 2, pause + 1));
        TimeUnit.NANOSECONDS.sleep(wait);
        pause = Math.min(MAX_POLL_NANOS, pause * 2);
      }
    } catch (InterruptedException e) {
      inProcess.release();
      Thread.currentThread().interrupt();
      throw new ConflictException(
          "interrupted while waiting to book " + email + "; nothing was written");
    } catch (RuntimeException e) {
      inProcess.release();
      throw e;
    }
  }

  private ConflictException busy(String email) {
    return new ConflictException(
        "other bookings of "
            + email
            + " kept the room busy for more than "
            + maxWait.toSeconds()
            + " s; nothing was written, try again");
  }

  /** A held room lock. */
  final class Held implements AutoCloseable {
    private Lease lease;
    private final Semaphore inProcess;
    private boolean released;

    private Held(Lease lease, Semaphore inProcess) {
      this.lease = lease;
      this.inProcess = inProcess;
    }

    /** Extends the lease before the next step; a lost lease is logged, the write goes on. */
    void renew() {
      Optional<Lease> renewed = store.renewLease(lease, LEASE_TTL);
      if (renewed.isPresent()) {
        lease = renewed.get();
      } else {
        LOG.warn(
            "The write lease of a room calendar expired during a booking; the post-write check"
                + " decides which overlapping booking stays");
      }
    }

    @Override
    public void close() {
      if (released) {
        return;
      }
      released = true;
      try {
        store.releaseLease(lease);
      } catch (RuntimeException e) {
        LOG.warn("Could not release a room's write lease; it expires by itself", e);
      } finally {
        inProcess.release();
      }
    }
  }
}
