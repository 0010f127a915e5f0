package com.workplace.calendar.graph.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Maps the time-zone names Exchange uses (Windows names like {@code Pacific Standard Time}) to
 * {@link ZoneId}s; IANA names and {@code UTC} pass through. The table ships as data in {@code
 * windows-zones.properties}.
 */
public final class WindowsTimeZones {
  private static final Map<String, ZoneId> ZONES = load();

  private WindowsTimeZones() {}

  /**
   * Resolves a zone name from a Graph response.
   *
   * @param name a Windows or IANA zone name
   * @return the zone, or empty if the name is unknown
   */
  public static Optional<ZoneId> resolve(String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    String key = name.strip();
    ZoneId windows = ZONES.get(key.toLowerCase(Locale.ROOT));
    if (windows != null) {
      return Optional.of(windows);
    }
    if (key.equalsIgnoreCase("utc") || key.equalsIgnoreCase("z") || key.equalsIgnoreCase("gmt")) {
      return Optional.of(ZoneOffset.UTC);
    }
    try {
      return Optional.of(ZoneId.of(key));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** The number of Windows names known. */
  static int size() {
    return ZONES.size();
  }

  private static Map<String, ZoneId> load() {
    Properties table = new Properties();
    try (InputStream in = WindowsTimeZones.class.getResourceAsStream("windows-zones.properties")) {
      if (in == null) {
        throw new IllegalStateException("windows-zones.properties is missing from the jar");
      }
      table.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("windows-zones.properties cannot be read", e);
    }
    Map<String, ZoneId> zones = new HashMap<>();
    for (String windowsName : table.stringPropertyNames()) {
      zones.put(windowsName.toLowerCase(Locale.ROOT), ZoneId.of(table.getProperty(windowsName)));
    }
    return Map.copyOf(zones);
  }
}
