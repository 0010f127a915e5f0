package com.workplace.calendar.testkit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /users/{id}/calendar}, {@code /calendarView}, the list of events (single instances and
 * series masters) and the {@code /instances} of a series.
 */
final class CalendarHandler {

  private final MailboxLimiter limiter;

  CalendarHandler(MailboxLimiter limiter) {
    this.limiter = limiter;
  }

  FakeResponse handle(GraphCall call) {
    switch (call.route().op()) {
      case GET_CALENDAR:
        return calendar(call);
      case CALENDAR_VIEW:
        return calendarView(call);
      case LIST_INSTANCES:
        return instances(call);
      case LIST_EVENTS:
      default:
        return listEvents(call);
    }
  }

  private FakeResponse calendar(GraphCall call) {
    MailboxState m = call.mailbox();
    String context = call.graphBase() + "/$metadata#users('" + UrlCodec.queryEncode(m.address())
        + "')/calendar";
    Map<String, Object> full = Json.object(
        "id", m.calendar().calendarId(),
        "name", "Calendar",
        "color", "auto",
        "hexColor", "",
        "isDefaultCalendar", true,
        "changeKey", "fJKVL07sbkmIfHqjbDnRgQAAAAACtA==",
        "canShare", true,
        "canViewPrivateItems", true,
        "canEdit", true,
        "allowedOnlineMeetingProviders", List.of("teamsForBusiness"),
        "defaultOnlineMeetingProvider", "teamsForBusiness",
        "isTallyingResponses", false,
        "isRemovable", false,
        "owner", Json.object("name", m.displayName(), "address", m.address()));
    String select = call.request().query("$select");
    Map<String, Object> body = Json.object("@odata.context",
        context + (select == null ? "" : "(" + select + ")") + "/$entity");
    body.putAll(EventJson.select(full, select));
    return FakeResponse.json(200, body);
  }

  private FakeResponse calendarView(GraphCall call) {
    Instant[] window = window(call, limiter);
    MailboxState m = call.mailbox();
    String context = call.graphBase() + "/$metadata#users('" + UrlCodec.queryEncode(m.address())
        + "')/calendarView";
    return list(call, context, m.calendar().overlapping(window[0], window[1]));
  }

  private FakeResponse instances(GraphCall call) {
    Instant[] window = window(call, limiter);
    MailboxState m = call.mailbox();
    String id = call.route().itemId();
    List<EventRecord> instances = m.calendar().instances(id, window[0], window[1])
        .orElseThrow(GraphException::itemNotFound);
    String context = call.graphBase() + "/$metadata#users('" + UrlCodec.queryEncode(m.address())
        + "')/events('" + UrlCodec.queryEncode(id) + "')/instances";
    return list(call, context, instances);
  }

  private FakeResponse list(GraphCall call, String context, List<EventRecord> events) {
    List<Map<String, Object>> items = new ArrayList<>();
    String select = call.request().query("$select");
    for (EventRecord e : events) {
      items.add(EventJson.select(EventJson.render(e, call.mailbox(), call.zone(),
          call.zoneName()), select));
    }
    int size = call.top(limiter.limits().calendarViewPageSize(),
        limiter.limits().calendarViewMaxPageSize());
    return call.withPreferences(FakeResponse.json(200, Paging.page(call, context, items, size)));
  }

  private FakeResponse listEvents(GraphCall call) {
    MailboxState m = call.mailbox();
    String context = call.graphBase() + "/$metadata#users('" + UrlCodec.queryEncode(m.address())
        + "')/events";
    return list(call, context, m.calendar().all());
  }

  /**
   * Reads {@code startDateTime} and {@code endDateTime}.
   *
   * @param call the call
   * @param limiter the limits (the longest window)
   * @return start and end
   * @throws GraphException 400 when missing, malformed, reversed or too long
   */
  static Instant[] window(GraphCall call, MailboxLimiter limiter) {
    String startText = call.request().query("startDateTime");
    String endText = call.request().query("endDateTime");
    if (startText == null || endText == null) {
      throw GraphException.badRequest("ErrorInvalidParameter", "This request requires a time"
          + " window specified by the query string parameters StartDateTime and EndDateTime.");
    }
    Instant start = GraphTime.parseQuery(startText);
    Instant end = GraphTime.parseQuery(endText);
    if (start == null || end == null) {
      throw GraphException.badRequest("ErrorInvalidParameter", "The value '"
          + (start == null ? startText : endText) + "' of parameter '"
          + (start == null ? "StartDateTime" : "EndDateTime") + "' is invalid.");
    }
    if (end.isBefore(start)) {
      throw GraphException.badRequest("ErrorInvalidParameter",
          "The parameter 'EndDateTime' must not be before 'StartDateTime'.");
    }
    long maxDays = limiter.limits().maxCalendarViewWindow().toDays();
    if (java.time.Duration.between(start, end).compareTo(
        limiter.limits().maxCalendarViewWindow()) > 0) {
      throw GraphException.badRequest("ErrorInvalidRequest", "Your request can't be completed."
          + " The range between the start and end dates is greater than the allowed range."
          + " Maximum number of days: " + maxDays);
    }
    return new Instant[] {start, end};
  }
}
