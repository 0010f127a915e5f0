package com.workplace.calendar.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.graph.ClientCertificate;
import com.workplace.calendar.graph.ClientCertificateSource;
import com.workplace.calendar.testkit.TestCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificates read from PKCS#12 and PEM files, and read again when the files change. */
class CertificateFilesTest {
  private static final char[] PASSWORD = "store-pass-1".toCharArray();

  @TempDir Path dir;

  @Test
  void aKeyStoreIsLoadedAndReloadedWhenItChanges() {
    TestCertificate first = TestCertificate.generate("first", Duration.ofDays(90));
    Path file = first.writePkcs12(dir.resolve("app.p12"), PASSWORD);
    ClientCertificateSource source = ClientCertificateSource.fromPkcs12(file, PASSWORD);

    ClientCertificate loaded = source.current();
    assertThat(loaded.chain()).containsExactly(first.certificate());
    assertThat(source.current()).as("unchanged files give the same instance").isSameAs(loaded);

    TestCertificate second = TestCertificate.generate("second", Duration.ofDays(90));
    second.writePkcs12(file, PASSWORD);
    assertThat(source.current().chain()).containsExactly(second.certificate());
    assertThat(source.current().privateKey()).isEqualTo(second.privateKey());
  }

  @Test
  void pemFilesAreLoadedAsOneFileOrTwoAndReloaded() throws Exception {
    TestCertificate first = TestCertificate.generate("first", Duration.ofDays(90));
    first.writePem(dir.resolve("app.pem"), dir.resolve("app.pem"));
    assertThat(ClientCertificateSource.fromPem(dir.resolve("app.pem"), dir.resolve("app.pem"))
        .current().chain()).containsExactly(first.certificate());

    first.writePem(dir.resolve("key.pem"), dir.resolve("chain.pem"));
    ClientCertificateSource source =
        ClientCertificateSource.fromPem(dir.resolve("key.pem"), dir.resolve("chain.pem"));
    assertThat(source.current().chain()).containsExactly(first.certificate());

    TestCertificate second = TestCertificate.generate("second", Duration.ofDays(90));
    second.writePem(dir.resolve("key.pem"), dir.resolve("chain.pem"));
    assertThat(source.current().chain()).containsExactly(second.certificate());
  }

  @Test
  void aHalfWrittenRotationKeepsThePreviousCertificateUntilTheFilesAreWhole() throws Exception {
    TestCertificate first = TestCertificate.generate("first", Duration.ofDays(90));
    first.writePem(dir.resolve("key.pem"), dir.resolve("chain.pem"));
    ClientCertificateSource source =
        ClientCertificateSource.fromPem(dir.resolve("key.pem"), dir.resolve("chain.pem"));
    ClientCertificate loaded = source.current();

    TestCertificate second = TestCertificate.generate("second", Duration.ofDays(90));
    second.writePem(dir.resolve("key.pem"), dir.resolve("next-chain.pem"));
    // the new key is in place, the chain still names the first certificate: they do not match
    assertThat(source.current()).isSameAs(loaded);
    Files.delete(dir.resolve("chain.pem"));
    assertThat(source.current()).as("a missing file keeps the last good one").isSameAs(loaded);

    Files.move(dir.resolve("next-chain.pem"), dir.resolve("chain.pem"));
    assertThat(source.current().chain()).containsExactly(second.certificate());
  }

  @Test
  void unusableFilesAreRefusedWithAMessageThatNamesTheProblemButNotThePassword() throws Exception {
    TestCertificate certificate = TestCertificate.generate("app", Duration.ofDays(90));
    Path p12 = certificate.writePkcs12(dir.resolve("app.p12"), PASSWORD);

    assertThatThrownBy(() -> ClientCertificateSource.fromPkcs12(p12, "wrong-pass".toCharArray()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("wrong password")
        .hasMessageNotContaining("wrong-pass")
        .hasMessageNotContaining(new String(PASSWORD));
    assertThatThrownBy(() -> ClientCertificateSource.fromPkcs12(dir.resolve("none.p12"), PASSWORD))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not exist");

    Files.writeString(dir.resolve("rsa.pem"), "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
    assertThatThrownBy(() -> ClientCertificateSource.fromPem(dir.resolve("rsa.pem"), dir.resolve("rsa.pem")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");

    certificate.writePem(dir.resolve("key.pem"), dir.resolve("chain.pem"));
    assertThatThrownBy(() -> ClientCertificateSource.fromPem(dir.resolve("chain.pem"), dir.resolve("chain.pem")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BEGIN PRIVATE KEY");
    TestCertificate other = TestCertificate.generate("other", Duration.ofDays(90));
    other.writePem(dir.resolve("other-key.pem"), dir.resolve("other-chain.pem"));
    assertThatThrownBy(() -> ClientCertificateSource.fromPem(dir.resolve("other-key.pem"), dir.resolve("chain.pem")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not belong to the certificate");
  }

  @Test
  void noSourceShowsKeyOrPassword() {
    TestCertificate certificate = TestCertificate.generate("app", Duration.ofDays(90));
    Path p12 = certificate.writePkcs12(dir.resolve("app.p12"), PASSWORD);
    ClientCertificateSource source = ClientCertificateSource.fromPkcs12(p12, PASSWORD);

    assertThat(source.toString()).contains("app.p12").doesNotContain(new String(PASSWORD));
    assertThat(source.current().toString()).contains("CN=app").doesNotContain("PRIVATE");
  }
}
