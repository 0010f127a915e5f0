package com.workplace.calendar.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantIdTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "72f988bf-86f1-41af-91ab-2d7cd011db47",
        "contoso.onmicrosoft.com",
        "contoso.com",
        "rooms.eu.contoso.co.uk",
        "xn--mnchen-3ya.de",
        "a-b.io"
      })
  void acceptsGuidsAndDomains(String text) {
    assertThat(TenantId.parse(text).value()).isEqualTo(text);
  }

  @Test
  void normalizesCaseAndWhitespace() {
    TenantId id = TenantId.parse("  72F988BF-86F1-41AF-91AB-2D7CD011DB47\t");
    assertThat(id.value()).isEqualTo("72f988bf-86f1-41af-91ab-2d7cd011db47");
    assertThat(id.isGuid()).isTrue();
    assertThat(TenantId.parse("Contoso.OnMicrosoft.com")).isEqualTo(TenantId.parse("contoso.onmicrosoft.com"));
    assertThat(TenantId.parse("contoso.com").isGuid()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "common",
        "organizations",
        "contoso",
        "contoso.",
        ".contoso.com",
        "-contoso.com",
        "contoso-.com",
        "contoso..com",
        "conto so.com",
        "contoso.c0m",
        "72f988bf-86f1-41af-91ab-2d7cd011db4",
        "72f988bf86f141af91ab2d7cd011db47",
        "https://login.microsoftonline.com/contoso.com",
        "contoso.com/../x",
        "admin@contoso.com",
        "con\u0000toso.com"
      })
  void rejectsEverythingElseWithAHelpfulMessage(String text) {
    assertThatThrownBy(() -> TenantId.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tenant ID");
  }

  @Test
  void rejectsNullAndOverlongValues() {
    assertThatThrownBy(() -> TenantId.parse(null)).hasMessageContaining("missing");
    String longDomain = String.join(".", "a".repeat(60), "b".repeat(60), "c".repeat(60), "d".repeat(60), "e".repeat(10), "com");
    assertThatThrownBy(() -> TenantId.parse(longDomain)).hasMessageContaining("253");
  }

  @Test
  void constructorRequiresCanonicalForm() {
    assertThatThrownBy(() -> new TenantId("Contoso.com")).hasMessageContaining("TenantId.parse");
  }
}
