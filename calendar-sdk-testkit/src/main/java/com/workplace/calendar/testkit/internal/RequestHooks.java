package com.workplace.calendar.testkit.internal;

import com.workplace.calendar.testkit.GraphOperation;
import com.workplace.calendar.testkit.RequestMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Actions that run once, on the request's thread, just before the fake processes the first
 * Graph request (or {@code $batch} item) that matches. Claiming a hook is atomic: of concurrent
 * matching requests exactly one runs it.
 */
public final class RequestHooks {

  /** One registered action. */
  public static final class Hook {
    private final RequestMatcher matcher;
    private final Runnable action;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean ran;
    private volatile boolean cancelled;
    private volatile Throwable failure;

    Hook(RequestMatcher matcher, Runnable action) {
      this.matcher = matcher;
      this.action = action;
    }

    /** Whether the action has run (or failed). */
    public boolean ran() {
      return ran;
    }

    /** Whether the hook was cancelled before it ran. */
    public boolean cancelled() {
      return cancelled;
    }

    /** What the action threw, or null. */
    public Throwable failure() {
      return failure;
    }

    /** Waits until the action has run; false when the timeout passed first or it was cancelled. */
    public boolean await(long timeoutMillis) throws InterruptedException {
      return done.await(timeoutMillis, TimeUnit.MILLISECONDS) && ran;
    }

    private void run() {
      try {
        action.run();
      } catch (RuntimeException | Error e) {
        failure = e;
      } finally {
        ran = true;
        done.countDown();
      }
    }
  }

  private final List<Hook> pending = new ArrayList<>();

  /** Registers an action for the next matching request. */
  public Hook add(RequestMatcher matcher, Runnable action) {
    Hook hook = new Hook(matcher, action);
    synchronized (pending) {
      pending.add(hook);
    }
    return hook;
  }

  /** Removes a hook that has not run; false when it ran or is running already. */
  public boolean cancel(Hook hook) {
    synchronized (pending) {
      if (pending.remove(hook)) {
        hook.cancelled = true;
        hook.done.countDown();
        return true;
      }
      return false;
    }
  }

  /** Runs (in registration order) every pending hook this call matches. */
  void runMatching(GraphCall call) {
    GraphOperation operation = call.route().op().operation();
    if (operation == null) {
      return;
    }
    List<Hook> claimed = new ArrayList<>();
    synchronized (pending) {
      if (pending.isEmpty()) {
        return;
      }
      MailboxState m = call.mailbox();
      for (Hook hook : pending) {
        if (hook.matcher.matches(operation, m == null ? null : m.address(),
            m == null ? null : m.objectId())) {
          claimed.add(hook);
        }
      }
      pending.removeAll(claimed);
    }
    claimed.forEach(Hook::run);
  }

  /** Drops every pending hook. */
  public void clear() {
    synchronized (pending) {
      for (Hook h : pending) {
        h.cancelled = true;
        h.done.countDown();
      }
      pending.clear();
    }
  }
}
