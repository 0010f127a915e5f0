package com.workplace.calendar.graph.internal;

import com.workplace.calendar.CalendarClientException;
import com.workplace.calendar.booking.Availability;
import com.workplace.calendar.booking.BookingRecurrence;
import com.workplace.calendar.registry.CalendarFailureReason;
import com.workplace.calendar.registry.ConnectOutcome;
import com.workplace.calendar.registry.DiscoveredRoom;
import com.workplace.calendar.spi.CalendarEvent;
import com.workplace.calendar.spi.CalendarProvider;
import com.workplace.calendar.spi.DeltaPage;
import com.workplace.calendar.spi.EventDraft;
import com.workplace.calendar.spi.IncomingNotification;
import com.workplace.calendar.spi.ProviderSubscription;
import com.workplace.calendar.spi.SubscriptionRequest;
import com.workplace.calendar.spi.TenantAccess;
import com.workplace.calendar.tenant.TenantFailureReason;
import com.workplace.calendar.tenant.TenantId;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import okhttp3.HttpUrl;

/** The Microsoft 365 backend: Graph's REST API through the throttling-aware transport. */
public final class GraphCalendarProvider implements CalendarProvider {
  private final GraphClient client;
  private final TokenSource tokens;
  private final BatchExecutor batches;
  private final TenantDirectory directory;
  private final GraphEvents events;
  private final GraphSyncCalls sync;
  private final GraphSeriesMasters seriesMasters;
  private final GraphConfig config;
  private final Set<String> requiredPermissions;
  private final Runnable onClose;

  GraphCalendarProvider(
      GraphTransport transport,
      TokenSource tokens,
      BatchExecutor batches,
      TenantDirectory directory,
      GraphConfig config,
      Runnable onClose) {
    this.client = new GraphClient(transport);
    this.tokens = tokens;
    this.batches = batches;
    this.directory = directory;
    this.events = new GraphEvents(client);
    this.sync = new GraphSyncCalls(client);
    this.seriesMasters = new GraphSeriesMasters(client, events, batches, config.limits());
    this.config = config;
    this.requiredPermissions = Set.copyOf(config.requiredPermissions());
    this.onClose = onClose;
  }

  /**
   * The number of calls this provider made to the store's mailbox coordination so far.
   *
   * @return the count
   */
  public long coordinationCalls() {
    return client.transport().permits().storeCalls();
  }

  @Override
  public URI adminConsentUri(TenantId tenantId, String state) {
    HttpUrl base = HttpUrl.get(config.authorityHost());
    return base.newBuilder()
        .addPathSegment(tenantId.value())
        .addPathSegment("v2.0")
        .addPathSegment("adminconsent")
        .addQueryParameter("client_id", config.clientId())
        .addQueryParameter("redirect_uri", config.redirectUri().toString())
        .addQueryParameter("scope", config.graphResource() + "/.default")
        .addQueryParameter("state", state)
        .build()
        .uri();
  }

  @Override
  public Optional<String> resolveDirectoryId(TenantId tenantId) {
    return directory.directoryId(tenantId);
  }

  @Override
  public TenantAccess checkTenantAccess(TenantId tenantId, Optional<String> probeMailbox) {
    BearerToken token;
    try {
      token = tokens.token(tenantId, true);
    } catch (TokenException e) {
      return TenantAccess.denied(e.reason(), e.errorCode().orElse(e.getMessage()), e.retryable());
    }
    Set<String> missing = new TreeSet<>(requiredPermissions);
    missing.removeAll(token.roles());
    if (!missing.isEmpty()) {
      return new TenantAccess(
          Optional.of(TenantFailureReason.PERMISSION_MISSING),
          Optional.of(token.tenantGuid()),
          token.roles(),
          Optional.of("missing application permissions: " + String.join(", ", missing)),
          true);
    }
    if (probeMailbox.isPresent()) {
      ConnectOutcome outcome = probeMailboxes(tenantId, List.of(probeMailbox.get())).get(probeMailbox.get());
      if (outcome.failureReason().isPresent()) {
        CalendarFailureReason reason = outcome.failureReason().get();
        return new TenantAccess(
            Optional.of(GraphErrorCodes.tenantFailure(reason)),
            Optional.of(token.tenantGuid()),
            token.roles(),
            outcome.detail(),
            reason.isTransient() || reason == CalendarFailureReason.TENANT_NOT_AUTHORIZED);
      }
    }
    return TenantAccess.granted(token.tenantGuid(), token.roles());
  }

