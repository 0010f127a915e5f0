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
    List<EventRecord> items = new ArrayList<>();
    for (EventRecord e : m.calendar().overlapping(start, end)) {
      if (!e.cancelled()) {
        items.add(e);
      }
    }
    StringBuilder view = new StringBuilder();
    Duration step = Duration.ofMinutes(interval);
    for (Instant slot = start; slot.isBefore(end); slot = slot.plus(step)) {
      Instant slotEnd = slot.plus(step);
      int digit = 0;
      for (EventRecord e : items) {
        if (e.overlaps(slot, slotEnd) && rank(digit(e)) > rank(digit)) {
          digit = digit(e);
        }
      }
      view.append((char) ('0' + digit));
    }
    List<Object> scheduleItems = new ArrayList<>();
    for (EventRecord e : items) {
      boolean hidden = "private".equals(e.sensitivity());
      Map<String, Object> item = Json.object(
          "isPrivate", hidden,
          "status", e.showAs());
      if (!hidden) {
        item.put("subject", e.subject());
        item.put("location", e.location() == null ? "" : e.location());
      }
      item.put("isMeeting", true);
      item.put("isRecurring", e.isInstance());
      item.put("isException", EventRecord.EXCEPTION.equals(e.type()));
      item.put("isReminderSet", false);
      item.put("start", GraphTime.format(e.start(), zone, zoneName));
      item.put("end", GraphTime.format(e.end(), zone, zoneName));
      scheduleItems.add(item);
    }
    String workingZone = m.workingHoursTimeZone() != null ? m.workingHoursTimeZone()
        : tenant.workingHoursTimeZone();
    return Json.object(
        "scheduleId", id,
        "availabilityView", view.toString(),
        "scheduleItems", scheduleItems,
        "workingHours", Json.object(
            "daysOfWeek", List.of("monday", "tuesday", "wednesday", "thursday", "friday"),
            "startTime", "08:00:00.0000000",
            "endTime", "17:00:00.0000000",
            "timeZone", Json.object("name", workingZone)));
  }

  /** The availability view digit of an item: 0 free, 1 tentative, 2 busy, 3 oof, 4 elsewhere. */
  private static int digit(EventRecord e) {
    switch (e.showAs()) {
      case "free":
        return 0;
      case "tentative":
        return 1;
      case "oof":
        return 3;
      case "workingElsewhere":
        return 4;
      case "busy":
      case "unknown":
      default:
        return 2;
    }
  }

  /** Which status wins a slot several items share: oof, busy, tentative, elsewhere, free. */
  private static int rank(int digit) {
    return new int[] {0, 2, 3, 4, 1}[digit];
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
