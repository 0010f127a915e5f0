package com.workplace.calendar.graph;

import com.workplace.calendar.graph.internal.CertificateFiles;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the service gets its {@link ClientCertificate} for each token request. The file sources
 * re-read their files whenever the service needs a new token and switch to a new certificate as
 * soon as the files' content changes, so a rotated certificate is used without a restart; a file
 * caught half-written keeps the previous certificate until the next request. Set one with {@link
 * GraphCalendarServiceBuilder#clientCertificate(ClientCertificateSource)}.
 *
 * <pre>{@code
 * GraphCalendarService.builder()
 *     .clientCertificate(ClientCertificateSource.fromPkcs12(Path.of("/etc/booking/app.p12"), password))
 * }</pre>
 *
 * <p>A host's own source (a vault, an HSM-backed key) implements {@link #current()}; it must return
 * the same instance for as long as the certificate does not change, since each new instance makes
 * the service start new identity platform clients.
 *
 * @since 0.2.0
 */
@FunctionalInterface
public interface ClientCertificateSource {

  /**
   * Returns the certificate to sign the next client assertion with.
   *
   * @return the current certificate; the same instance until it changes
   * @throws RuntimeException when no certificate can be had now; the token request then fails
   *     with {@code CREDENTIAL_UNAVAILABLE}
   */
  ClientCertificate current();

  /**
   * A source that always returns one certificate.
   *
   * @param certificate the certificate
   * @return the source
   */
  static ClientCertificateSource of(ClientCertificate certificate) {
    Objects.requireNonNull(certificate, "certificate");
    return new ClientCertificateSource() {
      @Override
      public ClientCertificate current() {
        return certificate;
      }

      @Override
      public String toString() {
        return "ClientCertificateSource[" + certificate + "]";
      }
    };
  }

  /**
   * A PKCS#12 key store ({@code .p12}, {@code .pfx}) holding one private key entry with its
   * certificate chain, read now and again whenever it changes.
   *
   * @param file the key store
   * @param password the store's and the key's password (copied; clear yours when done)
   * @return the source
   * @throws IllegalArgumentException when the file cannot be read, the password is wrong or it
   *     holds no single private key with a certificate; the message names the file, never the
   *     password
   */
  static ClientCertificateSource fromPkcs12(Path file, char[] password) {
    return CertificateFiles.pkcs12(file, password);
  }

  /**
   * PEM files: an unencrypted PKCS#8 private key ({@code BEGIN PRIVATE KEY}) and the certificate
   * chain, leaf first ({@code BEGIN CERTIFICATE} blocks); both may be one file. Read now and again
   * whenever either changes.
   *
   * @param privateKey the key file
   * @param certificateChain the certificate file (may be the key file)
   * @return the source
   * @throws IllegalArgumentException when a file cannot be read or holds no usable key or
   *     certificate (a PKCS#1 or encrypted key names the conversion to run)
   */
  static ClientCertificateSource fromPem(Path privateKey, Path certificateChain) {
    return CertificateFiles.pem(privateKey, certificateChain);
  }
}
