package com.workplace.calendar.testkit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reading {@code event} request bodies: known properties only, each of the right type. */
final class EventBodies {

  /** The properties of Graph's {@code event} type; others are rejected like Graph does. */
  private static final Set<String> EVENT_PROPERTIES = Set.of("allowNewTimeProposals",
      "attachments", "attendees", "body", "bodyPreview", "calendar", "cancelledOccurrences",
      "categories", "changeKey", "createdDateTime", "end", "exceptionOccurrences", "extensions",
      "hasAttachments", "hideAttendees", "iCalUId", "id", "importance", "instances", "isAllDay",
      "isCancelled", "isDraft", "isOnlineMeeting", "isOrganizer", "isReminderOn",
      "lastModifiedDateTime", "location", "locations", "multiValueExtendedProperties",
      "occurrenceId", "onlineMeeting", "onlineMeetingProvider", "onlineMeetingUrl", "organizer",
      "originalEndTimeZone", "originalStart", "originalStartTimeZone", "recurrence",
      "reminderMinutesBeforeStart", "responseRequested", "responseStatus", "sensitivity",
      "seriesMasterId", "showAs", "singleValueExtendedProperties", "start", "subject",
      "transactionId", "type", "uid", "webLink");

  private static final Set<String> SHOW_AS = Set.of("free", "tentative", "busy", "oof",
      "workingElsewhere", "unknown");
  private static final Set<String> SENSITIVITY = Set.of("normal", "personal", "private",
      "confidential");

  private EventBodies() {}

  /** The JSON body, refused when it names a property the event type does not have. */
  static Map<String, Object> read(GraphCall call) {
    Map<String, Object> body = call.jsonBody();
    for (String key : body.keySet()) {
      if (!key.startsWith("@") && !key.contains("@odata.") && !EVENT_PROPERTIES.contains(key)) {
        throw GraphException.badRequest("RequestBodyRead", "The property '" + key
            + "' does not exist on type 'microsoft.graph.event'. Make sure to only use property"
            + " names that are defined by the type or mark the type as open type.");
      }
    }
    return body;
  }

  /** {@code showAs} as Graph writes it, or the fallback when absent. */
  static String showAs(Map<String, Object> body, String fallback) {
    return literal(body, "showAs", SHOW_AS, "microsoft.graph.freeBusyStatus", fallback);
  }

  /** {@code sensitivity} as Graph writes it, or the fallback when absent. */
  static String sensitivity(Map<String, Object> body, String fallback) {
    return literal(body, "sensitivity", SENSITIVITY, "microsoft.graph.sensitivity", fallback);
  }

  private static String literal(Map<String, Object> body, String key, Set<String> allowed,
      String type, String fallback) {
    Object value = body.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof String) {
      for (String literal : allowed) {
        if (literal.equalsIgnoreCase((String) value)) {
          return literal;
        }
      }
    }
    throw GraphException.badRequest("BadRequest", "Cannot convert the literal '" + value
        + "' to the expected type '" + type + "'.");
  }

  /** The {@code timeZone} of a {@code dateTimeTimeZone} value, UTC when absent. */
  static String zoneName(Object dateTimeTimeZone) {
    Object zone = ((Map<?, ?>) dateTimeTimeZone).get("timeZone");
    return zone instanceof String ? (String) zone : "UTC";
  }

  static String location(Map<String, Object> body) {
    Object location = body.get("location");
    if (location == null) {
      return "";
    }
    if (!(location instanceof Map)) {
      throw typeError("location", "microsoft.graph.location");
    }
    Object name = ((Map<?, ?>) location).get("displayName");
    if (name != null && !(name instanceof String)) {
      throw typeError("location.displayName", "Edm.String");
    }
    return name == null ? "" : (String) name;
  }

  static List<EventRecord.Attendee> attendees(Map<String, Object> body) {
    Object value = body.get("attendees");
    List<EventRecord.Attendee> out = new ArrayList<>();
    if (value == null) {
      return out;
    }
    if (!(value instanceof List)) {
      throw typeError("attendees", "Collection(microsoft.graph.attendee)");
    }
    for (Object item : (List<?>) value) {
      if (!(item instanceof Map) || !(((Map<?, ?>) item).get("emailAddress") instanceof Map)) {
        throw typeError("attendees", "microsoft.graph.attendee");
      }
      Map<?, ?> email = (Map<?, ?>) ((Map<?, ?>) item).get("emailAddress");
      Object address = email.get("address");
      Object name = email.get("name");
      Object type = ((Map<?, ?>) item).get("type");
      if (!(address instanceof String)) {
        throw typeError("attendees.emailAddress.address", "Edm.String");
      }
      out.add(new EventRecord.Attendee(name instanceof String ? (String) name : (String) address,
          (String) address, type instanceof String ? (String) type : "required"));
    }
    return out;
  }

  /** The {@code body} object's content type (lower case) and content, or null when absent. */
  static String[] content(Map<String, Object> body) {
    Object value = body.get("body");
    if (value == null) {
      return null;
    }
    if (!(value instanceof Map)) {
      throw typeError("body", "microsoft.graph.itemBody");
    }
    Map<String, Object> content = Json.objectMember(body, "body");
    return new String[] {nonNull(string(content, "contentType")).toLowerCase(Locale.ROOT),
        nonNull(string(content, "content"))};
  }

  static String string(Map<String, Object> body, String key) {
    Object value = body.get(key);
    if (value != null && !(value instanceof String)) {
      throw typeError(key, "Edm.String");
    }
    return (String) value;
  }

  static String nonNull(String s) {
    return s == null ? "" : s;
  }

  static GraphException typeError(String property, String type) {
    return GraphException.badRequest("BadRequest", "Cannot convert the literal for property '"
        + property + "' to the expected type '" + type + "'.");
  }
}
