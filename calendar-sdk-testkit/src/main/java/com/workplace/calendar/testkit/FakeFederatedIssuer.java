package com.workplace.calendar.testkit;

import com.workplace.calendar.testkit.internal.FakeEngine;
import com.workplace.calendar.testkit.internal.FederatedIssuerState;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An external token issuer the fake trusts for workload identity federation, such as a Kubernetes
 * cluster's service account issuer or a CI system: it signs short-lived tokens that a workload
 * presents as its {@code client_assertion} instead of a secret. Get one with {@link
 * FakeMicrosoft365#federatedIssuer(String)}; an app accepts its tokens once it has a matching
 * {@link FakeApp#addFederatedCredential(String, String) federated credential}.
 *
 * <pre>{@code
 * FakeFederatedIssuer cluster = m365.federatedIssuer("https://oidc.cluster.example/");
 * app.addFederatedCredential(cluster.issuer(), "system:serviceaccount:booking:calendar");
 * String token = cluster.token("system:serviceaccount:booking:calendar");
 * Files.writeString(tokenFile, token);   // what the platform mounts
 * }</pre>
 *
 * <p>Tokens are RS256 JWTs with {@code iss}, {@code sub}, {@code aud}, {@code iat}, {@code nbf},
 * {@code exp} (from the fake's clock) and a {@code jti}. {@link #toString()} shows the issuer only.
 *
 * @since 0.2.0
 */
public final class FakeFederatedIssuer {

  /** The audience Microsoft Entra ID expects in federated tokens. */
  public static final String TOKEN_EXCHANGE_AUDIENCE = "api://AzureADTokenExchange";

  /** How long tokens live unless told otherwise: one hour, like a projected service account token. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

  private final FakeEngine engine;
  private final FederatedIssuerState state;

  FakeFederatedIssuer(FakeEngine engine, FederatedIssuerState state) {
    this.engine = engine;
    this.state = state;
  }

  /**
   * The issuer URL, the {@code iss} claim of its tokens.
   *
   * @return the URL
   */
  public String issuer() {
    return state.issuer();
  }

  /**
   * Signs a token for a subject with the audience {@link #TOKEN_EXCHANGE_AUDIENCE}, valid for
   * {@link #DEFAULT_LIFETIME} from the fake's clock.
   *
   * @param subject the {@code sub} claim, e.g. {@code system:serviceaccount:ns:name}
   * @return the compact JWT
   */
  public String token(String subject) {
    return token(subject, TOKEN_EXCHANGE_AUDIENCE, DEFAULT_LIFETIME);
  }

  /**
   * Signs a token.
   *
   * @param subject the {@code sub} claim
   * @param audience the {@code aud} claim
   * @param lifetime how long from now (the fake's clock) it is valid; zero or negative gives a
   *     token that has already expired
   * @return the compact JWT
   * @throws IllegalArgumentException when the subject or audience is blank
   */
  public String token(String subject, String audience, Duration lifetime) {
    if (subject == null || subject.isBlank() || audience == null || audience.isBlank()) {
      throw new IllegalArgumentException("a federated token needs a subject and an audience");
    }
    Objects.requireNonNull(lifetime, "lifetime");
    Instant now = engine.clock().instant();
    Instant issued = lifetime.isNegative() || lifetime.isZero()
        ? now.plus(lifetime).minus(DEFAULT_LIFETIME) : now;
    return state.sign(subject, audience, issued, now.plus(lifetime), engine.ids().guid());
  }

  @Override
  public String toString() {
    return "FakeFederatedIssuer{" + issuer() + "}";
  }
}
