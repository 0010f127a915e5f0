package com.workplace.calendar.graph.internal;

import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.ThrottledException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Reads Graph's error bodies and turns answers into typed exceptions. */
final class GraphErrors {
  private GraphErrors() {}

  /** The error code and message of a Graph error body, or empty ones. */
  record GraphError(String code, String message) {}

  static GraphError read(byte[] body) {
    if (body == null || body.length == 0) {
      return new GraphError("", "");
    }
    try {
      JsonValue error = JsonValue.parse(body).path("error");
      if (error.isObject()) {
        return new GraphError(error.path("code").asText(""), error.path("message").asText(""));
      }
      if (error.isTextual()) {
        return new GraphError(error.asText(), "");
      }
    } catch (IOException e) {
      // not JSON: no code
    }
    return new GraphError("", "");
  }

  static GraphError readItem(JsonValue body) {
    JsonValue error = body == null ? null : body.path("error");
    if (error != null && error.isObject()) {
      return new GraphError(error.path("code").asText(""), error.path("message").asText(""));
    }
    return new GraphError("", "");
  }

  static CalendarServiceException toException(String what, GraphResponse response) {
    return toException(
        what,
        response.status(),
        read(response.body()),
        response.requestId(),
        response.header("Retry-After"));
  }

  /**
   * The typed exception for a failed answer, also one to a {@code $batch} item: a {@link
   * ThrottledException} for 429, a {@link CalendarServiceException} otherwise.
   *
   * @param what what was being done, e.g. "reading a series master"
   * @param status the answer's status; 0 when none came
   * @param error the answer's Graph error
   * @param requestId the answer's {@code request-id}, or null
   * @param retryAfter the answer's {@code Retry-After}, if any
   */
  static CalendarServiceException toException(
      String what, int status, GraphError error, String requestId, Optional<String> retryAfter) {
    Duration wait = retryAfter.flatMap(v -> RetryAfter.parse(v, Instant.now())).orElse(null);
    String message =
        what
            + " failed: HTTP "
            + status
            + (error.code().isEmpty() ? "" : " " + error.code())
            + (error.message().isEmpty() ? "" : " (" + shorten(error.message()) + ")");
    if (status == 429) {
      return new ThrottledException(message, blankToNull(error.code()), requestId, wait);
    }
    return new CalendarServiceException(
        message, status, blankToNull(error.code()), requestId, wait, null);
  }

  static Optional<String> header(Map<String, String> headers, String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  private static String shorten(String text) {
    String oneLine = text.replaceAll("\\p{Cntrl}", " ");
    return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
  }

  private static String blankToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }
}
