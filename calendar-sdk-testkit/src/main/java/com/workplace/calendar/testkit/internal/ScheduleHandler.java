package com.workplace.calendar.testkit.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code POST /users/{id}/calendar/getSchedule}: free/busy of up to N mailboxes. */
final class ScheduleHandler {

  private final MailboxLimiter limiter;

  ScheduleHandler(MailboxLimiter limiter) {
    this.limiter = limiter;
  }

  FakeResponse handle(GraphCall call) {
    Map<String, Object> body = call.jsonBody();
    Object schedulesValue = body.get("schedules");
    if (!(schedulesValue instanceof List) || ((List<?>) schedulesValue).isEmpty()) {
      throw GraphException.badRequest("ErrorInvalidParameter",
          "The parameter 'schedules' is required and must list at least one mailbox.");
    }
    List<?> schedules = (List<?>) schedulesValue;
    int max = limiter.limits().maxScheduleMailboxes();
    if (schedules.size() > max) {
      throw GraphException.badRequest("ErrorMailboxDataArrayTooBig",
          "Mailbox array size is too big. Maximum allowed is " + max + ".");
    }
    Instant start = GraphTime.parse(body.get("startTime"), "startTime");
    Instant end = GraphTime.parse(body.get("endTime"), "endTime");
    Duration window = Duration.between(start, end);
    if (!end.isAfter(start) || window.compareTo(limiter.limits().maxScheduleWindow()) >= 0) {
      throw GraphException.badRequest("ErrorInvalidTimeInterval", "The time interval must end"
          + " after it starts and be shorter than "
          + limiter.limits().maxScheduleWindow().toDays() + " days.");
    }
    int interval = interval(body.get("availabilityViewInterval"));
    String zoneName = (String) ((Map<?, ?>) body.get("startTime")).get("timeZone");
    if (zoneName == null) {
      zoneName = "UTC";
    }
    ZoneId zone = GraphTime.zone(zoneName);
    List<Object> value = new ArrayList<>();
    for (Object s : schedules) {
      if (!(s instanceof String)) {
        throw GraphException.badRequest("ErrorInvalidParameter",
            "Each entry of 'schedules' must be an SMTP address.");
      }
      value.add(schedule(call.tenant(), (String) s, start, end, interval, zone, zoneName));
    }
    return FakeResponse.json(200, Json.object(
        "@odata.context",
        call.graphBase() + "/$metadata#Collection(microsoft.graph.scheduleInformation)",
        "value", value));
  }

  private static Map<String, Object> schedule(TenantState tenant, String id, Instant start,
      Instant end, int interval, ZoneId zone, String zoneName) {
    Optional<MailboxState> found = tenant.mailbox(id)
        .filter(m -> m.kind() != MailboxState.Kind.NOT_IN_EXCHANGE_ONLINE);
    if (found.isEmpty()) {
      return Json.object(
          "scheduleId", id,
          "availabilityView", "",
          "scheduleItems", List.of(),
          "error", Json.object(
              "message", "The specified emailAddress is invalid or has no mailbox: " + id,
              "responseCode", "ErrorMailRecipientNotFound"));
    }
    MailboxState m = found.get();
    List<EventRecord> busy = new ArrayList<>();
    for (EventRecord e : m.calendar().overlapping(start, end)) {
      if (!e.cancelled()) {
        busy.add(e);
      }
    }
    StringBuilder view = new StringBuilder();
    Duration step = Duration.ofMinutes(interval);
    for (Instant slot = start; slot.isBefore(end); slot = slot.plus(step)) {
      Instant slotEnd = slot.plus(step);
      boolean taken = false;
      for (EventRecord e : busy) {
        taken |= e.overlaps(slot, slotEnd);
      }
      view.append(taken ? '2' : '0');
    }
    List<Object> items = new ArrayList<>();
    for (EventRecord e : busy) {
      items.add(Json.object(
          "isPrivate", false,
          "status", "busy",
          "subject", e.subject(),
          "location", e.location() == null ? "" : e.location(),
          "isMeeting", true,
          "isRecurring", false,
          "isException", false,
          "isReminderSet", false,
          "start", GraphTime.format(e.start(), zone, zoneName),
          "end", GraphTime.format(e.end(), zone, zoneName)));
    }
    String workingZone = m.workingHoursTimeZone() != null ? m.workingHoursTimeZone()
        : tenant.workingHoursTimeZone();
    return Json.object(
        "scheduleId", id,
        "availabilityView", view.toString(),
        "scheduleItems", items,
        "workingHours", Json.object(
            "daysOfWeek", List.of("monday", "tuesday", "wednesday", "thursday", "friday"),
            "startTime", "08:00:00.0000000",
            "endTime", "17:00:00.0000000",
            "timeZone", Json.object("name", workingZone)));
  }

  private static int interval(Object value) {
    if (value == null) {
      return 30;
    }
    if (!(value instanceof Long) || (Long) value < 5 || (Long) value > 1440) {
      throw GraphException.badRequest("ErrorInvalidParameter",
          "availabilityViewInterval must be a number of minutes between 5 and 1440.");
    }
    return ((Long) value).intValue();
  }
}
