package com.workplace.calendar.examples.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.Page;
import com.workplace.calendar.PageRequest;
import com.workplace.calendar.graph.GraphCalendarService;
import com.workplace.calendar.graph.GraphCalendarServiceBuilder;
import com.workplace.calendar.space.Space;
import com.workplace.calendar.space.SpaceDirectory;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.tenant.ConsentCallback;
import com.workplace.calendar.tenant.ConsentRequest;
import com.workplace.calendar.tenant.TenantFailureReason;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.tenant.VerificationResult;
import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeFederatedIssuer;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeTenant;
import com.workplace.calendar.testkit.TestCertificate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The credentials calendar-admin reads from files reach the SDK as credentials that are read again
 * for every token request: a rotated secret file, a replaced certificate and a refreshed federated
 * token are used by the running tool (as in {@code sync watch} or {@code shell}) without a restart.
 */
class AdminCredentialsIT {
  private static final URI REDIRECT = URI.create("http://localhost:8765/calendar-admin/consent");
  private static FakeMicrosoft365 m365;

  @TempDir Path dir;
  private FakeApp app;
  private FakeTenant tenant;
  private TenantId tenantId;

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
    app = m365.newApp().redirectUris(REDIRECT.toString()).register();
    tenant = m365.tenant("admin" + System.nanoTime() + ".onmicrosoft.com");
    tenant.addRoom("orchard@" + tenant.domain(), "Orchard");
    tenantId = TenantId.parse(tenant.domain());
  }

  @Test
  void aSecretFileIsReadAgainAfterItWasRotated() throws Exception {
    Path secretFile = write(dir.resolve("client-secret"), app.clientSecret() + "\n");
    try (CalendarService service = service(settings(Optional.of(secretFile), Optional.empty(), Optional.empty()))) {
      assertThat(authorize(service).verified()).isTrue();

      write(secretFile, app.renewSecret());
      assertThat(service.tenants().verify(tenantId).verified()).isTrue();
    }
  }

  @Test
  void aReplacedCertificateFileIsUsed() throws Exception {
    TestCertificate first = TestCertificate.generate("calendar-admin", Duration.ofDays(365));
    app.registerCertificate(first.certificate());
    Path store = first.writePkcs12(dir.resolve("app.p12"), "pfx-password".toCharArray());
    Settings settings = settings(Optional.empty(), Optional.of(store), Optional.empty());
    try (CalendarService service = service(settings)) {
      assertThat(authorize(service).verified()).isTrue();

      TestCertificate second = TestCertificate.generate("calendar-admin-2", Duration.ofDays(365));
      app.registerCertificate(second.certificate());
      second.writePkcs12(store, "pfx-password".toCharArray());
      app.removeCertificate(first.certificate());
      assertThat(service.tenants().verify(tenantId).verified()).isTrue();
    }
  }

  @Test
  void aFederatedTokenFileIsReadAgainWhenThePlatformRefreshesIt() throws Exception {
    FakeFederatedIssuer cluster = m365.federatedIssuer("https://oidc.cluster.example/");
    app.addFederatedCredential(cluster.issuer(), "system:serviceaccount:tools:calendar-admin");
    Path token = write(dir.resolve("azure-identity-token"),
        cluster.token("system:serviceaccount:tools:calendar-admin", FakeFederatedIssuer.TOKEN_EXCHANGE_AUDIENCE,
            Duration.ZERO));
    try (CalendarService service = service(settings(Optional.empty(), Optional.empty(), Optional.of(token)))) {
      assertThat(authorize(service).failureReason()).contains(TenantFailureReason.CLIENT_ASSERTION_EXPIRED);

      write(token, cluster.token("system:serviceaccount:tools:calendar-admin"));
      assertThat(service.tenants().verify(tenantId).verified()).isTrue();
    }
  }

  @Test
  void aCredentialFileThatIsMissingIsAConfigurationProblemNamingTheOption() {
    Settings settings = settings(Optional.empty(), Optional.empty(), Optional.of(dir.resolve("no-token")));
    assertThatThrownBy(() -> Credentials.apply(settings, GraphCalendarService.builder()))
        .isInstanceOf(AdminException.class)
        .hasMessageContaining("--federated-token-file");
  }

  private Settings settings(Optional<Path> secretFile, Optional<Path> certificate, Optional<Path> tokenFile) {
    return new Settings(
        Settings.Target.microsoft365,
        Optional.of(tenant.domain()),
        Optional.of(app.clientId()),
        Optional.empty(),
        secretFile,
        certificate,
        certificate.map(c -> "pfx-password"),
        tokenFile,
        Optional.of(REDIRECT),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        dir,
        Optional.empty(),
        Optional.of(m365.authorityUri()),
        Optional.of(m365.graphUri()));
  }

  /** What AdminContext builds for a real tenant, pointed at the fake with its trust. */
  private CalendarService service(Settings settings) {
    settings.requireUsableForMicrosoft365();
    GraphCalendarServiceBuilder builder =
        GraphCalendarService.builder()
            .clientId(settings.clientId().orElseThrow())
            .redirectUri(REDIRECT)
            .authorityHost(settings.authorityHost().orElseThrow())
            .graphEndpoint(settings.graphEndpoint().orElseThrow())
            .trust(m365.sslContext(), m365.trustManager())
            .verificationTimeout(Duration.ZERO)
            .syncListener((t, calendar, changes) -> {})
            .spaceDirectory(new SpaceDirectory() {
              @Override
              public Optional<Space> find(TenantId tenantId, SpaceId spaceId) {
                return Optional.empty();
              }

              @Override
              public Page<Space> search(TenantId tenantId, String text, PageRequest page) {
                return Page.last(java.util.List.of());
              }
            });
    Credentials.apply(settings, builder);
    return builder.build();
  }

  private VerificationResult authorize(CalendarService service) throws Exception {
    ConsentRequest request = service.tenants().begin(tenantId);
    HttpClient browser = HttpClient.newBuilder().sslContext(m365.sslContext()).build();
    HttpResponse<Void> consent = browser.send(
        HttpRequest.newBuilder(request.consentUri()).build(), HttpResponse.BodyHandlers.discarding());
    URI back = URI.create(consent.headers().firstValue("Location").orElseThrow());
    return service.tenants().complete(ConsentCallback.fromQuery(back.getRawQuery()));
  }

  private static Path write(Path file, String content) throws Exception {
    Path next = Files.writeString(file.resolveSibling(file.getFileName() + ".next"), content);
    return Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
