package com.workplace.calendar.graph.internal;

import com.workplace.calendar.ThrottledException;
import com.workplace.calendar.graph.GraphEventListener;
import java.io.IOException;
import java.time.Duration;

/**
 * Holds a permit of the request's mailbox (shared with every instance on the store) while the
 * request is in flight, released in {@code finally}; a 429 pauses the mailbox everywhere before the
 * permit goes back. Tenant-level requests (no mailbox) pass through.
 */
final class MailboxPermitStage implements GraphStage {
  private final MailboxPermits permits;
  private final RetryPolicy policy;
  private final GraphEventListener listener;

  MailboxPermitStage(MailboxPermits permits, RetryPolicy policy, GraphEventListener listener) {
    this.permits = permits;
    this.policy = policy;
    this.listener = listener;
  }

  @Override
  public GraphResponse handle(GraphExchange exchange, GraphChain next) throws IOException {
    GraphRequest request = exchange.request;
    if (request.mailbox() == null) {
      return next.proceed(exchange);
    }
    long start = System.nanoTime();
    MailboxPermits.Lease lease =
        permits.acquire(request.tenant(), request.mailbox(), exchange.deadlineNanos);
    long waited = System.nanoTime() - start;
    if (lease == null) {
      listener.gaveUp(exchange.call(429, Duration.ZERO), "mailbox stayed throttled past the deadline");
      throw new ThrottledException(
          exchange.describe() + " gave up: the mailbox stayed throttled or busy for longer than "
              + policy.options().deadline().toSeconds() + " s",
          "TooManyRequests",
          null,
          null);
    }
    if (waited > 1_000_000) {
      listener.permitWaited(exchange.call(0, Duration.ZERO), Duration.ofNanos(waited));
    }
    MailboxPermits.Outcome outcome = MailboxPermits.Outcome.NO_ANSWER;
    Duration retryAfter = null;
    try {
      GraphResponse response = next.proceed(exchange);
      if (response.status() == 429) {
        outcome = MailboxPermits.Outcome.THROTTLED;
        retryAfter = policy.waitAfter(exchange.attempt, response.header("Retry-After"));
        exchange.throttleWait = retryAfter;
      } else {
        outcome = MailboxPermits.Outcome.ANSWERED;
      }
      return response;
    } finally {
      permits.release(lease, outcome, retryAfter);
      if (outcome == MailboxPermits.Outcome.THROTTLED) {
        // told once the mailbox is paused for every instance
        listener.throttled(exchange.call(429, Duration.ZERO), retryAfter);
      }
    }
  }
}
