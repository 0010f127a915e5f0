package com.workplace.calendar.graph.internal;

import com.workplace.calendar.graph.GraphRetryOptions;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with full jitter. */
final class Backoff {
  private Backoff() {}

  /**
   * The wait before attempt {@code attempt + 1}: uniform in [0, min(maxDelay, base·2^(attempt-1))].
   */
  static Duration fullJitter(GraphRetryOptions options, int attempt) {
    long base = options.baseDelay().toMillis();
    long cap = options.maxDelay().toMillis();
    long ceiling = base << Math.min(20, Math.max(0, attempt - 1));
    long bound = Math.max(1, Math.min(cap, ceiling));
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(bound + 1));
  }
}
