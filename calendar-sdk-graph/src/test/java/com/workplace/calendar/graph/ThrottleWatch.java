package com.workplace.calendar.graph;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Watches, across every instance it is given to, whether a request to a mailbox was sent while a
 * 429 that some instance had received for that mailbox still asked to wait. A request already on
 * its way when the 429 arrived does not count: the SDK could not have known. The last tenth of each
 * wait is left out, for the difference between the instance's clock and the store's.
 */
final class ThrottleWatch implements com.workplace.calendar.graph.GraphEventListener {
  private record Pause(String mailbox, long fromNanos, long untilNanos) {}

  private record Send(String mailbox, long atNanos) {}

  private final List<Pause> pauses = new ArrayList<>();
  private final List<Send> sends = new ArrayList<>();

  @Override
  public synchronized void throttled(GraphCall call, Duration wait) {
    long now = System.nanoTime();
    call.mailbox()
        .ifPresent(m -> pauses.add(new Pause(m, now, now + wait.toNanos() * 9 / 10)));
  }

  @Override
  public synchronized void requestStarted(GraphCall call) {
    long now = System.nanoTime();
    call.mailbox().ifPresent(m -> sends.add(new Send(m, now)));
  }

  /** Requests to the mailbox sent while a known 429 still asked every instance to wait. */
  synchronized long sentWhilePaused(String mailbox) {
    return sends.stream()
        .filter(s -> s.mailbox().equalsIgnoreCase(mailbox))
        .filter(
            s ->
                pauses.stream()
                    .anyMatch(
                        p ->
                            p.mailbox().equalsIgnoreCase(mailbox)
                                && s.atNanos() - p.fromNanos() > 0
                                && p.untilNanos() - s.atNanos() > 0))
        .count();
  }

  /** The 429s the instances received for the mailbox. */
  synchronized long throttled(String mailbox) {
    return pauses.stream().filter(p -> p.mailbox().equalsIgnoreCase(mailbox)).count();
  }
}
