package com.workplace.calendar.testkit.internal;

import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies a {@code client_assertion} as the identity platform does. Two kinds exist:
 *
 * <ul>
 *   <li>a certificate assertion the app signs itself: header {@code x5t#S256} or {@code x5t} names
 *       a certificate registered on the app, {@code iss} = {@code sub} = client id, {@code aud} =
 *       the tenant's token endpoint, {@code exp}, {@code nbf} and a {@code jti} used once;
 *   <li>a federated token of an external issuer (workload identity federation): a federated
 *       credential of the app must name its {@code iss} and {@code sub} exactly and list its {@code
 *       aud} (usually {@code api://AzureADTokenExchange}); the issuer's key must verify it. Such
 *       tokens are reused until they expire, so their {@code jti} is not checked.
 * </ul>
 *
 * <p>An assertion whose {@code iss} is the client id or whose header names a thumbprint is a
 * certificate assertion; any other is a federated token. Each failure raises the AADSTS error the
 * identity platform answers with (see the testkit README for which codes are verified).
 */
public final class ClientAssertions {

  /** Tokens this far ahead of the clock ({@code nbf}) are still accepted. */
  private static final long CLOCK_SKEW_SECONDS = 300;

  private final Directory directory;
  private final Map<String, Long> usedIds = new ConcurrentHashMap<>();

  public ClientAssertions(Directory directory) {
    this.directory = directory;
  }

  /** Forgets the used {@code jti} values. */
  public void clear() {
    usedIds.clear();
  }

  /**
   * Verifies an assertion presented for an app at a tenant's token endpoint.
   *
   * @param app the app named by {@code client_id}
   * @param tenant the tenant of the token endpoint, or null for {@code common}/{@code
   *     organizations}
   * @param tenantSegment the tenant path segment as the request wrote it
   * @param baseUrl the fake's scheme, host and port as the request used them
   * @param assertion the compact JWT
   * @throws AadErrors.AadException when the identity platform would refuse it
   */
  public void verify(
      AppState app, TenantState tenant, String tenantSegment, String baseUrl, String assertion) {
    Jwt jwt;
    try {
      jwt = Jwt.parse(assertion);
    } catch (Jwt.MalformedTokenException e) {
      throw new AadErrors.AadException(400, "invalid_client", 50027,
          "JWT token is invalid or malformed.");
    }
    Object type = jwt.header().get("typ");
    if (type != null && !"JWT".equalsIgnoreCase(type.toString())
        && !"http://openid.net/specs/jwt/1.0".equals(type.toString())) {
      throw new AadErrors.AadException(400, "invalid_request", 5002727, "Invalid JWT header type"
          + " specified, must be 'JWT' or 'http://openid.net/specs/jwt/1.0'.");
    }
    boolean certificate = app.clientId().equalsIgnoreCase(jwt.claim("iss"))
        || jwt.header().containsKey("x5t") || jwt.header().containsKey("x5t#S256");
    if (certificate) {
      verifyCertificateAssertion(app, tenant, tenantSegment, baseUrl, jwt);
    } else {
      verifyFederatedToken(app, jwt);
    }
  }

  private void verifyCertificateAssertion(
      AppState app, TenantState tenant, String tenantSegment, String baseUrl, Jwt jwt) {
    PublicKey key = signingKey(app, jwt);
    if (key == null || !jwt.verify(key)) {
      throw invalidClient(700027, "Client assertion failed signature validation: the certificate"
          + " named by the assertion's x5t#S256 or x5t is not registered on application '"
          + app.clientId() + "', or the signature does not verify with it.");
    }
    if (!app.clientId().equalsIgnoreCase(jwt.claim("iss"))
        || !app.clientId().equalsIgnoreCase(jwt.claim("sub"))) {
      throw invalidClient(700021, "Client assertion application identifier doesn't match"
          + " 'client_id' parameter: its 'iss' and 'sub' claims must be the client id.");
    }
    List<String> expected = audiences(tenant, tenantSegment, baseUrl);
    if (audience(jwt).stream().noneMatch(a -> expected.contains(normalize(a)))) {
      throw invalidClient(700023, "Client assertion audience claim does not match Realm issuer:"
          + " 'aud' must be the tenant's token endpoint, e.g. '" + expected.get(0) + "'.");
    }
    long exp = checkTime(jwt);
    String jti = jwt.claim("jti");
    if (jti == null || jti.isBlank()) {
      throw invalidClient(50013, "Assertion is invalid: the client assertion carries no 'jti'.");
    }
    long now = directory.clock().instant().getEpochSecond();
    usedIds.values().removeIf(expiry -> expiry < now);
    if (usedIds.putIfAbsent(app.clientId() + " " + jti, exp) != null) {
      throw invalidClient(50013, "Assertion is invalid: a client assertion with this 'jti' was"
          + " already used; make a new assertion for every request.");
    }
  }

  private static PublicKey signingKey(AppState app, Jwt jwt) {
    for (String header : new String[] {"x5t#S256", "x5t"}) {
      Object thumbprint = jwt.header().get(header);
      if (thumbprint != null) {
        return app.findByThumbprint(thumbprint.toString())
            .map(AppState.KeyCredential::key).orElse(null);
      }
    }
    // a bare public key registered without a certificate matches an assertion naming none
    for (AppState.KeyCredential k : app.keys()) {
      if (k.certificate() == null && jwt.verify(k.key())) {
        return k.key();
      }
    }
    return null;
  }

  private void verifyFederatedToken(AppState app, Jwt jwt) {
    String issuer = jwt.claim("iss");
    String subject = jwt.claim("sub");
    List<AppState.FederatedCredential> byIssuer = new ArrayList<>();
    for (AppState.FederatedCredential c : app.federatedCredentials()) {
      if (c.issuer().equals(issuer)) {
        byIssuer.add(c);
      }
    }
    if (byIssuer.isEmpty()) {
      throw invalidClient(700211, "No matching federated identity record found for presented"
          + " assertion issuer '" + issuer + "'. Please check your federated identity credential"
          + " Subject, Audience and Issuer against the presented assertion.");
    }
    List<AppState.FederatedCredential> bySubject = new ArrayList<>();
    boolean caseOnly = false;
    for (AppState.FederatedCredential c : byIssuer) {
      if (c.subject().equals(subject)) {
        bySubject.add(c);
      } else if (c.subject().equalsIgnoreCase(subject)) {
        caseOnly = true;
      }
    }
    if (bySubject.isEmpty()) {
      if (caseOnly) {
        throw invalidClient(7002138, "No matching federated identity record found for presented"
            + " assertion subject '" + subject + "'. The subject matches with case-insensitive"
            + " comparison, but not with case-sensitive comparison.");
      }
      throw invalidClient(700213, "No matching federated identity record found for presented"
          + " assertion subject '" + subject + "'. Please check your federated identity credential"
          + " Subject, Audience and Issuer against the presented assertion.");
    }
    List<String> audiences = audience(jwt);
    boolean audienceMatches = bySubject.stream()
        .anyMatch(c -> c.audiences().stream().anyMatch(audiences::contains));
    if (!audienceMatches) {
      throw invalidClient(700212, "No matching federated identity record found for presented"
          + " assertion audience '" + String.join(",", audiences) + "'. Please check your"
          + " federated identity credential Subject, Audience and Issuer against the presented"
          + " assertion.");
    }
    PublicKey key = directory.findIssuer(issuer).map(FederatedIssuerState::publicKey).orElse(null);
    if (key == null || !jwt.verify(key)) {
      throw invalidClient(700027, "Client assertion failed signature validation: the token is not"
          + " signed with a key of issuer '" + issuer + "'.");
    }
    checkTime(jwt);
  }

  /** Checks {@code exp} and {@code nbf}; returns {@code exp}. */
  private long checkTime(Jwt jwt) {
    long now = directory.clock().instant().getEpochSecond();
    long exp = jwt.numericClaim("exp");
    long nbf = jwt.numericClaim("nbf");
    if (exp == Long.MIN_VALUE || exp <= now
        || (nbf != Long.MIN_VALUE && nbf > now + CLOCK_SKEW_SECONDS)) {
      throw invalidClient(700024, "Client assertion is not within its valid time range. Current"
          + " time: " + now + ", assertion valid from " + (nbf == Long.MIN_VALUE ? "-" : nbf)
          + ", expiry time of assertion " + (exp == Long.MIN_VALUE ? "-" : exp) + ".");
    }
    return exp;
  }

  /** The token endpoints of the tenant, by id and by every domain, as the client reached them. */
  private List<String> audiences(TenantState tenant, String tenantSegment, String baseUrl) {
    List<String> names = new ArrayList<>();
    if (tenant != null) {
      names.add(tenant.id());
      names.add(tenant.domain());
    } else {
      names.add(tenantSegment);
    }
    List<String> endpoints = new ArrayList<>();
    for (String name : names) {
      endpoints.add(normalize(baseUrl + "/" + name + "/oauth2/v2.0/token"));
    }
    return endpoints;
  }

  private static String normalize(String url) {
    String u = url.toLowerCase(Locale.ROOT);
    return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
  }

  private static List<String> audience(Jwt jwt) {
    Object aud = jwt.claims().get("aud");
    if (aud instanceof List<?> list) {
      List<String> values = new ArrayList<>();
      for (Object a : list) {
        values.add(String.valueOf(a));
      }
      return values;
    }
    return aud == null ? List.of() : List.of(aud.toString());
  }

  private static AadErrors.AadException invalidClient(int code, String description) {
    return new AadErrors.AadException(401, "invalid_client", code, description);
  }
}
