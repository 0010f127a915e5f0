package com.workplace.calendar.testkit.internal;

import com.workplace.calendar.testkit.ConsentMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The browser-facing identity endpoints: admin consent (v1 and v2), authorize (authorization
 * code) and the decision links of the interactive consent page.
 */
public final class ConsentFlows {

  private static final long CODE_LIFETIME_MILLIS = 10 * 60 * 1000L;

  /** A redeemable authorization code. */
  public record AuthCode(
      String tenantId,
      String clientId,
      String redirectUri,
      Scopes scopes,
      String userKey,
      String codeChallenge,
      String codeChallengeMethod,
      String nonce,
      long expiresAtMillis) {}

  private enum Flow {
    ADMIN_V1,
    ADMIN_V2,
    AUTHORIZE
  }

  private record Ticket(
      Flow flow, TenantState tenant, AppState app, Map<String, String> params,
      List<String> permissions) {}

  private final Directory directory;
  private final Supplier<ConsentMode> defaultMode;
  private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();
  private final Map<String, AuthCode> codes = new ConcurrentHashMap<>();

  public ConsentFlows(Directory directory, Supplier<ConsentMode> defaultMode) {
    this.directory = directory;
    this.defaultMode = defaultMode;
  }

  /** Forgets pending consent pages and unredeemed codes. */
  public void clear() {
    tickets.clear();
    codes.clear();
  }

  /**
   * {@code GET /{tenant}/adminconsent} and {@code GET /{tenant}/v2.0/adminconsent}.
   *
   * @param req the request
   * @param tenantSegment the tenant path segment
   * @param v2 whether it is the v2 endpoint (requires {@code scope})
   * @return the redirect, consent page or error page
   */
  public FakeResponse adminConsent(FakeRequest req, String tenantSegment, boolean v2) {
    Map<String, String> params = params(req);
    try {
      TenantState tenant = resolveTenant(tenantSegment);
      AppState app = resolveApp(params.get("client_id"), tenant);
      checkRedirect(app, params.get("redirect_uri"));
      List<String> permissions = app.permissions();
      if (v2) {
        String scope = params.get("scope");
        if (scope == null || scope.isBlank()) {
          return redirect(params.get("redirect_uri"), errorParams("invalid_request",
              AadErrors.missingParameter("scope").aadsts(), params.get("state")));
        }
        permissions = Scopes.parse(scope).expand(app.permissions());
      }
      Ticket ticket = new Ticket(v2 ? Flow.ADMIN_V2 : Flow.ADMIN_V1, tenant, app, params,
          permissions);
      return decide(ticket, modeOf(tenant), req);
    } catch (AadErrors.AadException e) {
      return AadErrors.page(e, directory.ids());
    }
  }

  /**
   * {@code GET|POST /{tenant}/oauth2/v2.0/authorize} for {@code response_type=code}.
   *
   * @param req the request
   * @param tenantSegment the tenant path segment
   * @return the redirect, consent page or error page
   */
  public FakeResponse authorize(FakeRequest req, String tenantSegment) {
    Map<String, String> params = params(req);
    try {
      TenantState tenant = resolveTenant(tenantSegment);
      AppState app = resolveApp(params.get("client_id"), tenant);
      checkRedirect(app, params.get("redirect_uri"));
      String responseType = params.getOrDefault("response_type", "");
      if (!List.of(responseType.split(" ")).contains("code")) {
        return redirect(params.get("redirect_uri"), errorParams("unsupported_response_type",
            "AADSTS700054: response_type '" + responseType + "' is not enabled for the"
                + " application.", params.get("state")));
      }
      Scopes scopes = Scopes.parse(params.get("scope"));
      Ticket ticket = new Ticket(Flow.AUTHORIZE, tenant, app, params,
          scopes.expand(app.permissions()));
      return decide(ticket, modeOf(tenant), req);
    } catch (AadErrors.AadException e) {
      return AadErrors.page(e, directory.ids());
    }
  }

  /**
   * The Accept / Cancel links and forms of the interactive page: {@code
   * /{tenant}/adminconsent/decision?ticket=..&decision=accept|cancel}.
   *
   * @param req the request (GET query or POST form)
   * @return the redirect or an error page for an unknown ticket
   */
  public FakeResponse decision(FakeRequest req) {
    Map<String, String> params = params(req);
    Ticket ticket = params.get("ticket") == null ? null : tickets.remove(params.get("ticket"));
    if (ticket == null) {
      return AadErrors.page(new AadErrors.AadException(400, "invalid_request", 90014,
          "The consent request has expired or was already answered."), directory.ids());
    }
    return "accept".equalsIgnoreCase(params.get("decision")) ? accept(ticket) : decline(ticket);
  }

  /** Redeems an authorization code once. */
  public Optional<AuthCode> redeem(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(codes.remove(code));
  }

  // ------------------------------------------------------------------------

  private FakeResponse decide(Ticket ticket, ConsentMode mode, FakeRequest req) {
    switch (mode) {
      case DECLINE:
        return decline(ticket);
      case INTERACTIVE:
        String id = directory.ids().token(18);
        tickets.put(id, ticket);
        return FakeResponse.html(200, ConsentPage.render(ticket.app().displayName(),
            ticket.app().clientId(), ticket.permissions(), "/" + ticket.tenant().id()
                + "/adminconsent/decision", id, ticket.flow() != Flow.AUTHORIZE));
      case AUTO_ACCEPT:
      default:
        return accept(ticket);
    }
  }

