package com.workplace.calendar.graph.internal;

import com.workplace.calendar.graph.ClientAssertionRequest;
import com.workplace.calendar.graph.ClientCertificateSource;
import com.workplace.calendar.graph.TokenProvider;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How a service proves the application's identity, as the builder chose it (exactly one). The
 * records hold where a credential comes from, never a credential's value.
 */
public sealed interface GraphCredential {

  /**
   * A client secret, read for every token request.
   *
   * @param secret supplies the secret's value
   */
  record Secret(Supplier<String> secret) implements GraphCredential {}

  /**
   * A certificate, signing a new client assertion for every token request.
   *
   * @param source supplies the current certificate
   */
  record Certificate(ClientCertificateSource source) implements GraphCredential {}

  /**
   * A client assertion made by the host for every token request.
   *
   * @param assertion makes a new signed JWT for a tenant's token request
   */
  record Assertion(Function<ClientAssertionRequest, String> assertion) implements GraphCredential {}

  /**
   * A federated token from the file a workload identity platform mounts and refreshes.
   *
   * @param file the token file
   */
  record FederatedTokenFile(Path file) implements GraphCredential {}

  /**
   * The host's token service: msal4j is not used.
   *
   * @param provider the host's provider
   */
  record Provider(TokenProvider provider) implements GraphCredential {}
}