  @Override
  public Map<String, ConnectOutcome> probeMailboxes(TenantId tenantId, Collection<String> emails) {
    List<BatchItem> items = new ArrayList<>();
    Map<String, String> emailById = new HashMap<>();
    int n = 0;
    for (String email : emails) {
      String id = Integer.toString(++n);
      emailById.put(id, email);
      HttpUrl url = client.user(email, "calendar").addEncodedQueryParameter("$select", "id").build();
      items.add(new BatchItem(id, "GET", client.relative(url), email, null));
    }
    Map<String, ConnectOutcome> outcomes = new LinkedHashMap<>();
    if (items.isEmpty()) {
      return outcomes;
    }
    Map<String, BatchResult> results = batches.run(tenantId, items);
    for (Map.Entry<String, String> e : emailById.entrySet()) {
      BatchResult result = results.get(e.getKey());
      String email = e.getValue();
      GraphErrors.GraphError error = GraphErrors.readItem(result.body());
      Optional<CalendarFailureReason> failure =
          GraphErrorCodes.mailboxFailure(result.status(), error.code(), error.message());
      outcomes.put(
          email,
          failure
              .map(r -> ConnectOutcome.failed(email, r, detail(result.status(), error)))
              .orElseGet(() -> ConnectOutcome.connected(email)));
    }
    return outcomes;
  }

  private static String detail(int status, GraphErrors.GraphError error) {
    return "HTTP " + status + (error.code().isEmpty() ? "" : " " + error.code());
  }

  @Override
  public List<DiscoveredRoom> listRooms(TenantId tenantId) {
    Map<String, List<String>> listsByRoom = new HashMap<>();
    List<String> roomLists = new ArrayList<>();
    client.forEachPage(
        client.path("places", "microsoft.graph.roomlist").build(),
        tenantId,
        null,
        Map.of(),
        "listing room lists",
        list -> GraphReader.text(list, "emailAddress").ifPresent(roomLists::add));
    for (String list : roomLists) {
      client.forEachPage(
          client.path("places", list, "microsoft.graph.roomlist", "rooms").build(),
          tenantId,
          null,
          Map.of(),
          "listing the rooms of a room list",
          room ->
              GraphReader.text(room, "emailAddress")
                  .map(String::toLowerCase)
                  .ifPresent(r -> listsByRoom.computeIfAbsent(r, k -> new ArrayList<>()).add(list.toLowerCase())));
    }
    List<DiscoveredRoom> rooms = new ArrayList<>();
    client.forEachPage(
        client.path("places", "microsoft.graph.room").addEncodedQueryParameter("$top", "100").build(),
        tenantId,
        null,
        Map.of(),
        "listing rooms",
        room -> {
          String email = GraphReader.text(room, "emailAddress").map(String::toLowerCase).orElse("");
          GraphReader.room(room, listsByRoom.getOrDefault(email, List.of())).ifPresent(rooms::add);
        });
    return rooms;
  }

  @Override
  public CalendarEvent createEvent(TenantId tenantId, String mailbox, EventDraft draft) {
    return events.create(tenantId, mailbox, draft);
  }

  @Override
  public Optional<CalendarEvent> getEvent(TenantId tenantId, String mailbox, String eventId) {
    return events.get(tenantId, mailbox, eventId);
  }

