package com.workplace.calendar.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Graph's {@code dateTimeTimeZone} values: parsing with Windows or IANA zone names, formatting
 * with seven fractional digits as Graph does, and ISO 8601 query parameters.
 */
public final class GraphTime {

  /** Windows zone names (case-insensitive) to IANA ids: every zone Windows knows. */
  private static final Map<String, String> WINDOWS = windowsZones();

  private static final DateTimeFormatter OUTPUT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS", Locale.ROOT);
  private static final DateTimeFormatter LOCAL_INPUT =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd'T'HH:mm")
          .optionalStart()
          .appendPattern(":ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .optionalEnd()
          .toFormatter(Locale.ROOT);

  private GraphTime() {}

  private static Map<String, String> windowsZones() {
    Properties table = new Properties();
    try (InputStream in = GraphTime.class.getResourceAsStream("windows-zones.properties")) {
      if (in == null) {
        throw new IllegalStateException("windows-zones.properties is missing from the testkit");
      }
      table.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("windows-zones.properties cannot be read", e);
    }
    Map<String, String> zones = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String windowsName : table.stringPropertyNames()) {
      zones.put(windowsName, table.getProperty(windowsName));
    }
    zones.put("Coordinated Universal Time", "UTC");
    return Collections.unmodifiableMap(zones);
  }

  /**
   * The Windows zone names the fake accepts (what Exchange knows), besides IANA names.
   *
   * @return the names
   */
  public static Set<String> windowsZoneNames() {
    return WINDOWS.keySet();
  }

  /**
   * Resolves a Windows or IANA time-zone name.
   *
   * @param name the name
   * @return the zone, or null when unknown
   */
  public static ZoneId zone(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String iana = WINDOWS.get(name.trim());
    try {
      return ZoneId.of(iana != null ? iana : name.trim());
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * Parses a {@code dateTimeTimeZone} object.
   *
   * @param value the JSON object with {@code dateTime} and {@code timeZone}
   * @param property the property name, for messages
   * @return the instant
   * @throws GraphException 400 when missing or malformed
   */
  public static Instant parse(Object value, String property) {
    if (!(value instanceof Map)) {
      throw GraphException.badRequest("ErrorInvalidRequest",
          "The property '" + property + "' is required and must be a dateTimeTimeZone.");
    }
    Map<?, ?> map = (Map<?, ?>) value;
    Object dateTime = map.get("dateTime");
    Object timeZone = map.get("timeZone");
    if (!(dateTime instanceof String)) {
      throw GraphException.badRequest("ErrorInvalidRequest",
          "The property '" + property + ".dateTime' is required.");
    }
    ZoneId zone = timeZone == null ? ZoneOffset.UTC
        : timeZone instanceof String ? zone((String) timeZone) : null;
    if (zone == null) {
      throw GraphException.badRequest("TimeZoneNotSupportedException",
          "A valid TimeZone value must be specified. The following TimeZone value is not"
              + " supported: '" + timeZone + "'.");
    }
    Instant instant = parseFlexible((String) dateTime, zone);
    if (instant == null) {
      throw GraphException.badRequest("ErrorInvalidRequest",
          "Cannot convert the literal '" + dateTime + "' to the expected type 'Edm.DateTime'.");
    }
    return instant;
  }

  /** The zone name to echo when a client asked for {@code zone}. */
  public static Map<String, Object> format(Instant instant, ZoneId zone, String zoneName) {
    LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
    return Json.object("dateTime", OUTPUT.format(local), "timeZone", zoneName);
  }

  /** An instant as Graph writes timestamps ({@code 2024-01-01T10:00:00.1234567Z}). */
  public static String timestamp(Instant instant) {
    return OUTPUT.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)) + "Z";
  }

  /**
   * Parses an ISO 8601 query parameter such as {@code startDateTime}; without an offset the
   * value is UTC.
   *
   * @param text the value
   * @return the instant or null when malformed
   */
  public static Instant parseQuery(String text) {
    if (text == null) {
      return null;
    }
    // a '+' of an offset may have been turned into a space by a form encoder
    String t = text.trim().replace(' ', '+');
    return parseFlexible(t, ZoneOffset.UTC);
  }

  private static Instant parseFlexible(String text, ZoneId zone) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(text, LOCAL_INPUT).atZone(zone).toInstant();
      } catch (DateTimeParseException notLocal) {
        return null;
      }
    }
  }
}
