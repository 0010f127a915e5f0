package com.workplace.calendar.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonValueTest {

  @Test
  void readsDocumentsAndAnswersLikeATreeWouldForMissingParts() throws IOException {
    JsonValue root =
        JsonValue.parse("{\"a\":{\"b\":[1,\"two\",true,null]},\"n\":2.5,\"s\":\"x\",\"e\":{}}");
    assertThat(root.isObject()).isTrue();
    assertThat(root.path("a").path("b").isArray()).isTrue();
    List<String> items = new ArrayList<>();
    root.path("a").path("b").forEach(v -> items.add(v.asText("-")));
    assertThat(items).containsExactly("1", "two", "true", "-");
    assertThat(root.path("n").asInt(0)).isEqualTo(3);
    assertThat(root.path("s").isTextual()).isTrue();
    assertThat(root.path("nothing").isMissing()).isTrue();
    assertThat(root.path("nothing").path("deeper").asText("fallback")).isEqualTo("fallback");
    assertThat(root.get("nothing")).isNull();
    assertThat(root.has("e")).isTrue();
    assertThat(root.path("s").path("x").isMissing()).as("a field of a string").isTrue();
    assertThat(root.fieldNames()).containsExactly("a", "n", "s", "e");
  }

  @Test
  void writesWhatItReadsAndEscapesText() throws IOException {
    JsonValue body = JsonValue.object().put("subject", "Q\"3\" review\n").put("count", 2).put("ok", true);
    body.putArray("schedules").add("a@contoso.com").add("b@contoso.com");
    body.putObject("start").put("dateTime", "2026-03-02T09:00:00").put("timeZone", "UTC");
    String json = body.toString();
    assertThat(json).contains("\"subject\":\"Q\\\"3\\\" review\\n\"").contains("\"count\":2").contains("\"ok\":true");
    JsonValue back = JsonValue.parse(json);
    assertThat(back.path("subject").asText()).isEqualTo("Q\"3\" review\n");
    assertThat(back.path("schedules").size()).isEqualTo(2);
    assertThat(back.path("start").path("timeZone").asText()).isEqualTo("UTC");
  }

  @Test
  void refusesBrokenAndHostileDocuments() {
    assertThatThrownBy(() -> JsonValue.parse("{\"a\":")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> JsonValue.parse("")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> JsonValue.parse("{} {}")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> JsonValue.parse("[".repeat(100) + "]".repeat(100)))
        .as("nesting deeper than 64")
        .isInstanceOf(IOException.class);
  }
}
