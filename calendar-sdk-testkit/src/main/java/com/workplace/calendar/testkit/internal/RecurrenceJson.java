package com.workplace.calendar.testkit.internal;

import com.workplace.calendar.testkit.FakeRecurrence;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Graph's {@code patternedRecurrence} in request and response bodies. Requests are validated as
 * Graph does: every enumeration literal (even of a field the pattern type ignores), the fields
 * the types require, a start date equal to the date of the event's start. Responses echo
 * Graph's filler values for unused fields ({@code month: 0}, {@code dayOfMonth: 0}, {@code
 * numberOfOccurrences: 0}, {@code endDate: "0001-01-01"}).
 */
final class RecurrenceJson {

  private static final Set<String> TOP = Set.of("pattern", "range");
  private static final Set<String> PATTERN = Set.of("type", "interval", "month", "dayOfMonth",
      "daysOfWeek", "firstDayOfWeek", "index");
  private static final Set<String> RANGE = Set.of("type", "startDate", "endDate",
      "recurrenceTimeZone", "numberOfOccurrences");
  private static final String NO_DATE = "0001-01-01";

  private RecurrenceJson() {}

  /**
   * Reads a {@code recurrence} value.
   *
   * @param value the JSON value
   * @param start the event's start
   * @param startZoneName the time zone the event's start was given in
   * @return the recurrence with its start date and time zone set
   * @throws GraphException 400 when malformed or invalid
   */
  static FakeRecurrence parse(Object value, Instant start, String startZoneName) {
    Map<?, ?> recurrence = object(value, "recurrence", "microsoft.graph.patternedRecurrence", TOP);
    Map<?, ?> pattern = object(required(recurrence, "pattern", "recurrence"),
        "recurrence.pattern", "microsoft.graph.recurrencePattern", PATTERN);
    Map<?, ?> range = object(required(recurrence, "range", "recurrence"), "recurrence.range",
        "microsoft.graph.recurrenceRange", RANGE);
    FakeRecurrence.PatternType type = literal(FakeRecurrence.PatternType.class,
        required(pattern, "type", "recurrence.pattern"), "recurrence.pattern.type");
    List<DayOfWeek> days = days(pattern.get("daysOfWeek"));
    DayOfWeek firstDay = pattern.get("firstDayOfWeek") == null ? DayOfWeek.SUNDAY
        : day(pattern.get("firstDayOfWeek"), "recurrence.pattern.firstDayOfWeek");
    FakeRecurrence.WeekIndex index = pattern.get("index") == null
        ? FakeRecurrence.WeekIndex.FIRST
        : literal(FakeRecurrence.WeekIndex.class, pattern.get("index"), "recurrence.pattern.index");
    int interval = number(required(pattern, "interval", "recurrence.pattern"),
        "recurrence.pattern.interval");
    int dayOfMonth = pattern.get("dayOfMonth") == null ? 0
        : number(pattern.get("dayOfMonth"), "recurrence.pattern.dayOfMonth");
    int month = pattern.get("month") == null ? 0
        : number(pattern.get("month"), "recurrence.pattern.month");
    boolean usesDays = type == FakeRecurrence.PatternType.WEEKLY
        || type == FakeRecurrence.PatternType.RELATIVE_MONTHLY
        || type == FakeRecurrence.PatternType.RELATIVE_YEARLY;
    boolean usesDayOfMonth = type == FakeRecurrence.PatternType.ABSOLUTE_MONTHLY
        || type == FakeRecurrence.PatternType.ABSOLUTE_YEARLY;
    boolean usesMonth = type == FakeRecurrence.PatternType.ABSOLUTE_YEARLY
        || type == FakeRecurrence.PatternType.RELATIVE_YEARLY;

    FakeRecurrence.RangeType rangeType = literal(FakeRecurrence.RangeType.class,
        required(range, "type", "recurrence.range"), "recurrence.range.type");
    LocalDate startDate = date(required(range, "startDate", "recurrence.range"),
        "recurrence.range.startDate");
    Object endValue = range.get("endDate");
    LocalDate endDate = endValue == null ? null : date(endValue, "recurrence.range.endDate");
    int count = range.get("numberOfOccurrences") == null ? 0
        : number(range.get("numberOfOccurrences"), "recurrence.range.numberOfOccurrences");
    Object zoneValue = range.get("recurrenceTimeZone");
    if (zoneValue != null && !(zoneValue instanceof String)) {
      throw typeError("recurrence.range.recurrenceTimeZone", "Edm.String");
    }
    String zoneName = zoneValue == null || ((String) zoneValue).isBlank() ? startZoneName
        : (String) zoneValue;
    ZoneId zone = GraphTime.zone(zoneName);
    if (zone == null) {
      throw GraphException.badRequest("TimeZoneNotSupportedException",
          "A valid TimeZone value must be specified. The following TimeZone value is not"
              + " supported: '" + zoneName + "'.");
    }
    LocalDate startDay = start.atZone(zone).toLocalDate();
    if (!startDate.equals(startDay)) {
      throw invalid("The recurrence range's startDate (" + startDate + ") must be the date of"
          + " the event's start (" + startDay + ").");
    }
    if (rangeType == FakeRecurrence.RangeType.END_DATE && endDate == null) {
      throw invalid("A recurrence range of type 'endDate' requires the property 'endDate'.");
    }
    try {
      return new FakeRecurrence(type, interval, usesDays ? days : List.of(), firstDay, index,
          usesDayOfMonth ? dayOfMonth : 0, usesMonth ? month : 0, rangeType,
          Optional.of(startDate),
          rangeType == FakeRecurrence.RangeType.END_DATE ? Optional.of(endDate) : Optional.empty(),
          rangeType == FakeRecurrence.RangeType.NUMBERED ? count : 0, Optional.of(zoneName));
    } catch (IllegalArgumentException e) {
      throw invalid("The recurrence is invalid: " + e.getMessage() + ".");
    }
  }

