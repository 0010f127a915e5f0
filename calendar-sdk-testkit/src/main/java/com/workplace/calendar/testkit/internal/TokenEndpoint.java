package com.workplace.calendar.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code POST /{tenant}/oauth2/v2.0/token}: client credentials (secret, certificate assertion or
 * federated token, see {@link ClientAssertions}), authorization code (with PKCE) and refresh token
 * grants.
 */
public final class TokenEndpoint {

  private static final String JWT_BEARER =
      "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  private record Refresh(String tenantId, String clientId, String userKey, Scopes scopes) {}

  private record Client(AppState app, boolean authenticated) {}

  private final Directory directory;
  private final TokenService tokens;
  private final ConsentFlows flows;
  private final ClientAssertions assertions;
  private final Map<String, Refresh> refreshTokens = new ConcurrentHashMap<>();

  public TokenEndpoint(Directory directory, TokenService tokens, ConsentFlows flows) {
    this.directory = directory;
    this.tokens = tokens;
    this.flows = flows;
    this.assertions = new ClientAssertions(directory);
  }

  /** Forgets refresh tokens and used client assertion ids. */
  public void clear() {
    refreshTokens.clear();
    assertions.clear();
  }

  /**
   * Handles a token request.
   *
   * @param req the request
   * @param tenantSegment the tenant path segment
   * @return the token response or an OAuth error
   */
  public FakeResponse handle(FakeRequest req, String tenantSegment) {
    try {
      return FakeResponse.plainJson(200, grant(req, tenantSegment))
          .header("Cache-Control", "no-store, no-cache")
          .header("Pragma", "no-cache")
          .header("x-ms-request-id", directory.ids().requestId());
    } catch (AadErrors.AadException e) {
      return AadErrors.tokenError(e, directory.ids(), directory.clock(), req.baseUrl());
    }
  }

  private Map<String, Object> grant(FakeRequest req, String tenantSegment) {
    Map<String, List<String>> form = req.form();
    String grantType = first(form, "grant_type");
    boolean multiTenantAlias = tenantSegment.equalsIgnoreCase("common")
        || tenantSegment.equalsIgnoreCase("organizations");
    TenantState tenant = multiTenantAlias && !"client_credentials".equals(grantType) ? null
        : directory.findTenant(tenantSegment)
            .orElseThrow(() -> AadErrors.tenantNotFound(tenantSegment));
    if (grantType == null) {
      throw AadErrors.missingParameter("grant_type");
    }
    Client client = authenticate(req, form, tenant, tenantSegment);
    switch (grantType) {
      case "client_credentials":
        return clientCredentials(form, tenant, client.app());
      case "authorization_code":
        return authorizationCode(form, tenant, client.app());
      case "refresh_token":
        return refresh(form, tenant, client.app());
      default:
        throw new AadErrors.AadException(400, "unsupported_grant_type", 70003,
            "The app requested an unsupported grant type '" + grantType + "'.");
    }
  }

