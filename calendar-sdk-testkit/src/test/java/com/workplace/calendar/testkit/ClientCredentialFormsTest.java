package com.workplace.calendar.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.testkit.internal.Json;
import com.workplace.calendar.testkit.internal.Jwt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Certificate assertions and federated tokens at the token endpoint, and the AADSTS errors. */
class ClientCredentialFormsTest {

  private static final String SUBJECT = "system:serviceaccount:booking:calendar";

  @RegisterExtension
  static final FakeMicrosoft365Extension EXT =
      FakeMicrosoft365Extension.newInstance().resetBetweenTests(true).build();

  private Fixture f;
  private TestCertificate certificate;

  @BeforeEach
  void setUp() {
    f = new Fixture(EXT.get());
    certificate = TestCertificate.generate("booking", Duration.ofDays(90));
    f.app.registerCertificate(certificate.certificate());
  }

  // ------------------------------------------------------------- certificates

  @Test
  void aCertificateAssertionNamedBySha256OrSha1ThumbprintGetsAToken() {
    assertThat(token(assertion(Map.of(), Map.of())).status()).isEqualTo(200);
    String sha1 = thumbprint(certificate.certificate(), "SHA-1");
    assertThat(token(assertion(Map.of("x5t", sha1), Map.of())).status()).isEqualTo(200);
    assertThat(token(assertion(Map.of(), Map.of("aud", endpoint(f.tenant.domain())))).status())
        .as("the token endpoint named by domain").isEqualTo(200);
  }

  @Test
  void aThumbprintWrittenInStandardBase64IsRecognised() {
    String standard = Base64.getEncoder().encodeToString(digest(certificate.certificate(),
        "SHA-256"));
    assertThat(token(assertion(Map.of("x5t#S256", standard), Map.of())).status()).isEqualTo(200);
  }

  @Test
  void anUnregisteredCertificateOrAWrongKeyIsRefusedWith700027() {
    TestCertificate other = TestCertificate.generate("other", Duration.ofDays(90));
    assertError(token(federated(sign(other.privateKey(), header(other.certificate()), claims()))),
        401, "invalid_client", 700027);
    assertError(token(federated(sign(other.privateKey(), header(certificate.certificate()),
        claims()))), 401, "invalid_client", 700027);
    assertThat(f.app.removeCertificate(certificate.certificate())).isTrue();
    assertError(token(assertion(Map.of(), Map.of())), 401, "invalid_client", 700027);
  }

  @Test
  void anAssertionForAnotherClientIsRefusedWith700021() {
    assertError(token(assertion(Map.of(), Map.of("sub", UUID.randomUUID().toString()))), 401,
        "invalid_client", 700021);
  }

  @Test
  void anAssertionForAnotherAudienceIsRefusedWith700023() {
    assertError(token(assertion(Map.of(), Map.of("aud", "https://login.microsoftonline.com/"
        + f.tenant.id() + "/oauth2/v2.0/token"))), 401, "invalid_client", 700023);
  }

  @Test
  void anExpiredOrNotYetValidAssertionIsRefusedWith700024() {
    long now = Instant.now().getEpochSecond();
    assertError(token(assertion(Map.of(), Map.of("nbf", now - 900, "exp", now - 300))), 401,
        "invalid_client", 700024);
    assertError(token(assertion(Map.of(), Map.of("nbf", now + 3600, "exp", now + 4200))), 401,
        "invalid_client", 700024);
  }

  @Test
  void aReplayedJtiIsRefusedWith50013() {
    Map<String, String> request = assertion(Map.of(), Map.of());
    assertThat(token(request).status()).isEqualTo(200);
    assertError(token(request), 401, "invalid_client", 50013);
    assertThat(token(assertion(Map.of(), Map.of())).status()).as("a new jti").isEqualTo(200);
  }

  @Test
  void aWrongHeaderTypeOrAMalformedAssertionIsRefused() {
    assertError(token(assertion(Map.of("typ", "at+jwt"), Map.of())), 400, "invalid_request",
        5002727);
    Map<String, String> malformed = assertion(Map.of(), Map.of());
    malformed.put("client_assertion", "not-a-jwt");
    assertError(token(malformed), 400, "invalid_client", 50027);
  }

