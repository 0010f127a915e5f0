package com.workplace.calendar.graph.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Parses {@code Retry-After}: whole or fractional seconds, or an HTTP date. */
public final class RetryAfter {
  /** The longest wait accepted from a server; longer values are capped. */
  static final Duration CAP = Duration.ofMinutes(10);

  private RetryAfter() {}

  /**
   * Parses a header value.
   *
   * @param value the header value, or {@code null}
   * @param now the current time, for HTTP dates
   * @return the wait, never negative and at most ten minutes; empty if absent or unreadable
   */
  public static Optional<Duration> parse(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String text = value.strip();
    try {
      double seconds = Double.parseDouble(text);
      if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
        return Optional.empty();
      }
      return Optional.of(clamp(Duration.ofMillis((long) Math.ceil(Math.max(0, seconds) * 1000))));
    } catch (NumberFormatException e) {
      // not a number: maybe an HTTP date
    }
    try {
      Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, at);
      return Optional.of(clamp(wait.isNegative() ? Duration.ZERO : wait));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Duration clamp(Duration wait) {
    return wait.compareTo(CAP) > 0 ? CAP : wait;
  }
}
