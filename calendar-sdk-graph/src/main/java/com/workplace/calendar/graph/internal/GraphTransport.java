package com.workplace.calendar.graph.internal;

import com.workplace.calendar.CalendarClientException;
import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.ThrottledException;
import com.workplace.calendar.graph.GraphEventListener;
import java.io.IOException;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Sends Graph requests through a chain of stages, outermost first:
 *
 * <ol>
 *   <li>{@link EndpointGuardStage}: the URL must be on the configured Graph endpoint;
 *   <li>{@link ErrorMappingStage}: what the retries could not mend becomes a typed exception;
 *   <li>{@link RetryStage}: 429, 502-504 and lost answers again, after {@code Retry-After} or a
 *       backoff, within attempts and a deadline ({@link RetryPolicy}, shared with {@code $batch});
 *   <li>{@link TokenStage}: the tenant's bearer token, refreshed once on a 401;
 *   <li>{@link MailboxPermitStage}: a permit of the mailbox, shared by every instance on the store,
 *       held while the request is in flight; a 429 pauses the mailbox everywhere;
 *   <li>{@link HttpStage}: one attempt over OkHttp, bounded in size.
 * </ol>
 *
 * <p>The retry stage sits outside the token and permit stages: each attempt takes a permit of its
 * own, so no permit is held while a retry waits, and a 429's wait is the mailbox's shared penalty.
 */
public final class GraphTransport {
  private final EndpointGuard guard;
  private final GraphChain chain;
  private final RetryPolicy retry;
  private final MailboxPermits permits;
  private final GraphEventListener listener;

  GraphTransport(
      OkHttpClient http,
      EndpointGuard guard,
      TokenSource tokens,
      MailboxPermits permits,
      RetryPolicy retry,
      GraphEventListener listener) {
    this.guard = guard;
    this.retry = retry;
    this.permits = permits;
    this.listener = listener;
    this.chain =
        GraphChain.of(
            List.of(
                new EndpointGuardStage(guard),
                new ErrorMappingStage(listener),
                new RetryStage(retry, listener),
                new TokenStage(tokens),
                new MailboxPermitStage(permits, retry, listener),
                new HttpStage(http, listener)));
  }

  HttpUrl graphBase() {
    return guard.base();
  }

  RetryPolicy retryPolicy() {
    return retry;
  }

  GraphEventListener listener() {
    return listener;
  }

  MailboxPermits permits() {
    return permits;
  }

  /**
   * Checks that a link (e.g. {@code @odata.nextLink}) points at the configured Graph endpoint.
   *
   * @throws CalendarClientException if it points anywhere else; no request is sent
   */
  HttpUrl checkedLink(String link) {
    return guard.checkedLink(link);
  }

  /**
   * Sends a request, retrying as configured, and returns the final answer of any status but 429.
   *
   * @throws ThrottledException when throttling outlasted the retries
   * @throws CalendarServiceException when no answer came (status 0) or the token was refused
   * @throws CalendarClientException when the URL is not on the Graph endpoint
   */
  GraphResponse send(GraphRequest request) {
    GraphExchange exchange =
        new GraphExchange(request, retry.deadlineFromNow(), guard.base().encodedPath());
    try {
      return chain.proceed(exchange);
    } catch (IOException e) {
      // the error mapping stage turns every IOException into a typed exception
      throw new IllegalStateException("an I/O failure passed the error mapping", e);
    }
  }

  static String describe(GraphRequest request) {
    return request.method() + " " + request.url().encodedPath();
  }
}
