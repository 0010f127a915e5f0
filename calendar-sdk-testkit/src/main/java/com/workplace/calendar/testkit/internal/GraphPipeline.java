package com.workplace.calendar.testkit.internal;

import com.workplace.calendar.testkit.FaultKind;
import com.workplace.calendar.testkit.SeriesDeltaBehaviour;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Processes Graph requests: planned faults, authentication, routing, permissions, mailbox
 * resolution, access policies, per-mailbox limits, latency, then the operation's handler.
 */
public final class GraphPipeline {

  private final Directory directory;
  private final TokenService tokens;
  private final MailboxLimiter limiter;
  private final StatsRecorder stats;
  private final FaultPlan faults;
  private final Holds holds;
  private final Clock clock;
  private final Supplier<Duration> latency;
  private final PlacesHandler places;
  private final CalendarHandler calendar;
  private final EventsHandler events;
  private final DeltaHandler delta;
  private final ScheduleHandler schedule;
  private final SubscriptionsHandler subscriptions;
  private final BatchHandler batch;
  private final RequestHooks hooks;

  public GraphPipeline(
      Directory directory,
      TokenService tokens,
      MailboxLimiter limiter,
      StatsRecorder stats,
      FaultPlan faults,
      Holds holds,
      Supplier<Duration> latency,
      DeltaStore deltaStore,
      SubscriptionRegistry subscriptionRegistry,
      Supplier<SeriesDeltaBehaviour> seriesDelta,
      RequestHooks hooks) {
    this.directory = directory;
    this.tokens = tokens;
    this.limiter = limiter;
    this.stats = stats;
    this.faults = faults;
    this.holds = holds;
    this.clock = directory.clock();
    this.latency = latency;
    this.places = new PlacesHandler(limiter);
    this.calendar = new CalendarHandler(limiter);
    this.events = new EventsHandler();
    this.delta = new DeltaHandler(deltaStore, limiter, seriesDelta);
    this.schedule = new ScheduleHandler(limiter);
    this.subscriptions = new SubscriptionsHandler(subscriptionRegistry, directory);
    this.batch = new BatchHandler(this, limiter);
    this.hooks = hooks;
  }

  Clock clock() {
    return clock;
  }

  /**
   * Handles a request under {@code /v1.0/}.
   *
   * @param req the request
   * @return the response, always with a {@code request-id} header
   */
  public FakeResponse handle(FakeRequest req) {
    String requestId = directory.ids().requestId();
    String clientRequestId = req.header("client-request-id");
    FaultPlan.Fault fault = faults.nextFault();
    FakeResponse response;
    try {
      response = process(req, requestId, fault);
    } catch (GraphException e) {
      response = GraphErrors.render(e, requestId,
          clientRequestId == null ? requestId : clientRequestId, clock);
    } catch (RuntimeException e) {
      response = GraphErrors.render(new GraphException(500, "InternalServerError",
          "The fake failed to handle the request: " + e.getClass().getName()), requestId,
          clientRequestId == null ? requestId : clientRequestId, clock);
    }
    if (fault != null && fault.kind() == FaultKind.DROP_RESPONSE) {
      return FakeResponse.connectionReset();
    }
    if (response.fault() == FakeResponse.Fault.NONE) {
      response.headerIfAbsent("request-id", requestId);
      response.headerIfAbsent("client-request-id",
          clientRequestId == null ? requestId : clientRequestId);
      response.headerIfAbsent("x-ms-ags-diagnostic",
          "{\"ServerInfo\":{\"DataCenter\":\"Fake\",\"Slice\":\"E\",\"Ring\":\"0\"}}");
    }
    return response;
  }

  private FakeResponse process(FakeRequest req, String requestId, FaultPlan.Fault fault) {
    if (fault != null && fault.kind() != FaultKind.DROP_RESPONSE) {
      FakeResponse faulted = applyFault(fault, req, requestId);
      if (faulted != null) {
        return faulted;
      }
    }
    Principal principal = tokens.validate(bearer(req));
    List<String> segments = req.segments();
    GraphRoute route = GraphRoute.match(req.method(), segments.subList(1, segments.size()));
    if (route.op() == GraphRoute.Op.BATCH) {
      return batch.handle(req, principal, requestId);
    }
    GraphCall call = prepare(req, requestId, principal, route);
    if (call.mailbox() == null) {
      sleep(latency.get());
      return dispatch(call);
    }
    try (MailboxLimiter.Lease lease =
        limiter.acquire(principal.clientId(), call.mailbox().key())) {
      if (!lease.admitted()) {
        return GraphErrors.throttled(Long.toString(lease.retryAfterSeconds()), requestId, clock);
      }
      holds.await(call.mailbox().key());
      sleep(latency.get());
      return dispatch(call);
    }
  }

