package com.workplace.calendar.graph.internal;

import com.workplace.calendar.graph.AccessToken;
import com.workplace.calendar.graph.TokenProvider;
import com.workplace.calendar.graph.TokenProviderException;
import com.workplace.calendar.tenant.TenantFailureReason;
import com.workplace.calendar.tenant.TenantId;
import java.time.Clock;

/** Application tokens from the host's {@link TokenProvider}; msal4j is not involved. */
final class HostTokenIssuer implements TokenIssuer {
  private final TokenProvider provider;
  private final Clock clock;

  HostTokenIssuer(TokenProvider provider, Clock clock) {
    this.provider = provider;
    this.clock = clock;
  }

  @Override
  public BearerToken issue(TenantId tenant, boolean fresh) {
    AccessToken token;
    try {
      token = fresh ? provider.freshToken(tenant) : provider.token(tenant);
    } catch (TokenProviderException e) {
      throw new TokenException(
          "the token provider has no token for tenant " + tenant + ": " + e.getMessage(),
          0,
          null,
          e.reason(),
          e.retryable(),
          null);
    } catch (RuntimeException e) {
      // a foreign exception's message may carry anything: only its kind is passed on
      throw new TokenException(
          "the token provider failed for tenant " + tenant + " (" + e.getClass().getSimpleName() + ")",
          0,
          null,
          TenantFailureReason.SERVICE_UNAVAILABLE,
          true,
          null);
    }
    if (token == null) {
      throw new TokenException(
          "the token provider returned no token for tenant " + tenant,
          0,
          null,
          TenantFailureReason.CREDENTIAL_UNAVAILABLE,
          true,
          null);
    }
    if (!token.expiresAt().isAfter(clock.instant())) {
      throw new TokenException(
          "the token provider returned a token for tenant " + tenant + " that expired at "
              + token.expiresAt(),
          0,
          null,
          TenantFailureReason.CREDENTIAL_UNAVAILABLE,
          true,
          null);
    }
    return BearerToken.parse(token.value(), token.expiresAt(), "the token provider");
  }
}
