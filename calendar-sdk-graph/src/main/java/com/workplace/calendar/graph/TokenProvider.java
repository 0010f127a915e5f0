package com.workplace.calendar.graph;

import com.workplace.calendar.tenant.TenantId;

/**
 * Where the SDK gets its application tokens when the host runs its own token service (one central
 * service that holds the credential and that every backend instance asks), instead of the SDK
 * asking the Microsoft identity platform itself. Set it with {@link
 * GraphCalendarServiceBuilder#tokenProvider(TokenProvider)}; the SDK then never uses msal4j.
 *
 * <p>A token must be an application (client credentials) token of the tenant for the configured
 * Graph resource ({@code https://graph.microsoft.com} by default): a JWT whose {@code tid} and
 * {@code roles} claims verification reads. The SDK keeps each tenant's token until 5 minutes before
 * its {@link AccessToken#expiresAt()} and asks again then; it asks at most once at a time per
 * tenant, from the thread of the request that needs it, so a provider may block (bounded by its own
 * timeouts).
 *
 * <p><b>Failures.</b> Throw {@link TokenProviderException} with the {@link
 * com.workplace.calendar.tenant.TenantFailureReason} that says what a person must do (e.g. {@code
 * APP_NOT_CONSENTED} when the service has no consent for the tenant, {@code SERVICE_UNAVAILABLE}
 * with {@code retryable} when the service is down): verification records it on the tenant, and
 * Graph calls fail with it. Any other exception counts as {@code SERVICE_UNAVAILABLE}, retryable;
 * its message is not used. Never put a token or a key in an exception message.
 *
 * @since 0.2.0
 */
@FunctionalInterface
public interface TokenProvider {

  /**
   * Returns a valid application token for the tenant (the provider may answer from its own
   * cache).
   *
   * @param tenant the tenant, by directory GUID or verified domain as the host registered it
   * @return the token
   * @throws TokenProviderException when no token can be had, with the reason
   */
  AccessToken token(TenantId tenant);

  /**
   * Returns a token that the provider has just obtained, not one from its cache: called when
   * Microsoft Graph refused the previous token (401) and when verification proves access. By
   * default the same as {@link #token(TenantId)}; a provider with a cache overrides it.
   *
   * @param tenant the tenant
   * @return a newly obtained token
   * @throws TokenProviderException when no token can be had, with the reason
   */
  default AccessToken freshToken(TenantId tenant) {
    return token(tenant);
  }
}
