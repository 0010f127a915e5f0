package com.workplace.calendar.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.tenant.TenantFailureReason;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.testkit.FakeFederatedIssuer;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.TestCertificate;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The credential samples of the README's "Credentials" section, compiled and run against the fake:
 * each region is copied into the README, and each test verifies a tenant and books with it.
 */
@ExtendWith(SecretsInLogsExtension.class)
class CredentialSamplesIT {
  private static final char[] PASSWORD = "samples-store-password".toCharArray();
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
    world = new CredentialTestSupport(m365, "samples");
  }

  private void verifiesAndBooks(Consumer<GraphCalendarServiceBuilder> credential) {
    try (CalendarService service = world.service(credential)) {
      world.verifiesAndBooks(service);
    }
  }

  @Test
  void federatedTokenFile() throws Exception {
    FakeFederatedIssuer cluster = m365.federatedIssuer("https://oidc.cluster.example/");
    world.app.addFederatedCredential(cluster.issuer(), "system:serviceaccount:booking:calendar");
    Path tokenFile = Files.writeString(dir.resolve("azure-identity-token"),
        cluster.token("system:serviceaccount:booking:calendar"));
    verifiesAndBooks(builder -> {
      // [START credential-federated]
      // tokenFile: the token the platform mounts and refreshes, e.g. on AKS with workload identity
      // Path.of(System.getenv("AZURE_FEDERATED_TOKEN_FILE"))
      builder.federatedTokenFile(tokenFile);
      // [END credential-federated]
    });
  }

  @Test
  void certificateFromAKeyStoreOrPemFiles() {
    TestCertificate certificate = TestCertificate.generate("workplace-calendar", Duration.ofDays(365));
    CredentialTestSupport.watchKey(certificate);
    world.app.registerCertificate(certificate.certificate());
    Path keyStore = certificate.writePkcs12(dir.resolve("calendar-app.p12"), PASSWORD);
    char[] password = PASSWORD.clone();
    verifiesAndBooks(builder -> {
      // [START credential-pkcs12]
      builder.clientCertificate(ClientCertificateSource.fromPkcs12(keyStore, password));
      // [END credential-pkcs12]
    });
    certificate.writePem(dir.resolve("tls.key"), dir.resolve("tls.crt"));
    Path keyFile = dir.resolve("tls.key");
    Path chainFile = dir.resolve("tls.crt");
    world = new CredentialTestSupport(m365, "samples");
    world.app.registerCertificate(certificate.certificate());
    verifiesAndBooks(builder -> {
      // [START credential-pem]
      // e.g. a Kubernetes TLS secret mounted as files: unencrypted PKCS#8 key, chain leaf first
      builder.clientCertificate(ClientCertificateSource.fromPem(keyFile, chainFile));
      // [END credential-pem]
    });
  }

  /** The host's secret store, in miniature. */
  interface Vault {
    String secret(String name);
  }

  @Test
  void secretFromTheHostsVault() {
    Vault vault = name -> world.app.clientSecret();
    verifiesAndBooks(builder -> {
      // [START credential-secret]
      // read for every token request: a secret rotated in the vault is used without a restart
      builder.clientSecret(() -> vault.secret("calendar-app"));
      // [END credential-secret]
    });
  }

  /** Signs JWTs with a key the host keeps in an HSM or key vault, in miniature. */
  interface Signer {
    String sign(String clientId, URI audience);
  }

  @Test
  void clientAssertionSignedByTheHost() {
    TestCertificate certificate = TestCertificate.generate("workplace-calendar", Duration.ofDays(365));
    CredentialTestSupport.watchKey(certificate);
    world.app.registerCertificate(certificate.certificate());
    Signer signer = (clientId, audience) ->
        CredentialTestSupport.assertion(certificate, clientId, audience.toString());
    verifiesAndBooks(builder -> {
      // [START credential-assertion]
      // a new JWT per token request: iss = sub = client ID, aud = that tenant's token endpoint,
      // exp a few minutes ahead, a new jti; header x5t#S256 of the registered certificate
      builder.clientAssertion(request -> signer.sign(request.clientId(), request.tokenEndpoint()));
      // [END credential-assertion]
    });
  }

  /** The host's client of its central token service, in miniature. */
  interface TokenServiceClient {
    /** The token service's answer: 200 with a token, 404 when it has no consent for the tenant. */
    record Answer(int status, String token, Instant expiresAt) {}

    Answer applicationToken(String tenant);
  }

  // [START token-provider]
  /** Tokens from the product's central token service, which alone holds the credential. */
  static final class CentralTokens implements TokenProvider {
    private final TokenServiceClient tokenService;

    CentralTokens(TokenServiceClient tokenService) {
      this.tokenService = tokenService;
    }

    @Override
    public AccessToken token(TenantId tenant) {
      TokenServiceClient.Answer answer = tokenService.applicationToken(tenant.value());
      if (answer.status() == 404) {
        throw new TokenProviderException("the token service has no consent for " + tenant,
            TenantFailureReason.APP_NOT_CONSENTED, false);
      }
      if (answer.status() != 200) {
        throw new TokenProviderException("the token service answered " + answer.status(),
            TenantFailureReason.SERVICE_UNAVAILABLE, true);
      }
      return new AccessToken(answer.token(), answer.expiresAt());
    }
  }
  // [END token-provider]

  @Test
  void tokenProviderOfTheHost() {
    TokenServiceClient tokenService = tenant -> m365.findTenant(tenant)
        .filter(t -> !t.consentedPermissions(world.app.clientId()).isEmpty())
        .map(t -> new TokenServiceClient.Answer(200, m365.issueAppToken(tenant, world.app.clientId()),
            Instant.now().plus(Duration.ofMinutes(60))))
        .orElse(new TokenServiceClient.Answer(404, null, null));
    verifiesAndBooks(builder -> {
      // [START credential-token-provider]
      builder.tokenProvider(new CentralTokens(tokenService));
      // [END credential-token-provider]
    });

    world = new CredentialTestSupport(m365, "samples");
    try (CalendarService service = world.service(b -> b.tokenProvider(
        new CentralTokens(tenant -> new TokenServiceClient.Answer(404, null, null))))) {
      assertThat(world.authorize(service).failureReason()).contains(TenantFailureReason.APP_NOT_CONSENTED);
    }
  }

  /** The host's alerting, in miniature. */
  interface Alerts {
    void raise(String text);
  }

  @Test
  void certificateExpiryAlerts() {
    Instant notAfter = Instant.now().plus(Duration.ofDays(20));
    TestCertificate expiring =
        TestCertificate.generate("workplace-calendar", notAfter.minus(Duration.ofDays(365)), notAfter);
    CredentialTestSupport.watchKey(expiring);
    world.app.registerCertificate(expiring.certificate());
    Path keyStore = expiring.writePkcs12(dir.resolve("calendar-app.p12"), PASSWORD);
    List<String> raised = new CopyOnWriteArrayList<>();
    Alerts alerts = raised::add;
    verifiesAndBooks(builder -> {
      builder.clientCertificate(ClientCertificateSource.fromPkcs12(keyStore, PASSWORD));
      // [START credential-expiry]
      builder.credentialExpiryWarning(Duration.ofDays(45)) // default 30 days
          .eventListener(new GraphEventListener() {
            @Override
            public void credentialExpiring(CredentialExpiry expiry) {
              alerts.raise("Calendar certificate " + expiry.thumbprint() + " expires at "
                  + expiry.expiresAt() + (expiry.expired() ? " (EXPIRED)" : ""));
            }
          });
      // [END credential-expiry]
    });
    assertThat(raised).singleElement().asString().contains("expires at " + expiring.certificate()
        .getNotAfter().toInstant());
  }
}
