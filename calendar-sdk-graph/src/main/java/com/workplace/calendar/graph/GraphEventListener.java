package com.workplace.calendar.graph;

import com.workplace.calendar.graph.internal.CompositeGraphEventListener;
import java.time.Duration;
import java.util.List;

/**
 * Hooks for metrics, tracing and health: the transport calls them for every request. Implementations must
 * be fast and thread-safe and must not throw; every method does nothing by default. A request goes
 * through {@link #requestStarted} and then {@link #responseReceived} (an answer of any status) or
 * {@link #requestFailed} (no answer) for each attempt, with {@link #throttled}, {@link #retrying}
 * and {@link #gaveUp} in between as they happen. The requests inside a {@code $batch} are not HTTP
 * requests of their own: each answer of one comes through {@link #batchItemAnswered} or {@link
 * #batchItemThrottled}, which by default pass it on to {@link #responseReceived} and {@link
 * #throttled}. {@link #credentialExpiring} and {@link #credentialRenewed} report on the
 * application's certificate.
 *
 * <p>An attempt's {@link #requestStarted} and its {@link #responseReceived} or {@link
 * #requestFailed} are called on the same thread, with nothing sent in between on that thread, so a
 * tracing listener can keep the attempt's span in a thread-local.
 *
 * @since 0.1.0
 */
public interface GraphEventListener {

  /** A listener that ignores everything. */
  GraphEventListener NONE = new GraphEventListener() {};

  /**
   * Combines listeners: each is told of every event in the order given. A listener that throws is
   * logged (once per kind of failure) and the others, and the request, carry on.
   *
   * @param listeners the listeners
   * @return one listener telling them all; {@link #NONE} for none
   * @since 0.2.0
   */
  static GraphEventListener composite(List<? extends GraphEventListener> listeners) {
    return CompositeGraphEventListener.of(listeners);
  }

  /**
   * Combines listeners, see {@link #composite(List)}.
   *
   * @param listeners the listeners
   * @return one listener telling them all
   * @since 0.2.0
   */
  static GraphEventListener composite(GraphEventListener... listeners) {
    return composite(List.of(listeners));
  }

  /**
   * An attempt is about to be sent (its mailbox permit is held).
   *
   * @param call the request; status 0
   * @since 0.2.0
   */
  default void requestStarted(GraphCall call) {}

  /**
   * A response arrived (any status).
   *
   * @param call the request, with its status and duration
   */
  default void responseReceived(GraphCall call) {}

  /**
   * An attempt got no answer (connection failed, timed out, response refused as too large).
   *
   * @param call the request, status 0, with its duration
   * @param failure the kind of failure, e.g. {@code SocketTimeoutException}
   * @since 0.2.0
   */
  default void requestFailed(GraphCall call, String failure) {}

  /**
   * The service throttled a request (429); every request to that mailbox now waits, on every
   * instance that shares the store.
   *
   * @param call the request
   * @param wait how long the mailbox pauses
   */
  default void throttled(GraphCall call, Duration wait) {}

  /**
   * A request waited for its mailbox's permit (another request, a penalty or the budget held it).
   * Called only when it waited.
   *
   * @param call the request about to be sent; status 0
   * @param waited how long it waited
   * @since 0.2.0
   */
  default void permitWaited(GraphCall call, Duration waited) {}

  /**
   * A {@code $batch} request is about to be sent.
   *
   * @param tenant the tenant ID
   * @param items the number of requests it carries
   * @since 0.2.0
   */
  default void batchSent(String tenant, int items) {}

  /**
   * One request inside a {@code $batch} got its final answer (any status but 429 and the ones
   * retried). By default passed on to {@link #responseReceived}.
   *
   * @param call the inner request, with its status; its duration is zero (the batch's own request
   *     carries the time)
   * @since 0.2.0
   */
  default void batchItemAnswered(GraphCall call) {
    responseReceived(call);
  }

  /**
   * One request inside a {@code $batch} was throttled (429); it is sent again in a later batch and
   * its mailbox pauses on every instance. By default passed on to {@link #throttled}.
   *
   * @param call the inner request
   * @param wait how long the mailbox pauses
   * @since 0.2.0
   */
  default void batchItemThrottled(GraphCall call, Duration wait) {
    throttled(call, wait);
  }

  /**
   * A request will be sent again after a wait.
   *
   * @param call the failed attempt
   * @param wait the wait before the next attempt
   */
  default void retrying(GraphCall call, Duration wait) {}

  /**
   * A request failed for good after its retries.
   *
   * @param call the last attempt
   * @param reason why it gave up
   */
  default void gaveUp(GraphCall call, String reason) {}

  /**
   * The certificate the service signs its client assertions with expires within the warning window
   * ({@code credentialExpiryWarning}, 30 days by default) or has expired ({@link
   * CredentialExpiry#expired()}: token requests then fail with {@code CERTIFICATE_EXPIRED}).
   * Called when the service is built with such a certificate or loads one, and then once a day
   * while it stays in use (the service looks at every token request and every hour), together with
   * a log warning. A metrics binder can gauge {@link CredentialExpiry#expiresAt()}; a health check
   * can report a warning, or a failure once expired, until {@link #credentialRenewed} comes.
   *
   * @param expiry the certificate and its expiry
   * @since 0.2.0
   */
  default void credentialExpiring(CredentialExpiry expiry) {}

  /**
   * A certificate reported by {@link #credentialExpiring} was replaced by one that does not expire
   * within the warning window (its files changed). Called once per replacement.
   *
   * @param expiry the new certificate and its expiry
   * @since 0.2.0
   */
  default void credentialRenewed(CredentialExpiry expiry) {}
}
