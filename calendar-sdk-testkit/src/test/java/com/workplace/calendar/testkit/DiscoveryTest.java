package com.workplace.calendar.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@FakeMicrosoft365Test
class DiscoveryTest {

  private final FakeMicrosoft365 m365;
  private final Http http;

  DiscoveryTest(FakeMicrosoft365 m365) {
    this.m365 = m365;
    this.http = new Http(m365);
  }

  @Test
  void instanceDiscoveryPointsAtTheFake() {
    FakeTenant t = m365.tenant("contoso.onmicrosoft.com");
    Http.Reply r = http.get(m365.authorityUri() + "common/discovery/instance?api-version=1.1"
        + "&authorization_endpoint=" + m365.authorityUri() + t.id() + "/oauth2/v2.0/authorize",
        null);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json()).containsEntry("tenant_discovery_endpoint", m365.authorityUri() + t.id()
        + "/v2.0/.well-known/openid-configuration").containsEntry("api-version", "1.1");
    @SuppressWarnings("unchecked")
    Map<String, Object> metadata = (Map<String, Object>) ((List<?>) r.json().get("metadata"))
        .get(0);
    assertThat(metadata).containsEntry("aliases",
        List.of("localhost:" + m365.authorityUri().getPort(), "localhost"));
  }

  @Test
  void openIdConfigurationNamesTheFakesEndpoints(FakeMicrosoft365 injected) {
    assertThat(injected).isSameAs(m365);
    FakeTenant t = m365.tenant("contoso.onmicrosoft.com");
    String base = m365.authorityUri() + t.id();

    Http.Reply r =
        http.get(m365.authorityUri() + t.domain() + "/v2.0/.well-known/openid-configuration", null);

    // asked by domain, Microsoft answers with the tenant's directory GUID
    assertThat(r.json())
        .containsEntry("issuer", base + "/v2.0")
        .containsEntry("token_endpoint", base + "/oauth2/v2.0/token")
        .containsEntry("authorization_endpoint", base + "/oauth2/v2.0/authorize")
        .containsEntry("jwks_uri", base + "/discovery/v2.0/keys");
    assertThat(http.get(m365.authorityUri() + "nowhere.example/v2.0/.well-known/"
        + "openid-configuration", null).status()).isEqualTo(400);
  }

  @Test
  void everyGraphResponseCarriesARequestId() {
    Http.Reply r = http.get("users/nobody%40contoso.onmicrosoft.com/calendar", null);

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.header("request-id")).isNotBlank();
    assertThat(r.json()).extractingByKey("error").asInstanceOf(
        org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsKeys("code", "message", "innerError");
  }

  @Test
  void plainHttpAndTheIpLiteralWorkToo() {
    Http.Reply plain = http.get(m365.httpAuthorityUri() + "common/discovery/instance", null);
    assertThat(plain.status()).isEqualTo(200);

    String byIp = "https://127.0.0.1:" + m365.authorityUri().getPort()
        + "/common/discovery/instance";
    assertThat(http.get(byIp, null).status()).isEqualTo(200);
    assertThat(m365.graphUri().toString()).endsWith("/v1.0/").startsWith("https://localhost:");
    assertThat(m365.httpGraphUri().toString()).startsWith("http://localhost:");
  }
}
