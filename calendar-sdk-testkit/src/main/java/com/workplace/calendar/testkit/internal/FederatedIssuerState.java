package com.workplace.calendar.testkit.internal;

import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Map;

/**
 * An external token issuer the fake trusts for workload identity federation (a Kubernetes cluster,
 * a CI system): its URL and signing key. Tokens it signs are what a workload presents as {@code
 * client_assertion}.
 */
public final class FederatedIssuerState {

  private final String issuer;
  private final String keyId;
  private final KeyPair keys = SelfSignedCertificates.rsaKeyPair();

  FederatedIssuerState(String issuer, String keyId) {
    this.issuer = issuer;
    this.keyId = keyId;
  }

  public String issuer() {
    return issuer;
  }

  public PublicKey publicKey() {
    return keys.getPublic();
  }

  /**
   * Signs a token as this issuer would.
   *
   * @param subject the {@code sub} claim
   * @param audience the {@code aud} claim
   * @param issuedAt {@code iat} and {@code nbf}
   * @param expiresAt {@code exp}
   * @param jti the {@code jti} claim
   * @return the compact RS256 JWT
   */
  public String sign(
      String subject, String audience, Instant issuedAt, Instant expiresAt, String jti) {
    Map<String, Object> claims = Json.object(
        "aud", audience,
        "iss", issuer,
        "sub", subject,
        "iat", issuedAt.getEpochSecond(),
        "nbf", issuedAt.getEpochSecond(),
        "exp", expiresAt.getEpochSecond(),
        "jti", jti);
    return Jwt.signRs256(Json.object("kid", keyId), claims, keys.getPrivate());
  }
}
