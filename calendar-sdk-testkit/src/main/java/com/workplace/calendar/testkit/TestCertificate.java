package com.workplace.calendar.testkit;

import com.workplace.calendar.testkit.internal.SelfSignedCertificates;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A self-signed RSA certificate with its private key, for an app's certificate credential in
 * tests: register {@link #certificate()} with {@link FakeApp#registerCertificate} and give the
 * client the key and certificate, directly or as the files a host would read ({@link
 * #writePkcs12(Path, char[])}, {@link #writePem(Path, Path)}). Choose the validity to test expiry
 * warnings. {@link #toString()} never shows the key.
 *
 * @since 0.2.0
 */
public final class TestCertificate {

  private static final Base64.Encoder PEM = Base64.getMimeEncoder(64, "\n".getBytes(
      StandardCharsets.US_ASCII));

  private final KeyPair keys;
  private final X509Certificate certificate;

  private TestCertificate(KeyPair keys, X509Certificate certificate) {
    this.keys = keys;
    this.certificate = certificate;
  }

  /**
   * Generates a 2048-bit RSA key and a certificate valid from a day ago for {@code validity}.
   *
   * @param commonName the subject's common name
   * @param validity how long from now it stays valid
   * @return the certificate
   */
  public static TestCertificate generate(String commonName, Duration validity) {
    Instant now = Instant.now();
    return generate(commonName, now.minus(Duration.ofDays(1)), now.plus(validity));
  }

  /**
   * Generates a 2048-bit RSA key and a certificate valid between two instants.
   *
   * @param commonName the subject's common name
   * @param notBefore the start of its validity
   * @param notAfter the end of its validity
   * @return the certificate
   * @throws IllegalArgumentException when the name is blank or {@code notAfter} is not after
   *     {@code notBefore}
   */
  public static TestCertificate generate(String commonName, Instant notBefore, Instant notAfter) {
    if (commonName == null || commonName.isBlank()) {
      throw new IllegalArgumentException("a certificate needs a common name");
    }
    if (!notAfter.isAfter(notBefore)) {
      throw new IllegalArgumentException("notAfter must be after notBefore");
    }
    KeyPair keys = SelfSignedCertificates.rsaKeyPair();
    X509Certificate certificate = SelfSignedCertificates.certificate(keys, commonName, List.of(),
        List.of(), notBefore.atZone(ZoneOffset.UTC), notAfter.atZone(ZoneOffset.UTC));
    return new TestCertificate(keys, certificate);
  }

  /**
   * The certificate (register it on the app).
   *
   * @return the certificate
   */
  public X509Certificate certificate() {
    return certificate;
  }

  /**
   * The private key (the client signs its assertions with it).
   *
   * @return the key
   */
  public PrivateKey privateKey() {
    return keys.getPrivate();
  }

  /**
   * Writes key and certificate as a PKCS#12 key store with one private key entry.
   *
   * @param file the file to write (replaced if it exists)
   * @param password the store and key password
   * @return the file
   * @throws java.io.UncheckedIOException when the file cannot be written
   */
  public Path writePkcs12(Path file, char[] password) {
    Objects.requireNonNull(password, "password");
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("client", keys.getPrivate(), password, new Certificate[] {certificate});
      Path temporary = Files.createTempFile(absolute(file).getParent(), ".tmp", ".p12");
      try (OutputStream out = Files.newOutputStream(temporary)) {
        store.store(out, password);
      }
      return move(temporary, file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot write a PKCS#12 key store", e);
    }
  }

  /**
   * Writes the unencrypted PKCS#8 private key ({@code BEGIN PRIVATE KEY}) and the certificate
   * ({@code BEGIN CERTIFICATE}) as PEM; both may be the same file.
   *
   * @param keyFile where the key goes (replaced if it exists)
   * @param certificateFile where the certificate goes
   * @throws java.io.UncheckedIOException when a file cannot be written
   */
  public void writePem(Path keyFile, Path certificateFile) {
    try {
      String key = pem("PRIVATE KEY", keys.getPrivate().getEncoded());
      String cert = pem("CERTIFICATE", certificate.getEncoded());
      if (absolute(keyFile).equals(absolute(certificateFile))) {
        write(keyFile, key + cert);
      } else {
        write(keyFile, key);
        write(certificateFile, cert);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encode the certificate", e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + PEM.encodeToString(der) + "\n-----END " + type
        + "-----\n";
  }

  /** Writes through a temporary file and a move, as a host rotating its files would. */
  private static void write(Path file, String text) throws IOException {
    Path temporary = Files.createTempFile(absolute(file).getParent(), ".tmp", ".pem");
    Files.writeString(temporary, text, StandardCharsets.US_ASCII);
    move(temporary, file);
  }

  private static Path move(Path from, Path to) throws IOException {
    return Files.move(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static Path absolute(Path file) {
    return file.toAbsolutePath().normalize();
  }

  @Override
  public String toString() {
    return "TestCertificate{" + certificate.getSubjectX500Principal().getName() + ", notAfter="
        + certificate.getNotAfter().toInstant() + "}";
  }
}
