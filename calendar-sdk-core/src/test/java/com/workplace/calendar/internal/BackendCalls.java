package com.workplace.calendar.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What the SDK asked of {@link InMemoryCalendarBackend} and what came of it: calls counted per
 * mailbox (delta pages, and the most calls in flight at once), events read and created, series
 * moved, cancellations and schedule queries. Thread-safe.
 */
public final class BackendCalls {
  private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> maxInFlight = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> deltaCalls = new ConcurrentHashMap<>();

  /** Cancellations sent, as {@code mailbox/eventId/comment}. */
  public final List<String> cancellations = new CopyOnWriteArrayList<>();

  /** Every schedules call: the mailboxes asked for and the window. */
  public final List<String> scheduleCalls = new CopyOnWriteArrayList<>();

  /** How many times a room's events in a window were read. */
  public final AtomicInteger eventsBetweenCalls = new AtomicInteger();

  /** How many events were created (not counting de-duplicated creates). */
  public final AtomicInteger eventsCreated = new AtomicInteger();

  /** How many series moves changed a series. */
  public final AtomicInteger seriesMoved = new AtomicInteger();

  BackendCalls() {}

  /** How many delta pages were asked for a mailbox. */
  public int deltaCalls(String mailbox) {
    return deltaCalls.computeIfAbsent(mailbox, m -> new AtomicInteger()).get();
  }

  /** The most calls that were in flight at once for a mailbox. */
  public int maxConcurrency(String mailbox) {
    return maxInFlight.computeIfAbsent(mailbox, m -> new AtomicInteger()).get();
  }

  /** Counts the call as in flight on the mailbox while it runs. */
  <T> T tracked(String mailbox, Supplier<T> body) {
    int now = inFlight.computeIfAbsent(mailbox, m -> new AtomicInteger()).incrementAndGet();
    maxInFlight.computeIfAbsent(mailbox, m -> new AtomicInteger()).accumulateAndGet(now, Math::max);
    try {
      return body.get();
    } finally {
      inFlight.get(mailbox).decrementAndGet();
    }
  }

  void deltaCalled(String mailbox) {
    deltaCalls.computeIfAbsent(mailbox, m -> new AtomicInteger()).incrementAndGet();
  }
}
