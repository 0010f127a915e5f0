package com.workplace.calendar.testkit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Creating, reading, updating, deleting and cancelling events. */
final class EventsHandler {

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

  FakeResponse handle(GraphCall call) {
    switch (call.route().op()) {
      case CREATE_EVENT:
        return create(call);
      case GET_EVENT:
        return respond(call, 200, find(call));
      case UPDATE_EVENT:
        return update(call);
      case DELETE_EVENT:
        call.mailbox().calendar().delete(call.route().itemId())
            .orElseThrow(GraphException::itemNotFound);
        return FakeResponse.empty(204);
      case CANCEL_EVENT:
      default:
        return cancel(call);
    }
  }

  private FakeResponse create(GraphCall call) {
    Map<String, Object> body = eventBody(call);
    MailboxState m = call.mailbox();
    if (!body.containsKey("start") || !body.containsKey("end")) {
      throw GraphException.badRequest("ErrorInvalidRequest",
          "The properties 'start' and 'end' are required.");
    }
    Instant start = GraphTime.parse(body.get("start"), "start");
    Instant end = GraphTime.parse(body.get("end"), "end");
    checkOrder(start, end);
    Map<String, Object> content = objectOrNull(body, "body");
    EventRecord template = new EventRecord(null, null, string(body, "transactionId"),
        nonNull(string(body, "subject")),
        content == null ? "text" : nonNull(string(content, "contentType")).toLowerCase(
            java.util.Locale.ROOT),
        content == null ? "" : nonNull(string(content, "content")),
        start, end, zoneName(body.get("start")), zoneName(body.get("end")),
        location(body), m.displayName(), m.address(), attendees(body), false, null, null, null);
    Map.Entry<EventRecord, Boolean> created = m.calendar().create(template);
    return respond(call, 201, created.getKey());
  }

  private FakeResponse update(GraphCall call) {
    Map<String, Object> body = eventBody(call);
    EventRecord current = find(call);
    String tx = string(body, "transactionId");
    if (body.containsKey("transactionId") && !java.util.Objects.equals(tx,
        current.transactionId())) {
      throw GraphException.badRequest("ErrorInvalidRequest",
          "The property 'transactionId' cannot be changed once set.");
    }
    Instant start = body.containsKey("start") ? GraphTime.parse(body.get("start"), "start")
        : current.start();
    Instant end = body.containsKey("end") ? GraphTime.parse(body.get("end"), "end")
        : current.end();
    checkOrder(start, end);
    String subject = body.containsKey("subject") ? nonNull(string(body, "subject")) : null;
    Map<String, Object> content = objectOrNull(body, "body");
    String location = body.containsKey("location") ? location(body) : null;
    List<EventRecord.Attendee> attendees = body.containsKey("attendees") ? attendees(body) : null;
    EventRecord updated = call.mailbox().calendar().update(current.id(), e -> {
      EventRecord r = e.withTimes(start, end);
      if (subject != null) {
        r = r.withSubject(subject);
      }
      if (content != null) {
        r = r.withBody(nonNull(string(content, "contentType")).toLowerCase(java.util.Locale.ROOT),
            nonNull(string(content, "content")));
      }
      if (location != null) {
        r = r.withLocation(location);
      }
      if (attendees != null) {
        r = r.withAttendees(attendees);
      }
      return r;
    }).orElseThrow(GraphException::itemNotFound);
    return respond(call, 200, updated);
  }

  private FakeResponse cancel(GraphCall call) {
    Map<String, Object> body = call.request().body().length == 0 ? Json.object()
        : call.jsonBody();
    for (String key : body.keySet()) {
      if (!key.equals("comment")) {
        throw GraphException.badRequest("RequestBodyRead", "The parameter '" + key
            + "' in the request payload is not a valid parameter for the operation 'cancel'.");
      }
    }
    if (body.containsKey("comment") && body.get("comment") != null
        && !(body.get("comment") instanceof String)) {
      throw GraphException.badRequest("BadRequest",
          "Cannot convert the literal to the expected type 'Edm.String' for 'comment'.");
    }
    EventRecord e = find(call);
    if (!e.organizerAddress().equalsIgnoreCase(call.mailbox().address())) {
      throw GraphException.badRequest("ErrorInvalidRequest", "Your request can't be completed."
          + " You need to be an organizer to cancel a meeting.");
    }
    call.mailbox().calendar().delete(e.id()).orElseThrow(GraphException::itemNotFound);
    return FakeResponse.empty(202);
  }

  private static Map<String, Object> eventBody(GraphCall call) {
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

  private static EventRecord find(GraphCall call) {
    return call.mailbox().calendar().get(call.route().itemId())
        .orElseThrow(GraphException::itemNotFound);
  }

  private static FakeResponse respond(GraphCall call, int status, EventRecord e) {
    MailboxState m = call.mailbox();
    Map<String, Object> body = Json.object("@odata.context", call.graphBase()
        + "/$metadata#users('" + UrlCodec.queryEncode(m.address()) + "')/events/$entity");
    body.putAll(EventJson.select(EventJson.render(e, m, call.zone(), call.zoneName()),
        call.request().query("$select")));
    return call.withPreferences(FakeResponse.json(status, body));
  }

  private static void checkOrder(Instant start, Instant end) {
    if (end.isBefore(start)) {
      throw GraphException.badRequest("ErrorInvalidRequest",
          "The event's end must not be before its start.");
    }
  }

  private static String zoneName(Object dateTimeTimeZone) {
    Object zone = ((Map<?, ?>) dateTimeTimeZone).get("timeZone");
    return zone instanceof String ? (String) zone : "UTC";
  }

  private static String location(Map<String, Object> body) {
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

  private static List<EventRecord.Attendee> attendees(Map<String, Object> body) {
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

  private static Map<String, Object> objectOrNull(Map<String, Object> body, String key) {
    Object value = body.get(key);
    if (value != null && !(value instanceof Map)) {
      throw typeError(key, "microsoft.graph.itemBody");
    }
    return Json.objectMember(body, key);
  }

  private static String string(Map<String, Object> body, String key) {
    Object value = body.get(key);
    if (value != null && !(value instanceof String)) {
      throw typeError(key, "Edm.String");
    }
    return (String) value;
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  private static GraphException typeError(String property, String type) {
    return GraphException.badRequest("BadRequest", "Cannot convert the literal for property '"
        + property + "' to the expected type '" + type + "'.");
  }
}
