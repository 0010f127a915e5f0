package com.workplace.calendar.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.tenant.TenantFailureReason;
import com.workplace.calendar.tenant.TenantStatus;
import com.workplace.calendar.tenant.VerificationResult;
import com.workplace.calendar.testkit.FakeFederatedIssuer;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.TestCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each way a credential is refused ends verification with the identity platform's AADSTS code,
 * mapped to a reason that says what to do; failures on this host name their source but never a
 * credential.
 */
@ExtendWith(SecretsInLogsExtension.class)
class CredentialFailuresIT {
  private static final String WORKLOAD = "system:serviceaccount:booking:calendar";
  private static FakeMicrosoft365 m365;

  @TempDir Path dir;
  private CredentialTestSupport world;
  private TestCertificate certificate;

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
    world = new CredentialTestSupport(m365, "refused");
    certificate = TestCertificate.generate("booking", Duration.ofDays(365));
    CredentialTestSupport.watchKey(certificate);
  }

  private VerificationResult authorizeWith(Consumer<GraphCalendarServiceBuilder> credential) {
    try (CalendarService service = world.service(credential)) {
      return world.authorize(service);
    }
  }

  private static void refused(VerificationResult result, TenantFailureReason reason, String code) {
    assertThat(result.status()).isEqualTo(TenantStatus.FAILED);
    assertThat(result.failureReason()).contains(reason);
    assertThat(result.message()).contains(code).contains(reason.action());
  }

  @Test
  void aCertificateThatIsNotRegisteredOnTheApp() {
    VerificationResult result = authorizeWith(b -> b.clientCertificate(
        new ClientCertificate(certificate.privateKey(), java.util.List.of(certificate.certificate()))));
    refused(result, TenantFailureReason.CERTIFICATE_NOT_REGISTERED, "AADSTS700027");
  }

  @Test
  void anExpiredCertificateIsRefusedBeforeTheIdentityPlatformIsAsked() {
    Instant now = Instant.now();
    TestCertificate expired = TestCertificate.generate("booking-2024", now.minus(Duration.ofDays(400)),
        now.minus(Duration.ofDays(2)));
    CredentialTestSupport.watchKey(expired);
    world.app.registerCertificate(expired.certificate());
    VerificationResult result = authorizeWith(b -> b.clientCertificate(
        new ClientCertificate(expired.privateKey(), java.util.List.of(expired.certificate()))));
    assertThat(result.failureReason()).contains(TenantFailureReason.CERTIFICATE_EXPIRED);
    assertThat(result.message()).contains("CN=booking-2024").contains("expired at");
  }

  @Test
  void anAssertionForAnotherAudienceOrClient() {
    world.app.registerCertificate(certificate.certificate());
    refused(authorizeWith(b -> b.clientAssertion(request -> CredentialTestSupport.assertion(
            certificate, request.clientId(), "https://login.microsoftonline.com/common/oauth2/v2.0/token"))),
        TenantFailureReason.CLIENT_ASSERTION_INVALID, "AADSTS700023");

    world = new CredentialTestSupport(m365, "refused");
    world.app.registerCertificate(certificate.certificate());
    refused(authorizeWith(b -> b.clientAssertion(request -> CredentialTestSupport.assertion(
            certificate, "00000000-0000-0000-0000-000000000001", request.tokenEndpoint().toString()))),
        TenantFailureReason.CLIENT_ASSERTION_INVALID, "AADSTS700021");
  }

  @Test
  void anExpiredAssertion() {
    world.app.registerCertificate(certificate.certificate());
    refused(authorizeWith(b -> b.clientAssertion(request -> CredentialTestSupport.assertion(
            certificate, request.clientId(), request.tokenEndpoint().toString(), -120, "expired-jti"))),
        TenantFailureReason.CLIENT_ASSERTION_EXPIRED, "AADSTS700024");
  }

  @Test
  void aReplayedAssertion() {
    world.app.registerCertificate(certificate.certificate());
    java.util.concurrent.atomic.AtomicBoolean replay = new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.atomic.AtomicReference<String> last = new java.util.concurrent.atomic.AtomicReference<>();
    try (CalendarService service = world.service(b -> b.clientAssertion(request -> replay.get()
        ? last.get()
        : last.updateAndGet(previous -> CredentialTestSupport.assertion(
            certificate, request.clientId(), request.tokenEndpoint().toString()))))) {
      VerificationResult first = world.authorize(service);
      assertThat(first.verified()).as(first.message()).isTrue();
      replay.set(true); // the host's signer hands out its last assertion again
      refused(service.tenants().verify(world.tenantId), TenantFailureReason.CLIENT_ASSERTION_INVALID,
          "AADSTS50013");
    }
  }

  @Test
  void federatedTokensOfAnUnknownIssuerForAnotherAudienceOrExpired() throws Exception {
    FakeFederatedIssuer cluster = m365.federatedIssuer("https://oidc.cluster.example/");
    FakeFederatedIssuer other = m365.federatedIssuer("https://oidc.other-cluster.example/");
    world.app.addFederatedCredential(cluster.issuer(), WORKLOAD);
    Path token = dir.resolve("token");

    Files.writeString(token, other.token(WORKLOAD));
    refused(authorizeWith(b -> b.federatedTokenFile(token)),
        TenantFailureReason.FEDERATED_CREDENTIAL_MISMATCH, "AADSTS700211");

    Files.writeString(token, cluster.token(WORKLOAD, "api://AzureADMyOrg", Duration.ofHours(1)));
    refused(authorizeWith(b -> b.federatedTokenFile(token)),
        TenantFailureReason.FEDERATED_CREDENTIAL_MISMATCH, "AADSTS700212");

    Files.writeString(token, cluster.token(WORKLOAD, FakeFederatedIssuer.TOKEN_EXCHANGE_AUDIENCE, Duration.ZERO));
    refused(authorizeWith(b -> b.federatedTokenFile(token)),
        TenantFailureReason.CLIENT_ASSERTION_EXPIRED, "AADSTS700024");
  }

  @Test
  void aTokenFileThatDisappearsOrASupplierThatFailsIsNamedWithoutItsMessage() throws Exception {
    Path token = Files.writeString(dir.resolve("token"), "placeholder");
    try (CalendarService service = world.service(b -> b.federatedTokenFile(token))) {
      Files.delete(token);
      VerificationResult result = world.authorize(service);
      assertThat(result.failureReason()).contains(TenantFailureReason.CREDENTIAL_UNAVAILABLE);
      assertThat(result.message()).contains(token.toString()).contains("NoSuchFileException");
    }

    world = new CredentialTestSupport(m365, "refused");
    VerificationResult result = authorizeWith(b -> b.clientSecret(() -> {
      throw new IllegalStateException("vault answered: secret=" + world.app.clientSecret());
    }));
    assertThat(result.failureReason()).contains(TenantFailureReason.CREDENTIAL_UNAVAILABLE);
    assertThat(result.message()).contains("IllegalStateException").doesNotContain(world.app.clientSecret());
  }

  @Test
  void aTokenProvidersFailureIsRecordedWithItsReasonAndAForeignErrorLeavesTheTenantAsItWas() {
    VerificationResult result = authorizeWith(b -> b.tokenProvider(tenant -> {
      throw new TokenProviderException(
          "the token service has no consent for " + tenant, TenantFailureReason.APP_NOT_CONSENTED, false);
    }));
    assertThat(result.failureReason()).contains(TenantFailureReason.APP_NOT_CONSENTED);
    assertThat(result.message()).contains("the token service has no consent for " + world.tenantId);

    world = new CredentialTestSupport(m365, "refused");
    try (CalendarService service = world.service(b -> b.tokenProvider(tenant -> {
      throw new IllegalStateException("token service said: api-key=" + world.app.clientSecret());
    }))) {
      assertThatThrownBy(() -> world.authorize(service))
          .isInstanceOf(CalendarServiceException.class)
          .hasMessageContaining("left as it was")
          .hasMessageNotContaining(world.app.clientSecret());
      assertThat(service.tenants().get(world.tenantId).orElseThrow().status())
          .as("consented, not failed: the token service may answer later").isEqualTo(TenantStatus.CONSENTED);
    }
  }
}
