package com.workplace.calendar.examples.admin;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine;

/**
 * Parses points in time as people type them: {@code now}, {@code now+30m}, {@code 2025-03-04T14:30}
 * (local time) or with an offset ({@code 2025-03-04T14:30Z}, {@code ...+01:00}).
 */
final class Times implements CommandLine.ITypeConverter<Instant> {
  @Override
  public Instant convert(String value) {
    return parse(value, ZoneId.systemDefault(), Instant.now());
  }

  static Instant parse(String value, ZoneId zone, Instant now) {
    String text = value.strip();
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.equals("now")) {
      return now;
    }
    if (lower.startsWith("now+") || lower.startsWith("now-")) {
      var offset = Durations.parse(lower.substring(4));
      return lower.charAt(3) == '+' ? now.plus(offset) : now.minus(offset);
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      // no offset: local time
    }
    try {
      return LocalDateTime.parse(text).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a time; use e.g. now, now+30m, 2025-03-04T14:30 or 2025-03-04T14:30Z");
    }
  }
}
