package com.workplace.calendar.testkit.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An app registration: client id, secret, redirect URIs, requested permissions, certificates
 * (key credentials) and federated identity credentials.
 */
public final class AppState {

  private final String clientId;
  private final String displayName;
  private final Set<String> redirectUris = ConcurrentHashMap.newKeySet();
  private volatile List<String> permissions;
  private volatile String secret;
  private volatile boolean secretExpired;
  private final List<KeyCredential> keys = new CopyOnWriteArrayList<>();
  private final List<FederatedCredential> federated = new CopyOnWriteArrayList<>();

  /**
   * A registered key: a certificate with its thumbprints, or a bare public key (no thumbprint).
   *
   * @param key the public key
   * @param certificate the certificate, or null for a bare key
   * @param x5t base64url SHA-1 thumbprint of the certificate's DER encoding, or null
   * @param x5tS256 base64url SHA-256 thumbprint, or null
   */
  public record KeyCredential(
      PublicKey key, X509Certificate certificate, String x5t, String x5tS256) {

    /** A certificate credential. */
    public static KeyCredential of(X509Certificate certificate) {
      return new KeyCredential(certificate.getPublicKey(), certificate,
          thumbprint(certificate, "SHA-1"), thumbprint(certificate, "SHA-256"));
    }

    /** A bare key, matched by assertions that name no thumbprint. */
    public static KeyCredential of(PublicKey key) {
      return new KeyCredential(key, null, null, null);
    }

    private static String thumbprint(X509Certificate certificate, String algorithm) {
      try {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
            MessageDigest.getInstance(algorithm).digest(certificate.getEncoded()));
      } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
        throw new IllegalStateException("cannot compute a certificate thumbprint", e);
      }
    }
  }

  /**
   * A federated identity credential: tokens of {@code issuer} about {@code subject} for one of
   * {@code audiences} stand for the app.
   *
   * @param name the credential's name
   * @param issuer the external issuer, compared exactly
   * @param subject the subject, compared exactly
   * @param audiences the accepted audiences
   */
  public record FederatedCredential(
      String name, String issuer, String subject, List<String> audiences) {
    public FederatedCredential {
      audiences = List.copyOf(audiences);
    }
  }

  public AppState(String clientId, String displayName, String secret, List<String> permissions) {
    this.clientId = clientId;
    this.displayName = displayName;
    this.secret = secret;
    this.permissions = List.copyOf(permissions);
  }

  public String clientId() {
    return clientId;
  }

  public String displayName() {
    return displayName;
  }

  public Set<String> redirectUris() {
    return redirectUris;
  }

  public List<String> permissions() {
    return permissions;
  }

  public void permissions(List<String> permissions) {
    this.permissions = List.copyOf(permissions);
  }

  public String secret() {
    return secret;
  }

  /** Replaces the secret; the new one is not expired. */
  public void secret(String secret) {
    this.secret = secret;
    this.secretExpired = false;
  }

  public boolean secretExpired() {
    return secretExpired;
  }

  public void expireSecret() {
    this.secretExpired = true;
  }

  /** The registered keys, oldest first. */
  public List<KeyCredential> keys() {
    return List.copyOf(keys);
  }

  /** Registers a key (certificates with the same thumbprint are registered once). */
  public void addKey(KeyCredential key) {
    if (key.x5tS256() == null || findByThumbprint(key.x5tS256()).isEmpty()) {
      keys.add(key);
    }
  }

  /** Removes the certificate with this SHA-256 thumbprint; returns whether there was one. */
  public boolean removeKey(String x5tS256) {
    return keys.removeIf(k -> x5tS256.equals(k.x5tS256()));
  }

  /**
   * Finds a registered certificate by a thumbprint as a client put it in a header: SHA-1 or
   * SHA-256, base64url or base64, with or without padding.
   */
  public Optional<KeyCredential> findByThumbprint(String headerValue) {
    String wanted = headerValue.replace('+', '-').replace('/', '_').replaceAll("=+$", "");
    return keys.stream()
        .filter(k -> wanted.equals(k.x5t()) || wanted.equals(k.x5tS256()))
        .findFirst();
  }

  /** The registered federated identity credentials. */
  public List<FederatedCredential> federatedCredentials() {
    return List.copyOf(federated);
  }

  /** Adds a federated identity credential. */
  public void addFederatedCredential(FederatedCredential credential) {
    federated.add(credential);
  }
}
