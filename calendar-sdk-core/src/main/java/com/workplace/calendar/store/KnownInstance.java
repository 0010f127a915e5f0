package com.workplace.calendar.store;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What sync remembers of an event in a calendar's window that is an instance of a recurring series:
 * the series it belongs to, so that the occurrences a series lost without the delta saying so are
 * found, and a fingerprint of what was last reported of it, so that an instance the service sends
 * again unchanged is not reported again.
 *
 * @param seriesId the id of the series master
 * @param fingerprint an opaque digest of the reported properties: 1 to 64 characters from {@code
 *     A-Z a-z 0-9 - _}
 * @since 0.2.0
 */
public record KnownInstance(String seriesId, String fingerprint) {
  private static final Pattern FINGERPRINT = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /**
   * Validates the record.
   *
   * @throws IllegalArgumentException if the fingerprint is empty, too long or has other characters
   */
  public KnownInstance {
    Objects.requireNonNull(seriesId, "seriesId");
    Objects.requireNonNull(fingerprint, "fingerprint");
    if (!FINGERPRINT.matcher(fingerprint).matches()) {
      throw new IllegalArgumentException(
          "a fingerprint has 1 to 64 characters from A-Z, a-z, 0-9, '-' and '_'");
    }
  }
}
