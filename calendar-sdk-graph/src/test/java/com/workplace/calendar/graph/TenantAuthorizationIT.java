package com.workplace.calendar.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.ResourceNotFoundException;
import com.workplace.calendar.ConflictException;
import com.workplace.calendar.tenant.ConsentCallback;
import com.workplace.calendar.tenant.ConsentRequest;
import com.workplace.calendar.tenant.InvalidConsentStateException;
import com.workplace.calendar.tenant.Tenant;
import com.workplace.calendar.tenant.TenantFailureReason;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.tenant.TenantStatus;
import com.workplace.calendar.tenant.VerificationResult;
import com.workplace.calendar.testkit.ConsentMode;
import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeTenant;
import com.workplace.calendar.testkit.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SecretsInLogsExtension.class)
class TenantAuthorizationIT {
  private static FakeMicrosoft365 m365;
  private FakeApp app;
  private FakeTenant contoso;
  private TenantId tenantId;
  private CalendarService service;

  @BeforeAll
  static void startFake() {
    m365 = FakeMicrosoft365.builder().build().start();
  }

  @AfterAll
  static void stopFake() {
    m365.close();
  }

  @BeforeEach
  void setUp() {
    app = GraphTestSupport.app(m365);
    contoso = m365.tenant(GraphTestSupport.uniqueDomain("contoso"));
    contoso.addRoom("orchard@" + contoso.domain(), "Orchard");
    contoso.addRoom("marina@" + contoso.domain(), "Marina");
    tenantId = TenantId.parse(contoso.domain());
    service = GraphTestSupport.service(m365, app, b -> {});
  }

  @AfterEach
  void tearDown() {
    service.close();
  }

  private VerificationResult authorize() {
    ConsentRequest request = service.tenants().begin(tenantId);
    return service.tenants().complete(GraphTestSupport.consent(m365, request));
  }

  @Test
  void theHappyPathEndsInAccountVerified() {
    ConsentRequest request = service.tenants().begin(tenantId);
    assertThat(request.consentUri().toString()).startsWith(m365.authorityUri().toString());
    assertThat(service.tenants().get(tenantId).orElseThrow().status()).isEqualTo(TenantStatus.CONSENT_PENDING);

    VerificationResult result = service.tenants().complete(GraphTestSupport.consent(m365, request));

    assertThat(result.status()).isEqualTo(TenantStatus.VERIFIED);
    assertThat(result.message()).isEqualTo("Account Verified");
    assertThat(result.grantedPermissions()).contains("Calendars.ReadWrite", "Place.Read.All");
    Tenant tenant = service.tenants().get(tenantId).orElseThrow();
    assertThat(tenant.directoryId()).contains(contoso.id());
    assertThat(tenant.probeMailbox()).contains("marina@" + contoso.domain());
  }

  @Test
  void aDeclinedConsentSaysSo() {
    contoso.consentMode(ConsentMode.DECLINE);
    VerificationResult result = authorize();
    assertThat(result.status()).isEqualTo(TenantStatus.FAILED);
    assertThat(result.failureReason()).contains(TenantFailureReason.CONSENT_DECLINED);
    assertThat(result.message()).contains("declined");
  }

  @Test
  void aForgedStateChangesNothing() {
    service.tenants().begin(tenantId);
    ConsentCallback forged =
        ConsentCallback.fromQuery("admin_consent=True&tenant=" + contoso.id() + "&state=forged-state-value");
    assertThatThrownBy(() -> service.tenants().complete(forged))
        .isInstanceOf(InvalidConsentStateException.class)
        .hasMessageContaining("unknown")
        .hasMessageNotContaining("forged-state-value");
    assertThat(service.tenants().get(tenantId).orElseThrow().status()).isEqualTo(TenantStatus.CONSENT_PENDING);
    assertThatThrownBy(() -> service.tenants().complete(ConsentCallback.fromQuery("admin_consent=True")))
        .isInstanceOf(InvalidConsentStateException.class);
  }

  @Test
  void aReplayedStateIsRefused() {
    ConsentRequest request = service.tenants().begin(tenantId);
    ConsentCallback callback = GraphTestSupport.consent(m365, request);
    assertThat(service.tenants().complete(callback).verified()).isTrue();
    Tenant verified = service.tenants().get(tenantId).orElseThrow();

    assertThatThrownBy(() -> service.tenants().complete(callback))
        .isInstanceOf(InvalidConsentStateException.class)
        .hasMessageContaining("already used");
    assertThat(service.tenants().get(tenantId)).contains(verified);
  }

  @Test
  void anExpiredStateIsRefused() {
    TestClock clock = TestClock.startingNow();
    try (CalendarService clocked = GraphTestSupport.service(m365, app, b -> b.clock(clock))) {
      ConsentRequest request = clocked.tenants().begin(tenantId);
      ConsentCallback callback = GraphTestSupport.consent(m365, request);
      clock.advance(Duration.ofMinutes(16));
      assertThatThrownBy(() -> clocked.tenants().complete(callback))
          .isInstanceOf(InvalidConsentStateException.class)
          .hasMessageContaining("expired");
      assertThat(clocked.tenants().get(tenantId).orElseThrow().status()).isEqualTo(TenantStatus.CONSENT_PENDING);
    }
  }

