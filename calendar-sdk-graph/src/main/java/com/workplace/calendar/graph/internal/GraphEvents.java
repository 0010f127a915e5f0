package com.workplace.calendar.graph.internal;

import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.booking.Attendee;
import com.workplace.calendar.booking.BookingRecurrence;
import com.workplace.calendar.spi.CalendarEvent;
import com.workplace.calendar.spi.EventDraft;
import com.workplace.calendar.tenant.TenantId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Event operations on room calendars, and the reads of recurring series that sync needs. Times go
 * out in UTC, a series' in its recurrence's zone (by Windows name, so that Exchange keeps their
 * wall-clock time there); every answer is asked for in UTC and read as instants.
 */
final class GraphEvents {
  /** What sync reads of a series master: what its occurrences share, and its version. */
  static final String MASTER_FIELDS =
      "id,type,subject,organizer,attendees,isCancelled,start,end,iCalUId,changeKey";
  /** What sync reads of a series' instances: everything a change reports. */
  static final String INSTANCE_FIELDS =
      "id,type,seriesMasterId,originalStart,subject,organizer,attendees,isCancelled,start,end,"
          + "iCalUId,transactionId,changeKey";
  /** Instances per page; a daily series over the longest sync window fits in two. */
  static final int INSTANCES_PAGE = 500;

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
  private static final DateTimeFormatter UTC_LOCAL = LOCAL.withZone(ZoneOffset.UTC);
  /** Asks for every time in an answer in UTC. */
  static final Map<String, String> PREFER_UTC = Map.of("Prefer", "outlook.timezone=\"UTC\"");

  /** Events per calendarView page of a conflict check (Graph accepts 1–1000). */
  static final int VIEW_PAGE_SIZE = 100;

  private final GraphClient client;

  GraphEvents(GraphClient client) {
    this.client = client;
  }

  CalendarEvent create(TenantId tenant, String mailbox, EventDraft draft) {
    JsonValue body = JsonValue.object();
    body.put("subject", draft.subject());
    if (draft.recurrence().isPresent()) {
      // a series' times in its zone, so that Exchange keeps their wall-clock time there
      BookingRecurrence recurrence = draft.recurrence().get();
      body.set("start", dateTime(draft.start(), recurrence));
      body.set("end", dateTime(draft.end(), recurrence));
      body.set("recurrence", GraphRecurrence.write(recurrence, draft.start()));
    } else {
      body.set("start", dateTime(draft.start()));
      body.set("end", dateTime(draft.end()));
    }
    body.put("transactionId", draft.transactionId());
    body.put("showAs", "busy");
    JsonValue attendees = body.putArray("attendees");
    for (Attendee attendee : draft.attendees()) {
      JsonValue a = attendees.addObject();
      JsonValue address = a.putObject("emailAddress");
      address.put("address", attendee.email());
      attendee.name().ifPresent(n -> address.put("name", n));
      a.put("type", "required");
    }
    draft.body().ifPresent(text -> body.putObject("body").put("contentType", "text").put("content", text));
    HttpUrl url = client.user(mailbox, "events").build();
    // Safe to retry: the service creates one event (or series master) per transactionId.
    GraphResponse response = client.sendJson("POST", url, tenant, mailbox, body, true, PREFER_UTC);
    return GraphReader.event(GraphClient.successJson(response, "creating an event"));
  }

  Optional<CalendarEvent> get(TenantId tenant, String mailbox, String eventId) {
    HttpUrl url = client.user(mailbox, "events", eventId).build();
    GraphResponse response =
        client.send(new GraphRequest("GET", url, tenant, mailbox, null, PREFER_UTC, true));
    if (response.status() == 404) {
      return Optional.empty();
    }
    return Optional.of(GraphReader.event(GraphClient.successJson(response, "reading an event")));
  }

  /**
   * Reads the events overlapping a window with one calendarView request (more only when the window
   * holds more than {@link #VIEW_PAGE_SIZE} events). No {@code $select}: Graph does not let
   * {@code createdDateTime} and {@code lastModifiedDateTime} be selected, and the post-write check
   * needs them.
   */
  List<CalendarEvent> between(TenantId tenant, String mailbox, Instant from, Instant to) {
    HttpUrl url =
        client
            .user(mailbox, "calendarView")
            .addQueryParameter("startDateTime", isoUtc(from))
            .addQueryParameter("endDateTime", isoUtc(to))
            .addQueryParameter("$top", Integer.toString(VIEW_PAGE_SIZE))
            .build();
    List<CalendarEvent> events = new ArrayList<>();
    client.forEachPage(
        url, tenant, mailbox, PREFER_UTC, "reading the room's calendar", node -> events.add(GraphReader.event(node)));
    return events;
  }

  CalendarEvent update(
      TenantId tenant,
      String mailbox,
      String eventId,
      Optional<String> subject,
      Optional<Instant> start,
      Optional<Instant> end) {
    JsonValue body = JsonValue.object();
    subject.ifPresent(s -> body.put("subject", s));
    start.ifPresent(s -> body.set("start", dateTime(s)));
    end.ifPresent(e -> body.set("end", dateTime(e)));
    HttpUrl url = client.user(mailbox, "events", eventId).build();
    GraphResponse response = client.sendJson("PATCH", url, tenant, mailbox, body, true, PREFER_UTC);
    return GraphReader.event(GraphClient.successJson(response, "updating an event"));
  }

