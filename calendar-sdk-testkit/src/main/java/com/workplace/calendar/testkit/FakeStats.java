package com.workplace.calendar.testkit;

import com.workplace.calendar.testkit.internal.StatsRecorder;
import java.util.Locale;
import java.util.Map;

/**
 * An immutable snapshot of the fake's counters ({@link FakeMicrosoft365#stats()}).
 *
 * <ul>
 *   <li><b>total requests</b>: HTTP requests received (identity and Graph; a {@code $batch}
 *       counts once).
 *   <li><b>requests per mailbox</b>: Graph requests that reached a mailbox's limiter (after
 *       authentication, permission and mailbox checks), {@code $batch} items included.
 *   <li><b>peak concurrency per mailbox</b>: the most requests to the mailbox in processing at
 *       once, over all apps, including requests that were rejected with 429; a batch item is in
 *       processing for the whole batch.
 *   <li><b>limit violations</b>: requests over the concurrency limit or the request budget
 *       (each answered 429). Injected faults and mailbox throttles are not violations.
 *   <li><b>throttled responses</b>: every 429 sent, whatever the cause.
 *   <li><b>Retry-After ignored</b>: requests that arrived while the same app's last 429 for the
 *       mailbox still asked it to wait.
 * </ul>
 *
 * <p>Mailbox keys are lower-case addresses (as written in the request path).
 *
 * @since 0.1.0
 */
public final class FakeStats {

  private final long totalRequests;
  private final long throttledResponses;
  private final long limitViolations;
  private final Map<String, Long> requestsPerMailbox;
  private final Map<String, Integer> peakConcurrencyPerMailbox;
  private final Map<String, Long> limitViolationsPerMailbox;
  private final Map<String, Long> throttledResponsesPerMailbox;
  private final Map<String, Long> retryAfterIgnoredPerMailbox;

  FakeStats(StatsRecorder.Snapshot snapshot) {
    this.totalRequests = snapshot.totalRequests();
    this.throttledResponses = snapshot.throttledResponses();
    this.limitViolations = snapshot.limitViolations();
    this.requestsPerMailbox = Map.copyOf(snapshot.requestsPerMailbox());
    this.peakConcurrencyPerMailbox = Map.copyOf(snapshot.peakConcurrencyPerMailbox());
    this.limitViolationsPerMailbox = Map.copyOf(snapshot.limitViolationsPerMailbox());
    this.throttledResponsesPerMailbox = Map.copyOf(snapshot.throttledResponsesPerMailbox());
    this.retryAfterIgnoredPerMailbox = Map.copyOf(snapshot.retryAfterIgnoredPerMailbox());
  }

  /**
   * HTTP requests received.
   *
   * @return the count
   */
  public long totalRequests() {
    return totalRequests;
  }

  /**
   * 429 responses sent, for any reason.
   *
   * @return the count
   */
  public long throttledResponses() {
    return throttledResponses;
  }

  /**
   * Requests that broke the concurrency limit or the request budget.
   *
   * @return the count
   */
  public long limitViolations() {
    return limitViolations;
  }

  /**
   * Graph requests per mailbox.
   *
   * @return lower-case address to count
   */
  public Map<String, Long> requestsPerMailbox() {
    return requestsPerMailbox;
  }

  /**
   * The peak number of requests in processing at once per mailbox.
   *
   * @return lower-case address to peak
   */
  public Map<String, Integer> peakConcurrencyPerMailbox() {
    return peakConcurrencyPerMailbox;
  }

  /**
   * Limit violations per mailbox (mailboxes without any are absent).
   *
   * @return lower-case address to count
   */
  public Map<String, Long> limitViolationsPerMailbox() {
    return limitViolationsPerMailbox;
  }

  /**
   * 429 responses per mailbox (mailboxes without any are absent).
   *
   * @return lower-case address to count
   */
  public Map<String, Long> throttledResponsesPerMailbox() {
    return throttledResponsesPerMailbox;
  }

  /**
   * Requests sent before a 429's Retry-After had passed, per mailbox.
   *
   * @return lower-case address to count
   */
  public Map<String, Long> retryAfterIgnoredPerMailbox() {
    return retryAfterIgnoredPerMailbox;
  }

  /**
   * Graph requests to one mailbox.
   *
   * @param mailbox the address (any case)
   * @return the count, 0 when none
   */
  public long requests(String mailbox) {
    return requestsPerMailbox.getOrDefault(key(mailbox), 0L);
  }

  /**
   * Peak concurrency of one mailbox.
   *
   * @param mailbox the address (any case)
   * @return the peak, 0 when never requested
   */
  public int peakConcurrency(String mailbox) {
    return peakConcurrencyPerMailbox.getOrDefault(key(mailbox), 0);
  }

  /**
   * Limit violations of one mailbox.
   *
   * @param mailbox the address (any case)
   * @return the count
   */
  public long limitViolations(String mailbox) {
    return limitViolationsPerMailbox.getOrDefault(key(mailbox), 0L);
  }

  /**
   * 429 responses for one mailbox.
   *
   * @param mailbox the address (any case)
   * @return the count
   */
  public long throttledResponses(String mailbox) {
    return throttledResponsesPerMailbox.getOrDefault(key(mailbox), 0L);
  }

  /**
   * Requests to one mailbox that ignored a Retry-After.
   *
   * @param mailbox the address (any case)
   * @return the count
   */
  public long retryAfterIgnored(String mailbox) {
    return retryAfterIgnoredPerMailbox.getOrDefault(key(mailbox), 0L);
  }

  private static String key(String mailbox) {
    return mailbox.trim().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "FakeStats{total=" + totalRequests + ", throttled=" + throttledResponses
        + ", violations=" + limitViolations + ", requests=" + requestsPerMailbox + ", peaks="
        + peakConcurrencyPerMailbox + "}";
  }
}
