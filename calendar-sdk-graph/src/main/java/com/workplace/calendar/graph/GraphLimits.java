package com.workplace.calendar.graph;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits the SDK keeps to when it talks to Exchange Online, per application and mailbox. The
 * defaults are Microsoft's published ones: 4 concurrent requests and 10,000 requests per 10 minutes.
 *
 * @param maxConcurrentPerMailbox requests in flight at once per mailbox, 1 to 64
 * @param requestsPerWindow requests per mailbox per {@code window}, at least 10
 * @param window the budget's window, at least one second
 * @param maxBatchSize requests per {@code $batch}, 1 to 20
 * @param maxConcurrentBatches {@code $batch} requests in flight at once per service, 1 to 64
 * @since 0.1.0
 */
public record GraphLimits(
    int maxConcurrentPerMailbox,
    int requestsPerWindow,
    Duration window,
    int maxBatchSize,
    int maxConcurrentBatches) {

  /** Validates the limits. */
  public GraphLimits {
    if (maxConcurrentPerMailbox < 1 || maxConcurrentPerMailbox > 64) {
      throw new IllegalArgumentException("maxConcurrentPerMailbox must be 1 to 64");
    }
    if (requestsPerWindow < 10) {
      throw new IllegalArgumentException("requestsPerWindow must be at least 10");
    }
    Objects.requireNonNull(window, "window");
    if (window.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("window must be at least one second");
    }
    if (maxBatchSize < 1 || maxBatchSize > 20) {
      throw new IllegalArgumentException("maxBatchSize must be 1 to 20 (Graph's $batch limit)");
    }
    if (maxConcurrentBatches < 1 || maxConcurrentBatches > 64) {
      throw new IllegalArgumentException("maxConcurrentBatches must be 1 to 64");
    }
  }

  /**
   * Microsoft's published Exchange Online limits, 20 requests per batch and 8 batches at once.
   *
   * @return the default limits
   */
  public static GraphLimits exchangeDefaults() {
    return new GraphLimits(4, 10_000, Duration.ofMinutes(10), 20, 8);
  }

  /**
   * Returns a copy with another request budget.
   *
   * @param requests requests per window
   * @param perWindow the window
   * @return the changed limits
   */
  public GraphLimits withBudget(int requests, Duration perWindow) {
    return new GraphLimits(
        maxConcurrentPerMailbox, requests, perWindow, maxBatchSize, maxConcurrentBatches);
  }

  /**
   * Returns a copy with another concurrency per mailbox.
   *
   * @param concurrent requests in flight at once per mailbox
   * @return the changed limits
   */
  public GraphLimits withMaxConcurrentPerMailbox(int concurrent) {
    return new GraphLimits(
        concurrent, requestsPerWindow, window, maxBatchSize, maxConcurrentBatches);
  }
}
