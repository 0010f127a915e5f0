package com.workplace.calendar.store;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits a {@link MailboxCoordination} enforces for one mailbox: how many permits may be held
 * at once, how many may be granted per budget cycle, and how long a permit lives unless renewed.
 *
 * <p>The request budget is kept in fixed cycles numbered {@code floor(epochMillis / cycle)} on the
 * coordination's clock, so that every instance counts in the same cycles. A caller that must keep
 * to {@code N} requests per sliding window {@code W} grants {@code N / 5} per cycle of {@code W / 4}:
 * any window of length {@code W} overlaps at most five cycles, so it never sees more than {@code N}.
 *
 * @param maxInFlight permits held at once, 1 to 64
 * @param grantsPerCycle permits granted per budget cycle (renewals count), at least 1
 * @param cycle the budget cycle's length, at least one millisecond
 * @param expiry how long a permit lives unless renewed or released; a permit of an instance that
 *     died comes back after this long
 * @since 0.2.0
 */
public record PermitPolicy(int maxInFlight, int grantsPerCycle, Duration cycle, Duration expiry) {
  /** Validates the policy. */
  public PermitPolicy {
    if (maxInFlight < 1 || maxInFlight > 64) {
      throw new IllegalArgumentException("maxInFlight must be 1 to 64");
    }
    if (grantsPerCycle < 1) {
      throw new IllegalArgumentException("grantsPerCycle must be at least 1");
    }
    Objects.requireNonNull(cycle, "cycle");
    Objects.requireNonNull(expiry, "expiry");
    if (cycle.toMillis() < 1) {
      throw new IllegalArgumentException("cycle must be at least one millisecond");
    }
    if (expiry.toMillis() < 1) {
      throw new IllegalArgumentException("expiry must be at least one millisecond");
    }
  }

  /**
   * The policy that keeps to {@code requests} per sliding {@code window}.
   *
   * @param maxInFlight permits held at once
   * @param requests requests allowed per window, at least 5
   * @param window the window
   * @param expiry how long a permit lives unless renewed
   * @return the policy: {@code requests / 5} grants per cycle of {@code window / 4}
   */
  public static PermitPolicy of(int maxInFlight, int requests, Duration window, Duration expiry) {
    if (requests < 5) {
      throw new IllegalArgumentException("requests per window must be at least 5");
    }
    return new PermitPolicy(maxInFlight, requests / 5, window.dividedBy(4), expiry);
  }

  /**
   * The number of the budget cycle an instant falls in.
   *
   * @param epochMillis the instant, in milliseconds since the epoch
   * @return the cycle number
   */
  public long cycleOf(long epochMillis) {
    return Math.floorDiv(epochMillis, cycle.toMillis());
  }
}
