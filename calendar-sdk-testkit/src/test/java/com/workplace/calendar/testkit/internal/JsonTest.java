package com.workplace.calendar.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void roundTripsEveryKindOfValue() {
    String text = "{\"s\":\"a\\\"b\\\\c\\n\\u00e9\\ud83d\\ude00\",\"i\":-12,\"d\":1.25,\"e\":1.5e3,"
        + "\"t\":true,\"f\":false,\"n\":null,\"a\":[1,[2],{}],\"o\":{\"k\":\"v\"}}";

    Map<String, Object> parsed = Json.parseObject(text);

    assertThat(parsed).containsEntry("s", "a\"b\\c\né😀").containsEntry("i", -12L)
        .containsEntry("d", new BigDecimal("1.25")).containsEntry("e", new BigDecimal("1.5e3")).containsEntry("t", true)
        .containsEntry("n", null).containsEntry("o", Map.of("k", "v"));
    assertThat(parsed.get("a")).isEqualTo(List.of(1L, List.of(2L), Map.of()));
    parsed.remove("e");
    assertThat(Json.parseObject(Json.write(parsed))).isEqualTo(parsed);
  }

  @Test
  void keepsMemberOrderAndEscapesControlCharacters() {
    assertThat(Json.write(Json.object("z", 1, "a", "\u0001\t"))).isEqualTo(
        "{\"z\":1,\"a\":\"\\u0001\\t\"}");
  }

  @Test
  void rejectsMalformedInput() {
    for (String bad : List.of("", "{", "{\"a\"}", "[1,]", "{\"a\":1,}", "tru", "\"x", "01x",
        "{} {}", "{\"a\":\"\u0001\"}", "[\"\\q\"]", "-")) {
      assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(Json.JsonException.class);
    }
  }

  @Test
  void limitsNestingDepth() {
    char[] deep = new char[10_000];
    Arrays.fill(deep, '[');
    assertThatThrownBy(() -> Json.parse(new String(deep)))
        .isInstanceOf(Json.JsonException.class).hasMessageContaining("too deep");
  }
}
