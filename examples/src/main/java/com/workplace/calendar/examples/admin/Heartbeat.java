package com.workplace.calendar.examples.admin;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Feedback on standard error while the tool waits for something it cannot measure the progress
 * of (e.g. Microsoft 365 answering): a line when the wait starts, then how long it has lasted,
 * every {@link #EVERY}, redrawn in place on a terminal and as plain lines otherwise. Thread-safe.
 */
final class Heartbeat implements AutoCloseable {
  /** How often the wait is reported. */
  static final Duration EVERY = Duration.ofSeconds(5);

  private final PrintWriter err;
  private final boolean terminal;
  private final String activity;
  private final ScheduledExecutorService timer;
  private long beats;
  private boolean closed;

  /**
   * Creates a heartbeat that beats only when {@link #beat()} is called.
   *
   * @param err where to write
   * @param terminal whether {@code err} is a terminal
   * @param activity what is being waited for, e.g. {@code verifying contoso.onmicrosoft.com}
   * @param bound how long it may take at most, in words
   */
  Heartbeat(PrintWriter err, boolean terminal, String activity, String bound) {
    this(err, terminal, activity, bound, null);
  }

  private Heartbeat(
      PrintWriter err, boolean terminal, String activity, String bound, ScheduledExecutorService timer) {
    this.err = err;
    this.terminal = terminal;
    this.activity = activity;
    this.timer = timer;
    err.println("  " + activity + " (" + bound + ") ...");
    err.flush();
  }

  /** Starts a heartbeat that beats every {@link #EVERY} until closed. */
  static Heartbeat start(PrintWriter err, boolean terminal, String activity, String bound) {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "calendar-admin-heartbeat");
              t.setDaemon(true);
              return t;
            });
    Heartbeat heartbeat = new Heartbeat(err, terminal, activity, bound, timer);
    timer.scheduleAtFixedRate(heartbeat::beat, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    return heartbeat;
  }

  /** Reports that the wait goes on. */
  synchronized void beat() {
    if (closed) {
      return;
    }
    beats++;
    String line = "  still " + activity + ": " + beats * EVERY.toSeconds() + " s";
    if (terminal) {
      err.print("\r" + line);
    } else {
      err.println(line);
    }
    err.flush();
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      if (terminal && beats > 0) {
        err.println();
        err.flush();
      }
    }
  }
}
