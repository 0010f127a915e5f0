package com.workplace.calendar.graph;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * An application's certificate credential: its private key and certificate chain (leaf first).
 * Load one from files that are reloaded when they change with {@link
 * ClientCertificateSource#fromPkcs12} or {@link ClientCertificateSource#fromPem}. {@link
 * #toString()} never shows the key.
 *
 * @param privateKey the private key
 * @param chain the certificate chain, leaf first, not empty
 * @since 0.1.0
 */
public record ClientCertificate(PrivateKey privateKey, List<X509Certificate> chain) {
  /**
   * Validates the record.
   *
   * @throws IllegalArgumentException when the chain is empty or the RSA key is not the key of the
   *     leaf certificate
   */
  public ClientCertificate {
    Objects.requireNonNull(privateKey, "privateKey");
    chain = List.copyOf(Objects.requireNonNull(chain, "chain"));
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a client certificate needs at least its own certificate");
    }
    if (privateKey instanceof RSAKey key
        && chain.get(0).getPublicKey() instanceof RSAKey certified
        && !key.getModulus().equals(certified.getModulus())) {
      throw new IllegalArgumentException(
          "the private key does not belong to the certificate " + subjectOf(chain.get(0)));
    }
  }

  /**
   * The end of the leaf certificate's validity: after it the identity platform refuses assertions
   * signed with it, and the SDK no longer asks.
   *
   * @return the leaf certificate's {@code notAfter}
   * @since 0.2.0
   */
  public Instant expiresAt() {
    return chain.get(0).getNotAfter().toInstant();
  }

  /**
   * The leaf certificate's SHA-1 thumbprint in upper-case hex, as the Entra admin center lists it
   * under "Certificates &amp; secrets".
   *
   * @return the thumbprint
   * @since 0.2.0
   */
  public String thumbprint() {
    try {
      return HexFormat.of().withUpperCase().formatHex(
          MessageDigest.getInstance("SHA-1").digest(chain.get(0).getEncoded()));
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("the certificate cannot be encoded", e);
    }
  }

  /**
   * The leaf certificate's subject.
   *
   * @return e.g. {@code CN=workplace-calendar}
   * @since 0.2.0
   */
  public String subject() {
    return subjectOf(chain.get(0));
  }

  private static String subjectOf(X509Certificate certificate) {
    return certificate.getSubjectX500Principal().getName();
  }

  @Override
  public String toString() {
    return "ClientCertificate[subject=" + subject() + ", expiresAt=" + expiresAt() + "]";
  }
}
