package com.workplace.calendar.graph.internal;

import com.workplace.calendar.booking.Availability;
import com.workplace.calendar.booking.BusyInterval;
import com.workplace.calendar.spi.DeltaItem;
import com.workplace.calendar.spi.DeltaPage;
import com.workplace.calendar.spi.IncomingNotification;
import com.workplace.calendar.spi.ProviderSubscription;
import com.workplace.calendar.spi.SubscriptionRequest;
import com.workplace.calendar.spi.SyncStateExpiredException;
import com.workplace.calendar.tenant.TenantId;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;

/** Delta pages, schedules, subscriptions and notification payloads. */
final class GraphSyncCalls {
  /** Rooms per getSchedule call (Graph's documented limit). */
  static final int SCHEDULES_PER_CALL = 20;
  /** The longest window per getSchedule call (Graph requires less than 42 days). */
  static final Duration MAX_SCHEDULE_WINDOW = Duration.ofDays(41);

  private static final Map<String, String> DELTA_PREFER =
      Map.of("Prefer", "odata.maxpagesize=100, outlook.timezone=\"UTC\"");

  private final GraphClient client;

  GraphSyncCalls(GraphClient client) {
    this.client = client;
  }

  DeltaPage deltaPage(
      TenantId tenant, String mailbox, Optional<String> link, Instant windowStart, Instant windowEnd) {
    HttpUrl url =
        link.map(l -> client.transport().checkedLink(l))
            .orElseGet(
                () ->
                    client
                        .user(mailbox, "calendarView", "delta")
                        .addQueryParameter("startDateTime", GraphEvents.isoUtc(windowStart))
                        .addQueryParameter("endDateTime", GraphEvents.isoUtc(windowEnd))
                        .build());
    GraphResponse response =
        client.send(new GraphRequest("GET", url, tenant, mailbox, null, DELTA_PREFER, true));
    if (!response.isSuccess()) {
      GraphErrors.GraphError error = GraphErrors.read(response.body());
      String code = error.code().toLowerCase(Locale.ROOT);
      if (response.status() == 410
          || code.equals("syncstatenotfound")
          || code.equals("resyncrequired")
          || code.equals("syncstateinvalid")) {
        throw new SyncStateExpiredException(
            response.status(), error.code().isEmpty() ? null : error.code(), response.requestId());
      }
      throw GraphErrors.toException("reading calendar changes", response);
    }
    JsonValue body = GraphClient.readJson(response, "reading calendar changes");
    JsonValue value = body.path("value");
    if (!value.isArray()) {
      throw GraphReader.malformed("a delta page has no value array");
    }
    List<DeltaItem> items = new ArrayList<>();
    for (JsonValue node : value) {
      items.add(GraphReader.deltaItem(node));
    }
    Optional<String> next = GraphReader.text(body, "@odata.nextLink");
    Optional<String> delta = GraphReader.text(body, "@odata.deltaLink");
    if (next.isPresent()) {
      client.transport().checkedLink(next.get());
      return new DeltaPage(items, next, Optional.empty());
    }
    if (delta.isEmpty()) {
      throw GraphReader.malformed("a delta page has neither a next link nor a delta link");
    }
    client.transport().checkedLink(delta.get());
    return new DeltaPage(items, Optional.empty(), delta);
  }

  List<Availability> schedules(TenantId tenant, List<String> mailboxes, Instant from, Instant to) {
    Map<String, List<BusyInterval>> busy = new LinkedHashMap<>();
    Map<String, String> errors = new LinkedHashMap<>();
    mailboxes.forEach(m -> busy.put(m, new ArrayList<>()));
    for (int i = 0; i < mailboxes.size(); i += SCHEDULES_PER_CALL) {
      List<String> chunk = mailboxes.subList(i, Math.min(mailboxes.size(), i + SCHEDULES_PER_CALL));
      for (Instant start = from; start.isBefore(to); start = start.plus(MAX_SCHEDULE_WINDOW)) {
        Instant end = start.plus(MAX_SCHEDULE_WINDOW).isBefore(to) ? start.plus(MAX_SCHEDULE_WINDOW) : to;
        scheduleCall(tenant, chunk, start, end, busy, errors);
      }
    }
    List<Availability> result = new ArrayList<>();
    for (String mailbox : mailboxes) {
      List<BusyInterval> intervals = new ArrayList<>(busy.get(mailbox));
      intervals.sort(Comparator.comparing(BusyInterval::start));
      result.add(new Availability(mailbox, intervals, Optional.ofNullable(errors.get(mailbox))));
    }
    return result;
  }