  private Client authenticate(
      FakeRequest req, Map<String, List<String>> form, TenantState tenant, String tenantSegment) {
    String tenantName = tenant == null ? tenantSegment : tenant.domain();
    String clientId = first(form, "client_id");
    String secret = first(form, "client_secret");
    String basic = req.header("Authorization");
    if (basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(basic.substring(6).trim()),
            StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw invalidClient(7000218, "The HTTP Basic credentials are malformed.");
      }
      int colon = decoded.indexOf(':');
      if (colon > 0) {
        clientId = UrlCodec.decode(decoded.substring(0, colon), true);
        secret = UrlCodec.decode(decoded.substring(colon + 1), true);
      }
    }
    if (clientId == null || clientId.isBlank()) {
      throw AadErrors.missingParameter("client_id");
    }
    String id = clientId;
    AppState app = directory.app(clientId)
        .orElseThrow(() -> AadErrors.appNotFound(id, tenantName));
    String assertion = first(form, "client_assertion");
    if (assertion != null) {
      if (!JWT_BEARER.equals(first(form, "client_assertion_type"))) {
        throw new AadErrors.AadException(400, "invalid_request", 70002,
            "The client_assertion_type must be '" + JWT_BEARER + "'.");
      }
      assertions.verify(app, tenant, tenantSegment, req.baseUrl(), assertion);
      return new Client(app, true);
    }
    if (secret == null || secret.isEmpty()) {
      throw invalidClient(7000218, "The request body must contain the following"
          + " parameter: 'client_assertion' or 'client_secret'.");
    }
    if (!MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
        app.secret().getBytes(StandardCharsets.UTF_8))) {
      throw invalidClient(7000215, "Invalid client secret provided. Ensure the secret"
          + " being sent in the request is the client secret value, not the client secret ID,"
          + " for a secret added to app '" + app.clientId() + "'.");
    }
    if (app.secretExpired()) {
      throw invalidClient(7000222, "The provided client secret keys for app '"
          + app.clientId() + "' are expired. Visit the Azure portal to create new keys for"
          + " your app.");
    }
    return new Client(app, true);
  }

  private Map<String, Object> clientCredentials(
      Map<String, List<String>> form, TenantState tenant, AppState app) {
    String scope = first(form, "scope");
    if (scope == null) {
      throw AadErrors.missingParameter("scope");
    }
    if (!Scopes.parse(scope).isGraphDefault()) {
      throw new AadErrors.AadException(400, "invalid_scope", 70011, "The provided value for"
          + " the input parameter 'scope' isn't valid. The scope " + scope + " isn't valid.");
    }
    Set<String> roles = tenant.consent(app.clientId()).orElseThrow(() ->
        invalidClient(7000229, "The client application " + app.clientId()
            + " is missing service principal in the tenant " + tenant.id()
            + ". See instructions here: https://go.microsoft.com/fwlink/?linkid=2225119"));
    String token = tokens.issueAppToken(tenant.id(), app.clientId(), roles);
    long lifetime = tokens.lifetime().getSeconds();
    return Json.object("token_type", "Bearer", "expires_in", lifetime, "ext_expires_in",
        lifetime, "access_token", token);
  }

  private Map<String, Object> authorizationCode(
      Map<String, List<String>> form, TenantState tenant, AppState app) {
    String codeValue = first(form, "code");
    if (codeValue == null) {
      throw AadErrors.missingParameter("code");
    }
    ConsentFlows.AuthCode code = flows.redeem(codeValue).orElseThrow(this::badCode);
    if (!code.clientId().equals(app.clientId())
        || directory.clock().millis() > code.expiresAtMillis()
        || (tenant != null && !tenant.id().equals(code.tenantId()))) {
      throw badCode();
    }
    if (!code.redirectUri().equals(first(form, "redirect_uri"))) {
      throw new AadErrors.AadException(400, "invalid_grant", 50148, "The redirect_uri of the"
          + " token request does not match the one of the authorization request.");
    }
    if (code.codeChallenge() != null && !pkceMatches(code, first(form, "code_verifier"))) {
      throw new AadErrors.AadException(400, "invalid_grant", 501481,
          "The Code_Verifier does not match the code_challenge supplied in the authorization"
              + " request.");
    }
    TenantState t = directory.findTenant(code.tenantId()).orElseThrow();
    return delegatedResponse(t, app, code.userKey(), code.scopes(), code.nonce());
  }

  private Map<String, Object> refresh(
      Map<String, List<String>> form, TenantState tenant, AppState app) {
    String value = first(form, "refresh_token");
    Refresh r = value == null ? null : refreshTokens.remove(value);
    if (r == null || !r.clientId().equals(app.clientId())
        || (tenant != null && !tenant.id().equals(r.tenantId()))) {
      throw new AadErrors.AadException(400, "invalid_grant", 9002313,
          "Invalid request. Request is malformed or invalid: the refresh token is not valid.");
    }
    TenantState t = directory.findTenant(r.tenantId()).orElseThrow();
    return delegatedResponse(t, app, r.userKey(), r.scopes(), null);
  }

  private Map<String, Object> delegatedResponse(
      TenantState tenant, AppState app, String userKey, Scopes scopes, String nonce) {
    MailboxState user = tenant.mailbox(userKey).orElseThrow(this::badCode);
    List<String> granted = scopes.expand(app.permissions());
    String audience = scopes.audience() == null ? TokenService.GRAPH : scopes.audience();
    long lifetime = tokens.lifetime().getSeconds();
    Map<String, Object> body = Json.object("token_type", "Bearer");
    StringBuilder scope = new StringBuilder();
    for (String p : granted) {
      scope.append(scope.length() == 0 ? "" : " ").append(audience).append('/').append(p);
    }
    body.put("scope", scope.toString());
    body.put("expires_in", lifetime);
    body.put("ext_expires_in", lifetime);
    body.put("access_token",
        tokens.issueDelegatedToken(tenant.id(), app.clientId(), audience, granted, user));
    if (scopes.offlineAccess()) {
      String refresh = directory.ids().token(64);
      refreshTokens.put(refresh, new Refresh(tenant.id(), app.clientId(), user.key(), scopes));
      body.put("refresh_token", refresh);
    }
    String issuer = "https://login.microsoftonline.com/" + tenant.id() + "/v2.0";
    body.put("id_token", tokens.issueIdToken(issuer, tenant.id(), app.clientId(), user, nonce));
    body.put("client_info", TokenService.b64(Json.write(Json.object("uid", user.objectId(),
        "utid", tenant.id()))));
    return body;
  }

  private static boolean pkceMatches(ConsentFlows.AuthCode code, String verifier) {
    if (verifier == null) {
      return false;
    }
    if ("S256".equals(code.codeChallengeMethod())) {
      try {
        byte[] digest = MessageDigest.getInstance("SHA-256")
            .digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest)
            .equals(code.codeChallenge());
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    return verifier.equals(code.codeChallenge());
  }

  private AadErrors.AadException badCode() {
    return new AadErrors.AadException(400, "invalid_grant", 70008, "The provided authorization"
        + " code or refresh token has expired due to inactivity, was already redeemed or is"
        + " not valid.");
  }

  private static String first(Map<String, List<String>> form, String name) {
    List<String> values = form.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** A 401 {@code invalid_client} error. */
  private static AadErrors.AadException invalidClient(int code, String description) {
    return new AadErrors.AadException(401, "invalid_client", code, description);
  }
}
