package com.workplace.calendar.graph;

import java.time.Instant;
import java.util.Objects;

/**
 * An application token for Microsoft Graph that a host's {@link TokenProvider} hands to the SDK: the
 * bearer value (a JWT of the tenant, with its {@code tid} and {@code roles} claims) and when it
 * expires. {@link #toString()} never shows the value.
 *
 * @param value the bearer token, without {@code Bearer }
 * @param expiresAt when the identity platform stops accepting it
 * @since 0.2.0
 */
public record AccessToken(String value, Instant expiresAt) {
  /**
   * Validates the record.
   *
   * @throws IllegalArgumentException when the value is blank
   */
  public AccessToken {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("an access token needs its value");
    }
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  @Override
  public String toString() {
    return "AccessToken[expiresAt=" + expiresAt + "]";
  }
}
