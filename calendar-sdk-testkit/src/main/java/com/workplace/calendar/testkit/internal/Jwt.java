package com.workplace.calendar.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.Map;

/** A parsed compact JWS (JSON Web Token), plus RS256 signing and RS256/PS256 verification. */
public final class Jwt {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  private final Map<String, Object> header;
  private final Map<String, Object> claims;
  private final String signingInput;
  private final byte[] signature;

  private Jwt(
      Map<String, Object> header, Map<String, Object> claims, String signingInput, byte[] sig) {
    this.header = header;
    this.claims = claims;
    this.signingInput = signingInput;
    this.signature = sig;
  }

  /** Thrown when a token is not a well-formed JWS. */
  public static final class MalformedTokenException extends RuntimeException {
    MalformedTokenException(String message) {
      super(message);
    }
  }

  /**
   * Creates an RS256-signed token.
   *
   * @param header header members ({@code alg} is set to RS256)
   * @param claims the claims
   * @param key the signing key
   * @return the compact serialization
   */
  public static String signRs256(
      Map<String, Object> header, Map<String, Object> claims, PrivateKey key) {
    Map<String, Object> h = Json.object("typ", "JWT", "alg", "RS256");
    h.putAll(header);
    h.put("alg", "RS256");
    String input =
        B64.encodeToString(Json.write(h).getBytes(StandardCharsets.UTF_8))
            + "."
            + B64.encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8));
    try {
      Signature signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(key);
      signer.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + B64.encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
  }

  /**
   * Parses a compact JWS without verifying it.
   *
   * @param token the token
   * @return the parsed token
   * @throws MalformedTokenException when it is not three base64url parts with JSON objects
   */
  public static Jwt parse(String token) {
    if (token == null) {
      throw new MalformedTokenException("no token");
    }
    int first = token.indexOf('.');
    int second = first < 0 ? -1 : token.indexOf('.', first + 1);
    if (first <= 0 || second <= first + 1 || token.indexOf('.', second + 1) >= 0) {
      throw new MalformedTokenException("JWT is not well formed: it must have three parts");
    }
    try {
      Map<String, Object> header =
          Json.parseObject(new String(B64D.decode(token.substring(0, first)),
              StandardCharsets.UTF_8));
      Map<String, Object> claims =
          Json.parseObject(new String(B64D.decode(token.substring(first + 1, second)),
              StandardCharsets.UTF_8));
      byte[] signature = B64D.decode(token.substring(second + 1));
      return new Jwt(header, claims, token.substring(0, second), signature);
    } catch (IllegalArgumentException e) {
      throw new MalformedTokenException("JWT is not well formed: " + e.getMessage());
    }
  }

  public Map<String, Object> header() {
    return header;
  }

  public Map<String, Object> claims() {
    return claims;
  }

  /** Returns a string claim or null. */
  public String claim(String name) {
    Object value = claims.get(name);
    return value == null ? null : value.toString();
  }

  /** Returns a numeric claim or {@code Long.MIN_VALUE} when absent or not numeric. */
  public long numericClaim(String name) {
    Object value = claims.get(name);
    return value instanceof Number ? ((Number) value).longValue() : Long.MIN_VALUE;
  }

  /**
   * Verifies the signature with an RSA public key; RS256 and PS256 are accepted.
   *
   * @param key the public key
   * @return whether the signature is valid
   */
  public boolean verify(PublicKey key) {
    Object alg = header.get("alg");
    try {
      Signature verifier;
      if ("RS256".equals(alg)) {
        verifier = Signature.getInstance("SHA256withRSA");
      } else if ("PS256".equals(alg)) {
        verifier = Signature.getInstance("RSASSA-PSS");
        verifier.setParameter(
            new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
      } else {
        return false;
      }
      verifier.initVerify(key);
      verifier.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return verifier.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }
}
