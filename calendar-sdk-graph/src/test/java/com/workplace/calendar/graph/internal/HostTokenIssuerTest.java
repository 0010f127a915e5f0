package com.workplace.calendar.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.graph.AccessToken;
import com.workplace.calendar.graph.TokenProvider;
import com.workplace.calendar.graph.TokenProviderException;
import com.workplace.calendar.tenant.TenantFailureReason;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.testkit.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** A host's token provider: its tokens' claims are read, its failures become tenant reasons. */
class HostTokenIssuerTest {
  private static final TenantId TENANT = TenantId.parse("contoso.onmicrosoft.com");
  private final TestClock clock = TestClock.startingNow();

  @Test
  void readsTheTenantAndRolesOfTheTokenAndAsksForAFreshOneWhenTold() {
    String jwt = jwt("{\"tid\":\"7c1a\",\"roles\":[\"Calendars.ReadWrite\"]}");
    TokenProvider provider = new TokenProvider() {
      @Override
      public AccessToken token(TenantId tenant) {
        return new AccessToken(jwt, clock.instant().plus(Duration.ofHours(1)));
      }

      @Override
      public AccessToken freshToken(TenantId tenant) {
        throw new TokenProviderException("the service lost its consent", TenantFailureReason.APP_NOT_CONSENTED, false);
      }
    };
    HostTokenIssuer issuer = new HostTokenIssuer(provider, clock);

    BearerToken token = issuer.issue(TENANT, false);
    assertThat(token.tenantGuid()).isEqualTo("7c1a");
    assertThat(token.roles()).containsExactly("Calendars.ReadWrite");
    assertThatThrownBy(() -> issuer.issue(TENANT, true))
        .isInstanceOfSatisfying(TokenException.class, e -> {
          assertThat(e.reason()).isEqualTo(TenantFailureReason.APP_NOT_CONSENTED);
          assertThat(e.retryable()).isFalse();
          assertThat(e.getMessage()).contains("the service lost its consent");
        });
  }

  @Test
  void aForeignFailureIsAnOutageWhoseMessageIsNotPassedOn() {
    HostTokenIssuer issuer = new HostTokenIssuer(tenant -> {
      throw new IllegalStateException("vault said: client_secret=hunter2-secret");
    }, clock);
    assertThatThrownBy(() -> issuer.issue(TENANT, false))
        .isInstanceOfSatisfying(TokenException.class, e -> {
          assertThat(e.reason()).isEqualTo(TenantFailureReason.SERVICE_UNAVAILABLE);
          assertThat(e.retryable()).isTrue();
          assertThat(e.getMessage()).contains("IllegalStateException").doesNotContain("hunter2");
        });
  }

  @Test
  void noTokenAnExpiredTokenOrOneThatIsNotAJwtIsRefused() {
    assertThatThrownBy(() -> new HostTokenIssuer(tenant -> null, clock).issue(TENANT, false))
        .isInstanceOfSatisfying(TokenException.class,
            e -> assertThat(e.reason()).isEqualTo(TenantFailureReason.CREDENTIAL_UNAVAILABLE));
    String jwt = jwt("{\"tid\":\"7c1a\"}");
    assertThatThrownBy(() -> new HostTokenIssuer(
            tenant -> new AccessToken(jwt, clock.instant().minusSeconds(1)), clock).issue(TENANT, false))
        .isInstanceOfSatisfying(TokenException.class, e -> {
          assertThat(e.reason()).isEqualTo(TenantFailureReason.CREDENTIAL_UNAVAILABLE);
          assertThat(e.getMessage()).contains("expired").doesNotContain(jwt);
        });
    assertThatThrownBy(() -> new HostTokenIssuer(
            tenant -> new AccessToken("opaque-token-value", clock.instant().plusSeconds(600)), clock)
            .issue(TENANT, false))
        .isInstanceOf(TokenException.class)
        .hasMessageContaining("not a JWT")
        .hasMessageNotContaining("opaque-token-value");
  }

  @Test
  void anAccessTokenNeverShowsItsValue() {
    AccessToken token = new AccessToken("eyJhbGciOiJSUzI1NiJ9.e30.c2ln", clock.instant());
    assertThat(token.toString()).doesNotContain("eyJ").contains("expiresAt");
    assertThatThrownBy(() -> new AccessToken(" ", clock.instant())).isInstanceOf(IllegalArgumentException.class);
  }

  private static String jwt(String claims) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
  }
}