  /**
   * Checks permissions, resolves the tenant and mailbox and applies access policies.
   *
   * @throws GraphException 401, 403 or 404
   */
  GraphCall prepare(FakeRequest req, String requestId, Principal principal, GraphRoute route) {
    TenantState tenant = directory.findTenant(principal.tenantId()).orElseThrow(() ->
        new GraphException(401, "InvalidAuthenticationToken",
            "Access token validation failure. The tenant no longer exists."));
    switch (route.op().permission()) {
      case CALENDAR_READ:
        require(principal, "Calendars.Read", "Calendars.ReadWrite", "Calendars.Read.Shared",
            "Calendars.ReadWrite.Shared");
        break;
      case CALENDAR_WRITE:
        require(principal, "Calendars.ReadWrite", "Calendars.ReadWrite.Shared");
        break;
      case PLACES:
        require(principal, "Place.Read.All", "Place.ReadWrite.All");
        break;
      case NONE:
      default:
        break;
    }
    MailboxState mailbox = null;
    if (route.op().mailboxScoped()) {
      mailbox = resolveMailbox(tenant, route.mailboxId());
      if (!principal.delegated() && tenant.blockedByPolicy(principal.clientId(), mailbox.key())) {
        throw GraphException.accessDeniedByPolicy();
      }
    }
    return new GraphCall(req, requestId, principal, tenant, mailbox, route);
  }

  /** Resolves {@code /users/{id}} within the caller's tenant. */
  static MailboxState resolveMailbox(TenantState tenant, String id) {
    MailboxState mailbox = tenant.mailbox(id).orElseThrow(() -> GraphException.invalidUser(id));
    if (mailbox.kind() == MailboxState.Kind.NOT_IN_EXCHANGE_ONLINE) {
      throw GraphException.mailboxNotEnabled();
    }
    return mailbox;
  }

  private static void require(Principal principal, String... anyOf) {
    if (!principal.hasAny(anyOf)) {
      throw GraphException.accessDenied();
    }
  }

  /** Runs the hooks waiting for this request, then the operation's handler. */
  FakeResponse dispatch(GraphCall call) {
    hooks.runMatching(call);
    switch (call.route().op()) {
      case LIST_ROOMS:
      case LIST_ROOM_LISTS:
      case LIST_ROOMS_IN_LIST:
      case GET_PLACE:
        return places.handle(call);
      case GET_CALENDAR:
      case CALENDAR_VIEW:
      case LIST_EVENTS:
      case LIST_INSTANCES:
        return calendar.handle(call);
      case DELTA:
        return delta.handle(call);
      case GET_SCHEDULE:
        return schedule.handle(call);
      case CREATE_SUBSCRIPTION:
      case LIST_SUBSCRIPTIONS:
      case GET_SUBSCRIPTION:
      case RENEW_SUBSCRIPTION:
      case DELETE_SUBSCRIPTION:
        return subscriptions.handle(call);
      default:
        return events.handle(call);
    }
  }

  private FakeResponse applyFault(FaultPlan.Fault fault, FakeRequest req, String requestId) {
    String mailboxKey = mailboxKeyOf(req);
    String retryAfter = fault.parameter() == null ? null
        : GraphErrors.retryAfter(fault.parameter());
    switch (fault.kind()) {
      case THROTTLE:
        stats.throttled(mailboxKey);
        return GraphErrors.throttled(retryAfter, requestId, clock);
      case THROTTLE_WITHOUT_RETRY_AFTER:
        stats.throttled(mailboxKey);
        return GraphErrors.throttled(null, requestId, clock);
      case SERVICE_UNAVAILABLE:
        return GraphErrors.simple(503, "ServiceUnavailable", "The service is temporarily"
            + " unavailable. Please retry later.", retryAfter, requestId, clock);
      case SERVICE_UNAVAILABLE_WITHOUT_RETRY_AFTER:
        return GraphErrors.simple(503, "ServiceUnavailable", "The service is temporarily"
            + " unavailable. Please retry later.", null, requestId, clock);
      case GATEWAY_TIMEOUT:
        return GraphErrors.simple(504, "GatewayTimeout", "The gateway did not receive a"
            + " response in time.", null, requestId, clock);
      case CONNECTION_RESET:
        return FakeResponse.connectionReset();
      case MALFORMED_JSON:
        return FakeResponse.raw(200, FakeResponse.GRAPH_JSON, "{\"@odata.context\":\""
            + req.baseUrl() + "/v1.0/$metadata#users\",\"value\":[{\"id\":\"AAMkAGI2TG93A");
      case SLOW:
      default:
        sleep(fault.parameter());
        return null;
    }
  }

  /** The lower-case {@code {id}} of {@code /v1.0/users/{id}/...}, or null. */
  static String mailboxKeyOf(FakeRequest req) {
    List<String> s = req.segments();
    if (s.size() >= 3 && s.get(1).equalsIgnoreCase("users")) {
      return s.get(2).trim().toLowerCase(Locale.ROOT);
    }
    return null;
  }

  static String bearer(FakeRequest req) {
    String header = req.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return header.substring(7).trim();
  }

  /** Sleeps (holding whatever slot the caller holds); interrupts end the sleep early. */
  static void sleep(Duration d) {
    if (d == null || d.isZero() || d.isNegative()) {
      return;
    }
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  Duration latency() {
    return latency.get();
  }

  Holds holds() {
    return holds;
  }
}
