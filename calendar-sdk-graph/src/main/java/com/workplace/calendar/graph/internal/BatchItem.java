package com.workplace.calendar.graph.internal;

import java.util.Objects;

/**
 * One request inside a {@code $batch}.
 *
 * @param id the item id, unique within one run
 * @param method the HTTP method
 * @param relativeUrl the URL relative to the Graph version root, with a leading slash
 * @param mailbox the mailbox it is charged to
 * @param body the JSON body, or {@code null}
 */
record BatchItem(String id, String method, String relativeUrl, String mailbox, JsonValue body) {
  BatchItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(relativeUrl, "relativeUrl");
    Objects.requireNonNull(mailbox, "mailbox");
  }
}
