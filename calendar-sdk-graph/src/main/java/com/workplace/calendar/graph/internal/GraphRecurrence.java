package com.workplace.calendar.graph.internal;

import com.workplace.calendar.booking.BookingRecurrence;
import com.workplace.calendar.booking.BookingRecurrence.Frequency;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A booking's recurrence as Graph's {@code patternedRecurrence}, and back.
 *
 * <p>Written: {@code pattern} {@code daily} or {@code weekly} with {@code interval}, and for weekly
 * series {@code daysOfWeek} and {@code firstDayOfWeek: monday}; {@code range} {@code numbered}
 * with {@code numberOfOccurrences} or {@code endDate} with {@code endDate}, {@code startDate} the
 * date of the first start in the recurrence's zone and {@code recurrenceTimeZone} that zone's
 * Windows name ({@link WindowsTimeZones}; {@code UTC} by default). The series' {@code start} and
 * {@code end} are written in the same zone ({@link GraphEvents}), so Exchange keeps their
 * wall-clock time there.
 *
 * <p>Read: the same shapes, ignoring the filler values Graph echoes for fields a type does not use;
 * the zone is {@code recurrenceTimeZone}, else the master's {@code originalStartTimeZone} (Graph's
 * default), Windows or IANA names. A recurrence the SDK cannot say (another pattern, an unknown
 * zone, no end, a week starting on another day where that matters) reads as empty, never as an
 * error: the event is still a series.
 */
final class GraphRecurrence {
  private GraphRecurrence() {}

  /**
   * Graph's {@code recurrence} of a series.
   *
   * @param recurrence the booking's recurrence
   * @param firstStart the series' first start
   * @return the JSON object
   * @throws IllegalArgumentException if no Windows zone keeps the recurrence's zone's clock
   */
  static JsonValue write(BookingRecurrence recurrence, Instant firstStart) {
    String zoneName = WindowsTimeZones.requireWindowsName(recurrence.zone());
    LocalDate firstDate = firstStart.atZone(recurrence.zone()).toLocalDate();
    JsonValue node = JsonValue.object();
    JsonValue pattern = node.putObject("pattern");
    BookingRecurrence.Pattern p = recurrence.pattern();
    pattern.put("type", p.frequency() == Frequency.DAILY ? "daily" : "weekly");
    pattern.put("interval", p.interval());
    if (p.frequency() == Frequency.WEEKLY) {
      JsonValue days = pattern.putArray("daysOfWeek");
      p.daysOfWeek().forEach(d -> days.add(d.name().toLowerCase(Locale.ROOT)));
      pattern.put("firstDayOfWeek", "monday");
    }
    JsonValue range = node.putObject("range");
    range.put("type", recurrence.numberOfOccurrences().isPresent() ? "numbered" : "endDate");
    range.put("startDate", firstDate.toString());
    recurrence.lastDate().ifPresent(d -> range.put("endDate", d.toString()));
    recurrence.numberOfOccurrences().ifPresent(n -> range.put("numberOfOccurrences", n));
    range.put("recurrenceTimeZone", zoneName);
    return node;
  }

  /**
   * Reads a series master's {@code recurrence} whose zone is given.
   *
   * @param node the {@code recurrence} value (may be missing or null)
   * @return the recurrence, or empty when there is none or the SDK cannot say it
   */
  static Optional<BookingRecurrence> read(JsonValue node) {
    return read(node, Optional.empty());
  }

  /**
   * Reads a series master's {@code recurrence}.
   *
   * @param node the {@code recurrence} value (may be missing or null)
   * @param startZone the master's {@code originalStartTimeZone}, the zone of a range without
   *     {@code recurrenceTimeZone} (UTC when absent too)
   * @return the recurrence, or empty when there is none or the SDK cannot say it
   */
  static Optional<BookingRecurrence> read(JsonValue node, Optional<String> startZone) {
    if (node == null || !node.isObject()) {
      return Optional.empty();
    }
    JsonValue pattern = node.path("pattern");
    JsonValue range = node.path("range");
    String zoneName = GraphReader.text(range, "recurrenceTimeZone").or(() -> startZone).orElse("UTC");
    Optional<ZoneId> zone = WindowsTimeZones.resolve(zoneName);
    if (zone.isEmpty()) {
      return Optional.empty();
    }
    try {
      Optional<BookingRecurrence.Pattern> p = pattern(pattern);
      if (p.isEmpty()) {
        return Optional.empty();
      }
      switch (GraphReader.text(range, "type").orElse("").toLowerCase(Locale.ROOT)) {
        case "numbered":
          return GraphReader.number(range, "numberOfOccurrences")
              .map(n -> p.get().times(n).inZone(zone.get()));
        case "enddate":
          return GraphReader.text(range, "endDate")
              .map(LocalDate::parse)
              .map(d -> p.get().until(d).inZone(zone.get()));
        default:
          return Optional.empty();
      }
    } catch (IllegalArgumentException | DateTimeParseException e) {
      // out of the SDK's ranges, or not a date: the series stays a series without its pattern
      return Optional.empty();
    }
  }

  private static Optional<BookingRecurrence.Pattern> pattern(JsonValue pattern) {
    int interval = GraphReader.number(pattern, "interval").orElse(0);
    switch (GraphReader.text(pattern, "type").orElse("").toLowerCase(Locale.ROOT)) {
      case "daily":
        return Optional.of(BookingRecurrence.daily(interval));
      case "weekly":
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (JsonValue day : GraphReader.iterable(pattern.path("daysOfWeek"))) {
          days.add(DayOfWeek.valueOf(day.asText("").toUpperCase(Locale.ROOT)));
        }
        String firstDay = GraphReader.text(pattern, "firstDayOfWeek").orElse("sunday");
        boolean weekStartMatters = interval > 1 && days.size() > 1;
        if (weekStartMatters && !firstDay.equalsIgnoreCase("monday")) {
          return Optional.empty();
        }
        return Optional.of(new BookingRecurrence.Pattern(Frequency.WEEKLY, interval, days));
      default:
        return Optional.empty();
    }
  }
}
