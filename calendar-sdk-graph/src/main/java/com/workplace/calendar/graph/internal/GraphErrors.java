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
    GraphError error = read(response.body());
    Duration retryAfter =
        response.header("Retry-After").flatMap(v -> RetryAfter.parse(v, Instant.now())).orElse(null);
    String message =
        what
            + " failed: HTTP "
            + response.status()
            + (error.code().isEmpty() ? "" : " " + error.code())
            + (error.message().isEmpty() ? "" : " (" + shorten(error.message()) + ")");
    if (response.status() == 429) {
      return new ThrottledException(
          message, blankToNull(error.code()), response.requestId(), retryAfter);
    }
    return new CalendarServiceException(
        message,
        response.status(),
        blankToNull(error.code()),
        response.requestId(),
        retryAfter,
        null);
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
