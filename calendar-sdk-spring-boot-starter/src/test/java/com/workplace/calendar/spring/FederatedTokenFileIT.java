package com.workplace.calendar.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.spring.app.TestApplication;
import com.workplace.calendar.tenant.TenantFailureReason;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.tenant.TenantStatus;
import com.workplace.calendar.tenant.VerificationResult;
import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeFederatedIssuer;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeMicrosoft365Test;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application starts with workload identity federation as its only credential, given as
 * {@code workplace.calendar.federated-token-file}: no secret or certificate anywhere. The token in
 * the file is what the identity platform checks, read afresh when the platform replaces it.
 */
@FakeMicrosoft365Test
class FederatedTokenFileIT {
  private static final String DOMAIN = "federated.onmicrosoft.com";
  private static final String REDIRECT_URI = "https://workplace.example.com/calendar/consent";
  private static final String WORKLOAD = "system:serviceaccount:booking:calendar";

  @TempDir Path dir;

  @Test
  void theStarterStartsWithOnlyAFederatedTokenFileAndVerifiesATenant(FakeMicrosoft365 m365)
      throws IOException {
    FakeApp app = m365.newApp().redirectUris(REDIRECT_URI).register();
    FakeFederatedIssuer cluster = m365.federatedIssuer("https://oidc.cluster.example/");
    app.addFederatedCredential(cluster.issuer(), WORKLOAD);
    String room = "orchard@" + DOMAIN;
    m365.tenant(DOMAIN).grantAdminConsent(app.clientId()).addRoom(room, "Orchard");
    Path token = dir.resolve("azure-identity-token");
    replace(token, cluster.token("system:serviceaccount:booking:another-account"));

    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(TestApplication.class)
            .web(WebApplicationType.NONE)
            .properties(
                "workplace.calendar.client-id=" + app.clientId(),
                "workplace.calendar.federated-token-file=" + token,
                "workplace.calendar.redirect-uri=" + REDIRECT_URI,
                "workplace.calendar.authority-host=" + m365.authorityUri(),
                "workplace.calendar.graph-endpoint=" + m365.graphUri(),
                "workplace.calendar.verification-timeout=0s",
                "workplace.calendar.sync.auto-start=false")
            .initializers(
                c ->
                    c.getBeanFactory()
                        .registerSingleton(
                            "fakeTrust",
                            (CalendarServiceBuilderCustomizer)
                                b -> b.trust(m365.sslContext(), m365.trustManager())))
            .run()) {
      CalendarService calendars = context.getBean(CalendarService.class);
      TenantId tenant = TenantId.parse(DOMAIN);
      calendars.tenants().begin(tenant);

      // the token of another service account: the identity platform refuses it
      VerificationResult refused = calendars.tenants().verify(tenant, room);
      assertThat(refused.verified()).isFalse();
      assertThat(refused.failureReason()).contains(TenantFailureReason.FEDERATED_CREDENTIAL_MISMATCH);

      // the platform mounts the right token: no restart, the next token request reads it
      replace(token, cluster.token(WORKLOAD));
      assertThat(calendars.tenants().verify(tenant, room).status()).isEqualTo(TenantStatus.VERIFIED);
      assertThat(calendars.tenants().get(tenant).orElseThrow().status())
          .isEqualTo(TenantStatus.VERIFIED);
    }
  }

  private static void replace(Path file, String content) throws IOException {
    Path next = Files.writeString(file.resolveSibling(file.getFileName() + ".next"), content);
    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
