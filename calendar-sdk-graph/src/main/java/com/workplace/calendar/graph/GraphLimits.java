package com.workplace.calendar.graph;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits the SDK keeps to when it talks to Exchange Online, per application and mailbox,
 * summed over every instance that shares the store. The defaults are Microsoft's published ones: 4
 * concurrent requests and 10,000 requests per 10 minutes. Immutable; build one with {@link
 * #builder()} or change the defaults with {@link #toBuilder()}; setters validate at once.
 *
 * <pre>{@code
 * GraphLimits limits = GraphLimits.defaults().toBuilder()
 *     .requestsPerWindow(5_000)
 *     .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class GraphLimits {
  private static final GraphLimits DEFAULTS = new Builder().build();

  private final int maxConcurrentPerMailbox;
  private final int requestsPerWindow;
  private final Duration window;
  private final int maxBatchSize;
  private final int maxConcurrentBatches;
  private final Duration permitExpiry;

  private GraphLimits(Builder b) {
    this.maxConcurrentPerMailbox = b.maxConcurrentPerMailbox;
    this.requestsPerWindow = b.requestsPerWindow;
    this.window = b.window;
    this.maxBatchSize = b.maxBatchSize;
    this.maxConcurrentBatches = b.maxConcurrentBatches;
    this.permitExpiry = b.permitExpiry;
  }

  /**
   * Microsoft's published Exchange Online limits, 20 requests per batch, 8 batches at once, permits
   * that expire after 10 seconds.
   *
   * @return the default limits
   */
  public static GraphLimits defaults() {
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
   * Starts from these limits.
   *
   * @return a builder with these values
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Requests in flight at once per mailbox, over all instances.
   *
   * @return 1 to 64; default 4
   */
  public int maxConcurrentPerMailbox() {
    return maxConcurrentPerMailbox;
  }

  /**
   * Requests per mailbox per {@link #window()}, over all instances.
   *
   * @return at least 10; default 10,000
   */
  public int requestsPerWindow() {
    return requestsPerWindow;
  }

  /**
   * The request budget's window.
   *
   * @return at least one second; default 10 minutes
   */
  public Duration window() {
    return window;
  }

  /**
   * Requests per {@code $batch}.
   *
   * @return 1 to 20; default 20
   */
  public int maxBatchSize() {
    return maxBatchSize;
  }

  /**
   * {@code $batch} requests in flight at once per service instance.
   *
   * @return 1 to 64; default 8
   */
  public int maxConcurrentBatches() {
    return maxConcurrentBatches;
  }

  /**
   * How long a mailbox permit lives unless renewed: the permits of an instance that died (without
   * giving them back) come back to the others after this long. Requests that take longer keep
   * theirs: a live instance renews them.
   *
   * @return 1 second to 5 minutes; default 10 seconds
   */
  public Duration permitExpiry() {
    return permitExpiry;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GraphLimits other
        && maxConcurrentPerMailbox == other.maxConcurrentPerMailbox
        && requestsPerWindow == other.requestsPerWindow
        && window.equals(other.window)
        && maxBatchSize == other.maxBatchSize
        && maxConcurrentBatches == other.maxConcurrentBatches
        && permitExpiry.equals(other.permitExpiry);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        maxConcurrentPerMailbox, requestsPerWindow, window, maxBatchSize, maxConcurrentBatches,
        permitExpiry);
  }

  @Override
  public String toString() {
    return "GraphLimits[maxConcurrentPerMailbox=" + maxConcurrentPerMailbox
        + ", requestsPerWindow=" + requestsPerWindow + ", window=" + window
        + ", maxBatchSize=" + maxBatchSize + ", maxConcurrentBatches=" + maxConcurrentBatches
        + ", permitExpiry=" + permitExpiry + "]";
  }

  /** Builds {@link GraphLimits}; each setter checks its value at once. */
  public static final class Builder {
    private int maxConcurrentPerMailbox = 4;
    private int requestsPerWindow = 10_000;
    private Duration window = Duration.ofMinutes(10);
    private int maxBatchSize = 20;
    private int maxConcurrentBatches = 8;
    private Duration permitExpiry = Duration.ofSeconds(10);

    private Builder() {}

    private Builder(GraphLimits from) {
      this.maxConcurrentPerMailbox = from.maxConcurrentPerMailbox;
      this.requestsPerWindow = from.requestsPerWindow;
      this.window = from.window;
      this.maxBatchSize = from.maxBatchSize;
      this.maxConcurrentBatches = from.maxConcurrentBatches;
      this.permitExpiry = from.permitExpiry;
    }

    /**
     * Requests in flight at once per mailbox.
     *
     * @param value 1 to 64
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxConcurrentPerMailbox(int value) {
      if (value < 1 || value > 64) {
        throw new IllegalArgumentException("maxConcurrentPerMailbox must be 1 to 64");
      }
      this.maxConcurrentPerMailbox = value;
      return this;
    }

    /**
     * Requests per mailbox per window.
     *
     * @param value at least 10
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder requestsPerWindow(int value) {
      if (value < 10) {
        throw new IllegalArgumentException("requestsPerWindow must be at least 10");
      }
      this.requestsPerWindow = value;
      return this;
    }

    /**
     * The request budget's window.
     *
     * @param value at least one second
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder window(Duration value) {
      Objects.requireNonNull(value, "window");
      if (value.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("window must be at least one second");
      }
      this.window = value;
      return this;
    }

    /**
     * Requests per {@code $batch}.
     *
     * @param value 1 to 20
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxBatchSize(int value) {
      if (value < 1 || value > 20) {
        throw new IllegalArgumentException("maxBatchSize must be 1 to 20 (Graph's $batch limit)");
      }
      this.maxBatchSize = value;
      return this;
    }

    /**
     * {@code $batch} requests in flight at once per service instance.
     *
     * @param value 1 to 64
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxConcurrentBatches(int value) {
      if (value < 1 || value > 64) {
        throw new IllegalArgumentException("maxConcurrentBatches must be 1 to 64");
      }
      this.maxConcurrentBatches = value;
      return this;
    }

    /**
     * How long a mailbox permit lives unless renewed.
     *
     * @param value 1 second to 5 minutes
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder permitExpiry(Duration value) {
      Objects.requireNonNull(value, "permitExpiry");
      if (value.compareTo(Duration.ofSeconds(1)) < 0 || value.compareTo(Duration.ofMinutes(5)) > 0) {
        throw new IllegalArgumentException("permitExpiry must be 1 second to 5 minutes");
      }
      this.permitExpiry = value;
      return this;
    }

    /**
     * Builds the limits.
     *
     * @return the limits
     */
    public GraphLimits build() {
      return new GraphLimits(this);
    }
  }
}
