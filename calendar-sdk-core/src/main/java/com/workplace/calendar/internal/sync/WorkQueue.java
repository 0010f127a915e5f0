package com.workplace.calendar.internal.sync;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A per-calendar coalescing queue: however often a calendar is asked for while a run of it is
 * waiting, it runs once, doing everything asked for; asked for while it runs, it runs once more
 * afterwards. A calendar never runs twice at once through the queue.
 *
 * <p>Waiting calendars start in the order they were first asked for. Requests are accepted before
 * {@link #start(Executor)} and run once it is called; after {@link #close()} they are ignored.
 * Asking is cheap and never blocks on work, so a request thread (a notification) can ask.
 */
final class WorkQueue {
  private static final Logger LOG = LoggerFactory.getLogger(WorkQueue.class);

  /** Does the work of one calendar. */
  interface Runner {
    /**
     * Runs the work.
     *
     * @param key the calendar
     * @param kinds what was asked for; never empty
     */
    void run(CalendarKey key, Set<WorkKind> kinds);
  }

  private static final class Entry {
    final EnumSet<WorkKind> queued = EnumSet.noneOf(WorkKind.class);
    boolean running;
  }

  private final Runner runner;
  private final Map<CalendarKey, Entry> entries = new LinkedHashMap<>();
  private Executor executor;
  private boolean closed;

  WorkQueue(Runner runner) {
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  /**
   * Asks for work on a calendar.
   *
   * @param key the calendar
   * @param kinds what to do
   */
  synchronized void request(CalendarKey key, Set<WorkKind> kinds) {
    if (closed || kinds.isEmpty()) {
      return;
    }
    Entry entry = entries.computeIfAbsent(key, k -> new Entry());
    boolean waiting = !entry.queued.isEmpty();
    entry.queued.addAll(kinds);
    if (!waiting && !entry.running && executor != null) {
      submit(key);
    }
  }

  /**
   * Starts running work on an executor, beginning with what was asked for so far.
   *
   * @param workers the executor
   */
  synchronized void start(Executor workers) {
    if (closed || executor != null) {
      return;
    }
    executor = workers;
    for (Map.Entry<CalendarKey, Entry> e : entries.entrySet()) {
      if (!e.getValue().running && !e.getValue().queued.isEmpty()) {
        submit(e.getKey());
      }
    }
  }

  /** Stops accepting work and forgets what was waiting. */
  synchronized void close() {
    closed = true;
    entries.values().forEach(e -> e.queued.clear());
  }

  /** {@return whether the queue was closed and ignores requests} */
  synchronized boolean closed() {
    return closed;
  }

  /** {@return whether nothing is waiting or running} */
  synchronized boolean idle() {
    return entries.values().stream().noneMatch(e -> e.running || !e.queued.isEmpty());
  }

  /** {@return how many calendars are waiting or running} */
  synchronized int size() {
    return (int) entries.values().stream().filter(e -> e.running || !e.queued.isEmpty()).count();
  }

  private void submit(CalendarKey key) {
    try {
      executor.execute(() -> runOne(key));
    } catch (RejectedExecutionException e) {
      LOG.debug("Work for {} not run: the sync is shutting down", key);
    }
  }

  private void runOne(CalendarKey key) {
    Set<WorkKind> kinds;
    synchronized (this) {
      Entry entry = entries.get(key);
      if (entry == null || entry.running || entry.queued.isEmpty()) {
        return;
      }
      kinds = EnumSet.copyOf(entry.queued);
      entry.queued.clear();
      entry.running = true;
    }
    try {
      runner.run(key, kinds);
    } catch (RuntimeException e) {
      LOG.warn("Work on {} failed: {}", key, e.toString());
    } finally {
      synchronized (this) {
        Entry entry = entries.get(key);
        entry.running = false;
        if (entry.queued.isEmpty()) {
          entries.remove(key);
        } else if (!closed) {
          submit(key);
        }
      }
    }
  }
}
