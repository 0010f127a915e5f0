package com.workplace.calendar.examples.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Times as the pages show and read them: in one zone ({@code workplace.example.time-zone},
 * default the system's), minutes precision. Pages call it as {@code @times}.
 */
@Component("times")
public final class Times {
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
  private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);

  private final ZoneId zone;

  Times(@Value("${workplace.example.time-zone:}") String zone) {
    try {
      this.zone = zone == null || zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone.strip());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "workplace.example.time-zone must be a time zone ID such as Europe/London or UTC, was: " + zone, e);
    }
  }

  /** The zone the pages use. */
  ZoneId zone() {
    return zone;
  }

  /**
   * An instant as the pages show it, e.g. {@code 2025-03-04 14:30}.
   *
   * @param instant the instant, or {@code null}
   * @return the text, empty for {@code null}
   */
  public String format(Instant instant) {
    return instant == null ? "" : SHOWN.format(instant.atZone(zone));
  }

  /**
   * An optional instant as the pages show it.
   *
   * @param instant the instant
   * @return the text, empty when absent
   */
  public String format(Optional<Instant> instant) {
    return instant.map(this::format).orElse("");
  }

  /** An instant as a {@code datetime-local} input's value. */
  String inputValue(Instant instant) {
    return INPUT.format(instant.atZone(zone));
  }

  /**
   * Reads a {@code datetime-local} input's value.
   *
   * @return the instant, or empty if the text is not such a value
   */
  Optional<Instant> parseInput(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDateTime.parse(text.strip()).atZone(zone).toInstant());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
