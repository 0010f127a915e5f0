package com.workplace.calendar.graph.internal;

import java.util.Map;
import java.util.Objects;

/**
 * One request inside a {@code $batch}.
 *
 * @param id the item id, unique within one run
 * @param method the HTTP method
 * @param relativeUrl the URL relative to the Graph version root, with a leading slash
 * @param mailbox the mailbox it is charged to
 * @param body the JSON body, or {@code null}
 * @param headers the item's own request headers (e.g. {@code Prefer}); {@code Content-Type} is
 *     added for a body
 */
record BatchItem(
    String id,
    String method,
    String relativeUrl,
    String mailbox,
    JsonValue body,
    Map<String, String> headers) {
  BatchItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(relativeUrl, "relativeUrl");
    Objects.requireNonNull(mailbox, "mailbox");
    headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
  }

  /** An item without headers of its own. */
  BatchItem(String id, String method, String relativeUrl, String mailbox, JsonValue body) {
    this(id, method, relativeUrl, mailbox, body, Map.of());
  }
}
