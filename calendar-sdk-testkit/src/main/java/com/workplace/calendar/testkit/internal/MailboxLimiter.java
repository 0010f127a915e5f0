package com.workplace.calendar.testkit.internal;

import com.workplace.calendar.testkit.FakeLimits;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Exchange's per app × mailbox limits: concurrent requests and a rolling request budget, plus
 * the fault "this mailbox is throttled until ...".
 *
 * <p>A {@link Lease} is taken for every mailbox request (each {@code $batch} item too) and must
 * be released when processing ends, whether or not it was admitted. A request counts as having
 * ignored a {@code Retry-After} only if it arrived after the 429 that asked for it was given: the
 * items of one {@code $batch} arrive together ({@link #arrival()}), so a 429 for one of them is no
 * {@code Retry-After} the others could have waited for.
 */
public final class MailboxLimiter {

  /** The outcome of {@link #acquire}; release it when the request is done. */
  public final class Lease implements AutoCloseable {
    private final Gate gate;
    private final StatsRecorder.MailboxCounters counters;
    private final long retryAfterSeconds;
    private boolean released;

    private Lease(Gate gate, StatsRecorder.MailboxCounters counters, long retryAfterSeconds) {
      this.gate = gate;
      this.counters = counters;
      this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Whether the request may proceed. */
    public boolean admitted() {
      return retryAfterSeconds < 0;
    }

    /** The Retry-After (seconds) of a rejected request. */
    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }

    @Override
    public synchronized void close() {
      if (!released) {
        released = true;
        gate.inFlight.decrementAndGet();
        counters.exit();
      }
    }
  }

  private static final class Gate {
    final AtomicInteger inFlight = new AtomicInteger();
    final ArrayDeque<Long> admitted = new ArrayDeque<>();
    volatile long retryUntil;
    /** The arrival of the request whose 429 set {@link #retryUntil}. */
    volatile long retryArrival = -1;
  }

  private final Clock clock;
  private final StatsRecorder stats;
  private final Map<String, Gate> gates = new ConcurrentHashMap<>();
  private final Map<String, Long> throttledUntil = new ConcurrentHashMap<>();
  private final AtomicLong arrivals = new AtomicLong();
  private volatile FakeLimits limits;

  public MailboxLimiter(Clock clock, StatsRecorder stats, FakeLimits limits) {
    this.clock = clock;
    this.stats = stats;
    this.limits = limits;
  }

  public FakeLimits limits() {
    return limits;
  }

  /** Replaces the limits (budgets already used are kept). */
  public void limits(FakeLimits newLimits) {
    this.limits = newLimits;
  }

  /** Answers every request to the mailbox with 429 until {@code untilMillis} (clock time). */
  public void throttleMailbox(String mailboxKey, long untilMillis) {
    throttledUntil.put(mailboxKey, untilMillis);
  }

  /** Ends every mailbox throttle. */
  public void clearThrottles() {
    throttledUntil.clear();
  }

  /** Forgets budgets, Retry-After windows and mailbox throttles. */
  public void reset() {
    gates.clear();
    throttledUntil.clear();
  }

  /**
   * Numbers a request's arrival; the items of a {@code $batch} share their batch's.
   *
   * @return a number larger than every one given before
   */
  public long arrival() {
    return arrivals.incrementAndGet();
  }

  /**
   * Takes a slot for a request of an app to a mailbox that arrives now.
   *
   * @param clientId the app
   * @param mailboxKey the mailbox (lower-case address)
   * @return the lease; when not admitted the caller answers 429 with its Retry-After
   */
  public Lease acquire(String clientId, String mailboxKey) {
    return acquire(clientId, mailboxKey, arrival());
  }

  /**
   * Takes a slot for a request of an app to a mailbox.
   *
   * @param clientId the app
   * @param mailboxKey the mailbox (lower-case address)
   * @param arrival when the request arrived ({@link #arrival()})
   * @return the lease; when not admitted the caller answers 429 with its Retry-After
   */
  public Lease acquire(String clientId, String mailboxKey, long arrival) {
    StatsRecorder.MailboxCounters counters = stats.mailbox(mailboxKey);
    counters.enter();
    Gate gate = gates.computeIfAbsent(clientId + '|' + mailboxKey, k -> new Gate());
    int inFlight = gate.inFlight.incrementAndGet();
    long now = clock.millis();
    if (now < gate.retryUntil && arrival > gate.retryArrival) {
      counters.ignoredRetryAfter.incrementAndGet();
    }
    FakeLimits l = limits;
    Long until = throttledUntil.get(mailboxKey);
    if (until != null && now < until) {
      return reject(gate, counters, mailboxKey, seconds(until - now), false, arrival);
    }
    if (inFlight > l.maxConcurrentPerMailbox()) {
      return reject(gate, counters, mailboxKey, seconds(l.concurrencyRetryAfter().toMillis()),
          true, arrival);
    }
    long windowMillis = l.window().toMillis();
    synchronized (gate.admitted) {
      while (!gate.admitted.isEmpty() && gate.admitted.peekFirst() <= now - windowMillis) {
        gate.admitted.pollFirst();
      }
      if (gate.admitted.size() >= l.requestsPerWindow()) {
        long wait = gate.admitted.peekFirst() + windowMillis - now;
        return reject(gate, counters, mailboxKey, seconds(wait), true, arrival);
      }
      gate.admitted.addLast(now);
    }
    return new Lease(gate, counters, -1);
  }

  private Lease reject(
      Gate gate, StatsRecorder.MailboxCounters counters, String mailboxKey, long retryAfter,
      boolean violation, long arrival) {
    if (violation) {
      stats.violation(mailboxKey);
    }
    stats.throttled(mailboxKey);
    long until = clock.millis() + retryAfter * 1000;
    if (until > gate.retryUntil) {
      gate.retryUntil = until;
      gate.retryArrival = Math.max(gate.retryArrival, arrival);
    }
    return new Lease(gate, counters, retryAfter);
  }

  private static long seconds(long millis) {
    return Math.max(1, (millis + 999) / 1000);
  }
}
