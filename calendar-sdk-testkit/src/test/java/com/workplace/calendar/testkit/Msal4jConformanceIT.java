package com.workplace.calendar.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.aad.msal4j.AuthorizationCodeParameters;
import com.microsoft.aad.msal4j.AuthorizationRequestUrlParameters;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.workplace.calendar.testkit.internal.Jwt;
import com.workplace.calendar.testkit.internal.SelfSignedCertificates;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** msal4j 1.26.0, unchanged apart from its authority and trust, against the fake. */
class Msal4jConformanceIT {

  private static final Set<String> GRAPH_DEFAULT = Set.of("https://graph.microsoft.com/.default");

  @RegisterExtension
  static final FakeMicrosoft365Extension EXT =
      FakeMicrosoft365Extension.newInstance().resetBetweenTests(true).build();

  private Fixture f;

  @BeforeEach
  void setUp() {
    f = new Fixture(EXT.get());
  }

  private ConfidentialClientApplication client(IClientCredential credential, String tenant)
      throws Exception {
    return ConfidentialClientApplication.builder(f.app.clientId(), credential)
        .authority(f.m365.authorityUri() + tenant + "/")
        .instanceDiscovery(false)
        .sslSocketFactory(f.m365.sslContext().getSocketFactory())
        .build();
  }

  @Test
  void acquiresAClientCredentialsTokenWithASecret() throws Exception {
    ConfidentialClientApplication cca =
        client(ClientCredentialFactory.createFromSecret(f.app.clientSecret()), f.tenant.id());

    IAuthenticationResult result =
        cca.acquireToken(ClientCredentialParameters.builder(GRAPH_DEFAULT).build()).get();

    assertThat(Jwt.parse(result.accessToken()).claims()).containsEntry("tid", f.tenant.id())
        .containsEntry("appid", f.app.clientId());
    assertThat(f.http.get(Fixture.user(Fixture.ROOM) + "/calendar", result.accessToken())
        .status()).isEqualTo(200);
  }

  @Test
  void cachesTokensWhenGivenTheFakesInstanceDiscoveryResponse() throws Exception {
    // with instanceDiscovery(false) msal4j 1.26 keys its alias cache by host without port, so
    // its token cache never hits on a non-default port; the fake's discovery document fixes that
    ConfidentialClientApplication cca = ConfidentialClientApplication
        .builder(f.app.clientId(), ClientCredentialFactory.createFromSecret(f.app.clientSecret()))
        .authority(f.m365.authorityUri() + f.tenant.id() + "/")
        .aadInstanceDiscoveryResponse(f.m365.instanceDiscoveryResponse())
        .sslSocketFactory(f.m365.sslContext().getSocketFactory())
        .build();
    f.m365.resetStats();

    IAuthenticationResult first =
        cca.acquireToken(ClientCredentialParameters.builder(GRAPH_DEFAULT).build()).get();
    IAuthenticationResult second =
        cca.acquireToken(ClientCredentialParameters.builder(GRAPH_DEFAULT).build()).get();

    assertThat(second.accessToken()).isEqualTo(first.accessToken());
    assertThat(f.m365.stats().totalRequests()).isEqualTo(1);
  }

  @Test
  void acquiresATokenWithACertificate() throws Exception {
    SelfSignedCertificates.KeyAndCertificate kc = SelfSignedCertificates.generate("booking",
        List.of(), List.of(), Duration.ofDays(30));
    f.app.registerCertificate(kc.certificate());
    ConfidentialClientApplication cca = client(ClientCredentialFactory.createFromCertificate(
        kc.keyPair().getPrivate(), kc.certificate()), f.tenant.domain());

    IAuthenticationResult result =
        cca.acquireToken(ClientCredentialParameters.builder(GRAPH_DEFAULT).build()).get();

    assertThat(result.accessToken()).isNotBlank();
  }

  @Test
  void everyCertificateAssertionOfMsal4jIsNew() throws Exception {
    TestCertificate certificate = TestCertificate.generate("booking", Duration.ofDays(30));
    f.app.registerCertificate(certificate.certificate());
    ConfidentialClientApplication cca = client(ClientCredentialFactory.createFromCertificate(
        certificate.privateKey(), certificate.certificate()), f.tenant.id());

    for (int i = 0; i < 3; i++) {
      IAuthenticationResult result = cca.acquireToken(
          ClientCredentialParameters.builder(GRAPH_DEFAULT).skipCache(true).build()).get();
      assertThat(result.accessToken()).isNotBlank();
    }
  }

