package com.workplace.calendar.tenant;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the identity platform sent back to the redirect URI after the admin-consent page.
 *
 * <p>Parse it with {@link #fromQuery(String)}. Nothing in it is trusted: the {@code state} is checked
 * against the store first, then {@code error}, and the tenant is proven by getting a token for it.
 * {@link #toString()} never shows the state.
 *
 * @param state the state the SDK handed out
 * @param tenant the tenant GUID the platform reported
 * @param adminConsent whether {@code admin_consent=True} was present
 * @param error the OAuth error code, if consent failed
 * @param errorDescription the platform's description of the error
 * @since 0.1.0
 */
public record ConsentCallback(
    Optional<String> state,
    Optional<String> tenant,
    boolean adminConsent,
    Optional<String> error,
    Optional<String> errorDescription) {

  /** The longest query accepted, in characters. */
  public static final int MAX_QUERY_LENGTH = 8192;

  /** Validates the record. */
  public ConsentCallback {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(errorDescription, "errorDescription");
  }

  /**
   * Parses the query string of the redirect, e.g. {@code
   * admin_consent=True&tenant=...&state=...}. A leading {@code ?} is ignored, parameters may come in
   * any order, and unknown parameters are ignored. When a parameter repeats, the first wins.
   *
   * @param query the raw (URL-encoded) query string
   * @return the callback
   * @throws IllegalArgumentException if the query is missing, too long or not URL-encoded properly
   */
  public static ConsentCallback fromQuery(String query) {
    if (query == null) {
      throw new IllegalArgumentException("the consent callback has no query string");
    }
    if (query.length() > MAX_QUERY_LENGTH) {
      throw new IllegalArgumentException(
          "the consent callback query is longer than " + MAX_QUERY_LENGTH + " characters");
    }
    String raw = query.startsWith("?") ? query.substring(1) : query;
    String state = null;
    String tenant = null;
    String adminConsent = null;
    String error = null;
    String description = null;
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      switch (name) {
        case "state" -> state = state == null ? value : state;
        case "tenant" -> tenant = tenant == null ? value : tenant;
        case "admin_consent" -> adminConsent = adminConsent == null ? value : adminConsent;
        case "error" -> error = error == null ? value : error;
        case "error_description" -> description = description == null ? value : description;
        default -> {
          // other parameters (scope, session_state, ...) do not matter here
        }
      }
    }
    return new ConsentCallback(
        nonBlank(state),
        nonBlank(tenant),
        adminConsent != null && adminConsent.strip().toLowerCase(Locale.ROOT).equals("true"),
        nonBlank(error),
        nonBlank(description));
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the consent callback query is not properly URL-encoded");
    }
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  @Override
  public String toString() {
    return "ConsentCallback[tenant="
        + tenant.orElse("-")
        + ", adminConsent="
        + adminConsent
        + ", error="
        + error.orElse("-")
        + ", state="
        + (state.isPresent() ? "(present)" : "(missing)")
        + "]";
  }
}
