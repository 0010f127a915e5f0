package com.workplace.calendar.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.tenant.TenantFailureReason;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.tenant.VerificationResult;
import com.workplace.calendar.testkit.FakeFederatedIssuer;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.TestCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each credential form reaches "Account Verified" and books a room against the fake identity
 * platform; rotated secrets, certificates and federated token files are picked up without building
 * the service again.
 */
@ExtendWith(SecretsInLogsExtension.class)
class CredentialFormsIT {
  private static final char[] PASSWORD = "p12-store-password".toCharArray();
  private static final String WORKLOAD = "system:serviceaccount:booking:calendar";
  private static FakeMicrosoft365 m365;

  @TempDir Path dir;
  private CredentialTestSupport world;

  @BeforeAll
  static void startFake() {
    m365 = FakeMicrosoft365.builder().build().start();
    SecretsInLogsExtension.watch(new String(PASSWORD));
  }

  @AfterAll
  static void stopFake() {
    m365.close();
  }

  @BeforeEach
  void setUp() {
    world = new CredentialTestSupport(m365, "credentials");
  }

  @Test
  void aSecretSupplierIsReadForEachTokenRequestSoARotatedSecretNeedsNoRestart() {
    AtomicReference<String> vault = new AtomicReference<>(world.app.clientSecret());
    try (CalendarService service = world.service(b -> b.clientSecret(vault::get))) {
      world.verifiesAndBooks(service);

      String rotated = world.app.renewSecret(); // the old secret stops working
      SecretsInLogsExtension.watch(rotated);
      vault.set(rotated);
      m365.expireTokens(); // Graph refuses the token got with the old secret

      world.book(service, "after-rotation");
      assertThat(service.tenants().verify(world.tenantId).verified()).isTrue();
    }
  }

  @Test
  void aKeyStoreCertificateIsUsedAndItsRotationIsPickedUpWithoutRestart() {
    TestCertificate first = TestCertificate.generate("booking-2030", Duration.ofDays(365));
    CredentialTestSupport.watchKey(first);
    world.app.registerCertificate(first.certificate());
    Path store = first.writePkcs12(dir.resolve("app.p12"), PASSWORD);
    try (CalendarService service =
        world.service(b -> b.clientCertificate(ClientCertificateSource.fromPkcs12(store, PASSWORD)))) {
      world.verifiesAndBooks(service);

      TestCertificate second = TestCertificate.generate("booking-2031", Duration.ofDays(365));
      CredentialTestSupport.watchKey(second);
      world.app.registerCertificate(second.certificate());
      second.writePkcs12(store, PASSWORD);
      world.app.removeCertificate(first.certificate()); // assertions signed by the old one now fail
      m365.expireTokens();

      world.book(service, "after-rotation");
      assertThat(service.tenants().verify(world.tenantId).verified()).isTrue();
    }
  }

  @Test
  void pemFilesWithKeyAndChainAreACertificateCredential() {
    TestCertificate certificate = TestCertificate.generate("booking-pem", Duration.ofDays(365));
    CredentialTestSupport.watchKey(certificate);
    world.app.registerCertificate(certificate.certificate());
    certificate.writePem(dir.resolve("tls.key"), dir.resolve("tls.crt"));
    try (CalendarService service =
        world.service(b -> b.clientCertificate(
            ClientCertificateSource.fromPem(dir.resolve("tls.key"), dir.resolve("tls.crt"))))) {
      world.verifiesAndBooks(service);
    }
  }

  @Test
  void aClientAssertionSignedByTheHostIsMadeForEachTenantsTokenEndpoint() {
    TestCertificate certificate = TestCertificate.generate("booking-hsm", Duration.ofDays(365));
    CredentialTestSupport.watchKey(certificate);
    world.app.registerCertificate(certificate.certificate());
    List<ClientAssertionRequest> requests = new CopyOnWriteArrayList<>();
    try (CalendarService service =
        world.service(b -> b.clientAssertion(request -> {
          requests.add(request);
          return CredentialTestSupport.assertion(
              certificate, request.clientId(), request.tokenEndpoint().toString());
        }))) {
      world.verifiesAndBooks(service);
    }
    assertThat(requests).isNotEmpty().allSatisfy(request -> {
      assertThat(request.tenant()).isEqualTo(world.tenantId);
      assertThat(request.clientId()).isEqualTo(world.app.clientId());
      assertThat(request.tokenEndpoint().toString())
          .isEqualTo(m365.authorityUri() + world.tenantId.value() + "/oauth2/v2.0/token");
    });
  }