  @Test
  void acquiresATokenWithAFederatedTokenFromACallback() throws Exception {
    FakeFederatedIssuer cluster = f.m365.federatedIssuer("https://oidc.cluster.example/");
    f.app.addFederatedCredential(cluster.issuer(), "system:serviceaccount:booking:calendar");
    ConfidentialClientApplication cca = client(ClientCredentialFactory.createFromCallback(
        () -> cluster.token("system:serviceaccount:booking:calendar")), f.tenant.id());

    IAuthenticationResult result =
        cca.acquireToken(ClientCredentialParameters.builder(GRAPH_DEFAULT).build()).get();

    assertThat(Jwt.parse(result.accessToken()).claim("appid")).isEqualTo(f.app.clientId());
  }

  @Test
  void worksWithAnOidcAuthority() throws Exception {
    ConfidentialClientApplication cca = ConfidentialClientApplication
        .builder(f.app.clientId(), ClientCredentialFactory.createFromSecret(f.app.clientSecret()))
        .oidcAuthority(f.m365.authorityUri() + f.tenant.id() + "/v2.0/")
        .sslSocketFactory(f.m365.sslContext().getSocketFactory())
        .build();

    IAuthenticationResult result =
        cca.acquireToken(ClientCredentialParameters.builder(GRAPH_DEFAULT).build()).get();

    assertThat(result.accessToken()).isNotBlank();
  }

  @Test
  void surfacesIdentityErrorsAsServiceExceptions() throws Exception {
    ConfidentialClientApplication wrongSecret =
        client(ClientCredentialFactory.createFromSecret("wrong"), f.tenant.id());
    assertThatThrownBy(() -> wrongSecret.acquireToken(
        ClientCredentialParameters.builder(GRAPH_DEFAULT).build()).get())
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOfSatisfying(MsalServiceException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(401);
          assertThat(e.errorCode()).isEqualTo("invalid_client");
          assertThat(e.getMessage()).contains("AADSTS7000215");
        });

    FakeTenant unconsented = f.m365.tenant("fabrikam.onmicrosoft.com");
    ConfidentialClientApplication noConsent =
        client(ClientCredentialFactory.createFromSecret(f.app.clientSecret()), unconsented.id());
    assertThatThrownBy(() -> noConsent.acquireToken(
        ClientCredentialParameters.builder(GRAPH_DEFAULT).build()).get())
        .cause().isInstanceOfSatisfying(MsalServiceException.class,
            e -> assertThat(e.getMessage()).contains("AADSTS7000229"));
  }

  @Test
  void completesTheAuthorizationCodeFlow() throws Exception {
    String redirect = "https://booking.example.com/consent";
    ConfidentialClientApplication cca =
        client(ClientCredentialFactory.createFromSecret(f.app.clientSecret()), f.tenant.id());
    Set<String> scopes = Set.of("https://graph.microsoft.com/Calendars.ReadWrite");
    String url = cca.getAuthorizationRequestUrl(AuthorizationRequestUrlParameters
        .builder(redirect, scopes).state("st").loginHint(Fixture.USER).build()).toString();

    // msal4j asks for response_mode=form_post: the fake answers the auto-submitting form
    Http.Reply authorize = f.http.get(url, null);
    assertThat(authorize.status()).isEqualTo(200);
    Matcher form = Pattern.compile("action=\"([^\"]+)\".*name=\"code\" value=\"([^\"]+)\""
        + ".*name=\"state\" value=\"st\"").matcher(authorize.body());
    assertThat(form.find()).as(authorize.body()).isTrue();
    assertThat(form.group(1)).isEqualTo(redirect);
    String code = form.group(2);

    IAuthenticationResult result = cca.acquireToken(AuthorizationCodeParameters
        .builder(code, new URI(redirect)).scopes(scopes).build()).get();

    assertThat(Jwt.parse(result.accessToken()).claims())
        .containsEntry("upn", Fixture.USER).containsKey("scp");
    assertThat(result.account().username()).isEqualTo(Fixture.USER);
  }
}