  private FakeResponse accept(Ticket t) {
    Map<String, String> p = t.params();
    String redirectUri = p.get("redirect_uri");
    Map<String, String> out = new LinkedHashMap<>();
    if (t.flow() == Flow.AUTHORIZE) {
      MailboxState user = signedInUser(t.tenant(), p.get("login_hint"));
      String code = directory.ids().token(48);
      codes.put(code, new AuthCode(t.tenant().id(), t.app().clientId(), redirectUri,
          Scopes.parse(p.get("scope")), user.key(), p.get("code_challenge"),
          p.get("code_challenge_method"), p.get("nonce"),
          directory.clock().millis() + CODE_LIFETIME_MILLIS));
      out.put("code", code);
      putIfPresent(out, "state", p.get("state"));
      out.put("session_state", directory.ids().guid());
      return redirect(redirectUri, out, p.get("response_mode"));
    }
    t.tenant().grant(t.app().clientId(), t.permissions());
    out.put("admin_consent", "True");
    out.put("tenant", t.tenant().id());
    putIfPresent(out, "state", p.get("state"));
    if (t.flow() == Flow.ADMIN_V2) {
      out.put("scope", p.get("scope"));
    }
    return redirect(redirectUri, out);
  }

  private FakeResponse decline(Ticket t) {
    String description = "AADSTS65004: User declined to consent to access the app.";
    Map<String, String> out = errorParams("access_denied", description, t.params().get("state"));
    return redirect(t.params().get("redirect_uri"), out,
        t.flow() == Flow.AUTHORIZE ? t.params().get("response_mode") : null);
  }

  private MailboxState signedInUser(TenantState tenant, String loginHint) {
    if (loginHint != null) {
      Optional<MailboxState> hinted = tenant.mailbox(loginHint);
      if (hinted.isPresent() && hinted.get().kind() == MailboxState.Kind.USER) {
        return hinted.get();
      }
    }
    return tenant.mailbox("admin@" + tenant.domain()).orElseThrow();
  }

  private ConsentMode modeOf(TenantState tenant) {
    ConsentMode mode = tenant.consentMode();
    return mode != null ? mode : defaultMode.get();
  }

  private TenantState resolveTenant(String segment) {
    if (segment.equalsIgnoreCase("common") || segment.equalsIgnoreCase("organizations")) {
      List<TenantState> all = directory.tenants();
      if (all.size() == 1) {
        return all.get(0);
      }
      throw AadErrors.tenantNotFound(segment);
    }
    return directory.findTenant(segment).orElseThrow(() -> AadErrors.tenantNotFound(segment));
  }

  private AppState resolveApp(String clientId, TenantState tenant) {
    if (clientId == null || clientId.isBlank()) {
      throw AadErrors.missingParameter("client_id");
    }
    return directory.app(clientId).orElseThrow(() -> AadErrors.appNotFound(clientId,
        tenant.domain()));
  }

  private static void checkRedirect(AppState app, String redirectUri) {
    if (redirectUri == null || !app.redirectUris().contains(redirectUri)) {
      throw AadErrors.redirectMismatch(redirectUri == null ? "" : redirectUri, app.clientId());
    }
  }

  private static Map<String, String> errorParams(String error, String description, String state) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("error", error);
    out.put("error_description", description);
    putIfPresent(out, "state", state);
    return out;
  }

  private static void putIfPresent(Map<String, String> map, String key, String value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  private static FakeResponse redirect(String uri, Map<String, String> params) {
    return redirect(uri, params, null);
  }

  private static FakeResponse redirect(String uri, Map<String, String> params, String mode) {
    StringBuilder q = new StringBuilder();
    for (Map.Entry<String, String> e : params.entrySet()) {
      if (q.length() > 0) {
        q.append('&');
      }
      q.append(e.getKey()).append('=').append(UrlCodec.formEncode(e.getValue()));
    }
    if ("form_post".equalsIgnoreCase(mode)) {
      return FakeResponse.html(200, ConsentPage.formPost(uri, params));
    }
    if ("fragment".equalsIgnoreCase(mode)) {
      return FakeResponse.redirect(uri + "#" + q);
    }
    return FakeResponse.redirect(uri + (uri.contains("?") ? "&" : "?") + q);
  }

  private static Map<String, String> params(FakeRequest req) {
    Map<String, String> out = new LinkedHashMap<>();
    List<Map<String, List<String>>> sources = new ArrayList<>();
    sources.add(UrlCodec.parseParameters(req.rawQuery(), true));
    String type = req.header("Content-Type");
    if (req.method().equals("POST") && type != null
        && type.toLowerCase(java.util.Locale.ROOT).startsWith(
            "application/x-www-form-urlencoded")) {
      sources.add(req.form());
    }
    for (Map<String, List<String>> source : sources) {
      source.forEach((k, v) -> {
        if (!v.isEmpty()) {
          out.put(k, v.get(0));
        }
      });
    }
    return out;
  }
}
