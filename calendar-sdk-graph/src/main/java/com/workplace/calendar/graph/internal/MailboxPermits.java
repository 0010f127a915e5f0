package com.workplace.calendar.graph.internal;

import com.workplace.calendar.CalendarClientException;
import com.workplace.calendar.store.MailboxCoordination;
import com.workplace.calendar.store.Permit;
import com.workplace.calendar.store.PermitClaim;
import com.workplace.calendar.store.PermitDecision;
import com.workplace.calendar.store.PermitPolicy;
import com.workplace.calendar.tenant.TenantId;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The permits of one service instance for the mailboxes it talks to, over the store's {@link
 * MailboxCoordination} (shared by every instance on the store).
 *
 * <p>Within the instance, threads wait for a mailbox on its {@link Gate}: only one of them (the
 * leader) asks the store for new permits, for as many waiters as there are, and the others wait on
 * the gate's monitor, so the store is never polled by many threads at once. A released permit goes
 * straight to a local waiter when there is one (the waiter renews it in the store, which checks the
 * penalty box and the budget again), at most {@link #MAX_LOCAL_USES} times in a row, so that other
 * instances get their turn. A permit is otherwise given back to the store. Penalties and spent
 * budgets learned from the store make every local waiter wait without asking. Permits in use longer
 * than half their expiry are renewed by a heartbeat, so that only a dead instance's permits expire.
 */
final class MailboxPermits implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MailboxPermits.class);

  /** How often a permit goes to a local waiter before it is given back to the store. */
  static final int MAX_LOCAL_USES = 8;

  private static final long MIN_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long MAX_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  /** How a request that held a permit ended. */
  enum Outcome {
    /** An answer that was not a 429. */
    ANSWERED,
    /** A 429: the mailbox is penalized before the permit goes back. */
    THROTTLED,
    /** No answer (connection failure, timeout). */
    NO_ANSWER
  }

  /** A permit in use by one request. */
  static final class Lease {
    private final Gate gate;
    volatile Permit permit;
    private final int uses;
    volatile long renewedNanos;

    private Lease(Gate gate, Permit permit, int uses) {
      this.gate = gate;
      this.permit = permit;
      this.uses = uses;
      this.renewedNanos = System.nanoTime();
    }

    Permit permit() {
      return permit;
    }
  }

  private record Handoff(Permit permit, int uses, boolean fresh) {}

  /** The waiters and passed-on permits of one mailbox in this instance. */
  static final class Gate {
    final String key;
    private int waiting;
    private boolean leaderAsking;
    private final ArrayDeque<Handoff> handoffs = new ArrayDeque<>();
    /** Nobody asks the store before this (a penalty or spent budget the store reported). */
    private long blockedUntilNanos = System.nanoTime() - TimeUnit.SECONDS.toNanos(1);
    /** The leader asks again no earlier than this after the store said all permits are taken. */
    private long pollAtNanos = blockedUntilNanos;
    private long pollNanos = MIN_POLL_NANOS;

    Gate(String key) {
      this.key = key;
    }
  }

  private final MailboxCoordination coordination;
  private final PermitPolicy policy;
  private final String holder;
  private final String clientId;
  private final ConcurrentMap<String, Gate> gates = new ConcurrentHashMap<>();
  private final PermitHeartbeat heartbeat;
  private final AtomicLong storeCalls = new AtomicLong();

  MailboxPermits(
      MailboxCoordination coordination,
      PermitPolicy policy,
      String holder,
      String clientId,
      ScheduledExecutorService scheduler) {
    this.coordination = coordination;
    this.policy = policy;
    this.holder = holder;
    this.clientId = clientId;
    this.heartbeat = new PermitHeartbeat(coordination, policy.expiry(), storeCalls, scheduler);
  }

  /** The number of calls made to the store's coordination so far. */
  long storeCalls() {
    return storeCalls.get();
  }

  /** The coordination key of a mailbox: application, tenant and address. */
  String key(TenantId tenant, String mailbox) {
    String key = clientId + "|" + tenant.value() + "|" + mailbox.toLowerCase(Locale.ROOT);
    return key.length() <= MailboxCoordination.MAX_KEY_LENGTH ? key : sha256(key);
  }

  /**
   * Waits for a permit for a mailbox until the deadline.
   *
   * @return the lease, or {@code null} if the deadline passed first
   */
  Lease acquire(TenantId tenant, String mailbox, long deadlineNanos) {
    Gate gate = gates.computeIfAbsent(key(tenant, mailbox), Gate::new);
    synchronized (gate) {
      gate.waiting++;
    }
    try {
      while (true) {
        Handoff handoff = null;
        synchronized (gate) {
          while (true) {
            long now = System.nanoTime();
            if (!gate.handoffs.isEmpty()) {
              handoff = gate.handoffs.poll();
              break;
            }
            long askAt = Math.max(gate.blockedUntilNanos - now, gate.pollAtNanos - now);
            if (!gate.leaderAsking && askAt <= 0) {
              gate.leaderAsking = true;
              break;
            }
            long left = deadlineNanos - now;
            if (left <= 0) {
              return null;
            }
            long wait = gate.leaderAsking ? left : Math.min(left, askAt);
            waitOn(gate, wait);
          }
        }
        Lease lease = handoff != null ? takeOver(gate, handoff) : lead(gate);
        if (lease != null && pausedMeanwhile(gate)) {
          // a 429 arrived on this instance while the store granted the permit: do not send
          giveBack(List.of(lease.permit));
          lease = null;
        }
        if (lease != null) {
          heartbeat.inUse(lease);
          return lease;
        }
      }
    } finally {
      List<Permit> unclaimed = List.of();
      synchronized (gate) {
        gate.waiting--;
        if (gate.waiting == 0 && !gate.handoffs.isEmpty()) {
          unclaimed = new ArrayList<>();
          for (Handoff h : gate.handoffs) {
            unclaimed.add(h.permit());
          }
          gate.handoffs.clear();
        }
      }
      if (!unclaimed.isEmpty()) {
        giveBack(unclaimed);
      }
    }
  }

  /** Uses a permit passed on by a releasing request (renewed in the store unless just granted). */
  private Lease takeOver(Gate gate, Handoff handoff) {
    if (handoff.fresh()) {
      return new Lease(gate, handoff.permit(), handoff.uses());
    }
    PermitDecision decision = ask(List.of(PermitClaim.renewal(handoff.permit(), policy))).get(0);
    if (decision.isGranted()) {
      return new Lease(gate, decision.permit().get(), handoff.uses());
    }
    synchronized (gate) {
      learn(gate, decision);
      gate.notifyAll();
    }
    return null;
  }

  /** Asks the store for new permits: one for this thread, more for the other waiters. */
  private Lease lead(Gate gate) {
    int wanted;
    synchronized (gate) {
      wanted = Math.max(1, Math.min(policy.maxInFlight(), gate.waiting - gate.handoffs.size()));
    }
    List<PermitDecision> decisions;
    try {
      decisions = ask(Collections.nCopies(wanted, PermitClaim.of(gate.key, holder, policy)));
    } catch (RuntimeException e) {
      synchronized (gate) {
        gate.leaderAsking = false;
        gate.notifyAll();
      }
      throw e;
    }
    synchronized (gate) {
      gate.leaderAsking = false;
      Permit mine = null;
      for (PermitDecision d : decisions) {
        if (d.isGranted()) {
          if (mine == null) {
            mine = d.permit().get();
          } else {
            gate.handoffs.add(new Handoff(d.permit().get(), 0, true));
          }
        }
      }
      if (mine == null) {
        learn(gate, decisions.get(0));
      } else {
        gate.pollNanos = MIN_POLL_NANOS;
      }
      gate.notifyAll();
      return mine == null ? null : new Lease(gate, mine, 0);
    }
  }

  private static boolean pausedMeanwhile(Gate gate) {
    synchronized (gate) {
      return gate.blockedUntilNanos - System.nanoTime() > 0;
    }
  }

  private static void learn(Gate gate, PermitDecision denied) {
    long now = System.nanoTime();
    PermitDecision.Denial denial = denied.denial().orElseThrow();
    if (denial == PermitDecision.Denial.BUSY) {
      gate.pollAtNanos = now + gate.pollNanos;
      gate.pollNanos = Math.min(MAX_POLL_NANOS, gate.pollNanos * 2);
    } else {
      long until = now + Math.max(MIN_POLL_NANOS, denied.retryIn().toNanos());
      if (until - gate.blockedUntilNanos > 0) {
        gate.blockedUntilNanos = until;
      }
    }
  }

  /**
   * Tries to take permits for several mailboxes at once without waiting (for {@code $batch}
   * items): one call to the store for every mailbox that is not known to be paused.
   *
   * @return one lease or {@code null} per mailbox, in order
   */
  List<Lease> tryAcquireNow(TenantId tenant, List<String> mailboxes) {
    List<Lease> leases = new ArrayList<>(Collections.nCopies(mailboxes.size(), null));
    List<PermitClaim> claims = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    List<Gate> claimGates = new ArrayList<>();
    long now = System.nanoTime();
    for (int i = 0; i < mailboxes.size(); i++) {
      Gate gate = gates.computeIfAbsent(key(tenant, mailboxes.get(i)), Gate::new);
      synchronized (gate) {
        if (gate.blockedUntilNanos - now > 0 || gate.waiting > 0) {
          continue;
        }
      }
      claims.add(PermitClaim.of(gate.key, holder, policy));
      positions.add(i);
      claimGates.add(gate);
    }
    if (claims.isEmpty()) {
      return leases;
    }
    List<PermitDecision> decisions = ask(claims);
    for (int j = 0; j < decisions.size(); j++) {
      PermitDecision d = decisions.get(j);
      Gate gate = claimGates.get(j);
      if (d.isGranted()) {
        Lease lease = new Lease(gate, d.permit().get(), MAX_LOCAL_USES);
        heartbeat.inUse(lease);
        leases.set(positions.get(j), lease);
      } else if (d.denial().get() != PermitDecision.Denial.BUSY) {
        synchronized (gate) {
          learn(gate, d);
        }
      }
    }
    return leases;
  }

  /**
   * Gives a permit back after its request.
   *
   * @param lease the lease
   * @param outcome how the request ended
   * @param retryAfter the pause a 429 asked for ({@link Outcome#THROTTLED} only)
   */
  void release(Lease lease, Outcome outcome, Duration retryAfter) {
    List<Permit> back = releaseLocally(lease, outcome, retryAfter);
    if (!back.isEmpty()) {
      giveBack(back);
    }
  }

  /** Gives many permits back with one call to the store for those not passed on. */
  void releaseAll(List<Lease> leases, List<Outcome> outcomes, List<Duration> retryAfters) {
    List<Permit> back = new ArrayList<>();
    for (int i = 0; i < leases.size(); i++) {
      back.addAll(releaseLocally(leases.get(i), outcomes.get(i), retryAfters.get(i)));
    }
    if (!back.isEmpty()) {
      giveBack(back);
    }
  }

  private List<Permit> releaseLocally(Lease lease, Outcome outcome, Duration retryAfter) {
    heartbeat.done(lease);
    Gate gate = lease.gate;
    Permit permit = lease.permit;
    if (outcome == Outcome.THROTTLED) {
      // this instance stops at once; the store tells the others
      synchronized (gate) {
        long until = System.nanoTime() + retryAfter.toNanos();
        if (until - gate.blockedUntilNanos > 0) {
          gate.blockedUntilNanos = until;
        }
        gate.notifyAll();
      }
      ask(() -> coordination.penalize(gate.key, retryAfter));
      return List.of(permit);
    }
    if (outcome == Outcome.ANSWERED && permit.probe()) {
      ask(() -> coordination.endProbe(gate.key));
    }
    synchronized (gate) {
      boolean paused = gate.blockedUntilNanos - System.nanoTime() > 0;
      if (!paused && gate.waiting > gate.handoffs.size() && lease.uses + 1 < MAX_LOCAL_USES) {
        gate.handoffs.add(new Handoff(permit, lease.uses + 1, false));
        gate.notifyAll();
        return List.of();
      }
      gate.pollAtNanos = System.nanoTime();
      gate.notifyAll();
    }
    return List.of(permit);
  }

  private void giveBack(List<Permit> permits) {
    try {
      ask(() -> coordination.release(permits));
    } catch (RuntimeException e) {
      // the permits expire by themselves; the request's outcome must not be lost for this
      LOG.warn(
          "Could not give {} mailbox permit(s) back to the store ({}); they expire in {} ms",
          permits.size(),
          e.getClass().getSimpleName(),
          policy.expiry().toMillis());
    }
  }

  private List<PermitDecision> ask(List<PermitClaim> claims) {
    storeCalls.incrementAndGet();
    return coordination.tryAcquire(claims);
  }

  private void ask(Runnable call) {
    storeCalls.incrementAndGet();
    call.run();
  }



  private static String sha256(String text) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static void waitOn(Object monitor, long nanos) {
    try {
      TimeUnit.NANOSECONDS.timedWait(monitor, Math.max(1, nanos));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CalendarClientException("interrupted while waiting for the mailbox's turn");
    }
  }

  /** Gives back the permits waiting to be picked up; permits in use go back with their requests. */
  @Override
  public void close() {
    List<Permit> left = new ArrayList<>();
    for (Gate gate : gates.values()) {
      synchronized (gate) {
        gate.handoffs.forEach(h -> left.add(h.permit()));
        gate.handoffs.clear();
      }
    }
    if (!left.isEmpty()) {
      giveBack(left);
    }
  }
}