  /**
   * Moves a series: one PATCH of its master's start, end (in the recurrence's zone) and
   * recurrence, and subject if given. Safe to retry: the same values again change nothing.
   */
  CalendarEvent moveSeries(
      TenantId tenant,
      String mailbox,
      String masterId,
      Optional<String> subject,
      Instant start,
      Instant end,
      BookingRecurrence recurrence) {
    JsonValue body = JsonValue.object();
    subject.ifPresent(s -> body.put("subject", s));
    body.set("start", dateTime(start, recurrence));
    body.set("end", dateTime(end, recurrence));
    body.set("recurrence", GraphRecurrence.write(recurrence, start));
    HttpUrl url = client.user(mailbox, "events", masterId).build();
    GraphResponse response = client.sendJson("PATCH", url, tenant, mailbox, body, true, PREFER_UTC);
    return GraphReader.event(GraphClient.successJson(response, "moving a series"));
  }

  /** The URL of one series master's read, with the fields sync needs. */
  HttpUrl seriesMasterUrl(String mailbox, String masterId) {
    return client
        .user(mailbox, "events", masterId)
        .addQueryParameter("$select", MASTER_FIELDS)
        .build();
  }

  /**
   * Reads a series master.
   *
   * @return the master, or empty when Graph no longer knows the item ({@code ErrorItemNotFound});
   *     any other failure, a missing mailbox included, is an exception
   */
  Optional<CalendarEvent> seriesMaster(TenantId tenant, String mailbox, String masterId) {
    HttpUrl url = seriesMasterUrl(mailbox, masterId);
    GraphResponse response =
        client.send(new GraphRequest("GET", url, tenant, mailbox, null, PREFER_UTC, true));
    if (itemNotFound(response)) {
      return Optional.empty();
    }
    return Optional.of(GraphReader.event(GraphClient.successJson(response, "reading a series master")));
  }

  /**
   * Lists the occurrences and exceptions of a series that overlap a window ({@code
   * /events/{id}/instances}), following every page.
   *
   * @return the instances, or empty when Graph no longer knows the series ({@code
   *     ErrorItemNotFound}); any other failure, a missing mailbox included, is an exception
   */
  Optional<List<CalendarEvent>> seriesInstances(
      TenantId tenant, String mailbox, String masterId, Instant from, Instant to) {
    HttpUrl first =
        client
            .user(mailbox, "events", masterId, "instances")
            .addQueryParameter("startDateTime", isoUtc(from))
            .addQueryParameter("endDateTime", isoUtc(to))
            .addQueryParameter("$top", Integer.toString(INSTANCES_PAGE))
            .addQueryParameter("$select", INSTANCE_FIELDS)
            .build();
    List<CalendarEvent> instances = new ArrayList<>();
    try {
      client.forEachPage(
          first,
          tenant,
          mailbox,
          PREFER_UTC,
          "listing the instances of a series",
          node -> instances.add(GraphReader.event(node)));
    } catch (CalendarServiceException e) {
      if (instances.isEmpty()
          && e.statusCode() == 404
          && e.errorCode().map(GraphEvents::isItemNotFound).orElse(false)) {
        return Optional.empty();
      }
      throw e;
    }
    return Optional.of(List.copyOf(instances));
  }

  private static boolean itemNotFound(GraphResponse response) {
    return response.status() == 404
        && isItemNotFound(GraphErrors.read(response.body()).code());
  }

  /** Whether a Graph error code says the item is not (or no longer) in the mailbox. */
  static boolean isItemNotFound(String code) {
    return code.equalsIgnoreCase("ErrorItemNotFound") || code.equalsIgnoreCase("itemNotFound");
  }

  boolean cancel(TenantId tenant, String mailbox, String eventId, Optional<String> comment) {
    JsonValue body = JsonValue.object();
    body.put("comment", comment.orElse(""));
    HttpUrl url = client.user(mailbox, "events", eventId, "cancel").build();
    GraphResponse response = client.sendJson("POST", url, tenant, mailbox, body, true, Map.of());
    if (response.status() == 404) {
      return false;
    }
    if (!response.isSuccess()) {
      throw GraphErrors.toException("cancelling an event", response);
    }
    GraphClient.checkNoContent(response, "cancelling an event");
    return true;
  }

  boolean delete(TenantId tenant, String mailbox, String eventId) {
    HttpUrl url = client.user(mailbox, "events", eventId).build();
    GraphResponse response =
        client.send(new GraphRequest("DELETE", url, tenant, mailbox, null, Map.of(), true));
    if (response.status() == 404) {
      return false;
    }
    if (!response.isSuccess()) {
      throw GraphErrors.toException("deleting an event", response);
    }
    GraphClient.checkNoContent(response, "deleting an event");
    return true;
  }

  static JsonValue dateTime(Instant instant) {
    JsonValue node = JsonValue.object();
    node.put("dateTime", UTC_LOCAL.format(instant));
    node.put("timeZone", "UTC");
    return node;
  }

  /** A series' time: local in its recurrence's zone, named as Windows names it. */
  static JsonValue dateTime(Instant instant, BookingRecurrence recurrence) {
    if (recurrence.isUtc()) {
      return dateTime(instant);
    }
    JsonValue node = JsonValue.object();
    node.put("dateTime", LOCAL.format(instant.atZone(recurrence.zone())));
    node.put("timeZone", WindowsTimeZones.requireWindowsName(recurrence.zone()));
    return node;
  }

  static String isoUtc(Instant instant) {
    return UTC_LOCAL.format(instant) + "Z";
  }

}
