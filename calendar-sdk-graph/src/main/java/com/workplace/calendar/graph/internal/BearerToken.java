package com.workplace.calendar.graph.internal;

import com.workplace.calendar.tenant.TenantFailureReason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

/**
 * An application token for one tenant, with the claims the SDK reads. {@link #toString()} never shows
 * the token.
 */
record BearerToken(String value, String tenantGuid, Set<String> roles, Instant expiresAt) {

  /**
   * Reads the claims of an issued token.
   *
   * @param token the compact JWT
   * @param expiresAt when it expires, on the service's clock
   * @param source who issued it, for the error message
   * @throws TokenException when it is not a JWT with readable claims
   */
  static BearerToken parse(String token, Instant expiresAt, String source) {
    String[] parts = token.split("\\.");
    if (parts.length < 2) {
      throw new TokenException(source + " returned a token that is not a JWT", 0, null,
          TenantFailureReason.SERVICE_UNAVAILABLE, false, null);
    }
    try {
      JsonValue claims =
          JsonValue.parse(
              new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
      Set<String> roles = new HashSet<>();
      claims.path("roles").forEach(r -> roles.add(r.asText()));
      return new BearerToken(token, claims.path("tid").asText(""), Set.copyOf(roles), expiresAt);
    } catch (IOException | IllegalArgumentException e) {
      throw new TokenException(source + " returned a token whose claims cannot be read", 0, null,
          TenantFailureReason.SERVICE_UNAVAILABLE, false, null);
    }
  }

  @Override
  public String toString() {
    return "BearerToken[tenant=" + tenantGuid + ", roles=" + roles + ", expiresAt=" + expiresAt + "]";
  }
}
