package com.workplace.calendar.graph.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The credentials a builder was given, by setting name: exactly one must remain at build time.
 * Setting the same kind twice replaces it (a secret string by a secret supplier, say).
 */
public final class CredentialChoice {
  private final Map<String, GraphCredential> chosen = new LinkedHashMap<>();

  /**
   * Records a credential.
   *
   * @param setting the builder setting, e.g. {@code clientSecret}
   * @param credential the credential
   */
  public void set(String setting, GraphCredential credential) {
    chosen.put(setting, credential);
  }

  /**
   * The one credential.
   *
   * @return it
   * @throws IllegalStateException when none or several were set, naming them
   */
  public GraphCredential only() {
    if (chosen.isEmpty()) {
      throw new IllegalStateException(
          "a credential is required: set one of clientSecret, clientCertificate, clientAssertion,"
              + " federatedTokenFile or tokenProvider (a federated credential or a certificate is"
              + " safer than a secret)");
    }
    if (chosen.size() > 1) {
      throw new IllegalStateException(
          "set exactly one credential, not " + String.join(" and ", chosen.keySet()));
    }
    return chosen.values().iterator().next();
  }
}
