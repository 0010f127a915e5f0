package com.workplace.calendar.testkit.internal;

import com.workplace.calendar.testkit.FakeRecurrence;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Creating, reading, updating, deleting and cancelling events: single instances, series
 * masters (a create with {@code recurrence}), and occurrences and exceptions by their ids.
 */
final class EventsHandler {

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
    Map<String, Object> body = EventBodies.read(call);
    MailboxState m = call.mailbox();
    if (!body.containsKey("start") || !body.containsKey("end")) {
      throw GraphException.badRequest("ErrorInvalidRequest",
          "The properties 'start' and 'end' are required.");
    }
    Instant start = GraphTime.parse(body.get("start"), "start");
    Instant end = GraphTime.parse(body.get("end"), "end");
    checkOrder(start, end);
    String startZone = EventBodies.zoneName(body.get("start"));
    String[] content = EventBodies.content(body);
    EventRecord.Builder template = EventRecord.builder()
        .transactionId(EventBodies.string(body, "transactionId"))
        .subject(EventBodies.nonNull(EventBodies.string(body, "subject")))
        .body(content == null ? "text" : content[0], content == null ? "" : content[1])
        .start(start).end(end)
        .timeZones(startZone, EventBodies.zoneName(body.get("end")))
        .location(EventBodies.location(body))
        .organizer(m.displayName(), m.address())
        .attendees(EventBodies.attendees(body))
        .showAs(EventBodies.showAs(body, "busy"))
        .sensitivity(EventBodies.sensitivity(body, "normal"));
    if (body.get("recurrence") != null) {
      template.recurrence(RecurrenceJson.parse(body.get("recurrence"), start, startZone));
    }
    Map.Entry<EventRecord, Boolean> created = m.calendar().create(template.build());
    return respond(call, 201, created.getKey());
  }

  private FakeResponse update(GraphCall call) {
    Map<String, Object> body = EventBodies.read(call);
    EventRecord current = find(call);
    String tx = EventBodies.string(body, "transactionId");
    if (body.containsKey("transactionId") && !Objects.equals(tx, current.transactionId())) {
      throw GraphException.badRequest("ErrorInvalidRequest",
          "The property 'transactionId' cannot be changed once set.");
    }
    Instant start = body.containsKey("start") ? GraphTime.parse(body.get("start"), "start")
        : current.start();
    Instant end = body.containsKey("end") ? GraphTime.parse(body.get("end"), "end")
        : current.end();
    checkOrder(start, end);
    FakeRecurrence recurrence = recurrence(body, current, start);
    String subject = body.containsKey("subject")
        ? EventBodies.nonNull(EventBodies.string(body, "subject")) : null;
    String[] content = EventBodies.content(body);
    String location = body.containsKey("location") ? EventBodies.location(body) : null;
    List<EventRecord.Attendee> attendees = body.containsKey("attendees")
        ? EventBodies.attendees(body) : null;
    String showAs = EventBodies.showAs(body, null);
    String sensitivity = EventBodies.sensitivity(body, null);
    String startZone = body.containsKey("start") ? EventBodies.zoneName(body.get("start")) : null;
    String endZone = body.containsKey("end") ? EventBodies.zoneName(body.get("end")) : null;
    EventRecord updated = call.mailbox().calendar().update(current.id(), e -> {
      EventRecord.Builder b = e.toBuilder().start(start).end(end);
      if (startZone != null || endZone != null) {
        b.timeZones(startZone != null ? startZone : e.originalStartTimeZone(),
            endZone != null ? endZone : e.originalEndTimeZone());
      }
      if (subject != null) {
        b.subject(subject);
      }
      if (content != null) {
        b.body(content[0], content[1]);
      }
      if (location != null) {
        b.location(location);
      }
      if (attendees != null) {
        b.attendees(attendees);
      }
      if (showAs != null) {
        b.showAs(showAs);
      }
      if (sensitivity != null) {
        b.sensitivity(sensitivity);
      }
      if (recurrence != null) {
        b.recurrence(recurrence);
      }
      return b.build();
    }).orElseThrow(GraphException::itemNotFound);
    return respond(call, 200, updated);
  }

  /** The new recurrence a PATCH sets, or null when it sets none. */
  private static FakeRecurrence recurrence(
      Map<String, Object> body, EventRecord current, Instant start) {
    if (!body.containsKey("recurrence")) {
      return null;
    }
    Object value = body.get("recurrence");
    if (current.isInstance()) {
      if (value == null) {
        return null;
      }
      throw GraphException.badRequest("ErrorInvalidRequest",
          "The recurrence of an occurrence or exception cannot be set; change the series"
              + " master instead.");
    }
    if (value == null) {
      if (current.isMaster()) {
        throw GraphException.badRequest("ErrorInvalidRequest",
            "The recurrence of a series master cannot be removed.");
      }
      return null;
    }
    String zone = body.containsKey("start") ? EventBodies.zoneName(body.get("start"))
        : current.originalStartTimeZone();
    return RecurrenceJson.parse(value, start, zone);
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
}
