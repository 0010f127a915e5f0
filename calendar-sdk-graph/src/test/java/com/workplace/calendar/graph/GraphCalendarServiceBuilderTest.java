package com.workplace.calendar.graph;

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

  private static GraphCalendarService.Builder complete() {
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
    java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    assertThatThrownBy(
            () ->
                complete()
                    .clientCertificate(new ClientCertificate(generator.generateKeyPair().getPrivate(), java.util.List.of(selfSigned())))
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

  private static java.security.cert.X509Certificate selfSigned() throws Exception {
    java.security.cert.CertificateFactory factory = java.security.cert.CertificateFactory.getInstance("X.509");
    try (var in = GraphCalendarServiceBuilderTest.class.getResourceAsStream("/test-certificate.pem")) {
      return (java.security.cert.X509Certificate) factory.generateCertificate(in);
    }
  }
}