  // ---------------------------------------------------------------- federated

  @Test
  void aFederatedTokenOfATrustedIssuerGetsATokenAndMayBeReused() {
    FakeFederatedIssuer cluster = f.m365.federatedIssuer("https://oidc.cluster.example/");
    f.app.addFederatedCredential(cluster.issuer(), SUBJECT);
    Map<String, String> request = federated(cluster.token(SUBJECT));

    assertThat(token(request).status()).isEqualTo(200);
    assertThat(token(request).status()).as("the platform reuses a token until it expires")
        .isEqualTo(200);
  }

  @Test
  void eachFederatedMismatchHasItsOwnCode() {
    FakeFederatedIssuer cluster = f.m365.federatedIssuer("https://oidc.cluster.example/");
    FakeFederatedIssuer elsewhere = f.m365.federatedIssuer("https://oidc.elsewhere.example/");
    f.app.addFederatedCredential(cluster.issuer(), SUBJECT);

    assertError(token(federated(elsewhere.token(SUBJECT))), 401, "invalid_client", 700211);
    assertError(token(federated(cluster.token("system:serviceaccount:booking:other"))), 401,
        "invalid_client", 700213);
    assertError(token(federated(cluster.token(SUBJECT.toUpperCase()))), 401, "invalid_client",
        7002138);
    assertError(token(federated(cluster.token(SUBJECT, "api://AzureADMyOrg",
        Duration.ofHours(1)))), 401, "invalid_client", 700212);
    assertError(token(federated(cluster.token(SUBJECT, FakeFederatedIssuer.TOKEN_EXCHANGE_AUDIENCE,
        Duration.ZERO))), 401, "invalid_client", 700024);
  }

  @Test
  void aTokenNotSignedWithTheIssuersKeyIsRefusedWith700027() {
    FakeFederatedIssuer cluster = f.m365.federatedIssuer("https://oidc.cluster.example/");
    f.app.addFederatedCredential(cluster.issuer(), SUBJECT);
    f.app.addFederatedCredential("https://oidc.unknown.example/", SUBJECT);
    long now = Instant.now().getEpochSecond();
    Map<String, Object> claims = Json.object("aud", FakeFederatedIssuer.TOKEN_EXCHANGE_AUDIENCE,
        "iss", cluster.issuer(), "sub", SUBJECT, "nbf", now, "exp", now + 600);

    assertError(token(federated(sign(certificate.privateKey(), Map.of(), claims))), 401,
        "invalid_client", 700027);
    claims.put("iss", "https://oidc.unknown.example/");
    assertError(token(federated(sign(certificate.privateKey(), Map.of(), claims))), 401,
        "invalid_client", 700027);
  }

  @Test
  void resetForgetsIssuersAndCredentials() {
    FakeFederatedIssuer cluster = f.m365.federatedIssuer("https://oidc.cluster.example/");
    f.app.addFederatedCredential(cluster.issuer(), SUBJECT);
    String token = cluster.token(SUBJECT);
    f.m365.reset();
    f = new Fixture(f.m365);
    f.app.addFederatedCredential("https://oidc.cluster.example/", SUBJECT);

    assertError(token(federated(token)), 401, "invalid_client", 700027);
  }

