package com.workplace.calendar.graph;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * An application's certificate credential: its private key and certificate chain (leaf first).
 * {@link #toString()} never shows the key.
 *
 * @param privateKey the private key
 * @param chain the certificate chain, leaf first, not empty
 * @since 0.1.0
 */
public record ClientCertificate(PrivateKey privateKey, List<X509Certificate> chain) {
  /** Validates the record. */
  public ClientCertificate {
    Objects.requireNonNull(privateKey, "privateKey");
    chain = List.copyOf(Objects.requireNonNull(chain, "chain"));
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a client certificate needs at least its own certificate");
    }
  }

  @Override
  public String toString() {
    return "ClientCertificate[subject=" + chain.get(0).getSubjectX500Principal().getName() + "]";
  }
}