  @Test
  void aStateIsBoundToItsTenant() {
    FakeTenant other = m365.tenant(GraphTestSupport.uniqueDomain("fabrikam"));
    TenantId byGuid = TenantId.parse(contoso.id());
    ConsentRequest request = service.tenants().begin(byGuid);
    ConsentCallback callback = GraphTestSupport.consent(m365, request);
    ConsentCallback swapped =
        ConsentCallback.fromQuery(
            "admin_consent=True&tenant=" + other.id() + "&state=" + urlEncode(callback.state().orElseThrow()));
    assertThatThrownBy(() -> service.tenants().complete(swapped))
        .isInstanceOf(InvalidConsentStateException.class)
        .hasMessageContaining("another tenant");
    assertThat(service.tenants().get(byGuid).orElseThrow().status()).isEqualTo(TenantStatus.CONSENT_PENDING);
    assertThat(service.tenants().complete(callback).verified()).isTrue();
  }

  @Test
  void aWrongSecretIsNamed() {
    try (CalendarService wrong = GraphTestSupport.service(m365, app, b -> b.clientSecret("not-the-secret-value"))) {
      ConsentRequest request = wrong.tenants().begin(tenantId);
      VerificationResult result = wrong.tenants().complete(GraphTestSupport.consent(m365, request));
      assertThat(result.failureReason()).contains(TenantFailureReason.INVALID_CLIENT_SECRET);
      assertThat(result.message()).contains("AADSTS7000215");
    }
  }

  @Test
  void anExpiredSecretIsNamed() {
    app.expireSecret();
    VerificationResult result = authorize();
    assertThat(result.failureReason()).contains(TenantFailureReason.CLIENT_SECRET_EXPIRED);
  }

  @Test
  void anAppWithoutConsentInTheTenantIsNamed() {
    service.tenants().begin(tenantId);
    VerificationResult result = service.tenants().verify(tenantId, "orchard@" + contoso.domain());
    assertThat(result.status()).isEqualTo(TenantStatus.FAILED);
    assertThat(result.failureReason()).contains(TenantFailureReason.APP_NOT_CONSENTED);
  }

  @Test
  void anUnknownTenantIsRefusedBeforeAnyConsentAndLeavesNothingBehind() {
    TenantId nowhere = TenantId.parse(GraphTestSupport.uniqueDomain("nowhere"));
    assertThatThrownBy(() -> service.tenants().begin(nowhere))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining(nowhere.value())
        .hasMessageContaining("AADSTS90002")
        .hasMessageContaining(TenantFailureReason.TENANT_NOT_FOUND.action());
    assertThat(service.tenants().get(nowhere)).isEmpty();
  }

  @Test
  void aTenantBegunByDomainKnowsItsDirectoryIdBeforeTheAdministratorComesBack() {
    TenantId byDomain = TenantId.parse(contoso.domain());
    service.tenants().begin(byDomain);
    assertThat(service.tenants().get(byDomain).orElseThrow().directoryId()).contains(contoso.id());
  }

  @Test
  void aMissingPermissionIsNamed() {
    FakeApp readOnly = GraphTestSupport.app(m365).permissions("Calendars.Read", "Place.Read.All");
    try (CalendarService limited = GraphTestSupport.service(m365, readOnly, b -> {})) {
      ConsentRequest request = limited.tenants().begin(tenantId);
      VerificationResult result = limited.tenants().complete(GraphTestSupport.consent(m365, request));
      assertThat(result.failureReason()).contains(TenantFailureReason.PERMISSION_MISSING);
      assertThat(result.message()).contains("Calendars.ReadWrite");
    }
  }

  @Test
  void aMailboxBlockedByPolicyIsNamed() {
    assertThat(authorize().verified()).isTrue();
    contoso.denyByAccessPolicy(app.clientId(), "orchard@" + contoso.domain());
    VerificationResult result = service.tenants().verify(tenantId, "orchard@" + contoso.domain());
    assertThat(result.failureReason()).contains(TenantFailureReason.MAILBOX_ACCESS_DENIED);
    assertThat(service.tenants().verify(tenantId, "marina@" + contoso.domain()).verified()).isTrue();
  }

  @Test
  void aRevokedConsentIsNoticedOnReverification() {
    assertThat(authorize().verified()).isTrue();
    contoso.revokeConsent(app.clientId());
    VerificationResult result = service.tenants().verify(tenantId);
    assertThat(result.status()).isEqualTo(TenantStatus.REVOKED);
    assertThat(result.failureReason()).contains(TenantFailureReason.APP_NOT_CONSENTED);
    assertThat(authorize().verified()).as("re-authorizing restores access").isTrue();
  }

  @Test
  void removingATenantWithCalendarsNeedsCascade() {
    assertThat(authorize().verified()).isTrue();
    service.calendars().add(tenantId, "orchard@" + contoso.domain());
    assertThatThrownBy(() -> service.tenants().remove(tenantId))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("1 registered calendar");
    assertThat(service.tenants().get(tenantId)).isPresent();
    assertThat(service.tenants().remove(tenantId, true)).isTrue();
    assertThat(service.tenants().list()).noneMatch(t -> t.id().equals(tenantId));
    assertThat(service.calendars().get(tenantId, "orchard@" + contoso.domain())).isEmpty();
  }

  private static String urlEncode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }
}
