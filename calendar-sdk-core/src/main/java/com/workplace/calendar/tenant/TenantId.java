package com.workplace.calendar.tenant;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identifies a customer's Microsoft 365 tenant: its directory GUID ({@code
 * 72f988bf-86f1-41af-91ab-2d7cd011db47}) or one of its verified domains ({@code
 * contoso.onmicrosoft.com}, {@code contoso.com}). Kept in lower case.
 *
 * @param value the canonical, lower-case form
 * @since 0.1.0
 */
public record TenantId(String value) {
  private static final Pattern GUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern TOP_LEVEL = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");
  private static final String WHAT_IT_LOOKS_LIKE =
      "a tenant ID is the directory GUID (e.g. 72f988bf-86f1-41af-91ab-2d7cd011db47) or a verified"
          + " domain (e.g. contoso.onmicrosoft.com)";

  /** Validates the value; use {@link #parse(String)} to accept user input. */
  public TenantId {
    Objects.requireNonNull(value, "tenant ID must not be null");
    String problem = problemWith(value);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /**
   * Parses what a person typed: surrounding whitespace is ignored, and the value is lower-cased.
   *
   * @param text a tenant GUID or verified domain
   * @return the tenant ID
   * @throws IllegalArgumentException if {@code text} is neither, with a message saying why
   */
  public static TenantId parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("tenant ID is missing; " + WHAT_IT_LOOKS_LIKE);
    }
    return new TenantId(text.strip().toLowerCase(Locale.ROOT));
  }

  /**
   * Tells whether this is a directory GUID rather than a domain.
   *
   * @return {@code true} for a GUID
   */
  public boolean isGuid() {
    return GUID.matcher(value).matches();
  }

  private static String problemWith(String value) {
    if (value.isEmpty()) {
      return "tenant ID is empty; " + WHAT_IT_LOOKS_LIKE;
    }
    if (value.length() > 253) {
      return "tenant ID is longer than 253 characters; " + WHAT_IT_LOOKS_LIKE;
    }
    if (!value.equals(value.toLowerCase(Locale.ROOT)) || !value.strip().equals(value)) {
      return "tenant ID must be lower case without surrounding spaces; use TenantId.parse";
    }
    if (GUID.matcher(value).matches()) {
      return null;
    }
    String[] labels = value.split("\\.", -1);
    if (labels.length < 2) {
      return "'" + printable(value) + "' is not a tenant ID; " + WHAT_IT_LOOKS_LIKE;
    }
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        return "'" + printable(value) + "' is not a valid domain; " + WHAT_IT_LOOKS_LIKE;
      }
    }
    if (!TOP_LEVEL.matcher(labels[labels.length - 1]).matches()) {
      return "'" + printable(value) + "' does not end in a top-level domain; " + WHAT_IT_LOOKS_LIKE;
    }
    return null;
  }

  private static String printable(String value) {
    String shortened = value.length() > 80 ? value.substring(0, 80) + "..." : value;
    return shortened.replaceAll("\\p{Cntrl}", "?");
  }

  @Override
  public String toString() {
    return value;
  }
}
