package com.workplace.calendar.graph.internal;

import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.booking.Attendee;
import com.workplace.calendar.booking.BusyInterval;
import com.workplace.calendar.registry.DiscoveredRoom;
import com.workplace.calendar.registry.EmailAddresses;
import com.workplace.calendar.registry.RoomBookingType;
import com.workplace.calendar.spi.CalendarEvent;
import com.workplace.calendar.spi.DeltaItem;
import com.workplace.calendar.spi.EventType;
import com.workplace.calendar.spi.FreeBusyStatus;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads Graph's JSON into the SDK's values, leniently: the documented samples disagree on types and
 * key casing, and a field of the wrong type is treated as absent rather than failing the page. A
 * value the SDK cannot do without (an event's id or times) is a typed error.
 */
final class GraphReader {
  private GraphReader() {}

  /**
   * Reads an event: a single instance, an occurrence or exception of a series, or a series master
   * (with its recurrence, when the SDK can say it).
   * An occurrence {@code calendarView/delta} sent without subject, organizer or attendees (a stub
   * of id, series, type and times) is read as {@linkplain CalendarEvent#partial() partial}.
   */
  static CalendarEvent event(JsonValue node) {
    String id = text(node, "id").orElseThrow(() -> malformed("an event without an id"));
    Instant start = dateTime(node.path("start")).orElseThrow(() -> malformed("an event without a start"));
    Instant end = dateTime(node.path("end")).orElseThrow(() -> malformed("an event without an end"));
    List<Attendee> attendees = new ArrayList<>();
    for (JsonValue a : iterable(node.path("attendees"))) {
      person(a.path("emailAddress")).ifPresent(attendees::add);
    }
    Optional<String> seriesMasterId = text(node, "seriesMasterId");
    EventType type = type(node, seriesMasterId);
    if (type.isSeriesInstance() && seriesMasterId.isEmpty()) {
      throw malformed("an occurrence or exception without its seriesMasterId");
    }
    boolean instance = type.isSeriesInstance();
    return new CalendarEvent(
        id,
        text(node, "iCalUId"),
        text(node, "subject"),
        start,
        end.isBefore(start) ? start : end,
        person(node.path("organizer").path("emailAddress")),
        attendees,
        text(node, "transactionId"),
        node.path("isCancelled").asBoolean(false),
        type,
        instance ? seriesMasterId : Optional.empty(),
        instance ? instant(node, "originalStart") : Optional.empty(),
        changeKey(node),
        !node.has("subject") || !node.has("organizer") || !node.has("attendees"),
        FreeBusyStatus.fromGraph(text(node, "showAs").orElse(null)),
        text(node, "sensitivity").map(GraphReader::isPrivate).orElse(false),
        timestamp(node, "createdDateTime"),
        timestamp(node, "lastModifiedDateTime"),
        type == EventType.SERIES_MASTER
            ? GraphRecurrence.read(node.path("recurrence"), text(node, "originalStartTimeZone"))
            : Optional.empty());
  }

  /**
   * The event's {@code type}; when it is missing or unknown, what the other fields say (a series
   * master id makes an occurrence, a recurrence a master).
   */
  private static EventType type(JsonValue node, Optional<String> seriesMasterId) {
    String type = text(node, "type").orElse("");
    switch (type.toLowerCase(Locale.ROOT)) {
      case "singleinstance":
        return EventType.SINGLE_INSTANCE;
      case "occurrence":
        return EventType.OCCURRENCE;
      case "exception":
        return EventType.EXCEPTION;
      case "seriesmaster":
        return EventType.SERIES_MASTER;
      default:
        if (seriesMasterId.isPresent()) {
          return EventType.OCCURRENCE;
        }
        return node.path("recurrence").isObject()
            ? EventType.SERIES_MASTER
            : EventType.SINGLE_INSTANCE;
    }
  }

  /** The item's version: {@code changeKey}, else the tag inside {@code @odata.etag}. */
  private static Optional<String> changeKey(JsonValue node) {
    Optional<String> changeKey = text(node, "changeKey");
    if (changeKey.isPresent()) {
      return changeKey;
    }
    return text(node, "@odata.etag")
        .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
        .map(tag -> tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")
            ? tag.substring(1, tag.length() - 1)
            : tag)
        .filter(tag -> !tag.isBlank());
  }

  /** A date-time offset such as {@code originalStart}; without an offset it is UTC. */
  private static Optional<Instant> instant(JsonValue node, String field) {
    Optional<String> text = text(node, field);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text.get()).toInstant());
    } catch (DateTimeParseException e) {
      // no offset
    }
    try {
      return Optional.of(LocalDateTime.parse(text.get()).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      throw malformed("the " + field + " Graph sent cannot be read");
    }
  }

  private static boolean isPrivate(String sensitivity) {
    String s = sensitivity.toLowerCase(java.util.Locale.ROOT);
    return s.equals("private") || s.equals("confidential");
  }

  /** Reads a plain ISO 8601 timestamp such as {@code createdDateTime}; unreadable is absent. */
  static Optional<Instant> timestamp(JsonValue node, String field) {
    return text(node, field)
        .flatMap(
            t -> {
              try {
                return Optional.of(OffsetDateTime.parse(t).toInstant());
              } catch (DateTimeParseException e) {
                return Optional.empty();
              }
            });
  }

  static DeltaItem deltaItem(JsonValue node) {
    String id = text(node, "id").orElseThrow(() -> malformed("a delta entry without an id"));
    if (node.has("@removed")) {
      return new DeltaItem(id, Optional.empty());
    }
    CalendarEvent event = event(node);
    return new DeltaItem(id, event.cancelled() ? Optional.empty() : Optional.of(event));
  }

  static Optional<DiscoveredRoom> room(JsonValue node, List<String> lists) {
    Optional<String> email = text(node, "emailAddress").filter(EmailAddresses::isValid);
    if (email.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> floor =
        text(node, "floorLabel").or(() -> number(node, "floorNumber").map(String::valueOf));
    return Optional.of(
        new DiscoveredRoom(
            email.get(),
            text(node, "displayName").orElse(email.get()),
            number(node, "capacity"),
            text(node, "building"),
            floor,
            lists,
            RoomBookingType.fromPlaces(text(node, "bookingType").orElse(null))));
  }

  static BusyInterval busy(JsonValue item) {
    Instant start = dateTime(item.path("start")).orElseThrow(() -> malformed("a schedule item without a start"));
    Instant end = dateTime(item.path("end")).orElseThrow(() -> malformed("a schedule item without an end"));
    return new BusyInterval(start, end.isBefore(start) ? start : end, text(item, "status").orElse("busy"));
  }

  /** Reads {@code {"dateTime": "...", "timeZone": "..."}} as an instant. */
  static Optional<Instant> dateTime(JsonValue node) {
    Optional<String> text = text(node, "dateTime");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String value = text.get();
    try {
      return Optional.of(OffsetDateTime.parse(value).toInstant());
    } catch (DateTimeParseException e) {
      // no offset: the zone comes from timeZone
    }
    try {
      LocalDateTime local = LocalDateTime.parse(value);
      ZoneId zone =
          text(node, "timeZone").flatMap(WindowsTimeZones::resolve).orElse(ZoneOffset.UTC);
      return Optional.of(local.atZone(zone).toInstant());
    } catch (DateTimeParseException e) {
      throw malformed("a date-time Graph sent cannot be read");
    }
  }

  static Optional<String> text(JsonValue node, String field) {
    JsonValue value = node.get(field);
    if (value == null) {
      for (String name : node.fieldNames()) {
        if (name.equalsIgnoreCase(field)) {
          value = node.get(name);
          break;
        }
      }
    }
    return value != null && value.isValueNode() && !value.isNull() && !value.asText().isBlank()
        ? Optional.of(value.asText().strip())
        : Optional.empty();
  }

  static Optional<Integer> number(JsonValue node, String field) {
    return text(node, field)
        .flatMap(
            t -> {
              try {
                return Optional.of((int) Math.round(Double.parseDouble(t)));
              } catch (NumberFormatException e) {
                return Optional.empty();
              }
            });
  }

  static Iterable<JsonValue> iterable(JsonValue array) {
    return array != null && array.isArray() ? array : List.of();
  }

  static Optional<Attendee> person(JsonValue emailAddress) {
    return text(emailAddress, "address")
        .filter(EmailAddresses::isValid)
        .map(a -> Attendee.of(a, text(emailAddress, "name").orElse(null)));
  }

  static CalendarServiceException malformed(String what) {
    return new CalendarServiceException(
        "Graph sent a malformed answer: " + what, 0, "MalformedResponse", null, null, null);
  }
}
