package com.workplace.calendar.examples.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What is wrong with a form's fields, each message shown next to its field (pages read it as
 * {@code errors.field}). Messages are plain text: pages escape them.
 */
final class FieldErrors {
  static final String ATTRIBUTE = "errors";

  private final Map<String, String> byField = new LinkedHashMap<>();

  FieldErrors reject(String field, String message) {
    byField.putIfAbsent(field, message);
    return this;
  }

  boolean isEmpty() {
    return byField.isEmpty();
  }

  /** Field name to message, for the pages. */
  Map<String, String> asMap() {
    return Map.copyOf(byField);
  }
}
