package com.workplace.calendar.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfSignedCertificatesTest {

  @Test
  void certificatesCarryTheSubjectAlternativeNamesAndVerify() throws Exception {
    SelfSignedCertificates.KeyAndCertificate kc = SelfSignedCertificates.generate("localhost",
        List.of("localhost"), List.of("127.0.0.1", "::1"), Duration.ofDays(1));
    X509Certificate cert = kc.certificate();

    cert.checkValidity();
    cert.verify(kc.keyPair().getPublic());
    assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
    assertThat(cert.getSigAlgName()).isEqualTo("SHA256withRSA");
    List<Object> names = new ArrayList<>();
    for (List<?> n : cert.getSubjectAlternativeNames()) {
      names.add(n.get(1));
    }
    assertThat(names).contains("localhost", "127.0.0.1");
    assertThat(cert.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
    assertThat(cert.getBasicConstraints()).isEqualTo(-1);
  }

  @Test
  void longValiditiesUseGeneralizedTime() throws Exception {
    X509Certificate cert = SelfSignedCertificates.generate("far", List.of(), List.of(),
        Duration.ofDays(365L * 40)).certificate();

    cert.checkValidity();
    Collection<List<?>> names = cert.getSubjectAlternativeNames();
    assertThat(names).isNull();
  }

  @Test
  void tlsMaterialTrustsOnlyItsOwnCertificate() throws Exception {
    try (TlsMaterial tls = TlsMaterial.generate()) {
      tls.trustManager().checkServerTrusted(new X509Certificate[] {tls.certificate()}, "RSA");
      X509Certificate other = SelfSignedCertificates.generate("other", List.of("localhost"),
          List.of(), Duration.ofDays(1)).certificate();
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> tls.trustManager()
          .checkServerTrusted(new X509Certificate[] {other}, "RSA"))
          .isInstanceOf(java.security.cert.CertificateException.class);
      assertThat(tls.keyStoreFile()).exists();
    }
  }
}
