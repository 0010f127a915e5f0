package com.workplace.calendar.graph;

import java.time.Duration;

/**
 * Hooks for metrics: the transport calls them for every request. Implementations must be fast and
 * thread-safe and must not throw; every method does nothing by default.
 *
 * @since 0.1.0
 */
public interface GraphEventListener {

  /** A listener that ignores everything. */
  GraphEventListener NONE = new GraphEventListener() {};

  /**
   * A response arrived (any status).
   *
   * @param call the request
   */
  default void responseReceived(GraphCall call) {}

  /**
   * The service throttled a request (429); every request to that mailbox now waits.
   *
   * @param call the request
   * @param wait how long the mailbox pauses
   */
  default void throttled(GraphCall call, Duration wait) {}

  /**
   * A request will be sent again after a wait.
   *
   * @param call the failed attempt
   * @param wait the wait before the next attempt
   */
  default void retrying(GraphCall call, Duration wait) {}

  /**
   * A request failed for good after its retries.
   *
   * @param call the last attempt
   * @param reason why it gave up
   */
  default void gaveUp(GraphCall call, String reason) {}
}
