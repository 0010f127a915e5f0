package com.workplace.calendar.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.Page;
import com.workplace.calendar.space.Space;
import com.workplace.calendar.space.SpaceDirectory;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.tenant.TenantId;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GraphCalendarServiceBuilderTest {
  private static final SpaceDirectory NO_SPACES =
      new SpaceDirectory() {
        @Override
        public Optional<Space> find(TenantId tenantId, SpaceId spaceId) {
          return Optional.empty();
        }

        @Override
        public Page<Space> search(TenantId tenantId, String text, com.workplace.calendar.PageRequest page) {
          return Page.last(java.util.List.of());
        }
      };

  private static GraphCalendarServiceBuilder complete() {
    return GraphCalendarService.builder()
        .clientId("11111111-2222-3333-4444-555555555555")
        .clientSecret("s3cr3t-value")
        .redirectUri(URI.create("https://workplace.example.com/consent"))
        .syncListener((tenant, calendar, changes) -> {})
        .spaceDirectory(NO_SPACES);
  }

  @Test
  void requiredSettingsAreNamedWhenMissing() {
    assertThatThrownBy(() -> GraphCalendarService.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("clientId");
    assertThatThrownBy(() -> GraphCalendarService.builder().clientId("a").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("clientSecret");
    assertThatThrownBy(() -> GraphCalendarService.builder().clientId("a").clientSecret("b").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("redirectUri");
    assertThatThrownBy(
            () ->
                GraphCalendarService.builder()
                    .clientId("a")
                    .clientSecret("b")
                    .redirectUri(URI.create("https://x.example.com/cb"))
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("syncListener");
  }

  @Test
  void conflictingOrInsecureSettingsAreRefused() throws Exception {
    com.workplace.calendar.testkit.TestCertificate generated =
        com.workplace.calendar.testkit.TestCertificate.generate("app", Duration.ofDays(30));
    assertThatThrownBy(
            () ->
                complete()
                    .clientCertificate(new ClientCertificate(generated.privateKey(), java.util.List.of(generated.certificate())))
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exactly one");
    assertThatThrownBy(() -> complete().graphEndpoint(URI.create("http://graph.example.com/v1.0/")).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("graphEndpoint");
    assertThatThrownBy(() -> complete().redirectUri(URI.create("http://workplace.example.com/cb")).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("redirectUri");
    assertThatThrownBy(() -> complete().authorityHost(URI.create("http://localhost:1/")).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("authorityHost");
    assertThatThrownBy(() -> complete().consentStateLifetime(Duration.ofSeconds(5)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> complete().clientSecret(" "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void exactlyOneCredentialIsAccepted(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path tokenFile = java.nio.file.Files.writeString(dir.resolve("token"), "eyJ.a.b");
    assertThatThrownBy(
            () ->
                GraphCalendarService.builder()
                    .clientId("11111111-2222-3333-4444-555555555555")
                    .redirectUri(URI.create("https://workplace.example.com/consent"))
                    .syncListener((tenant, calendar, changes) -> {})
                    .spaceDirectory(NO_SPACES)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a credential is required")
        .hasMessageContaining("federatedTokenFile");
    assertThatThrownBy(() -> complete().federatedTokenFile(tokenFile).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exactly one credential, not clientSecret and federatedTokenFile");
    assertThatThrownBy(() -> complete().clientAssertion(() -> "eyJ.a.b").tokenProvider(t -> null).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("clientSecret and clientAssertion and tokenProvider");
    assertThatThrownBy(() -> complete().federatedTokenFile(dir.resolve("missing")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not exist");
    assertThatThrownBy(() -> complete().credentialExpiryWarning(Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> complete().clientSecret((java.util.function.Supplier<String>) null))
        .isInstanceOf(NullPointerException.class);
    // a secret given twice is one credential: the last one counts
    complete().clientSecret(() -> "rotated-secret").build().close();
  }

  @Test
  void aCertificateRecordRefusesAKeyOfAnotherCertificateAndShowsNoKey() throws Exception {
    com.workplace.calendar.testkit.TestCertificate one =
        com.workplace.calendar.testkit.TestCertificate.generate("one", Duration.ofDays(30));
    com.workplace.calendar.testkit.TestCertificate two =
        com.workplace.calendar.testkit.TestCertificate.generate("two", Duration.ofDays(30));
    assertThatThrownBy(() -> new ClientCertificate(one.privateKey(), java.util.List.of(two.certificate())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not belong");
    ClientCertificate certificate = new ClientCertificate(one.privateKey(), java.util.List.of(one.certificate()));
    assertThat(certificate.thumbprint()).matches("[0-9A-F]{40}");
    assertThat(certificate.expiresAt()).isEqualTo(one.certificate().getNotAfter().toInstant());
    assertThat(certificate.toString()).contains("CN=one").doesNotContain("PRIVATE");
    assertThat(ClientCertificateSource.of(certificate).current()).isSameAs(certificate);
  }
}
