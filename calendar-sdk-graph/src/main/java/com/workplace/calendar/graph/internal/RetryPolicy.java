package com.workplace.calendar.graph.internal;

import com.workplace.calendar.graph.GraphRetryOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The one retry decision of the transport and the {@code $batch} executor: which answers are worth
 * another attempt, how long to wait ({@code Retry-After} first, else exponential backoff with full
 * jitter) and whether the attempts and the deadline allow it.
 */
final class RetryPolicy {
  private final GraphRetryOptions options;

  RetryPolicy(GraphRetryOptions options) {
    this.options = options;
  }

  GraphRetryOptions options() {
    return options;
  }

  /** The deadline of a call that starts now, on {@link System#nanoTime()}. */
  long deadlineFromNow() {
    return System.nanoTime() + options.deadline().toNanos();
  }

  /**
   * Tells whether a status is worth another attempt: 429 always, 502/503/504 and no answer (0) when
   * sending twice is harmless.
   */
  static boolean retryable(int status, boolean retrySafe) {
    return status == 429 || (retrySafe && (status == 0 || status == 502 || status == 503 || status == 504));
  }

  /** The wait before the next attempt: the service's {@code Retry-After}, else backoff. */
  Duration waitAfter(int attempt, Optional<String> retryAfter) {
    return retryAfter
        .flatMap(v -> RetryAfter.parse(v, Instant.now()))
        .orElseGet(() -> backoff(attempt));
  }

  /** Exponential backoff with full jitter: uniform in [0, min(maxDelay, base·2^(attempt-1))]. */
  Duration backoff(int attempt) {
    return Backoff.fullJitter(options, attempt);
  }

  /** Tells whether another attempt fits: attempts left, and the wait ends before the deadline. */
  boolean mayRetry(int attempt, long deadlineNanos, Duration wait) {
    return attempt < options.maxAttempts() && System.nanoTime() + wait.toNanos() - deadlineNanos < 0;
  }
}
