package com.workplace.calendar.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.testkit.internal.Json;
import com.workplace.calendar.testkit.internal.Jwt;
import com.workplace.calendar.testkit.internal.SelfSignedCertificates;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.Request;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TokenEndpointTest {

  private static final String GRAPH_DEFAULT = "https://graph.microsoft.com/.default";

  @RegisterExtension
  static final FakeMicrosoft365Extension EXT =
      FakeMicrosoft365Extension.newInstance().resetBetweenTests(true).build();

  private Fixture f;

  @BeforeEach
  void setUp() {
    f = new Fixture(EXT.get());
  }

  private Http.Reply tokenRequest(String tenant, Map<String, String> fields) {
    return f.http.form(f.m365.authorityUri() + tenant + "/oauth2/v2.0/token", fields);
  }

  private Map<String, String> credentials() {
    Map<String, String> m = new HashMap<>();
    m.put("grant_type", "client_credentials");
    m.put("client_id", f.app.clientId());
    m.put("client_secret", f.app.clientSecret());
    m.put("scope", GRAPH_DEFAULT);
    return m;
  }

  @Test
  void clientCredentialsAnswersInTheDocumentedShape() {
    Http.Reply r = tokenRequest(f.tenant.id(), credentials());

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().keySet())
        .containsExactlyInAnyOrderElementsOf(
            Fixture.fixtureJson("token-response-client-credentials.json").keySet());
    assertThat(r.json()).containsEntry("token_type", "Bearer").containsEntry("expires_in", 3599L)
        .containsEntry("ext_expires_in", 3599L);
  }

  @Test
  @SuppressWarnings("unchecked")
  void tokenIsAnRs256JwtWithTheConsentedRolesVerifiableWithTheJwks() throws Exception {
    f.tenant.grantAdminConsent(f.app.clientId(), "Calendars.Read");
    String token = (String) tokenRequest(f.tenant.domain(), credentials()).json()
        .get("access_token");
    Jwt jwt = Jwt.parse(token);

    assertThat(jwt.header()).containsEntry("alg", "RS256");
    assertThat(jwt.claims())
        .containsEntry("aud", "https://graph.microsoft.com")
        .containsEntry("iss", "https://sts.windows.net/" + f.tenant.id() + "/")
        .containsEntry("tid", f.tenant.id())
        .containsEntry("appid", f.app.clientId())
        .containsEntry("azp", f.app.clientId())
        .containsKeys("iat", "nbf", "exp", "oid", "jti");
    assertThat((List<Object>) jwt.claims().get("roles"))
        .containsExactlyInAnyOrder("Calendars.ReadWrite", "Place.Read.All", "Calendars.Read");
    assertThat(jwt.numericClaim("exp") - jwt.numericClaim("iat")).isEqualTo(3599);

    Http.Reply jwks = f.http.get(f.m365.authorityUri() + f.tenant.id() + "/discovery/v2.0/keys",
        null);
    @SuppressWarnings("unchecked")
    Map<String, Object> key = (Map<String, Object>) ((List<?>) jwks.json().get("keys")).get(0);
    assertThat(jwt.verify(rsaKey(key))).isTrue();
    assertThat(Jwt.parse(token.substring(0, token.length() - 4) + "AAAA").verify(rsaKey(key)))
        .isFalse();
  }

  @Test
  void basicAuthenticationIsAccepted() {
    Map<String, String> fields = credentials();
    fields.remove("client_id");
    fields.remove("client_secret");
    FormBody.Builder form = new FormBody.Builder();
    fields.forEach(form::add);
    String basic = Base64.getEncoder().encodeToString((f.app.clientId() + ":"
        + f.app.clientSecret()).getBytes(StandardCharsets.UTF_8));
    Http.Reply r = f.http.execute(new Request.Builder()
        .url(f.m365.authorityUri() + f.tenant.id() + "/oauth2/v2.0/token")
        .header("Authorization", "Basic " + basic).post(form.build()).build());

    assertThat(r.status()).isEqualTo(200);
  }

  @Test
  void honoursTheConfiguredLifetime() {
    try (FakeMicrosoft365 m365 = FakeMicrosoft365.builder()
        .tokenLifetime(Duration.ofMinutes(5)).start()) {
      FakeApp app = m365.registerApp();
      FakeTenant t = m365.tenant("fabrikam.onmicrosoft.com").grantAdminConsent(app.clientId());
      Http http = new Http(m365);
      Http.Reply r = http.form(m365.authorityUri() + t.id() + "/oauth2/v2.0/token", Map.of(
          "grant_type", "client_credentials", "client_id", app.clientId(),
          "client_secret", app.clientSecret(), "scope", GRAPH_DEFAULT));
      assertThat(r.json()).containsEntry("expires_in", 300L);
    }
  }

  @Test
  void errorsCarryTheDocumentedShapeAndCodes() {
    Map<String, String> wrongScope = credentials();
    wrongScope.put("scope", "https://example.contoso.com/activity.read");
    Http.Reply scope = tokenRequest(f.tenant.id(), wrongScope);
    assertThat(scope.status()).isEqualTo(400);
    assertThat(scope.json().keySet()).containsExactlyInAnyOrderElementsOf(
        Fixture.fixtureJson("token-error-invalid-scope.json").keySet());
    assertError(scope, 400, "invalid_scope", 70011);

    assertError(tokenRequest("unknown.onmicrosoft.com", credentials()), 400, "invalid_request",
        90002);

    Map<String, String> unknownApp = credentials();
    unknownApp.put("client_id", "00000000-0000-0000-0000-000000000001");
    assertError(tokenRequest(f.tenant.id(), unknownApp), 400, "unauthorized_client", 700016);

    Map<String, String> wrongSecret = credentials();
    wrongSecret.put("client_secret", "not-the-secret");
    assertError(tokenRequest(f.tenant.id(), wrongSecret), 401, "invalid_client", 7000215);

    Map<String, String> noSecret = credentials();
    noSecret.remove("client_secret");
    assertError(tokenRequest(f.tenant.id(), noSecret), 401, "invalid_client", 7000218);

    FakeTenant other = f.m365.tenant("fabrikam.onmicrosoft.com");
    assertError(tokenRequest(other.id(), credentials()), 401, "invalid_client", 7000229);

    f.app.expireSecret();
    assertError(tokenRequest(f.tenant.id(), credentials()), 401, "invalid_client", 7000222);
    String renewed = f.app.renewSecret();
    Map<String, String> fresh = credentials();
    fresh.put("client_secret", renewed);
    assertThat(tokenRequest(f.tenant.id(), fresh).status()).isEqualTo(200);
  }

  @Test
  void revokedConsentStopsNewTokens() {
    f.tenant.revokeConsent(f.app.clientId());

    assertError(tokenRequest(f.tenant.id(), credentials()), 401, "invalid_client", 7000229);
  }

  @Test
  void certificateAssertionsAreVerifiedAgainstTheRegisteredKey() {
    SelfSignedCertificates.KeyAndCertificate registered = SelfSignedCertificates.generate(
        "app", List.of(), List.of(), Duration.ofDays(30));
    SelfSignedCertificates.KeyAndCertificate other = SelfSignedCertificates.generate(
        "other", List.of(), List.of(), Duration.ofDays(30));
    f.app.registerCertificate(registered.certificate());

    assertThat(tokenRequest(f.tenant.id(), assertion(registered)).status()).isEqualTo(200);
    assertError(tokenRequest(f.tenant.id(), assertion(other)), 401, "invalid_client", 700027);
  }

  private Map<String, String> assertion(SelfSignedCertificates.KeyAndCertificate kc) {
    long now = Instant.now().getEpochSecond();
    String jwt = Jwt.signRs256(Json.object("x5t#S256", ClientCredentialFormsTest.sha256(
        kc.certificate())), Json.object(
        "aud", f.m365.authorityUri() + f.tenant.id() + "/oauth2/v2.0/token",
        "iss", f.app.clientId(), "sub", f.app.clientId(), "jti", java.util.UUID.randomUUID().toString(),
        "nbf", now, "exp", now + 600), kc.keyPair().getPrivate());
    Map<String, String> m = credentials();
    m.remove("client_secret");
    m.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    m.put("client_assertion", jwt);
    return m;
  }

  @Test
  void expiredTokensAreRefusedByGraph() {
    TestClock clock = TestClock.startingNow();
    try (FakeMicrosoft365 m365 = FakeMicrosoft365.builder().clock(clock).start()) {
      FakeApp app = m365.registerApp();
      FakeTenant t = m365.tenant("fabrikam.onmicrosoft.com").grantAdminConsent(app.clientId())
          .addRoom("room@fabrikam.onmicrosoft.com", "Room");
      Http http = new Http(m365);
      String token = http.token(t, app);
      String url = Fixture.user("room@fabrikam.onmicrosoft.com") + "/calendar";
      assertThat(http.get(url, token).status()).isEqualTo(200);

      clock.advance(Duration.ofSeconds(3600));

      Http.Reply r = http.get(url, token);
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.errorCode()).isEqualTo("InvalidAuthenticationToken");
      assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
    }
  }

  @Test
  void expireTokensRevokesEveryIssuedToken() {
    String url = Fixture.user(Fixture.ROOM) + "/calendar";
    assertThat(f.http.get(url, f.token).status()).isEqualTo(200);

    f.m365.expireTokens();

    assertThat(f.http.get(url, f.token).status()).isEqualTo(401);
    assertThat(f.http.get(url, f.http.token(f.tenant, f.app)).status()).isEqualTo(200);
  }

  private static void assertError(Http.Reply r, int status, String error, int code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.json()).containsEntry("error", error)
        .containsEntry("error_codes", List.of((long) code));
    assertThat((String) r.json().get("error_description")).startsWith("AADSTS" + code + ":");
    assertThat(r.json()).containsKeys("timestamp", "trace_id", "correlation_id", "error_uri");
  }

  private static PublicKey rsaKey(Map<String, Object> jwk) throws Exception {
    Base64.Decoder d = Base64.getUrlDecoder();
    return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
        new BigInteger(1, d.decode((String) jwk.get("n"))),
        new BigInteger(1, d.decode((String) jwk.get("e")))));
  }
}