  @Test
  void issuersAndCredentialsValidateTheirInput() {
    assertThatThrownBy(() -> f.m365.federatedIssuer("http://oidc.cluster.example/"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
    assertThatThrownBy(() -> f.app.addFederatedCredential("https://oidc.cluster.example/", " "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> f.m365.federatedIssuer("https://oidc.cluster.example/").token(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(f.m365.federatedIssuer("https://oidc.cluster.example/").toString())
        .isEqualTo("FakeFederatedIssuer{https://oidc.cluster.example/}");
  }

  // ------------------------------------------------------------ test certificate

  @Test
  void aTestCertificateWritesKeyStoresAndPemFilesThatLoadBack(@TempDir Path dir) throws Exception {
    Instant notAfter = Instant.now().plus(Duration.ofDays(10));
    TestCertificate expiring = TestCertificate.generate("expiring", Instant.now().minus(
        Duration.ofDays(1)), notAfter);
    assertThat(expiring.certificate().getNotAfter().toInstant().getEpochSecond())
        .isEqualTo(notAfter.getEpochSecond());

    char[] password = "changeit".toCharArray();
    Path p12 = expiring.writePkcs12(dir.resolve("app.p12"), password);
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(p12)) {
      store.load(in, password);
    }
    assertThat(store.getKey("client", password)).isEqualTo(expiring.privateKey());

    expiring.writePem(dir.resolve("app.pem"), dir.resolve("app.pem"));
    String pem = Files.readString(dir.resolve("app.pem"));
    assertThat(pem).contains("-----BEGIN PRIVATE KEY-----", "-----BEGIN CERTIFICATE-----");
    expiring.writePem(dir.resolve("key.pem"), dir.resolve("chain.pem"));
    assertThat(Files.readString(dir.resolve("chain.pem"))).doesNotContain("PRIVATE KEY");
    assertThat(expiring.toString()).contains("CN=expiring").doesNotContain("PRIVATE");
    assertThatThrownBy(() -> TestCertificate.generate("x", notAfter, notAfter))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ------------------------------------------------------------------ helpers

  private Http.Reply token(Map<String, String> fields) {
    return f.http.form(endpoint(f.tenant.id()), fields);
  }

  private String endpoint(String tenant) {
    return f.m365.authorityUri() + tenant + "/oauth2/v2.0/token";
  }

  private Map<String, Object> claims() {
    long now = Instant.now().getEpochSecond();
    return Json.object("aud", endpoint(f.tenant.id()), "iss", f.app.clientId(), "sub",
        f.app.clientId(), "jti", UUID.randomUUID().toString(), "nbf", now, "exp", now + 600);
  }

  private static Map<String, Object> header(X509Certificate certificate) {
    return Json.object("x5t#S256", sha256(certificate));
  }

  private Map<String, String> assertion(Map<String, Object> header, Map<String, Object> claims) {
    Map<String, Object> h = header.containsKey("x5t") ? new HashMap<>(header)
        : Json.object("x5t#S256", sha256(certificate.certificate()));
    h.putAll(header);
    Map<String, Object> c = claims();
    c.putAll(claims);
    return federated(sign(certificate.privateKey(), h, c));
  }

  private static String sign(PrivateKey key, Map<String, Object> header,
      Map<String, Object> claims) {
    String jwt = Jwt.signRs256(header, claims, key);
    Object type = header.get("typ");
    if (type == null) {
      return jwt;
    }
    // signRs256 writes typ JWT: rebuild the header with the requested type
    String[] parts = jwt.split("\\.");
    Map<String, Object> h = Json.object("typ", type, "alg", "RS256");
    h.putAll(header);
    String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(
        Json.write(h).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return encoded + "." + parts[1] + "." + parts[2];
  }

  private Map<String, String> federated(String jwt) {
    Map<String, String> m = new HashMap<>();
    m.put("grant_type", "client_credentials");
    m.put("client_id", f.app.clientId());
    m.put("scope", "https://graph.microsoft.com/.default");
    m.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    m.put("client_assertion", jwt);
    return m;
  }

  static String sha256(X509Certificate certificate) {
    return thumbprint(certificate, "SHA-256");
  }

  private static String thumbprint(X509Certificate certificate, String algorithm) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest(certificate, algorithm));
  }

  private static byte[] digest(X509Certificate certificate, String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm).digest(certificate.getEncoded());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertError(Http.Reply r, int status, String error, int code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.json()).containsEntry("error", error)
        .containsEntry("error_codes", List.of((long) code));
    assertThat((String) r.json().get("error_description")).startsWith("AADSTS" + code + ":");
  }
}
