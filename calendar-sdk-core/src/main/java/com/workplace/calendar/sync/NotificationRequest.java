package com.workplace.calendar.sync;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request that arrived at the host's notification endpoint, in a framework-neutral form.
 *
 * @param method the HTTP method
 * @param rawQuery the raw (still URL-encoded) query string, or an empty string
 * @param headers the request headers; names are matched case-insensitively
 * @param body the request body bytes
 * @since 0.1.0
 */
public record NotificationRequest(
    String method, String rawQuery, Map<String, List<String>> headers, byte[] body) {
  /** Validates the record and copies the headers. */
  public NotificationRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(rawQuery, "rawQuery");
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Objects.requireNonNull(headers, "headers").forEach((k, v) -> copy.put(k, List.copyOf(v)));
    headers = java.util.Collections.unmodifiableMap(copy);
    body = Objects.requireNonNull(body, "body").clone();
  }

  /**
   * Returns the first value of a header.
   *
   * @param name the header name, any case
   * @return the value
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    if (values == null) {
      values = headers.get(name);
    }
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public String toString() {
    return "NotificationRequest[method=" + method + ", bodyBytes=" + body.length + "]";
  }
}
