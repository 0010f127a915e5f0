package com.workplace.calendar.graph;

import com.workplace.calendar.store.MailboxCoordination;
import com.workplace.calendar.store.Permit;
import com.workplace.calendar.store.PermitClaim;
import com.workplace.calendar.store.PermitDecision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Watches, across every instance it is given to, whether a mailbox's throttling was respected.
 *
 * <p>Two measures. {@link #grantedWhilePaused} is the guarantee the SDK gives: once an instance
 * has recorded a 429's pause in the store, no instance is granted a permit for that mailbox (a new
 * request or a permit handed on to a waiting one) until the pause is over. It watches the store's
 * coordination through {@link #around}: a grant counts when its request to the store began after a
 * pause had been recorded and before that pause ended. {@link #sentWhilePaused} watches the
 * requests themselves through the event listener: a request counts when it was sent after some
 * instance had been told of a 429 and before that wait ended; a request whose permit was granted
 * just before the pause was recorded, by a thread that then lost the processor for a moment, is
 * counted too, so that figure is reported rather than asserted. The last tenth of each wait is left
 * out of both, for the difference between the instance's clock and the store's.
 */
final class ThrottleWatch implements com.workplace.calendar.graph.GraphEventListener {
  private record Pause(String mailbox, long fromNanos, long untilNanos) {
    boolean covers(String other, long atNanos) {
      return mailbox.equals(other) && atNanos - fromNanos > 0 && untilNanos - atNanos > 0;
    }
  }

  private record Event(String mailbox, long atNanos) {}

  private final List<Pause> toldPauses = new ArrayList<>();
  private final List<Event> sends = new ArrayList<>();
  private final List<Pause> recordedPauses = new ArrayList<>();
  private final List<Event> grants = new ArrayList<>();

  @Override
  public synchronized void throttled(GraphCall call, Duration wait) {
    long now = System.nanoTime();
    call.mailbox().ifPresent(m -> toldPauses.add(pause(m, now, wait)));
  }

  @Override
  public synchronized void requestStarted(GraphCall call) {
    long now = System.nanoTime();
    call.mailbox().ifPresent(m -> sends.add(new Event(normal(m), now)));
  }

  /**
   * The coordination of a store, recording what the watch needs and changing nothing.
   *
   * @param store the store's coordination
   * @return the recording coordination to give the service
   */
  MailboxCoordination around(MailboxCoordination store) {
    return new MailboxCoordination() {
      @Override
      public List<PermitDecision> tryAcquire(List<PermitClaim> claims) {
        long asked = System.nanoTime();
        List<PermitDecision> decisions = store.tryAcquire(claims);
        synchronized (ThrottleWatch.this) {
          for (int i = 0; i < claims.size(); i++) {
            if (decisions.get(i).isGranted()) {
              grants.add(new Event(mailboxOf(claims.get(i).mailboxKey()), asked));
            }
          }
        }
        return decisions;
      }

      @Override
      public void release(Collection<Permit> permits) {
        store.release(permits);
      }

      @Override
      public List<Permit> renew(Collection<Permit> permits, Duration expiry) {
        return store.renew(permits, expiry);
      }

      @Override
      public void penalize(String mailboxKey, Duration wait) {
        store.penalize(mailboxKey, wait);
        long recorded = System.nanoTime();
        synchronized (ThrottleWatch.this) {
          recordedPauses.add(pause(mailboxOf(mailboxKey), recorded, wait));
        }
      }

      @Override
      public void endProbe(String mailboxKey) {
        store.endProbe(mailboxKey);
      }
    };
  }

  /** Permits of the mailbox the store granted while a recorded pause lasted. */
  synchronized long grantedWhilePaused(String mailbox) {
    return during(grants, recordedPauses, normal(mailbox));
  }

  /** Requests to the mailbox sent while a 429 an instance had been told of still asked to wait. */
  synchronized long sentWhilePaused(String mailbox) {
    return during(sends, toldPauses, normal(mailbox));
  }

  /** The pauses the instances recorded in the store for the mailbox. */
  synchronized long pausesRecorded(String mailbox) {
    String m = normal(mailbox);
    return recordedPauses.stream().filter(p -> p.mailbox().equals(m)).count();
  }

  private static long during(List<Event> events, List<Pause> pauses, String mailbox) {
    return events.stream()
        .filter(e -> e.mailbox().equals(mailbox))
        .filter(e -> pauses.stream().anyMatch(p -> p.covers(mailbox, e.atNanos())))
        .count();
  }

  private static Pause pause(String mailbox, long fromNanos, Duration wait) {
    return new Pause(normal(mailbox), fromNanos, fromNanos + wait.toNanos() * 9 / 10);
  }

  /** The mailbox part of a coordination key ({@code client|tenant|mailbox}). */
  private static String mailboxOf(String mailboxKey) {
    return mailboxKey.substring(mailboxKey.lastIndexOf('|') + 1);
  }

  private static String normal(String mailbox) {
    return mailbox.toLowerCase(Locale.ROOT);
  }
}
