package com.workplace.calendar.graph.internal;

import com.workplace.calendar.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Keeps each tenant's current application token and renews it before it expires, whatever issues
 * it: one thread per tenant asks the {@link TokenIssuer} at a time, the others wait for its answer.
 * When renewing ahead of expiry fails transiently, the current token serves until close to its end.
 */
public final class TokenSource {
  /** Tokens this close to expiry are renewed before use. */
  static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(5);

  /** A token with less than this left is not used when its renewal failed. */
  static final Duration LAST_USE_MARGIN = Duration.ofSeconds(30);

  private final TokenIssuer issuer;
  private final Clock clock;
  private final ConcurrentMap<String, BearerToken> tokens = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

  TokenSource(TokenIssuer issuer, Clock clock) {
    this.issuer = issuer;
    this.clock = clock;
  }

  /**
   * Returns a valid application token for the tenant, the kept one while it is not close to expiry.
   *
   * @param tenant the tenant
   * @param forceRefresh whether to get a new one regardless (after the service refused the kept
   *     one, or to prove access)
   * @return the token
   * @throws TokenException when no token can be had
   */
  public BearerToken token(TenantId tenant, boolean forceRefresh) {
    BearerToken current = tokens.get(tenant.value());
    if (!forceRefresh && fresh(current)) {
      return current;
    }
    synchronized (locks.computeIfAbsent(tenant.value(), k -> new Object())) {
      current = tokens.get(tenant.value());
      if (!forceRefresh && fresh(current)) {
        return current;
      }
      try {
        BearerToken issued = issuer.issue(tenant, forceRefresh);
        tokens.put(tenant.value(), issued);
        return issued;
      } catch (TokenException e) {
        if (!forceRefresh && e.retryable() && usable(current)) {
          return current;
        }
        tokens.remove(tenant.value());
        throw e;
      }
    }
  }

  private boolean fresh(BearerToken token) {
    return token != null && token.expiresAt().minus(RENEW_BEFORE_EXPIRY).isAfter(clock.instant());
  }

  private boolean usable(BearerToken token) {
    Instant now = clock.instant();
    return token != null && token.expiresAt().minus(LAST_USE_MARGIN).isAfter(now);
  }
}
