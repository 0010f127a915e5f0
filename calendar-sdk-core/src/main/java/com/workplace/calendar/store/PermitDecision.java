package com.workplace.calendar.store;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a {@link PermitClaim}: a permit, or why not and when to ask again.
 *
 * @param permit the permit granted, empty when denied
 * @param denial why it was denied, empty when granted
 * @param retryIn how long until asking again may succeed: the rest of a penalty or budget cycle;
 *     zero when unknown (all permits taken)
 * @since 0.2.0
 */
public record PermitDecision(Optional<Permit> permit, Optional<Denial> denial, Duration retryIn) {

  /** Why a claim was denied. */
  public enum Denial {
    /** The mailbox is paused after a 429 until its {@code Retry-After} has passed. */
    PENALTY,
    /** The budget of the current cycle is used up. */
    BUDGET,
    /** Every permit is held (or the single probe after a penalty is). */
    BUSY
  }

  /** Validates the record. */
  public PermitDecision {
    Objects.requireNonNull(permit, "permit");
    Objects.requireNonNull(denial, "denial");
    Objects.requireNonNull(retryIn, "retryIn");
    if (permit.isPresent() == denial.isPresent()) {
      throw new IllegalArgumentException("a decision is either a permit or a denial");
    }
    if (retryIn.isNegative()) {
      throw new IllegalArgumentException("retryIn must not be negative");
    }
  }

  /**
   * A granted claim.
   *
   * @param permit the permit
   * @return the decision
   */
  public static PermitDecision granted(Permit permit) {
    return new PermitDecision(Optional.of(permit), Optional.empty(), Duration.ZERO);
  }

  /**
   * A denied claim.
   *
   * @param denial why
   * @param retryIn when asking again may succeed
   * @return the decision
   */
  public static PermitDecision denied(Denial denial, Duration retryIn) {
    return new PermitDecision(Optional.empty(), Optional.of(denial), retryIn);
  }

  /**
   * Tells whether the claim was granted.
   *
   * @return {@code true} if a permit was granted
   */
  public boolean isGranted() {
    return permit.isPresent();
  }
}
