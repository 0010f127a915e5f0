package com.workplace.calendar.graph.internal;

import com.workplace.calendar.store.MailboxCoordination;
import com.workplace.calendar.store.Permit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews the mailbox permits of requests that run longer than half the permits' expiry, every
 * quarter of the expiry, so that only the permits of an instance that died expire.
 */
final class PermitHeartbeat {
  private static final Logger LOG = LoggerFactory.getLogger(MailboxPermits.class);

  private final MailboxCoordination coordination;
  private final Duration expiry;
  private final AtomicLong storeCalls;
  private final Set<MailboxPermits.Lease> inUse = ConcurrentHashMap.newKeySet();

  PermitHeartbeat(
      MailboxCoordination coordination,
      Duration expiry,
      AtomicLong storeCalls,
      ScheduledExecutorService scheduler) {
    this.coordination = coordination;
    this.expiry = expiry;
    this.storeCalls = storeCalls;
    long every = Math.max(1, expiry.toMillis() / 4);
    scheduler.scheduleWithFixedDelay(this::renewLongRunning, every, every, TimeUnit.MILLISECONDS);
  }

  /** A lease is in use by a request. */
  void inUse(MailboxPermits.Lease lease) {
    inUse.add(lease);
  }

  /** A lease's request is done. */
  void done(MailboxPermits.Lease lease) {
    inUse.remove(lease);
  }

  private void renewLongRunning() {
    try {
      long now = System.nanoTime();
      long half = expiry.toNanos() / 2;
      List<MailboxPermits.Lease> due = new ArrayList<>();
      for (MailboxPermits.Lease lease : inUse) {
        if (now - lease.renewedNanos >= half) {
          due.add(lease);
        }
      }
      if (due.isEmpty()) {
        return;
      }
      List<Permit> permits = new ArrayList<>();
      due.forEach(l -> permits.add(l.permit));
      storeCalls.incrementAndGet();
      List<Permit> renewed = coordination.renew(permits, expiry);
      for (MailboxPermits.Lease lease : due) {
        for (Permit p : renewed) {
          if (p.sameGrant(lease.permit)) {
            lease.permit = p;
            lease.renewedNanos = now;
          }
        }
      }
      if (renewed.size() < due.size()) {
        LOG.warn(
            "{} mailbox permit(s) expired while their requests were still running; the store's"
                + " permit expiry ({} ms) is shorter than these requests",
            due.size() - renewed.size(),
            expiry.toMillis());
      }
    } catch (RuntimeException e) {
      LOG.warn("Renewing mailbox permits failed: {}", e.getClass().getSimpleName());
    }
  }
}
