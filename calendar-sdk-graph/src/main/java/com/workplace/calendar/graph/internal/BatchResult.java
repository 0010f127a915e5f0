package com.workplace.calendar.graph.internal;

import java.util.Map;

/**
 * The final answer to one batch item.
 *
 * @param id the item id
 * @param status the item's HTTP status; 0 when no answer came for it
 * @param headers the item's headers
 * @param body the item's body, or a missing node
 */
record BatchResult(String id, int status, Map<String, String> headers, JsonValue body) {
  boolean isSuccess() {
    return status >= 200 && status < 300;
  }
}
