package com.workplace.calendar.graph;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link GraphEventListener} learns about one HTTP request. It never carries a token, a
 * query string or a body. The mailbox address and the path (which names the mailbox) are personal
 * data of the customer's tenant: a metrics or tracing integration must not turn them into tags or
 * attributes unless the host asks for it; {@link #operation()} is the low-cardinality name to use.
 *
 * @param method the HTTP method
 * @param path the URL path (no query), e.g. {@code /v1.0/users/room@contoso.com/calendar}
 * @param operation what the request does, from a small fixed set: {@code events.create}, {@code
 *     events.get}, {@code events.update}, {@code events.delete}, {@code events.cancel}, {@code
 *     events.list}, {@code events.instances}, {@code calendarView}, {@code calendarView.delta},
 *     {@code calendar.get}, {@code getSchedule}, {@code places}, {@code subscriptions.create},
 *     {@code subscriptions.renew}, {@code subscriptions.delete}, {@code batch}, {@code other}
 * @param tenant the tenant ID
 * @param mailbox the mailbox the request is charged to, if any
 * @param attempt the attempt number, from 1
 * @param status the HTTP status, or 0 when no response was received (yet)
 * @param elapsed how long the attempt took until its answer; zero before it was sent
 * @since 0.1.0
 */
public record GraphCall(
    String method,
    String path,
    String operation,
    String tenant,
    Optional<String> mailbox,
    int attempt,
    int status,
    Duration elapsed) {
  /** Validates the record. */
  public GraphCall {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(mailbox, "mailbox");
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /**
   * The same call with an answer.
   *
   * @param answerStatus the HTTP status, or 0
   * @param took how long the attempt took
   * @return the call
   */
  public GraphCall answered(int answerStatus, Duration took) {
    return new GraphCall(method, path, operation, tenant, mailbox, attempt, answerStatus, took);
  }
}