  @Test
  void aClientAssertionSupplierCanHandOverFederatedTokens() {
    FakeFederatedIssuer ci = m365.federatedIssuer("https://token.ci.example/");
    world.app.addFederatedCredential(ci.issuer(), "repo:workplace/booking:environment:production");
    try (CalendarService service =
        world.service(b -> b.clientAssertion(() -> ci.token("repo:workplace/booking:environment:production")))) {
      world.verifiesAndBooks(service);
    }
  }

  @Test
  void aFederatedTokenFileIsReadAgainWhenThePlatformReplacesIt() throws Exception {
    FakeFederatedIssuer cluster = m365.federatedIssuer("https://oidc.cluster.example/");
    world.app.addFederatedCredential(cluster.issuer(), WORKLOAD);
    Path token = dir.resolve("azure-identity-token");
    replace(token, cluster.token("system:serviceaccount:booking:wrong-account"));
    try (CalendarService service = world.service(b -> b.federatedTokenFile(token))) {
      VerificationResult refused = world.authorize(service);
      assertThat(refused.failureReason()).contains(TenantFailureReason.FEDERATED_CREDENTIAL_MISMATCH);
      assertThat(refused.message()).contains("AADSTS700213");

      replace(token, cluster.token(WORKLOAD)); // the platform mounts the right service account's token
      assertThat(service.tenants().verify(world.tenantId, world.room).verified()).isTrue();
      service.calendars().add(world.tenantId, world.room);
      service.calendars().connect(world.tenantId);
      world.book(service, "federated");

      replace(token, cluster.token(WORKLOAD, FakeFederatedIssuer.TOKEN_EXCHANGE_AUDIENCE, Duration.ZERO));
      VerificationResult stale = service.tenants().verify(world.tenantId);
      assertThat(stale.failureReason()).contains(TenantFailureReason.CLIENT_ASSERTION_EXPIRED);
      assertThat(stale.message()).contains("AADSTS700024");
    }
  }

  @Test
  void aHostsTokenProviderIsAskedPerTenantAndItsTokensAreKeptUntilShortlyBeforeExpiry() {
    com.workplace.calendar.testkit.TestClock clock = com.workplace.calendar.testkit.TestClock.startingNow();
    List<String> asked = new CopyOnWriteArrayList<>();
    TokenProvider central = new TokenProvider() {
      @Override
      public AccessToken token(TenantId tenant) {
        asked.add("token " + tenant);
        return issue(tenant);
      }

      @Override
      public AccessToken freshToken(TenantId tenant) {
        asked.add("fresh " + tenant);
        return issue(tenant);
      }

      private AccessToken issue(TenantId tenant) {
        return new AccessToken(m365.issueAppToken(tenant.value(), world.app.clientId()),
            clock.instant().plus(Duration.ofMinutes(60)));
      }
    };
    // the central service holds the consent; the SDK only asks it for tokens
    world.fake.grantAdminConsent(world.app.clientId());
    try (CalendarService service = world.service(b -> b.tokenProvider(central).clock(clock))) {
      world.verifiesAndBooks(service);
      assertThat(asked).contains("fresh " + world.tenantId);
      int before = asked.size();

      world.book(service, "kept-token");
      clock.advance(Duration.ofMinutes(54));
      world.book(service, "still-kept");
      assertThat(asked).hasSize(before);

      clock.advance(Duration.ofMinutes(2)); // 4 minutes left: renewed before use
      world.book(service, "renewed");
      assertThat(asked).hasSize(before + 1).last().isEqualTo("token " + world.tenantId);
    }
  }

  private static void replace(Path file, String content) throws Exception {
    SecretsInLogsExtension.watch(content);
    Path next = Files.writeString(file.resolveSibling(file.getFileName() + ".next"), content);
    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