  private void scheduleCall(
      TenantId tenant,
      List<String> chunk,
      Instant start,
      Instant end,
      Map<String, List<BusyInterval>> busy,
      Map<String, String> errors) {
    JsonValue body = JsonValue.object();
    chunk.forEach(body.putArray("schedules")::add);
    body.set("startTime", GraphEvents.dateTime(start));
    body.set("endTime", GraphEvents.dateTime(end));
    body.put("availabilityViewInterval", 30);
    String caller = chunk.get(0);
    HttpUrl url = client.user(caller, "calendar", "getSchedule").build();
    GraphResponse response =
        client.sendJson(
            "POST", url, tenant, caller, body, true, Map.of("Prefer", "outlook.timezone=\"UTC\""));
    JsonValue answer = GraphClient.successJson(response, "reading schedules");
    if (!answer.path("value").isArray()) {
      throw GraphReader.malformed("a schedule answer has no value array");
    }
    Set<String> answered = new HashSet<>();
    for (JsonValue schedule : answer.path("value")) {
      String id = GraphReader.text(schedule, "scheduleId").map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
      if (!busy.containsKey(id) || !chunk.contains(id)) {
        continue;
      }
      answered.add(id);
      if (schedule.has("error") && schedule.path("error").isObject()) {
        JsonValue error = schedule.path("error");
        errors.put(
            id,
            GraphReader.text(error, "responseCode").orElse("error")
                + ": "
                + GraphReader.text(error, "message").orElse("the schedule could not be read"));
        continue;
      }
      for (JsonValue item : GraphReader.iterable(schedule.path("scheduleItems"))) {
        String status = GraphReader.text(item, "status").orElse("busy").toLowerCase(Locale.ROOT);
        if (!status.equals("free")) {
          busy.get(id).add(GraphReader.busy(item));
        }
      }
    }
    // a room the answer says nothing about is unknown, not free
    for (String mailbox : chunk) {
      if (!answered.contains(mailbox)) {
        errors.putIfAbsent(mailbox, "missing: Graph returned no schedule for this room");
      }
    }
  }

  ProviderSubscription createSubscription(TenantId tenant, String mailbox, SubscriptionRequest request) {
    JsonValue body = JsonValue.object();
    body.put("changeType", "created,updated,deleted");
    body.put("notificationUrl", request.notificationUri().toString());
    body.put("lifecycleNotificationUrl", request.lifecycleUri().toString());
    body.put("resource", "users/" + mailbox + "/events");
    body.put("expirationDateTime", GraphEvents.isoUtc(request.expiresAt()));
    body.put("clientState", request.clientState());
    HttpUrl url = client.path("subscriptions").build();
    GraphResponse response = client.sendJson("POST", url, tenant, mailbox, body, false, Map.of());
    return subscription(GraphClient.successJson(response, "creating a subscription"));
  }

  Optional<ProviderSubscription> renewSubscription(TenantId tenant, String id, Instant expiresAt) {
    JsonValue body = JsonValue.object();
    body.put("expirationDateTime", GraphEvents.isoUtc(expiresAt));
    HttpUrl url = client.path("subscriptions", id).build();
    GraphResponse response = client.sendJson("PATCH", url, tenant, null, body, true, Map.of());
    if (response.status() == 404) {
      return Optional.empty();
    }
    return Optional.of(subscription(GraphClient.successJson(response, "renewing a subscription")));
  }

  boolean deleteSubscription(TenantId tenant, String id) {
    HttpUrl url = client.path("subscriptions", id).build();
    GraphResponse response = client.send(new GraphRequest("DELETE", url, tenant, null, null, Map.of(), true));
    if (response.status() == 404) {
      return false;
    }
    if (!response.isSuccess()) {
      throw GraphErrors.toException("deleting a subscription", response);
    }
    return true;
  }

  private static ProviderSubscription subscription(JsonValue node) {
    String id = GraphReader.text(node, "id").orElseThrow(() -> GraphReader.malformed("a subscription without an id"));
    String expiry =
        GraphReader.text(node, "expirationDateTime")
            .orElseThrow(() -> GraphReader.malformed("a subscription without an expiry"));
    try {
      return new ProviderSubscription(id, OffsetDateTime.parse(expiry).toInstant());
    } catch (DateTimeParseException e) {
      throw GraphReader.malformed("a subscription expiry cannot be read");
    }
  }

  static List<IncomingNotification> parseNotifications(byte[] body) {
    JsonValue root;
    try {
      root = JsonValue.parse(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("the notification body is not JSON");
    }
    if (root == null || !root.path("value").isArray()) {
      throw new IllegalArgumentException("the notification body has no value array");
    }
    List<IncomingNotification> notifications = new ArrayList<>();
    for (JsonValue n : root.path("value")) {
      Optional<String> subscription = GraphReader.text(n, "subscriptionId");
      if (subscription.isEmpty()) {
        throw new IllegalArgumentException("a notification has no subscriptionId");
      }
      notifications.add(
          new IncomingNotification(
              subscription.get(),
              GraphReader.text(n, "clientState"),
              GraphReader.text(n, "tenantId"),
              GraphReader.text(n, "lifecycleEvent")));
    }
    return notifications;
  }
}
