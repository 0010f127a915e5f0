package com.workplace.calendar.testkit;

import com.workplace.calendar.testkit.internal.FakeEngine;
import com.workplace.calendar.testkit.internal.FaultPlan;
import com.workplace.calendar.testkit.internal.MailboxState;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Fault and scenario controls of a {@link FakeMicrosoft365} ({@link FakeMicrosoft365#faults()}).
 *
 * <p>"Next N" faults and random faults apply to Graph requests (paths under {@code /v1.0/}) in
 * arrival order, before authentication; a {@code $batch} counts as one request. Plans queue up:
 * {@code throttleNext(2, ..)} then {@code resetConnectionNext(1)} affects requests 1-2 and 3.
 * Overrides match any path, identity endpoints included, and are checked first.
 *
 * @since 0.1.0
 */
public final class FakeFaults {

  private final FakeEngine engine;

  FakeFaults(FakeEngine engine) {
    this.engine = engine;
  }

  /**
   * Answers every request to a mailbox (any app, {@code $batch} items included) with {@code
   * 429} and a Retry-After counting down to the end of the period. Not counted as limit
   * violations.
   *
   * @param mailbox the mailbox address
   * @param duration how long, measured on the fake's clock
   * @return this
   */
  public FakeFaults throttleMailbox(String mailbox, Duration duration) {
    engine.limiter().throttleMailbox(MailboxState.key(mailbox),
        engine.clock().millis() + duration.toMillis());
    return this;
  }

  /**
   * Holds every admitted request to a mailbox (after the limiter, so it keeps its concurrency
   * slot; {@code $batch} items hold their batch) until the returned hold is released.
   *
   * @param mailbox the mailbox address
   * @return the hold; release or close it
   */
  public MailboxHold holdMailbox(String mailbox) {
    String key = MailboxState.key(mailbox);
    return new MailboxHold(engine.holds(), key, engine.holds().hold(key));
  }

  /**
   * Answers the next {@code count} Graph requests with {@code 429 TooManyRequests} and the
   * given Retry-After (fractional seconds are sent as decimals, e.g. {@code 2.128}).
   *
   * @param count how many requests, at least 1
   * @param retryAfter the Retry-After value
   * @return this
   * @throws IllegalArgumentException when {@code count < 1}
   */
  public FakeFaults throttleNext(int count, Duration retryAfter) {
    return plan(count, FaultKind.THROTTLE, Objects.requireNonNull(retryAfter, "retryAfter"));
  }

  /**
   * Answers the next {@code count} Graph requests with {@code 429} without a Retry-After.
   *
   * @param count how many requests, at least 1
   * @return this
   * @throws IllegalArgumentException when {@code count < 1}
   */
  public FakeFaults throttleNextWithoutRetryAfter(int count) {
    return plan(count, FaultKind.THROTTLE_WITHOUT_RETRY_AFTER, null);
  }

  /**
   * Answers the next {@code count} Graph requests with {@code 503} and a Retry-After.
   *
   * @param count how many requests, at least 1
   * @param retryAfter the Retry-After value
   * @return this
   * @throws IllegalArgumentException when {@code count < 1}
   */
  public FakeFaults serviceUnavailableNext(int count, Duration retryAfter) {
    return plan(count, FaultKind.SERVICE_UNAVAILABLE,
        Objects.requireNonNull(retryAfter, "retryAfter"));
  }

  /**
   * Answers the next {@code count} Graph requests with {@code 503} without a Retry-After.
   *
   * @param count how many requests, at least 1
   * @return this
   * @throws IllegalArgumentException when {@code count < 1}
   */
  public FakeFaults serviceUnavailableNextWithoutRetryAfter(int count) {
    return plan(count, FaultKind.SERVICE_UNAVAILABLE_WITHOUT_RETRY_AFTER, null);
  }

  /**
   * Answers the next {@code count} Graph requests with {@code 504 GatewayTimeout}.
   *
   * @param count how many requests, at least 1
   * @return this
   * @throws IllegalArgumentException when {@code count < 1}
   */
  public FakeFaults gatewayTimeoutNext(int count) {
    return plan(count, FaultKind.GATEWAY_TIMEOUT, null);
  }

  /**
   * Resets the connection of the next {@code count} Graph requests (no response at all).
   *
   * @param count how many requests, at least 1
   * @return this
   * @throws IllegalArgumentException when {@code count < 1}
   */
  public FakeFaults resetConnectionNext(int count) {
    return plan(count, FaultKind.CONNECTION_RESET, null);
  }

  /**
   * Processes the next {@code count} Graph requests normally, then resets their connections instead
   * of answering: the change is made, but the client never learns it (e.g. a create whose answer is
   * lost). A {@code $batch} is processed as a whole before its answer is dropped.
   *
   * @param count how many requests, at least 1
   * @return this
   * @throws IllegalArgumentException when {@code count < 1}
   */
  public FakeFaults dropResponseNext(int count) {
    return plan(count, FaultKind.DROP_RESPONSE, null);
  }

  /**
   * Delays the next {@code count} Graph requests, then answers them normally.
   *
   * @param count how many requests, at least 1
   * @param delay the extra delay (real time)
   * @return this
   * @throws IllegalArgumentException when {@code count < 1}
   */
  public FakeFaults slowNext(int count, Duration delay) {
    return plan(count, FaultKind.SLOW, Objects.requireNonNull(delay, "delay"));
  }

  /**
   * Answers the next {@code count} Graph requests with {@code 200} and truncated JSON.
   *
   * @param count how many requests, at least 1
   * @return this
   * @throws IllegalArgumentException when {@code count < 1}
   */
  public FakeFaults malformedJsonNext(int count) {
    return plan(count, FaultKind.MALFORMED_JSON, null);
  }

  /**
   * Injects a fault, chosen uniformly from {@code mix}, into the given fraction of Graph
   * requests (after planned "next N" faults). The sequence is reproducible with the builder's
   * seed for requests arriving in the same order. Retry-After values and delays are 1 second.
   *
   * @param rate the fraction of requests, within {@code [0, 1]}; 0 turns random faults off
   * @param mix the faults to choose from, at least one when {@code rate > 0}
   * @return this
   * @throws IllegalArgumentException when the rate is out of range or the mix is empty
   */
  public FakeFaults randomFaults(double rate, FaultKind... mix) {
    engine.faults().random(rate, List.of(mix), Duration.ofSeconds(1));
    return this;
  }

  /**
   * Like {@link #randomFaults(double, FaultKind...)} with a mix of 429 (with Retry-After), 503
   * (with Retry-After), connection resets and malformed JSON.
   *
   * @param rate the fraction of requests, within {@code [0, 1]}
   * @return this
   * @throws IllegalArgumentException when the rate is out of range
   */
  public FakeFaults randomFaults(double rate) {
    return randomFaults(rate, FaultKind.THROTTLE, FaultKind.SERVICE_UNAVAILABLE,
        FaultKind.CONNECTION_RESET, FaultKind.MALFORMED_JSON);
  }

  /**
   * Answers the next request matching {@code method} and {@code pathRegex} with exactly this
   * status, headers and body, bypassing everything else (authentication included).
   *
   * @param method the HTTP method, or {@code null} for any
   * @param pathRegex a regular expression that must match the whole path (e.g. {@code
   *     /v1\.0/places/microsoft\.graph\.room}), the path with its query string, or the decoded
   *     path
   * @param status the status code
   * @param headers the response headers (for JSON bodies include {@code Content-Type})
   * @param body the body, sent as UTF-8 as is
   * @return this
   */
  public FakeFaults respondOnce(
      String method, String pathRegex, int status, Map<String, String> headers, String body) {
    return respond(method, pathRegex, 1, status, headers, body);
  }

  /**
   * Like {@link #respondOnce} for the next {@code times} matching requests; use {@link
   * Integer#MAX_VALUE} for "until cleared" (e.g. a {@code nextLink} that loops).
   *
   * @param method the HTTP method, or {@code null} for any
   * @param pathRegex a regular expression (see {@link #respondOnce})
   * @param times how many requests, at least 1
   * @param status the status code
   * @param headers the response headers
   * @param body the body
   * @return this
   * @throws IllegalArgumentException when {@code times < 1}
   */
  public FakeFaults respond(
      String method, String pathRegex, int times, int status, Map<String, String> headers,
      String body) {
    engine.faults().override(new FaultPlan.Override(method, Pattern.compile(pathRegex), status,
        new LinkedHashMap<>(headers), Objects.requireNonNull(body, "body")), times);
    return this;
  }

  /**
   * Like {@link #respondOnce} with a JSON body in Graph's content type.
   *
   * @param method the HTTP method, or {@code null} for any
   * @param pathRegex a regular expression (see {@link #respondOnce})
   * @param status the status code
   * @param jsonBody the body (need not be valid JSON)
   * @return this
   */
  public FakeFaults respondOnceWithJson(
      String method, String pathRegex, int status, String jsonBody) {
    return respondOnce(method, pathRegex, status, Map.of("Content-Type",
        "application/json;odata.metadata=minimal;odata.streaming=true;charset=utf-8"), jsonBody);
  }

  /**
   * Planned faults and overrides not used yet (an unlimited override counts once).
   *
   * @return the count
   */
  public int pending() {
    return engine.faults().pending();
  }

  /**
   * Drops planned faults, overrides, random faults, mailbox throttles and holds. Request budgets and
   * counters are kept.
   *
   * @return this
   */
  public FakeFaults clear() {
    engine.faults().clear();
    engine.limiter().clearThrottles();
    engine.holds().clear();
    return this;
  }

  private FakeFaults plan(int count, FaultKind kind, Duration parameter) {
    engine.faults().planNext(count, kind, parameter);
    return this;
  }
}
