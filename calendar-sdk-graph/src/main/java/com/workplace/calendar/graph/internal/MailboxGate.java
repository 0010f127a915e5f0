package com.workplace.calendar.graph.internal;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;

/**
 * Guards one (tenant, mailbox): at most N requests in flight, a request budget per window, and a
 * penalty box shared by every thread. One 429 pauses the whole mailbox until its {@code
 * Retry-After}; when the pause ends a single probe request goes first, and the others follow once it
 * succeeded, so a throttled mailbox sees a handful of requests, not one per waiting thread.
 */
final class MailboxGate {
  private final int maxInFlight;
  private final RateLimiter budget;
  private int inFlight;
  private long penaltyUntilNanos = System.nanoTime();
  private boolean probing;

  MailboxGate(String name, int maxInFlight, int requestsPerWindow, Duration window) {
    this.maxInFlight = maxInFlight;
    // resilience4j refills in fixed cycles. With cycles of a quarter window and a fifth of the
    // budget per cycle, any sliding window of the service's length overlaps at most five cycles,
    // so it never sees more than the budget; a burst of a fifth of the budget goes at once, and
    // the sustained rate is 80 % of the limit.
    Duration period = window.dividedBy(4);
    int perPeriod = Math.max(1, requestsPerWindow / 5);
    this.budget =
        RateLimiter.of(
            name,
            RateLimiterConfig.custom()
                .limitRefreshPeriod(period)
                .limitForPeriod(perPeriod)
                .timeoutDuration(Duration.ZERO)
                .build());
  }

  /**
   * Waits for a slot until the deadline.
   *
   * @return {@code false} if the deadline passed first
   */
  boolean acquire(long deadlineNanos) throws InterruptedException {
    synchronized (this) {
      while (true) {
        long now = System.nanoTime();
        long wait;
        if (penaltyUntilNanos - now > 0) {
          wait = penaltyUntilNanos - now;
        } else if (inFlight >= (probing ? 1 : maxInFlight)) {
          wait = Long.MAX_VALUE;
        } else {
          inFlight++;
          break;
        }
        long left = deadlineNanos - now;
        if (left <= 0) {
          return false;
        }
        long nanos = Math.min(wait, left);
        this.wait(Math.max(1, nanos / 1_000_000), 0);
      }
    }
    while (!budget.acquirePermission()) {
      if (System.nanoTime() - deadlineNanos > 0) {
        release(false);
        return false;
      }
      Thread.sleep(50);
    }
    return true;
  }

  /** Takes a slot only if one is free right now (penalty over, capacity and budget left). */
  boolean tryAcquire() {
    synchronized (this) {
      if (penaltyUntilNanos - System.nanoTime() > 0 || inFlight >= (probing ? 1 : maxInFlight)) {
        return false;
      }
      inFlight++;
    }
    if (!budget.acquirePermission()) {
      release(false);
      return false;
    }
    return true;
  }

  /**
   * Gives a slot back.
   *
   * @param succeeded whether the request got an answer that was not throttled
   */
  synchronized void release(boolean succeeded) {
    inFlight--;
    if (succeeded) {
      probing = false;
    }
    notifyAll();
  }

  /** Pauses the mailbox for everyone until {@code wait} has passed. */
  synchronized void penalize(Duration wait) {
    long until = System.nanoTime() + wait.toNanos();
    if (until - penaltyUntilNanos > 0) {
      penaltyUntilNanos = until;
    }
    probing = true;
    notifyAll();
  }

  /** How long until the penalty ends, zero when none. */
  synchronized long penaltyNanosLeft() {
    return Math.max(0, penaltyUntilNanos - System.nanoTime());
  }
}
