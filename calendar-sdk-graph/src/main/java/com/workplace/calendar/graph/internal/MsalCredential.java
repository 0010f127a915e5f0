package com.workplace.calendar.graph.internal;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.IClientCredential;
import com.workplace.calendar.graph.ClientAssertionRequest;
import com.workplace.calendar.tenant.TenantFailureReason;
import com.workplace.calendar.tenant.TenantId;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The application's credential in msal4j's terms. msal4j fixes a credential for the life of a
 * confidential client, so {@link #current()} returns the same instance while the underlying value
 * is unchanged and a new one when it changed; {@link MsalTokenIssuer} then builds new clients.
 * Assertions (the host's or a federated token file's) go through msal4j's callback, which it calls
 * for every token request, so they never need new clients.
 */
interface MsalCredential {

  /**
   * The credential for the next token request to a tenant.
   *
   * @param tenant the tenant
   * @return the credential, the same instance while unchanged
   * @throws TokenException when there is none to use (e.g. an expired certificate)
   * @throws CredentialUnavailableException when this host cannot read it
   */
  IClientCredential current(TenantId tenant);

  /**
   * What it means when the identity platform refuses this credential without a more precise code
   * ({@code invalid_client}, or {@code AADSTS700027}: the signature did not verify).
   *
   * @return the reason
   */
  TenantFailureReason refusedReason();

  /** A client secret from a supplier, compared with the last one on every token request. */
  final class Secret implements MsalCredential {
    private final Supplier<String> supplier;
    private byte[] last;
    private IClientCredential credential;

    Secret(Supplier<String> supplier) {
      this.supplier = supplier;
    }

    @Override
    public synchronized IClientCredential current(TenantId tenant) {
      String value;
      try {
        value = supplier.get();
      } catch (RuntimeException e) {
        throw new CredentialUnavailableException(
            "the client secret supplier failed (" + e.getClass().getSimpleName() + ")");
      }
      if (value == null || value.isBlank()) {
        throw new CredentialUnavailableException("the client secret supplier returned nothing");
      }
      byte[] bytes = value.strip().getBytes(StandardCharsets.UTF_8);
      if (credential == null || !MessageDigest.isEqual(bytes, last)) {
        last = bytes;
        credential = ClientCredentialFactory.createFromSecret(value.strip());
      }
      return credential;
    }

    @Override
    public TenantFailureReason refusedReason() {
      return TenantFailureReason.INVALID_CLIENT_SECRET;
    }
  }

  /**
   * A client assertion from the host, asked by msal4j for every token request: one msal4j
   * credential per tenant, whose callback knows the tenant's token endpoint (the audience of a
   * signed assertion).
   */
  final class Assertion implements MsalCredential {
    private final Function<ClientAssertionRequest, String> source;
    private final String what;
    private final String clientId;
    private final URI authorityHost;
    private final ConcurrentMap<String, IClientCredential> perTenant = new ConcurrentHashMap<>();

    Assertion(
        Function<ClientAssertionRequest, String> source, String what, String clientId, URI authorityHost) {
      this.source = source;
      this.what = what;
      this.clientId = clientId;
      this.authorityHost = authorityHost;
    }

    @Override
    public IClientCredential current(TenantId tenant) {
      return perTenant.computeIfAbsent(tenant.value(), key -> {
        ClientAssertionRequest request = new ClientAssertionRequest(
            tenant, clientId, authorityHost.resolve(key + "/oauth2/v2.0/token"));
        return ClientCredentialFactory.createFromCallback(() -> make(request));
      });
    }

    private String make(ClientAssertionRequest request) {
      String value;
      try {
        value = source.apply(request);
      } catch (CredentialUnavailableException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new CredentialUnavailableException(
            what + " failed (" + e.getClass().getSimpleName() + ")");
      }
      if (value == null || value.isBlank()) {
        throw new CredentialUnavailableException(what + " returned nothing");
      }
      return value.strip();
    }

    @Override
    public TenantFailureReason refusedReason() {
      return TenantFailureReason.CLIENT_ASSERTION_INVALID;
    }
  }

  /**
   * Reads a federated token file afresh for every token request: workload identity platforms
   * replace the file (often through a symbolic link) before the token in it expires.
   *
   * @param file the token file
   * @return a supplier of its content
   */
  static Supplier<String> tokenFile(Path file) {
    return () -> {
      try {
        if (Files.size(file) > 64 * 1024) {
          throw new CredentialUnavailableException(
              "the federated token file " + file + " is larger than 64 KiB");
        }
        String token = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (token.isEmpty()) {
          throw new CredentialUnavailableException("the federated token file " + file + " is empty");
        }
        return token;
      } catch (IOException e) {
        throw new CredentialUnavailableException("the federated token file " + file
            + " cannot be read (" + e.getClass().getSimpleName() + ")");
      }
    };
  }
}
