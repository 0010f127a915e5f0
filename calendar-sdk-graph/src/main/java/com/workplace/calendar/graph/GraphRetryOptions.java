package com.workplace.calendar.graph;

import java.time.Duration;
import java.util.Objects;

/**
 * How the SDK retries requests that Graph throttled (429), that failed for a while (503, 504) or
 * whose connection failed. {@code Retry-After} is honoured first; without it the wait grows
 * exponentially from {@code baseDelay} with full jitter, capped at {@code maxDelay}. A request gives up
 * after {@code maxAttempts} or when {@code deadline} has passed since its first attempt.
 *
 * @param maxAttempts attempts per request including the first, 1 to 20
 * @param baseDelay the first backoff step without {@code Retry-After}
 * @param maxDelay the longest single wait
 * @param deadline the longest total time a request may take, waits included
 * @since 0.1.0
 */
public record GraphRetryOptions(
    int maxAttempts, Duration baseDelay, Duration maxDelay, Duration deadline) {

  /** Validates the options. */
  public GraphRetryOptions {
    if (maxAttempts < 1 || maxAttempts > 20) {
      throw new IllegalArgumentException("maxAttempts must be 1 to 20");
    }
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(deadline, "deadline");
    if (baseDelay.isNegative() || baseDelay.isZero()) {
      throw new IllegalArgumentException("baseDelay must be positive");
    }
    if (maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException("maxDelay must not be shorter than baseDelay");
    }
    if (deadline.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException("deadline must not be shorter than baseDelay");
    }
  }

  /**
   * 8 attempts, backoff from 500 ms up to 60 s per wait, within 3 minutes.
   *
   * @return the default options
   */
  public static GraphRetryOptions defaults() {
    return new GraphRetryOptions(
        8, Duration.ofMillis(500), Duration.ofSeconds(60), Duration.ofMinutes(3));
  }
}
