package com.workplace.calendar.graph.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A final answer from Graph (after retries). */
record GraphResponse(int status, Map<String, List<String>> headers, byte[] body, String requestId) {
  boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  Optional<String> header(String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return Optional.of(e.getValue().get(0));
      }
    }
    return Optional.empty();
  }
}
