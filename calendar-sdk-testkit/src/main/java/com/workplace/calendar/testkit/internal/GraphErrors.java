package com.workplace.calendar.testkit.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Renders Graph error bodies: {@code {"error":{"code","message","innerError":{...}}}}. */
public final class GraphErrors {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  private GraphErrors() {}

  /**
   * Renders an error response.
   *
   * @param e the error
   * @param requestId the request id (also sent as a header by the pipeline)
   * @param clientRequestId the client's request id or the request id
   * @param clock the clock for the {@code date}
   * @return the response
   */
  public static FakeResponse render(
      GraphException e, String requestId, String clientRequestId, Clock clock) {
    FakeResponse r = FakeResponse.json(e.status(), body(e.code(), e.getMessage(), requestId,
        clientRequestId, clock));
    for (Map.Entry<String, String> h : e.headers().entrySet()) {
      r.header(h.getKey(), h.getValue());
    }
    return r;
  }

  /** The error body. */
  public static Map<String, Object> body(
      String code, String message, String requestId, String clientRequestId, Clock clock) {
    return Json.object("error", Json.object(
        "code", code,
        "message", message,
        "innerError", Json.object(
            "date", date(clock),
            "request-id", requestId,
            "client-request-id", clientRequestId)));
  }

  /** The throttling body (fixture {@code error-429-throttled.json}) with a Retry-After header. */
  public static FakeResponse throttled(String retryAfter, String requestId, Clock clock) {
    Map<String, Object> body = Json.object("error", Json.object(
        "code", "TooManyRequests",
        "innerError", Json.object(
            "code", "429",
            "date", date(clock),
            "message", "Please retry after",
            "request-id", requestId,
            "status", "429"),
        "message", "Please retry again later."));
    FakeResponse r = FakeResponse.json(429, body);
    if (retryAfter != null) {
      r.header("Retry-After", retryAfter);
    }
    return r;
  }

  /** A simple error response (503, 504, ...) with an optional Retry-After. */
  public static FakeResponse simple(
      int status, String code, String message, String retryAfter, String requestId,
      Clock clock) {
    FakeResponse r = FakeResponse.json(status, body(code, message, requestId, requestId, clock));
    if (retryAfter != null) {
      r.header("Retry-After", retryAfter);
    }
    return r;
  }

  /** A Retry-After value: whole seconds, or decimal seconds such as {@code 2.128}. */
  public static String retryAfter(java.time.Duration d) {
    long millis = Math.max(0, d.toMillis());
    if (millis % 1000 == 0) {
      return Long.toString(millis / 1000);
    }
    return java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
  }

  static String date(Clock clock) {
    return DATE.format(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
  }
}
