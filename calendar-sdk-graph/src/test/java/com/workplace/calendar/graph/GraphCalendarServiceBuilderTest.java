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
  private static final String CLIENT_ID = "11111111-2222-3333-4444-555555555555";
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
        .clientId(CLIENT_ID)
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
    assertThatThrownBy(() -> GraphCalendarService.builder().clientId(CLIENT_ID).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("clientSecret");
    assertThatThrownBy(() -> GraphCalendarService.builder().clientId(CLIENT_ID).clientSecret("b").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("redirectUri");
    assertThatThrownBy(
            () ->
                GraphCalendarService.builder()
                    .clientId(CLIENT_ID)
                    .clientSecret("b")
                    .redirectUri(URI.create("https://x.example.com/cb"))
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("syncListener");
  }

  @Test
  void aClientIdThatIsNotAGuidIsRefusedWithoutRepeatingIt() {
    for (String value :
        java.util.List.of(
            "a",
            "${CALENDAR_CLIENT_ID}",
            "Xq8Q~s3cr3t.Value_pasted-in-the-wrong-place",
            "11111111-2222-3333-4444-55555555555",
            "11111111222233334444555555555555",
            "{11111111-2222-3333-4444-555555555555}",
            "1111111g-2222-3333-4444-555555555555")) {
      GraphCalendarServiceBuilder builder = GraphCalendarService.builder();
      // the whole message is fixed: it says what is expected and repeats nothing of the value
      assertThatThrownBy(() -> builder.clientId(value))
          .as(value)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "clientId is not an application (client) ID: that is a GUID such as"
                  + " 3f1c9a52-7d4e-4b8a-9c61-2e5f0b7a8d14, shown as \"Application (client) ID\""
                  + " on the app registration's overview page");
      // the refused value changed nothing: the builder still has no client ID
      assertThatThrownBy(builder::build)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("clientId is required: the app registration's application ID");
    }
    assertThatThrownBy(() -> GraphCalendarService.builder().clientId(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("clientId must not be empty");
    // upper case and surrounding blanks are fine, as copied from the portal
    complete().clientId(" 3F1C9A52-7D4E-4B8A-9C61-2E5F0B7A8D14 ").build().close();
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
                    .clientId(CLIENT_ID)
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
