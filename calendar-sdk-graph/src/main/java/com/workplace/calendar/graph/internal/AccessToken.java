package com.workplace.calendar.graph.internal;

import java.time.Instant;
import java.util.Set;

/**
 * An application token for one tenant, with the claims the SDK reads. {@link #toString()} never shows
 * the token.
 */
record AccessToken(String value, String tenantGuid, Set<String> roles, Instant expiresAt) {
  @Override
  public String toString() {
    return "AccessToken[tenant=" + tenantGuid + ", roles=" + roles + ", expiresAt=" + expiresAt + "]";
  }
}
