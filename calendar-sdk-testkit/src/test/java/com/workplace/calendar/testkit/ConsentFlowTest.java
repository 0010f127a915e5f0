package com.workplace.calendar.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.testkit.internal.Jwt;
import com.workplace.calendar.testkit.internal.UrlCodec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConsentFlowTest {

  private static final String REDIRECT = "https://booking.example.com/consent";

  @RegisterExtension
  static final FakeMicrosoft365Extension EXT =
      FakeMicrosoft365Extension.newInstance().resetBetweenTests(true).build();

  private FakeMicrosoft365 m365;
  private FakeApp app;
  private FakeTenant tenant;
  private Http http;

  @BeforeEach
  void setUp() {
    m365 = EXT.get();
    app = m365.newApp().redirectUris(REDIRECT).register();
    tenant = m365.tenant("contoso.onmicrosoft.com");
    http = new Http(m365);
  }

  private Http.Reply consent(String tenantSegment, String path, String clientId, String redirect,
      String extra) {
    return http.get(m365.authorityUri() + tenantSegment + path + "?client_id=" + clientId
        + "&redirect_uri=" + UrlCodec.formEncode(redirect) + "&state=s-1" + extra, null);
  }

  private static Map<String, List<String>> query(String location) {
    return UrlCodec.parseParameters(URI.create(location).getRawQuery(), true);
  }

  @Test
  void autoAcceptRecordsConsentAndRedirectsWithTheTenantId() {
    Http.Reply r = consent("contoso.onmicrosoft.com", "/adminconsent", app.clientId(), REDIRECT,
        "");

    assertThat(r.status()).isEqualTo(302);
    assertThat(r.header("Location")).startsWith(REDIRECT + "?");
    Map<String, List<String>> q = query(r.header("Location"));
    assertThat(q).containsEntry("admin_consent", List.of("True"))
        .containsEntry("tenant", List.of(tenant.id())).containsEntry("state", List.of("s-1"))
        .doesNotContainKey("scope");
    assertThat(tenant.consentedPermissions(app.clientId()))
        .containsExactlyInAnyOrder("Calendars.ReadWrite", "Place.Read.All");
  }

  @Test
  void v2EndpointGrantsTheScopeAndEchoesIt() {
    Http.Reply r = consent(tenant.id(), "/v2.0/adminconsent", app.clientId(), REDIRECT,
        "&scope=" + UrlCodec.formEncode("https://graph.microsoft.com/.default"));

    assertThat(r.status()).isEqualTo(302);
    assertThat(query(r.header("Location"))).containsEntry("admin_consent", List.of("True"))
        .containsEntry("scope", List.of("https://graph.microsoft.com/.default"));
    assertThat(tenant.consentedPermissions(app.clientId())).hasSize(2);
  }

  @Test
  void declineRedirectsWithAccessDeniedAndRecordsNothing() {
    tenant.consentMode(ConsentMode.DECLINE);

    Http.Reply r = consent(tenant.id(), "/adminconsent", app.clientId(), REDIRECT, "");

    Map<String, List<String>> q = query(r.header("Location"));
    assertThat(q).containsEntry("error", List.of("access_denied"))
        .containsEntry("state", List.of("s-1"));
    assertThat(q.get("error_description").get(0)).startsWith("AADSTS65004");
    assertThat(tenant.consentedPermissions(app.clientId())).isEmpty();
  }

  @Test
  void interactivePageOffersAcceptAndCancel() {
    tenant.consentMode(ConsentMode.INTERACTIVE);

    Http.Reply page = consent(tenant.id(), "/adminconsent", app.clientId(), REDIRECT, "");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Calendars.ReadWrite", "Accept", "Cancel", "<form");
    assertThat(tenant.consentedPermissions(app.clientId())).isEmpty();

    Http.Reply accepted = http.get(m365.authorityUri().resolve(link(page.body(), "accept"))
        .toString(), null);
    assertThat(query(accepted.header("Location"))).containsEntry("admin_consent",
        List.of("True"));
    assertThat(tenant.consentedPermissions(app.clientId())).isNotEmpty();

    Http.Reply again = consent(tenant.id(), "/adminconsent", app.clientId(), REDIRECT, "");
    Http.Reply cancelled = http.get(m365.authorityUri().resolve(link(again.body(), "cancel"))
        .toString(), null);
    assertThat(query(cancelled.header("Location"))).containsEntry("error",
        List.of("access_denied"));
  }

  @Test
  void interactiveFormsPostTheDecision() {
    m365.tenant("contoso.onmicrosoft.com").consentMode(ConsentMode.INTERACTIVE);
    Http.Reply page = consent("common", "/v2.0/adminconsent", app.clientId(), REDIRECT,
        "&scope=" + UrlCodec.formEncode("https://graph.microsoft.com/Calendars.Read"));
    Matcher ticket = Pattern.compile("name=\"ticket\" value=\"([^\"]+)\"").matcher(page.body());
    assertThat(ticket.find()).isTrue();

    Http.Reply accepted = http.form(m365.authorityUri() + tenant.id() + "/adminconsent/decision",
        Map.of("ticket", ticket.group(1), "decision", "accept"));

    assertThat(query(accepted.header("Location"))).containsEntry("admin_consent", List.of("True"))
        .containsEntry("scope", List.of("https://graph.microsoft.com/Calendars.Read"));
    assertThat(tenant.consentedPermissions(app.clientId())).containsExactly("Calendars.Read");
    Http.Reply replay = http.form(m365.authorityUri() + tenant.id() + "/adminconsent/decision",
        Map.of("ticket", ticket.group(1), "decision", "accept"));
    assertThat(replay.status()).isEqualTo(400);
  }

  private static String link(String html, String id) {
    Matcher m = Pattern.compile("id=\"" + id + "\" href=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("link " + id).isTrue();
    return m.group(1).replace("&amp;", "&").substring(1);
  }

  @Test
  void neverRedirectsToAnUnregisteredUri() {
    Http.Reply r = consent(tenant.id(), "/adminconsent", app.clientId(),
        "https://evil.example.com/steal", "");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.header("Location")).isNull();
    assertThat(r.header("Content-Type")).startsWith("text/html");
    assertThat(r.body()).contains("AADSTS50011");
  }

  @Test
  void unknownAppAndUnknownTenantAreErrorPages() {
    Http.Reply app404 = consent(tenant.id(), "/adminconsent", "11111111-2222-3333-4444-555555555555",
        REDIRECT, "");
    assertThat(app404.status()).isEqualTo(400);
    assertThat(app404.body()).contains("AADSTS700016");

    Http.Reply tenant404 = consent("nowhere.onmicrosoft.com", "/adminconsent", app.clientId(),
        REDIRECT, "");
    assertThat(tenant404.status()).isEqualTo(400);
    assertThat(tenant404.body()).contains("AADSTS90002");
  }

  @Test
  void authorizationCodeFlowWithPkceIssuesADelegatedToken() throws Exception {
    tenant.addUser("svc@contoso.onmicrosoft.com", "Service Account");
    String verifier = "verifier-0123456789-0123456789-0123456789-abc";
    String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    Http.Reply authorize = http.get(m365.authorityUri() + tenant.id()
        + "/oauth2/v2.0/authorize?client_id=" + app.clientId() + "&response_type=code"
        + "&redirect_uri=" + UrlCodec.formEncode(REDIRECT) + "&state=xyz"
        + "&scope=" + UrlCodec.formEncode("openid offline_access Calendars.ReadWrite")
        + "&code_challenge=" + challenge + "&code_challenge_method=S256"
        + "&login_hint=svc%40contoso.onmicrosoft.com", null);
    assertThat(authorize.status()).isEqualTo(302);
    Map<String, List<String>> q = query(authorize.header("Location"));
    assertThat(q).containsEntry("state", List.of("xyz"));
    String code = q.get("code").get(0);

    Map<String, String> redeem = new java.util.HashMap<>(Map.of("grant_type",
        "authorization_code", "client_id", app.clientId(), "client_secret", app.clientSecret(),
        "code", code, "redirect_uri", REDIRECT, "code_verifier", verifier));
    Http.Reply token = http.form(m365.authorityUri() + tenant.id() + "/oauth2/v2.0/token",
        redeem);
    assertThat(token.status()).as(token.body()).isEqualTo(200);
    assertThat(token.json()).containsKeys("access_token", "refresh_token", "id_token",
        "client_info");
    Jwt jwt = Jwt.parse((String) token.json().get("access_token"));
    assertThat(jwt.claims()).containsEntry("scp", "Calendars.ReadWrite")
        .containsEntry("upn", "svc@contoso.onmicrosoft.com").doesNotContainKey("roles");

    Http.Reply reused = http.form(m365.authorityUri() + tenant.id() + "/oauth2/v2.0/token",
        redeem);
    assertThat(reused.status()).isEqualTo(400);
    assertThat(reused.json()).containsEntry("error", "invalid_grant");

    Http.Reply refreshed = http.form(m365.authorityUri() + tenant.id() + "/oauth2/v2.0/token",
        Map.of("grant_type", "refresh_token", "client_id", app.clientId(),
            "client_secret", app.clientSecret(),
            "refresh_token", (String) token.json().get("refresh_token")));
    assertThat(refreshed.status()).isEqualTo(200);
  }

  @Test
  void authorizationCodeNeedsTheRightVerifier() {
    Http.Reply authorize = http.get(m365.authorityUri() + tenant.id()
        + "/oauth2/v2.0/authorize?client_id=" + app.clientId() + "&response_type=code"
        + "&redirect_uri=" + UrlCodec.formEncode(REDIRECT) + "&scope=Calendars.Read"
        + "&code_challenge=abc&code_challenge_method=S256", null);
    String code = query(authorize.header("Location")).get("code").get(0);

    Http.Reply token = http.form(m365.authorityUri() + tenant.id() + "/oauth2/v2.0/token",
        Map.of("grant_type", "authorization_code", "client_id", app.clientId(),
            "client_secret", app.clientSecret(), "code", code, "redirect_uri", REDIRECT,
            "code_verifier", "wrong"));
    assertThat(token.status()).isEqualTo(400);
    assertThat(token.json()).containsEntry("error", "invalid_grant");
  }
}
