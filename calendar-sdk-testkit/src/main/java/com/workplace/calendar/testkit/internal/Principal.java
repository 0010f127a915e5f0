package com.workplace.calendar.testkit.internal;

import java.time.Instant;
import java.util.Set;

/**
 * Who a Graph request acts as, read from a token this fake issued.
 *
 * @param tenantId the {@code tid} claim
 * @param clientId the {@code appid} claim
 * @param permissions the {@code roles} (app-only) or {@code scp} (delegated) values
 * @param delegated whether the token is a delegated (user) token
 * @param userAddress the signed-in user's address for delegated tokens, else null
 * @param audience the {@code aud} claim
 * @param expiresAt the {@code exp} claim
 */
public record Principal(
    String tenantId,
    String clientId,
    Set<String> permissions,
    boolean delegated,
    String userAddress,
    String audience,
    Instant expiresAt) {

  public Principal {
    permissions = Set.copyOf(permissions);
  }

  /** Whether any of the permissions is held. */
  public boolean hasAny(String... anyOf) {
    for (String p : anyOf) {
      for (String held : permissions) {
        if (held.equalsIgnoreCase(p)) {
          return true;
        }
      }
    }
    return false;
  }
}
