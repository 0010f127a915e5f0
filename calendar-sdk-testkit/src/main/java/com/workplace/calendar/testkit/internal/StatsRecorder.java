package com.workplace.calendar.testkit.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counters a test asserts on; {@link #snapshot()} copies them. */
public final class StatsRecorder {

  /** Counters of one mailbox (keyed by lower-case address). */
  static final class MailboxCounters {
    final AtomicLong requests = new AtomicLong();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger peak = new AtomicInteger();
    final AtomicLong violations = new AtomicLong();
    final AtomicLong throttled = new AtomicLong();
    final AtomicLong ignoredRetryAfter = new AtomicLong();

    int enter() {
      requests.incrementAndGet();
      int now = inFlight.incrementAndGet();
      peak.accumulateAndGet(now, Math::max);
      return now;
    }

    void exit() {
      inFlight.decrementAndGet();
    }
  }

  /** An immutable copy of the counters. */
  public record Snapshot(
      long totalRequests,
      long throttledResponses,
      long limitViolations,
      Map<String, Long> requestsPerMailbox,
      Map<String, Integer> peakConcurrencyPerMailbox,
      Map<String, Long> limitViolationsPerMailbox,
      Map<String, Long> throttledResponsesPerMailbox,
      Map<String, Long> retryAfterIgnoredPerMailbox) {}

  private final LongAdder totalRequests = new LongAdder();
  private final LongAdder throttledResponses = new LongAdder();
  private final LongAdder limitViolations = new LongAdder();
  private final Map<String, MailboxCounters> mailboxes = new ConcurrentHashMap<>();

  MailboxCounters mailbox(String key) {
    return mailboxes.computeIfAbsent(key, k -> new MailboxCounters());
  }

  /** Counts one HTTP request received. */
  public void request() {
    totalRequests.increment();
  }

  /** Counts a 429 sent, for the mailbox when known (null otherwise). */
  public void throttled(String mailboxKey) {
    throttledResponses.increment();
    if (mailboxKey != null) {
      mailbox(mailboxKey).throttled.incrementAndGet();
    }
  }

  void violation(String mailboxKey) {
    limitViolations.increment();
    mailbox(mailboxKey).violations.incrementAndGet();
  }

  /** Zeroes the counters; requests still in flight keep counting toward the new peak. */
  public void reset() {
    totalRequests.reset();
    throttledResponses.reset();
    limitViolations.reset();
    for (MailboxCounters c : mailboxes.values()) {
      c.requests.set(0);
      c.violations.set(0);
      c.throttled.set(0);
      c.ignoredRetryAfter.set(0);
      c.peak.set(c.inFlight.get());
    }
  }

  public Snapshot snapshot() {
    Map<String, Long> requests = new TreeMap<>();
    Map<String, Integer> peaks = new TreeMap<>();
    Map<String, Long> violations = new TreeMap<>();
    Map<String, Long> throttled = new TreeMap<>();
    Map<String, Long> ignored = new TreeMap<>();
    mailboxes.forEach((k, c) -> {
      if (c.requests.get() > 0 || c.peak.get() > 0) {
        requests.put(k, c.requests.get());
        peaks.put(k, c.peak.get());
      }
      if (c.violations.get() > 0) {
        violations.put(k, c.violations.get());
      }
      if (c.throttled.get() > 0) {
        throttled.put(k, c.throttled.get());
      }
      if (c.ignoredRetryAfter.get() > 0) {
        ignored.put(k, c.ignoredRetryAfter.get());
      }
    });
    return new Snapshot(totalRequests.sum(), throttledResponses.sum(), limitViolations.sum(),
        Map.copyOf(requests), Map.copyOf(peaks), Map.copyOf(violations), Map.copyOf(throttled),
        Map.copyOf(ignored));
  }
}
