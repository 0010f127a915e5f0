package com.workplace.calendar.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TenantRecordsTest {
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  private static final TenantId CONTOSO = TenantId.parse("contoso.com");

  @Test
  void failedTenantsNeedAReasonAndOthersMustNotHaveOne() {
    Tenant pending = Tenant.pending(CONTOSO, NOW);
    Tenant failed =
        pending.withFailure(TenantStatus.FAILED, TenantFailureReason.CONSENT_DECLINED, "access_denied", NOW);
    assertThat(failed.failureReason()).contains(TenantFailureReason.CONSENT_DECLINED);
    assertThat(failed.withStatus(TenantStatus.VERIFIED, NOW).failureReason()).isEmpty();
    assertThatThrownBy(
            () ->
                new Tenant(
                    CONTOSO,
                    Optional.empty(),
                    TenantStatus.FAILED,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    NOW,
                    NOW,
                    0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("failure reason");
  }

  @Test
  void everyFailureReasonSaysWhatToDo() {
    for (TenantFailureReason reason : TenantFailureReason.values()) {
      assertThat(reason.description()).isNotBlank();
      assertThat(reason.action()).isNotBlank();
    }
  }

  @Test
  void consentRequestToStringHidesStateAndUrl() {
    ConsentRequest request =
        new ConsentRequest(
            CONTOSO,
            URI.create("https://login.microsoftonline.com/contoso.com/adminconsent?state=the-state"),
            "the-state",
            NOW);
    assertThat(request.toString()).doesNotContain("the-state").contains("contoso.com");
  }
}
