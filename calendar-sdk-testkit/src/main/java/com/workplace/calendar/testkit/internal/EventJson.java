package com.workplace.calendar.testkit.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders calendar items the way Graph does (fixtures {@code calendarview*.json}). */
public final class EventJson {

  private EventJson() {}

  /**
   * Renders an item.
   *
   * @param e the item
   * @param mailbox the calendar's mailbox
   * @param zone the zone for {@code start}/{@code end}
   * @param zoneName the name to echo in {@code timeZone}
   * @return the JSON object
   */
  public static Map<String, Object> render(
      EventRecord e, MailboxState mailbox, ZoneId zone, String zoneName) {
    boolean organizer = e.organizerAddress().equalsIgnoreCase(mailbox.address());
    Map<String, Object> m = Json.object();
    m.put("@odata.etag", "W/\"" + e.changeKey() + "\"");
    m.put("id", e.id());
    m.put("createdDateTime", GraphTime.timestamp(e.createdDateTime()));
    m.put("lastModifiedDateTime", GraphTime.timestamp(e.lastModifiedDateTime()));
    m.put("changeKey", e.changeKey());
    m.put("categories", List.of());
    if (e.transactionId() != null) {
      m.put("transactionId", e.transactionId());
    }
    m.put("originalStartTimeZone", e.originalStartTimeZone());
    m.put("originalEndTimeZone", e.originalEndTimeZone());
    m.put("iCalUId", e.iCalUId());
    m.put("uid", e.isInstance() ? SeriesIds.seriesUid(e.iCalUId()) : e.iCalUId());
    m.put("reminderMinutesBeforeStart", 15);
    m.put("isReminderOn", false);
    m.put("hasAttachments", false);
    m.put("subject", e.subject());
    m.put("bodyPreview", preview(e.bodyContent()));
    m.put("importance", "normal");
    m.put("sensitivity", e.sensitivity());
    m.put("isAllDay", false);
    m.put("isCancelled", e.cancelled());
    m.put("isOrganizer", organizer);
    m.put("responseRequested", true);
    m.put("seriesMasterId", e.seriesMasterId());
    m.put("showAs", e.showAs());
    m.put("type", e.type());
    m.put("webLink", "https://outlook.office365.com/owa/?itemid=" + e.id()
        + "&exvsurl=1&path=/calendar/item");
    m.put("onlineMeetingUrl", null);
    m.put("isOnlineMeeting", false);
    m.put("onlineMeetingProvider", "unknown");
    m.put("allowNewTimeProposals", true);
    m.put("isDraft", false);
    m.put("hideAttendees", false);
    m.put("responseStatus", Json.object(
        "response", organizer ? "organizer" : "accepted",
        "time", organizer ? "0001-01-01T00:00:00Z" : GraphTime.timestamp(e.createdDateTime())));
    m.put("body", Json.object("contentType", e.bodyContentType(), "content", e.bodyContent()));
    m.put("start", GraphTime.format(e.start(), zone, zoneName));
    m.put("end", GraphTime.format(e.end(), zone, zoneName));
    m.put("location", location(e.location()));
    m.put("locations", e.location() == null || e.location().isEmpty()
        ? List.of() : List.of(location(e.location())));
    if (e.isInstance()) {
      m.put("originalStart", e.originalStart().toString());
    }
    m.put("recurrence", e.recurrence() == null ? null : RecurrenceJson.render(e.recurrence()));
    List<Object> attendees = new ArrayList<>();
    for (EventRecord.Attendee a : e.attendees()) {
      attendees.add(Json.object(
          "type", a.type(),
          "status", Json.object("response", "none", "time", "0001-01-01T00:00:00Z"),
          "emailAddress", Json.object("name", a.name(), "address", a.address())));
    }
    m.put("attendees", attendees);
    m.put("organizer", Json.object("emailAddress",
        Json.object("name", e.organizerName(), "address", e.organizerAddress())));
    m.put("onlineMeeting", null);
    return m;
  }

  /**
   * Renders an occurrence as {@code calendarView/delta} does for recurring series when it
   * leaves the properties out: etag, id, series, type, start and end only.
   *
   * @param e the occurrence
   * @param zone the zone for {@code start}/{@code end}
   * @param zoneName the name to echo in {@code timeZone}
   * @return the JSON object
   */
  public static Map<String, Object> stub(EventRecord e, ZoneId zone, String zoneName) {
    return Json.object(
        "@odata.etag", "W/\"" + e.changeKey() + "\"",
        "id", e.id(),
        "seriesMasterId", e.seriesMasterId(),
        "type", e.type(),
        "start", GraphTime.format(e.start(), zone, zoneName),
        "end", GraphTime.format(e.end(), zone, zoneName));
  }

  private static Map<String, Object> location(String name) {
    return Json.object(
        "displayName", name == null ? "" : name,
        "locationType", "default",
        "uniqueIdType", "unknown",
        "address", Json.object(),
        "coordinates", Json.object());
  }

  private static String preview(String content) {
    if (content == null) {
      return "";
    }
    String text = content.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
    return text.length() > 255 ? text.substring(0, 255) : text;
  }

  /**
   * Keeps only the selected properties (plus {@code id} and {@code @odata.etag}).
   *
   * @param full the rendered item
   * @param select the {@code $select} value or null
   * @return the reduced item (or {@code full} when nothing is selected)
   */
  public static Map<String, Object> select(Map<String, Object> full, String select) {
    if (select == null || select.isBlank()) {
      return full;
    }
    Map<String, Object> m = Json.object();
    for (Map.Entry<String, Object> e : full.entrySet()) {
      if (e.getKey().equals("@odata.etag") || e.getKey().equals("id")) {
        m.put(e.getKey(), e.getValue());
      }
    }
    for (String s : select.split(",")) {
      String name = s.trim();
      for (Map.Entry<String, Object> e : full.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          m.put(e.getKey(), e.getValue());
        }
      }
    }
    return m;
  }
}
