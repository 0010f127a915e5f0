package com.workplace.calendar.testkit;

import static com.workplace.calendar.testkit.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.testkit.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Request bodies and reads for recurring events in tests. */
final class Recurring {

  private Recurring() {}

  static Map<String, Object> weekly(int interval, String... days) {
    return Json.object("type", "weekly", "interval", interval, "daysOfWeek", List.of(days));
  }

  static Map<String, Object> numbered(String startDate, int count) {
    return Json.object("type", "numbered", "startDate", startDate, "numberOfOccurrences", count);
  }

  static Map<String, Object> endDate(String startDate, String endDate) {
    return Json.object("type", "endDate", "startDate", startDate, "endDate", endDate);
  }

  /** A create body: subject, local start/end in a zone, and a recurrence. */
  static String series(String subject, String start, String end, String zone,
      Map<String, Object> pattern, Map<String, Object> range) {
    return Json.write(Json.object(
        "subject", subject,
        "start", Json.object("dateTime", start, "timeZone", zone),
        "end", Json.object("dateTime", end, "timeZone", zone),
        "recurrence", Json.object("pattern", pattern, "range", range)));
  }

  /** Creates a series through Graph and returns the 201 body. */
  static Map<String, Object> create(Fixture f, String mailbox, String body) {
    Http.Reply r = f.http.post(user(mailbox) + "/events", f.token, body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  /** Every page of a collection (calendarView, instances, events). */
  static List<Map<String, Object>> all(Fixture f, String path) {
    List<Map<String, Object>> items = new ArrayList<>();
    String next = path;
    while (next != null) {
      Http.Reply r = f.http.get(next, f.token);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      items.addAll(r.value());
      next = (String) r.json().get("@odata.nextLink");
    }
    return items;
  }

  static List<Map<String, Object>> view(Fixture f, String mailbox, String from, String to) {
    return all(f, user(mailbox) + "/calendarView?startDateTime=" + from + "&endDateTime=" + to);
  }

  static List<Map<String, Object>> instances(Fixture f, String mailbox, String masterId,
      String from, String to) {
    return all(f, user(mailbox) + "/events/" + masterId + "/instances?startDateTime=" + from
        + "&endDateTime=" + to);
  }

  /** {@code start.dateTime} of items. */
  static List<Object> starts(List<Map<String, Object>> items) {
    List<Object> out = new ArrayList<>();
    items.forEach(i -> out.add(((Map<?, ?>) i.get("start")).get("dateTime")));
    return out;
  }
}
