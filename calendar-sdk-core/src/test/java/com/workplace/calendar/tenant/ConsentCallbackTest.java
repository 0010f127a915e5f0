package com.workplace.calendar.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsentCallbackTest {

  @Test
  void parsesASuccessfulConsent() {
    ConsentCallback callback =
        ConsentCallback.fromQuery(
            "?admin_consent=True&tenant=72f988bf-86f1-41af-91ab-2d7cd011db47&state=abc%2Bdef");
    assertThat(callback.adminConsent()).isTrue();
    assertThat(callback.tenant()).contains("72f988bf-86f1-41af-91ab-2d7cd011db47");
    assertThat(callback.state()).contains("abc+def");
    assertThat(callback.error()).isEmpty();
  }

  @Test
  void parsesParametersInAnyOrderAndAdminConsentCaseInsensitively() {
    ConsentCallback callback =
        ConsentCallback.fromQuery("state=s1&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default&admin_consent=true&tenant=t");
    assertThat(callback.adminConsent()).isTrue();
    assertThat(callback.state()).contains("s1");
  }

  @Test
  void keepsTheErrorEvenWhenAdminConsentIsTrue() {
    ConsentCallback callback =
        ConsentCallback.fromQuery(
            "admin_consent=True&error=consent_required&error_description=AADSTS65004%3a+The+resource+owner+declined&state=12345");
    assertThat(callback.error()).contains("consent_required");
    assertThat(callback.errorDescription()).contains("AADSTS65004: The resource owner declined");
  }

  @Test
  void firstValueWinsForRepeatedParameters() {
    ConsentCallback callback = ConsentCallback.fromQuery("state=first&state=second&tenant=a&tenant=b");
    assertThat(callback.state()).contains("first");
    assertThat(callback.tenant()).contains("a");
  }

  @Test
  void missingAndBlankValuesAreEmpty() {
    ConsentCallback callback = ConsentCallback.fromQuery("state=&tenant&admin_consent=False");
    assertThat(callback.state()).isEmpty();
    assertThat(callback.tenant()).isEmpty();
    assertThat(callback.adminConsent()).isFalse();
    assertThat(ConsentCallback.fromQuery("").state()).isEqualTo(Optional.empty());
  }

  @Test
  void rejectsBrokenAndOversizedQueries() {
    assertThatThrownBy(() -> ConsentCallback.fromQuery(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ConsentCallback.fromQuery("state=%zz"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("URL-encoded");
    assertThatThrownBy(() -> ConsentCallback.fromQuery("state=" + "x".repeat(9000)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("longer than");
  }

  @Test
  void toStringNeverShowsTheState() {
    ConsentCallback callback = ConsentCallback.fromQuery("state=super-secret-state&tenant=t&admin_consent=True");
    assertThat(callback.toString()).doesNotContain("super-secret-state").contains("(present)");
  }
}
