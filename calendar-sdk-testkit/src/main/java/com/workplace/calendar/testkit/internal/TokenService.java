package com.workplace.calendar.testkit.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues and validates the fake's access tokens: RS256 JWTs signed with a key generated at
 * start. Every issued token is remembered, so {@link #expireAll()} can revoke them at once and
 * tokens from anywhere else are rejected.
 */
public final class TokenService {

  /** The Graph resource (token audience). */
  public static final String GRAPH = "https://graph.microsoft.com";

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final Clock clock;
  private final Ids ids;
  private final KeyPair signingKey;
  private final X509Certificate signingCertificate;
  private final String keyId;
  private final Map<String, Principal> issued = new ConcurrentHashMap<>();
  private volatile Duration lifetime;

  public TokenService(Clock clock, Ids ids, Duration lifetime) {
    this.clock = clock;
    this.ids = ids;
    this.lifetime = lifetime;
    this.signingKey = SelfSignedCertificates.rsaKeyPair();
    this.signingCertificate =
        SelfSignedCertificates.certificate(signingKey, "fake-microsoft365-token-signing",
            List.of(), List.of(), Duration.ofDays(3650));
    this.keyId = thumbprint(signingCertificate);
  }

  /** The configured token lifetime. */
  public Duration lifetime() {
    return lifetime;
  }

  /**
   * Issues an app-only token for Graph.
   *
   * @param tenantId the tenant
   * @param clientId the app
   * @param roles the roles (consented application permissions)
   * @return the compact JWT
   */
  public String issueAppToken(String tenantId, String clientId, Collection<String> roles) {
    Map<String, Object> claims = baseClaims(tenantId, clientId, GRAPH);
    claims.put("idtyp", "app");
    claims.put("oid", ids.guid());
    claims.put("sub", claims.get("oid"));
    claims.put("roles", List.copyOf(roles));
    return sign(claims, new Principal(tenantId, clientId, Set.copyOf(roles), false, null, GRAPH,
        expiry(claims)));
  }

  /**
   * Issues a delegated token.
   *
   * @param tenantId the tenant
   * @param clientId the app
   * @param audience the resource
   * @param scopes the granted scopes (short names)
   * @param user the signed-in user
   * @return the compact JWT
   */
  public String issueDelegatedToken(
      String tenantId, String clientId, String audience, Collection<String> scopes,
      MailboxState user) {
    Map<String, Object> claims = baseClaims(tenantId, clientId, audience);
    claims.put("idtyp", "user");
    claims.put("oid", user.objectId());
    claims.put("sub", user.objectId());
    claims.put("upn", user.address());
    claims.put("unique_name", user.address());
    claims.put("name", user.displayName());
    claims.put("scp", String.join(" ", scopes));
    return sign(claims, new Principal(tenantId, clientId, Set.copyOf(scopes), true,
        user.address(), audience, expiry(claims)));
  }

  /**
   * Issues an OpenID Connect id token.
   *
   * @param issuer the v2 issuer
   * @param tenantId the tenant
   * @param clientId the app (audience)
   * @param user the signed-in user
   * @param nonce the nonce of the authorize request or null
   * @return the compact JWT
   */
  public String issueIdToken(
      String issuer, String tenantId, String clientId, MailboxState user, String nonce) {
    long now = clock.instant().getEpochSecond();
    Map<String, Object> claims = Json.object(
        "aud", clientId, "iss", issuer, "iat", now, "nbf", now,
        "exp", now + lifetime.getSeconds(), "name", user.displayName(), "oid", user.objectId(),
        "preferred_username", user.address(), "sub", user.objectId(), "tid", tenantId,
        "ver", "2.0");
    if (nonce != null) {
      claims.put("nonce", nonce);
    }
    return Jwt.signRs256(Json.object("kid", keyId), claims, signingKey.getPrivate());
  }

  private Map<String, Object> baseClaims(String tenantId, String clientId, String audience) {
    long now = clock.instant().getEpochSecond();
    return Json.object(
        "aud", audience,
        "iss", "https://sts.windows.net/" + tenantId + "/",
        "iat", now,
        "nbf", now,
        "exp", now + lifetime.getSeconds(),
        "aio", ids.token(24),
        "app_displayname", "fake",
        "appid", clientId,
        "azp", clientId,
        "appidacr", "1",
        "idp", "https://sts.windows.net/" + tenantId + "/",
        "jti", ids.guid(),
        "tid", tenantId,
        "ver", "1.0");
  }

  private static Instant expiry(Map<String, Object> claims) {
    return Instant.ofEpochSecond((Long) claims.get("exp"));
  }

  private String sign(Map<String, Object> claims, Principal principal) {
    String token =
        Jwt.signRs256(Json.object("x5t", keyId, "kid", keyId), claims, signingKey.getPrivate());
    issued.put(token, principal);
    return token;
  }

  /**
   * Validates a bearer token for Graph.
   *
   * @param token the token (without {@code Bearer })
   * @return the principal
   * @throws GraphException 401 {@code InvalidAuthenticationToken} when it is not valid
   */
  public Principal validate(String token) {
    if (token == null || token.isBlank()) {
      throw unauthenticated("Access token is empty.");
    }
    Principal p = issued.get(token);
    if (p == null) {
      try {
        Jwt jwt = Jwt.parse(token);
        if (!jwt.verify(signingKey.getPublic())) {
          throw unauthenticated("Access token validation failure. Invalid signature.");
        }
        throw unauthenticated("Access token has expired or is not yet valid.");
      } catch (Jwt.MalformedTokenException e) {
        throw unauthenticated("IDX14100: JWT is not well formed, there are no dots (.).");
      }
    }
    if (!clock.instant().isBefore(p.expiresAt())) {
      throw unauthenticated("Lifetime validation failed, the token is expired.");
    }
    if (!GRAPH.equals(p.audience())) {
      throw unauthenticated("Access token validation failure. Invalid audience.");
    }
    return p;
  }

  private static GraphException unauthenticated(String message) {
    return new GraphException(401, "InvalidAuthenticationToken", message).header(
        "WWW-Authenticate",
        "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/"
            + "oauth2/authorize\", client_id=\"00000003-0000-0000-c000-000000000000\"");
  }

  /** Revokes every token issued so far. */
  public void expireAll() {
    issued.clear();
  }

  /** The JSON Web Key Set with the signing key. */
  public Map<String, Object> jwks(String issuer) {
    RSAPublicKey key = (RSAPublicKey) signingKey.getPublic();
    try {
      return Json.object("keys", List.of(Json.object(
          "kty", "RSA",
          "use", "sig",
          "kid", keyId,
          "x5t", keyId,
          "n", B64.encodeToString(unsigned(key.getModulus())),
          "e", B64.encodeToString(unsigned(key.getPublicExponent())),
          "x5c", List.of(Base64.getEncoder().encodeToString(signingCertificate.getEncoded())),
          "issuer", issuer)));
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      return java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return bytes;
  }

  private static String thumbprint(X509Certificate certificate) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded());
      return B64.encodeToString(digest);
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Base64url of UTF-8 text. */
  static String b64(String text) {
    return B64.encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
