package com.workplace.calendar.graph;

import java.time.Duration;
import java.util.Objects;

/**
 * How the SDK retries requests that Graph throttled (429), that failed for a while (502, 503, 504)
 * or whose connection failed. {@code Retry-After} is honoured first; without it the wait grows
 * exponentially from {@link #baseDelay()} with full jitter, capped at {@link #maxDelay()}. A request
 * gives up after {@link #maxAttempts()} or when {@link #deadline()} has passed since its first
 * attempt. Immutable; build one with {@link #builder()} or {@link #toBuilder()}; setters validate at
 * once, {@link Builder#build()} checks that the values fit together.
 *
 * @since 0.1.0
 */
public final class GraphRetryOptions {
  private static final GraphRetryOptions DEFAULTS = new Builder().build();

  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final Duration deadline;

  private GraphRetryOptions(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.baseDelay = b.baseDelay;
    this.maxDelay = b.maxDelay;
    this.deadline = b.deadline;
  }

  /**
   * 8 attempts, backoff from 500 ms up to 60 s per wait, within 3 minutes.
   *
   * @return the default options
   */
  public static GraphRetryOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Starts from the defaults.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts from these options.
   *
   * @return a builder with these values
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Attempts per request including the first.
   *
   * @return 1 to 20; default 8
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * The first backoff step without {@code Retry-After}.
   *
   * @return positive; default 500 ms
   */
  public Duration baseDelay() {
    return baseDelay;
  }

  /**
   * The longest single wait without {@code Retry-After}.
   *
   * @return at least the base delay; default 60 s
   */
  public Duration maxDelay() {
    return maxDelay;
  }

  /**
   * The longest total time a request may take, waits included.
   *
   * @return at least the base delay; default 3 minutes
   */
  public Duration deadline() {
    return deadline;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GraphRetryOptions other
        && maxAttempts == other.maxAttempts
        && baseDelay.equals(other.baseDelay)
        && maxDelay.equals(other.maxDelay)
        && deadline.equals(other.deadline);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxAttempts, baseDelay, maxDelay, deadline);
  }

  @Override
  public String toString() {
    return "GraphRetryOptions[maxAttempts=" + maxAttempts + ", baseDelay=" + baseDelay
        + ", maxDelay=" + maxDelay + ", deadline=" + deadline + "]";
  }

  /** Builds {@link GraphRetryOptions}. */
  public static final class Builder {
    private int maxAttempts = 8;
    private Duration baseDelay = Duration.ofMillis(500);
    private Duration maxDelay = Duration.ofSeconds(60);
    private Duration deadline = Duration.ofMinutes(3);

    private Builder() {}

    private Builder(GraphRetryOptions from) {
      this.maxAttempts = from.maxAttempts;
      this.baseDelay = from.baseDelay;
      this.maxDelay = from.maxDelay;
      this.deadline = from.deadline;
    }

    /**
     * Attempts per request including the first.
     *
     * @param value 1 to 20
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxAttempts(int value) {
      if (value < 1 || value > 20) {
        throw new IllegalArgumentException("maxAttempts must be 1 to 20");
      }
      this.maxAttempts = value;
      return this;
    }

    /**
     * The first backoff step.
     *
     * @param value positive
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder baseDelay(Duration value) {
      Objects.requireNonNull(value, "baseDelay");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("baseDelay must be positive");
      }
      this.baseDelay = value;
      return this;
    }

    /**
     * The longest single backoff wait.
     *
     * @param value positive
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxDelay(Duration value) {
      Objects.requireNonNull(value, "maxDelay");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("maxDelay must be positive");
      }
      this.maxDelay = value;
      return this;
    }

    /**
     * The longest total time per request.
     *
     * @param value positive
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder deadline(Duration value) {
      Objects.requireNonNull(value, "deadline");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("deadline must be positive");
      }
      this.deadline = value;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     * @throws IllegalStateException if the max delay or the deadline is shorter than the base delay
     */
    public GraphRetryOptions build() {
      if (maxDelay.compareTo(baseDelay) < 0) {
        throw new IllegalStateException("maxDelay must not be shorter than baseDelay");
      }
      if (deadline.compareTo(baseDelay) < 0) {
        throw new IllegalStateException("deadline must not be shorter than baseDelay");
      }
      return new GraphRetryOptions(this);
    }
  }
}