  @Override
  public Optional<CalendarEvent> getSeriesMaster(
      TenantId tenantId, String mailbox, String seriesMasterId) {
    return events.seriesMaster(tenantId, mailbox, seriesMasterId);
  }

  /**
   * Reads the masters in {@code $batch} requests of at most as many reads as the mailbox may have
   * in flight ({@link GraphSeriesMasters}); each answer means what {@link #getSeriesMaster}'s does.
   */
  @Override
  public Map<String, Optional<CalendarEvent>> getSeriesMasters(
      TenantId tenantId, String mailbox, Collection<String> seriesMasterIds) {
    return seriesMasters.read(tenantId, mailbox, seriesMasterIds);
  }

  @Override
  public Optional<List<CalendarEvent>> listSeriesInstances(
      TenantId tenantId, String mailbox, String seriesMasterId, Instant from, Instant to) {
    return events.seriesInstances(tenantId, mailbox, seriesMasterId, from, to);
  }

  @Override
  public List<CalendarEvent> eventsBetween(TenantId tenantId, String mailbox, Instant from, Instant to) {
    return events.between(tenantId, mailbox, from, to);
  }

  @Override
  public CalendarEvent moveSeries(
      TenantId tenantId,
      String mailbox,
      String seriesMasterId,
      Optional<String> subject,
      Instant start,
      Instant end,
      BookingRecurrence recurrence) {
    return events.moveSeries(tenantId, mailbox, seriesMasterId, subject, start, end, recurrence);
  }

  /**
   * Checks that Microsoft 365 can store the recurrence: its zone has a Windows name ({@link
   * WindowsTimeZones}).
   */
  @Override
  public void checkRecurrence(BookingRecurrence recurrence) {
    WindowsTimeZones.requireWindowsName(recurrence.zone());
  }

  @Override
  public CalendarEvent updateEvent(
      TenantId tenantId,
      String mailbox,
      String eventId,
      Optional<String> subject,
      Optional<Instant> start,
      Optional<Instant> end) {
    return events.update(tenantId, mailbox, eventId, subject, start, end);
  }

  @Override
  public boolean cancelEvent(TenantId tenantId, String mailbox, String eventId, Optional<String> comment) {
    return events.cancel(tenantId, mailbox, eventId, comment);
  }

  @Override
  public boolean deleteEvent(TenantId tenantId, String mailbox, String eventId) {
    return events.delete(tenantId, mailbox, eventId);
  }

  @Override
  public DeltaPage deltaPage(
      TenantId tenantId, String mailbox, Optional<String> link, Instant windowStart, Instant windowEnd) {
    return sync.deltaPage(tenantId, mailbox, link, windowStart, windowEnd);
  }

  @Override
  public boolean canFollow(String link) {
    try {
      client.transport().checkedLink(link);
      return true;
    } catch (CalendarClientException e) {
      return false;
    }
  }

  @Override
  public List<Availability> schedules(TenantId tenantId, List<String> mailboxes, Instant from, Instant to) {
    return sync.schedules(tenantId, mailboxes, from, to);
  }

  @Override
  public ProviderSubscription createSubscription(
      TenantId tenantId, String mailbox, SubscriptionRequest request) {
    return sync.createSubscription(tenantId, mailbox, request);
  }

  @Override
  public Optional<ProviderSubscription> renewSubscription(
      TenantId tenantId, String subscriptionId, Instant expiresAt) {
    return sync.renewSubscription(tenantId, subscriptionId, expiresAt);
  }

  @Override
  public boolean deleteSubscription(TenantId tenantId, String subscriptionId) {
    return sync.deleteSubscription(tenantId, subscriptionId);
  }

  @Override
  public List<IncomingNotification> parseNotifications(byte[] body) {
    return GraphSyncCalls.parseNotifications(body);
  }

  @Override
  public void close() {
    onClose.run();
  }
}
