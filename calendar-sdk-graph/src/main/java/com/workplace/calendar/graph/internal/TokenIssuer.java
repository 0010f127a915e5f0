package com.workplace.calendar.graph.internal;

import com.workplace.calendar.tenant.TenantId;

/**
 * Where application tokens come from: the identity platform through msal4j ({@link
 * MsalTokenIssuer}) or the host's token service ({@link HostTokenIssuer}). It only asks; keeping
 * and renewing tokens is {@link TokenSource}'s job, the same for both.
 */
interface TokenIssuer {

  /**
   * Gets a token for the tenant.
   *
   * @param tenant the tenant
   * @param fresh whether the token must be newly obtained (the previous one was refused, or
   *     verification proves access)
   * @return the token
   * @throws TokenException with the reason, when none can be had
   */
  BearerToken issue(TenantId tenant, boolean fresh);
}
