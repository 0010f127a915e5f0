package com.workplace.calendar.testkit;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a client did against the fake's limits between two {@link FakeStats} snapshots: requests
 * over the concurrency limit or request budget, and requests sent before a {@code Retry-After}
 * had passed, per mailbox.
 */
final class BrokenLimits {

  private BrokenLimits() {}

  /**
   * Describes the limits broken from {@code before} to {@code after}.
   *
   * <p>A counter lower in {@code after} than in {@code before} was zeroed in between ({@link
   * FakeMicrosoft365#resetStats()}); its value in {@code after} is what was counted since.
   *
   * @param before the earlier snapshot
   * @param after the later snapshot
   * @return a message naming each mailbox and its counts, empty when no limit was broken
   */
  static Optional<String> between(FakeStats before, FakeStats after) {
    Map<String, Long> violations =
        added(before.limitViolationsPerMailbox(), after.limitViolationsPerMailbox());
    Map<String, Long> ignored =
        added(before.retryAfterIgnoredPerMailbox(), after.retryAfterIgnoredPerMailbox());
    if (violations.isEmpty() && ignored.isEmpty()) {
      return Optional.empty();
    }
    TreeMap<String, String> perMailbox = new TreeMap<>();
    violations.forEach((mailbox, n) ->
        perMailbox.put(mailbox, requests(n) + " over the concurrency limit or request budget"));
    ignored.forEach((mailbox, n) -> perMailbox.merge(mailbox,
        requests(n) + " sent before Retry-After expired", (a, b) -> a + ", " + b));
    StringBuilder message = new StringBuilder("The client broke the fake's limits: ");
    String separator = "";
    for (Map.Entry<String, String> e : perMailbox.entrySet()) {
      message.append(separator).append(e.getKey()).append(": ").append(e.getValue());
      separator = "; ";
    }
    return Optional.of(message.append(" (see FakeMicrosoft365.stats())").toString());
  }

  private static String requests(long n) {
    return n + (n == 1 ? " request" : " requests");
  }

  private static Map<String, Long> added(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> added = new TreeMap<>();
    after.forEach((mailbox, now) -> {
      long earlier = before.getOrDefault(mailbox, 0L);
      long count = now >= earlier ? now - earlier : now;
      if (count > 0) {
        added.put(mailbox, count);
      }
    });
    return added;
  }
}
