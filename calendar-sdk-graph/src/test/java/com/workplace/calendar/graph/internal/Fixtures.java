package com.workplace.calendar.graph.internal;

import java.io.IOException;
import java.io.InputStream;

/** Reads Microsoft's documented example payloads from the test resources. */
final class Fixtures {
  private Fixtures() {}

  static JsonValue json(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/graph/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return JsonValue.parse(in.readAllBytes());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
