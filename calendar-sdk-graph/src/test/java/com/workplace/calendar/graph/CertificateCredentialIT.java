package com.workplace.calendar.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.tenant.VerificationResult;
import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeTenant;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SecretsInLogsExtension.class)
class CertificateCredentialIT {

  @Test
  void anAppCertificateProvesAccessInsteadOfASecret() throws Exception {
    X509Certificate certificate;
    try (InputStream in = CertificateCredentialIT.class.getResourceAsStream("/client-certificate.pem")) {
      certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    PrivateKey key;
    try (InputStream in = CertificateCredentialIT.class.getResourceAsStream("/client-key.pem")) {
      String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
          .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }
    try (FakeMicrosoft365 m365 = FakeMicrosoft365.builder().build().start()) {
      FakeApp app = GraphTestSupport.app(m365).registerCertificate(certificate);
      FakeTenant tenant = m365.tenant(GraphTestSupport.uniqueDomain("certified"));
      tenant.addRoom("orchard@" + tenant.domain(), "Orchard");
      TenantId tenantId = TenantId.parse(tenant.domain());
      GraphCalendarServiceBuilder builder =
          GraphCalendarService.builder()
              .clientId(app.clientId())
              .clientCertificate(new ClientCertificate(key, List.of(certificate)))
              .redirectUri(GraphTestSupport.REDIRECT)
              .authorityHost(m365.authorityUri())
              .graphEndpoint(m365.graphUri())
              .trust(m365.sslContext(), m365.trustManager())
              .syncListener((t, c, changes) -> {})
              .spaceDirectory(GraphTestSupport.spaces("1"));
      try (CalendarService service = builder.build()) {
        var request = service.tenants().begin(tenantId);
        VerificationResult result = service.tenants().complete(GraphTestSupport.consent(m365, request));
        assertThat(result.verified()).isTrue();
      }
    }
  }
}
