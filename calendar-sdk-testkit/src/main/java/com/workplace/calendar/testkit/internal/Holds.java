package com.workplace.calendar.testkit.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds admitted requests to a mailbox (while they keep their concurrency slot) until released,
 * so tests can create overlapping requests deterministically.
 */
public final class Holds {

  /** One hold of one mailbox. */
  public static final class Hold {
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicInteger held = new AtomicInteger();
    private final Object monitor = new Object();

    /** Requests waiting in this hold now. */
    public int held() {
      return held.get();
    }

    /**
     * Waits until at least {@code count} requests are held.
     *
     * @return whether they were within the timeout
     */
    public boolean awaitHeld(int count, long timeoutMillis) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
      synchronized (monitor) {
        while (held.get() < count) {
          long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
          if (left <= 0) {
            return false;
          }
          monitor.wait(left);
        }
        return true;
      }
    }

    void enter() {
      synchronized (monitor) {
        held.incrementAndGet();
        monitor.notifyAll();
      }
      try {
        released.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        held.decrementAndGet();
      }
    }

    public void release() {
      released.countDown();
    }
  }

  private final Map<String, Hold> holds = new ConcurrentHashMap<>();

  /** Starts holding requests to a mailbox (replacing and releasing an earlier hold). */
  public Hold hold(String mailboxKey) {
    Hold hold = new Hold();
    Hold previous = holds.put(mailboxKey, hold);
    if (previous != null) {
      previous.release();
    }
    return hold;
  }

  /** Ends a hold. */
  public void release(String mailboxKey, Hold hold) {
    holds.remove(mailboxKey, hold);
    hold.release();
  }

  /** Blocks the calling request while its mailbox is held. */
  public void await(String mailboxKey) {
    if (holds.isEmpty()) {
      return;
    }
    Hold hold = holds.get(mailboxKey);
    if (hold != null) {
      hold.enter();
    }
  }

  /** Releases every hold. */
  public void clear() {
    holds.values().forEach(Hold::release);
    holds.clear();
  }
}
