package com.workplace.calendar.testkit.internal;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * Routes the identity platform's endpoints: instance discovery, OpenID Connect metadata, JWKS,
 * admin consent, authorize and token.
 */
public final class IdentityRouter {

  private final Directory directory;
  private final TokenService tokens;
  private final ConsentFlows flows;
  private final TokenEndpoint tokenEndpoint;

  public IdentityRouter(
      Directory directory, TokenService tokens, ConsentFlows flows, TokenEndpoint tokenEndpoint) {
    this.directory = directory;
    this.tokens = tokens;
    this.flows = flows;
    this.tokenEndpoint = tokenEndpoint;
  }

  /**
   * Handles a request outside {@code /v1.0/}.
   *
   * @param req the request
   * @return the response
   */
  public FakeResponse handle(FakeRequest req) {
    List<String> s = req.segments();
    String m = req.method();
    if (s.size() == 1 && s.get(0).equals("error")) {
      return AadErrors.page(new AadErrors.AadException(400, "error",
          parseCode(req.query("code")), "See the error code."), directory.ids());
    }
    if (s.size() < 2) {
      return notFound();
    }
    String tenant = s.get(0);
    List<String> rest = s.subList(1, s.size());
    if (matches(rest, "discovery", "instance") && m.equals("GET")) {
      return discovery(req);
    }
    if (matches(rest, "v2.0", ".well-known", "openid-configuration") && m.equals("GET")) {
      return openIdConfiguration(req, tenant);
    }
    if ((matches(rest, "discovery", "v2.0", "keys") || matches(rest, "discovery", "keys"))
        && m.equals("GET")) {
      return FakeResponse.plainJson(200, tokens.jwks(issuer(req.baseUrl(), tenant)));
    }
    if (matches(rest, "adminconsent") && m.equals("GET")) {
      return flows.adminConsent(req, tenant, false);
    }
    if (matches(rest, "v2.0", "adminconsent") && m.equals("GET")) {
      return flows.adminConsent(req, tenant, true);
    }
    if (matches(rest, "adminconsent", "decision") && (m.equals("GET") || m.equals("POST"))) {
      return flows.decision(req);
    }
    if (matches(rest, "oauth2", "v2.0", "authorize") && (m.equals("GET") || m.equals("POST"))) {
      return flows.authorize(req, tenant);
    }
    if (matches(rest, "oauth2", "v2.0", "token") && m.equals("POST")) {
      return tokenEndpoint.handle(req, tenant);
    }
    return notFound();
  }

  private FakeResponse discovery(FakeRequest req) {
    String authorizationEndpoint = req.query("authorization_endpoint");
    String tenant = "common";
    if (authorizationEndpoint != null) {
      try {
        String path = URI.create(authorizationEndpoint).getPath();
        String[] parts = path == null ? new String[0] : path.split("/");
        if (parts.length > 1 && !parts[1].isEmpty()) {
          tenant = parts[1];
        }
      } catch (IllegalArgumentException ignored) {
        // keep "common"
      }
    }
    return FakeResponse.plainJson(200, instanceDiscovery(req.baseUrl(), tenant));
  }

  /**
   * The instance discovery document. The preferred network and cache are the bare host (msal4j
   * keeps the authority's port when it swaps hosts) and the aliases hold the host with and
   * without the port: msal4j looks metadata up by host alone but caches tokens under host and
   * port.
   *
   * @param baseUrl scheme, host and port of the fake
   * @param tenant the tenant for the discovery endpoint
   * @return the document
   */
  public static Map<String, Object> instanceDiscovery(String baseUrl, String tenant) {
    URI base = URI.create(baseUrl);
    String hostAndPort = base.getAuthority();
    return Json.object(
        "tenant_discovery_endpoint",
        baseUrl + "/" + tenant + "/v2.0/.well-known/openid-configuration",
        "api-version", "1.1",
        "metadata", List.of(Json.object(
            "preferred_network", base.getHost(),
            "preferred_cache", base.getHost(),
            "aliases", List.of(hostAndPort, base.getHost()))));
  }

  private FakeResponse openIdConfiguration(FakeRequest req, String tenant) {
    boolean alias = tenant.equalsIgnoreCase("common") || tenant.equalsIgnoreCase("organizations")
        || tenant.equalsIgnoreCase("consumers");
    Optional<TenantState> known = alias ? Optional.empty() : directory.findTenant(tenant);
    if (!alias && known.isEmpty()) {
      return AadErrors.tokenError(AadErrors.tenantNotFound(tenant), directory.ids(),
          directory.clock(), req.baseUrl());
    }
    // as Microsoft does, a tenant named by domain is answered with its directory GUID
    String id = known.map(TenantState::id).orElse(tenant);
    String base = req.baseUrl() + "/" + id;
    Map<String, Object> body = Json.object(
        "token_endpoint", base + "/oauth2/v2.0/token",
        "token_endpoint_auth_methods_supported",
        List.of("client_secret_post", "private_key_jwt", "client_secret_basic"),
        "jwks_uri", base + "/discovery/v2.0/keys",
        "response_modes_supported", List.of("query", "fragment", "form_post"),
        "subject_types_supported", List.of("pairwise"),
        "id_token_signing_alg_values_supported", List.of("RS256"),
        "response_types_supported",
        List.of("code", "id_token", "code id_token", "id_token token"),
        "scopes_supported", List.of("openid", "profile", "email", "offline_access"),
        "issuer", issuer(req.baseUrl(), alias ? "{tenantid}" : id),
        "request_uri_parameter_supported", false,
        "userinfo_endpoint", req.baseUrl() + "/oidc/userinfo",
        "authorization_endpoint", base + "/oauth2/v2.0/authorize",
        "device_authorization_endpoint", base + "/oauth2/v2.0/devicecode",
        "http_logout_supported", true,
        "frontchannel_logout_supported", true,
        "end_session_endpoint", base + "/oauth2/v2.0/logout",
        "claims_supported", List.of("sub", "iss", "aud", "exp", "iat", "nonce",
            "preferred_username", "name", "tid", "ver", "oid"),
        "tenant_region_scope", "EU",
        "cloud_instance_name", "microsoftonline.com",
        "cloud_graph_host_name", "graph.windows.net",
        "msgraph_host", "graph.microsoft.com",
        "rbac_url", "https://pas.windows.net");
    return FakeResponse.plainJson(200, body);
  }

  private static String issuer(String baseUrl, String tenant) {
    return baseUrl + "/" + tenant + "/v2.0";
  }

  private static boolean matches(List<String> segments, String... expected) {
    if (segments.size() != expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if (!segments.get(i).equalsIgnoreCase(expected[i])) {
        return false;
      }
    }
    return true;
  }

  private static int parseCode(String code) {
    try {
      return code == null ? 0 : Integer.parseInt(code);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private FakeResponse notFound() {
    return AadErrors.page(new AadErrors.AadException(404, "not_found", 900561,
        "The endpoint only accepts the documented identity platform paths."), directory.ids());
  }
}
