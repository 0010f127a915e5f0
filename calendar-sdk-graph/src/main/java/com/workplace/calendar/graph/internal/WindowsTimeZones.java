package com.workplace.calendar.graph.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps the time-zone names Exchange uses (Windows names like {@code Pacific Standard Time}) to
 * {@link ZoneId}s and back; IANA names and {@code UTC} pass through when reading. The table ships
 * as data in {@code windows-zones.properties}: each Windows zone with its primary location.
 *
 * <p><b>Writing.</b> Graph documents Windows names as the time zones its {@code dateTimeTimeZone}
 * and {@code recurrenceTimeZone} take (IANA names only from a short list, and "create or update
 * might not support all" of them), so the SDK writes Windows names. A zone is written as the
 * Windows zone whose primary location it is (or an alias of it, {@code Asia/Kolkata} for {@code
 * India Standard Time}); another zone as the first Windows zone whose clock is the same for the
 * coming years ({@code Europe/Amsterdam} as {@code W. Europe Standard Time}), which reads back as
 * that zone's primary location ({@code Europe/Berlin}). A zone with no such Windows zone cannot be
 * written.
 */
public final class WindowsTimeZones {
  private static final Map<String, ZoneId> ZONES = load();

  /** How far back and ahead two zones' clocks must agree to write one as the other. */
  private static final Duration SAME_CLOCK_BEFORE = Duration.ofDays(366);

  private static final Duration SAME_CLOCK_AHEAD = Duration.ofDays(20 * 366);

  /** The Windows zones in table order: primary IANA id and Windows name. */
  private static final List<Map.Entry<ZoneId, String>> PRIMARY = primary();

  private static final Map<String, Optional<String>> WRITTEN = new ConcurrentHashMap<>();

  private WindowsTimeZones() {}

  /**
   * The Windows name to write for a zone.
   *
   * @param zone the zone
   * @return the name ({@code UTC} for UTC), or empty when no Windows zone keeps its clock
   */
  public static Optional<String> windowsName(ZoneId zone) {
    if (zone.normalized().equals(ZoneOffset.UTC)) {
      return Optional.of("UTC");
    }
    return WRITTEN.computeIfAbsent(zone.getId(), id -> find(zone));
  }

  /**
   * The Windows name to write for a zone, or a refusal that says what to use instead.
   *
   * @param zone the zone
   * @return the name
   * @throws IllegalArgumentException if no Windows zone keeps the zone's clock
   */
  public static String requireWindowsName(ZoneId zone) {
    return windowsName(zone)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Microsoft 365 names time zones as Windows does, and no Windows time zone keeps"
                        + " the clock of "
                        + zone.getId()
                        + ", so a series cannot recur in it; use the zone of a place with the same"
                        + " clock that Windows knows (e.g. Europe/Berlin, America/New_York,"
                        + " Asia/Tokyo) or UTC"));
  }

  private static Optional<String> find(ZoneId zone) {
    for (Map.Entry<ZoneId, String> entry : PRIMARY) {
      if (entry.getKey().equals(zone)) {
        return Optional.of(entry.getValue());
      }
    }
    ZoneRules rules = zone.getRules();
    for (Map.Entry<ZoneId, String> entry : PRIMARY) {
      if (entry.getKey().getRules().equals(rules)) {
        return Optional.of(entry.getValue()); // an alias of the primary location
      }
    }
    Instant from = Instant.now().minus(SAME_CLOCK_BEFORE);
    Instant to = from.plus(SAME_CLOCK_BEFORE).plus(SAME_CLOCK_AHEAD);
    for (Map.Entry<ZoneId, String> entry : PRIMARY) {
      if (sameClock(rules, entry.getKey().getRules(), from, to)) {
        return Optional.of(entry.getValue());
      }
    }
    return Optional.empty();
  }

  /** Whether two zones show the same time at every instant of {@code [from, to]}. */
  static boolean sameClock(ZoneRules a, ZoneRules b, Instant from, Instant to) {
    if (!a.getOffset(from).equals(b.getOffset(from))) {
      return false;
    }
    Instant at = from;
    while (true) {
      ZoneOffsetTransition nextA = a.nextTransition(at);
      ZoneOffsetTransition nextB = b.nextTransition(at);
      Instant whenA = nextA == null ? Instant.MAX : nextA.getInstant();
      Instant whenB = nextB == null ? Instant.MAX : nextB.getInstant();
      Instant next = whenA.isBefore(whenB) ? whenA : whenB;
      if (next.isAfter(to)) {
        return true;
      }
      if (!a.getOffset(next).equals(b.getOffset(next))) {
        return false;
      }
      at = next;
    }
  }

  /**
   * The table's entries in its own order (Windows' order, by offset: {@code W. Europe Standard
   * Time} before {@code Romance Standard Time}), so that the zone chosen for a clock never varies.
   */
  private static List<Map.Entry<ZoneId, String>> primary() {
    List<Map.Entry<ZoneId, String>> entries = new ArrayList<>();
    try (InputStream in = WindowsTimeZones.class.getResourceAsStream("windows-zones.properties")) {
      if (in == null) {
        throw new IllegalStateException("windows-zones.properties is missing from the jar");
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        Properties one = new Properties();
        one.load(new StringReader(line));
        for (String windowsName : one.stringPropertyNames()) {
          entries.add(Map.entry(ZoneId.of(one.getProperty(windowsName)), windowsName));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("windows-zones.properties cannot be read", e);
    }
    return List.copyOf(entries);
  }

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

  private static Properties table() {
    Properties table = new Properties();
    try (InputStream in = WindowsTimeZones.class.getResourceAsStream("windows-zones.properties")) {
      if (in == null) {
        throw new IllegalStateException("windows-zones.properties is missing from the jar");
      }
      table.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("windows-zones.properties cannot be read", e);
    }
    return table;
  }

  private static Map<String, ZoneId> load() {
    Properties table = table();
    Map<String, ZoneId> zones = new HashMap<>();
    for (String windowsName : table.stringPropertyNames()) {
      zones.put(windowsName.toLowerCase(Locale.ROOT), ZoneId.of(table.getProperty(windowsName)));
    }
    return Map.copyOf(zones);
  }
}