  /** Renders a recurrence with Graph's filler values. */
  static Map<String, Object> render(FakeRecurrence r) {
    List<String> days = new ArrayList<>();
    r.daysOfWeek().forEach(d -> days.add(d.name().toLowerCase(Locale.ROOT)));
    Map<String, Object> pattern = Json.object(
        "type", r.patternType().wireName(),
        "interval", r.interval(),
        "month", r.month(),
        "dayOfMonth", r.dayOfMonth(),
        "daysOfWeek", days,
        "firstDayOfWeek", r.firstDayOfWeek().name().toLowerCase(Locale.ROOT),
        "index", r.index().wireName());
    Map<String, Object> range = Json.object(
        "type", r.rangeType().wireName(),
        "startDate", r.startDate().map(LocalDate::toString).orElse(NO_DATE),
        "endDate", r.endDate().map(LocalDate::toString).orElse(NO_DATE),
        "recurrenceTimeZone", r.recurrenceTimeZone().orElse("UTC"),
        "numberOfOccurrences", r.numberOfOccurrences());
    return Json.object("pattern", pattern, "range", range);
  }

  private static Map<?, ?> object(Object value, String property, String type, Set<String> keys) {
    if (!(value instanceof Map)) {
      throw typeError(property, type);
    }
    for (Object key : ((Map<?, ?>) value).keySet()) {
      String name = String.valueOf(key);
      if (!name.startsWith("@") && !keys.contains(name)) {
        throw GraphException.badRequest("RequestBodyRead", "The property '" + name
            + "' does not exist on type '" + type + "'. Make sure to only use property names"
            + " that are defined by the type.");
      }
    }
    return (Map<?, ?>) value;
  }

  private static Object required(Map<?, ?> map, String key, String parent) {
    Object value = map.get(key);
    if (value == null) {
      throw invalid("The property '" + parent + "." + key + "' is required.");
    }
    return value;
  }

  private static <E extends Enum<E>> E literal(Class<E> type, Object value, String property) {
    if (value instanceof String) {
      for (E e : type.getEnumConstants()) {
        String wire = e instanceof FakeRecurrence.PatternType
            ? ((FakeRecurrence.PatternType) e).wireName()
            : e instanceof FakeRecurrence.RangeType ? ((FakeRecurrence.RangeType) e).wireName()
            : e.name();
        if (wire.equalsIgnoreCase((String) value)) {
          return e;
        }
      }
    }
    throw GraphException.badRequest("BadRequest", "Cannot convert the literal '" + value
        + "' to the expected type of '" + property + "'.");
  }

  private static List<DayOfWeek> days(Object value) {
    List<DayOfWeek> days = new ArrayList<>();
    if (value == null) {
      return days;
    }
    if (!(value instanceof List)) {
      throw typeError("recurrence.pattern.daysOfWeek", "Collection(microsoft.graph.dayOfWeek)");
    }
    for (Object item : (List<?>) value) {
      days.add(day(item, "recurrence.pattern.daysOfWeek"));
    }
    return days;
  }

  private static DayOfWeek day(Object value, String property) {
    if (value instanceof String) {
      for (DayOfWeek d : DayOfWeek.values()) {
        if (d.name().equalsIgnoreCase((String) value)) {
          return d;
        }
      }
    }
    throw GraphException.badRequest("BadRequest", "Cannot convert the literal '" + value
        + "' to the expected type 'microsoft.graph.dayOfWeek' of '" + property + "'.");
  }

  private static int number(Object value, String property) {
    if (!(value instanceof Long) || (Long) value < Integer.MIN_VALUE
        || (Long) value > Integer.MAX_VALUE) {
      throw typeError(property, "Edm.Int32");
    }
    return ((Long) value).intValue();
  }

  private static LocalDate date(Object value, String property) {
    if (value instanceof String) {
      try {
        return LocalDate.parse((String) value);
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    throw GraphException.badRequest("BadRequest", "Cannot convert the literal '" + value
        + "' to the expected type 'Edm.Date' of '" + property + "'.");
  }

  private static GraphException invalid(String message) {
    return GraphException.badRequest("ErrorInvalidRequest", message);
  }

  private static GraphException typeError(String property, String type) {
    return GraphException.badRequest("BadRequest", "Cannot convert the literal for property '"
        + property + "' to the expected type '" + type + "'.");
  }
}
