package com.workplace.calendar.testkit.internal;

import com.workplace.calendar.testkit.FakeSubscription;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code /subscriptions}: create (with the validation handshake), list, get, renew, delete. */
final class SubscriptionsHandler {

  private static final List<String> CHANGE_TYPES = List.of("created", "updated", "deleted");

  private final SubscriptionRegistry registry;
  private final Directory directory;

  SubscriptionsHandler(SubscriptionRegistry registry, Directory directory) {
    this.registry = registry;
    this.directory = directory;
  }

  FakeResponse handle(GraphCall call) {
    switch (call.route().op()) {
      case CREATE_SUBSCRIPTION:
        return create(call);
      case LIST_SUBSCRIPTIONS: {
        List<Object> value = new ArrayList<>();
        for (FakeSubscription s : registry.list()) {
          if (s.tenantId().equals(call.tenant().id())
              && s.applicationId().equals(call.principal().clientId())) {
            value.add(render(call, s, false));
          }
        }
        return FakeResponse.json(200, Json.object("@odata.context",
            call.graphBase() + "/$metadata#subscriptions", "value", value));
      }
      case GET_SUBSCRIPTION:
        return FakeResponse.json(200, render(call, own(call).subscription(), true));
      case RENEW_SUBSCRIPTION:
        return renew(call);
      case DELETE_SUBSCRIPTION:
      default:
        registry.remove(own(call).subscription().id());
        return FakeResponse.empty(204);
    }
  }

  private FakeResponse create(GraphCall call) {
    Map<String, Object> body = call.jsonBody();
    String changeType = requiredString(body, "changeType");
    List<String> types = new ArrayList<>();
    for (String t : changeType.split(",")) {
      String type = t.trim().toLowerCase(Locale.ROOT);
      if (!CHANGE_TYPES.contains(type)) {
        throw invalid("The changeType '" + t.trim() + "' is not supported for events.");
      }
      types.add(type);
    }
    String notificationUrl = requiredString(body, "notificationUrl");
    String resource = requiredString(body, "resource");
    String lifecycleUrl = optionalString(body, "lifecycleNotificationUrl");
    String clientState = optionalString(body, "clientState");
    if (clientState != null && clientState.length() > 128) {
      throw invalid("clientState must not be longer than 128 characters.");
    }
    Instant expiration = expiration(body);
    String userId = userOf(resource, call.principal());
    if (!call.principal().hasAny("Calendars.Read", "Calendars.ReadWrite",
        "Calendars.Read.Shared", "Calendars.ReadWrite.Shared")) {
      throw extension(403, "Forbidden", "Access is denied. Check credentials and try again.");
    }
    MailboxState mailbox;
    try {
      mailbox = GraphPipeline.resolveMailbox(call.tenant(), userId);
    } catch (GraphException e) {
      throw extension(404, "NotFound", e.getMessage());
    }
    if (!call.principal().delegated()
        && call.tenant().blockedByPolicy(call.principal().clientId(), mailbox.key())) {
      throw extension(403, "Forbidden", "Access to OData is disabled.");
    }
    checkExpiration(expiration);
    for (String url : lifecycleUrl == null ? List.of(notificationUrl)
        : List.of(notificationUrl, lifecycleUrl)) {
      String problem = WebhookClient.checkUrl(url);
      if (problem != null) {
        throw new GraphException(400, "ValidationError", problem);
      }
    }
    for (String url : lifecycleUrl == null ? List.of(notificationUrl)
        : List.of(notificationUrl, lifecycleUrl)) {
      String token = "Validation: Testing client application reachability for subscription"
          + " Request-Id: " + call.requestId() + " & token=" + directory.ids().token(12) + "+/?";
      String failure = registry.webhooks().validate(url, token);
      if (failure != null) {
        throw new GraphException(400, "ValidationError", "Subscription validation request"
            + " failed. Notification endpoint must respond with 200 OK to validation request ("
            + failure + ").");
      }
    }
    FakeSubscription s = new FakeSubscription(directory.ids().guid(), call.tenant().id(),
        call.principal().clientId(), resource, mailbox.address(), types, notificationUrl,
        lifecycleUrl == null ? "" : lifecycleUrl, clientState == null ? "" : clientState,
        expiration);
    registry.add(new SubscriptionRegistry.Entry(s, mailbox, userId));
    return FakeResponse.json(201, render(call, s, true));
  }

  private FakeResponse renew(GraphCall call) {
    SubscriptionRegistry.Entry entry = own(call);
    Instant expiration = expiration(call.jsonBody());
    checkExpiration(expiration);
    FakeSubscription s = entry.subscription();
    FakeSubscription renewed = new FakeSubscription(s.id(), s.tenantId(), s.applicationId(),
        s.resource(), s.mailbox(), s.changeTypes(), s.notificationUrl(),
        s.lifecycleNotificationUrl(), s.clientState(), expiration);
    registry.replace(new SubscriptionRegistry.Entry(renewed, entry.mailbox(),
        entry.resourceUserId()));
    return FakeResponse.json(200, render(call, renewed, true));
  }

  private SubscriptionRegistry.Entry own(GraphCall call) {
    String id = call.route().itemId();
    return registry.find(id)
        .filter(e -> e.subscription().tenantId().equals(call.tenant().id())
            && e.subscription().applicationId().equals(call.principal().clientId()))
        .orElseThrow(() -> new GraphException(404, "ResourceNotFound",
            "The object was not found."));
  }

  private void checkExpiration(Instant expiration) {
    Instant now = registry.now();
    if (!expiration.isAfter(now)) {
      throw invalid("Subscription expiration must be in the future.");
    }
    long maxMinutes = registry.maxLifetime().toMinutes();
    if (expiration.isAfter(now.plus(registry.maxLifetime()))) {
      throw new GraphException(400, "ExtensionError", "Subscription expiration can only be "
          + maxMinutes + " minutes in the future.");
    }
  }

  private static Instant expiration(Map<String, Object> body) {
    String text = requiredString(body, "expirationDateTime");
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw invalid("expirationDateTime '" + text + "' is not a valid date and time.");
    }
  }

  private static String userOf(String resource, Principal principal) {
    String r = resource.startsWith("/") ? resource.substring(1) : resource;
    String[] parts = r.split("/");
    if (parts.length == 2 && parts[0].equalsIgnoreCase("me")
        && parts[1].equalsIgnoreCase("events") && principal.delegated()) {
      return principal.userAddress();
    }
    boolean events = (parts.length == 3 && parts[2].equalsIgnoreCase("events"))
        || (parts.length == 4 && parts[2].equalsIgnoreCase("calendar")
            && parts[3].equalsIgnoreCase("events"));
    if (parts.length < 3 || !parts[0].equalsIgnoreCase("users") || !events) {
      throw invalid("The resource '" + resource + "' is not supported; use"
          + " users/{id}/events.");
    }
    return UrlCodec.decode(parts[1], false);
  }

  private static Map<String, Object> render(GraphCall call, FakeSubscription s, boolean entity) {
    Map<String, Object> m = Json.object();
    if (entity) {
      m.put("@odata.context", call.graphBase() + "/$metadata#subscriptions/$entity");
    }
    m.put("id", s.id());
    m.put("resource", s.resource());
    m.put("applicationId", s.applicationId());
    m.put("changeType", String.join(",", s.changeTypes()));
    m.put("clientState", s.clientState().isEmpty() ? null : s.clientState());
    m.put("notificationUrl", s.notificationUrl());
    m.put("notificationQueryOptions", null);
    m.put("lifecycleNotificationUrl",
        s.lifecycleNotificationUrl().isEmpty() ? null : s.lifecycleNotificationUrl());
    m.put("expirationDateTime", GraphTime.timestamp(s.expirationDateTime()));
    m.put("creatorId", s.applicationId());
    m.put("includeResourceData", false);
    m.put("latestSupportedTlsVersion", "v1_2");
    m.put("encryptionCertificate", null);
    m.put("encryptionCertificateId", null);
    m.put("notificationUrlAppId", null);
    m.put("notificationContentType", "application/json");
    return m;
  }

  private static String requiredString(Map<String, Object> body, String name) {
    Object value = body.get(name);
    if (!(value instanceof String) || ((String) value).isBlank()) {
      throw invalid("The property '" + name + "' is required and must be a string.");
    }
    return (String) value;
  }

  private static String optionalString(Map<String, Object> body, String name) {
    Object value = body.get(name);
    if (value != null && !(value instanceof String)) {
      throw invalid("The property '" + name + "' must be a string.");
    }
    return (String) value;
  }

  private static GraphException invalid(String message) {
    return new GraphException(400, "InvalidRequest", message);
  }

  private static GraphException extension(int status, String statusName, String reason) {
    return new GraphException(status, "ExtensionError", "Operation: Create; Exception: [Status"
        + " Code: " + statusName + "; Reason: " + reason + "]");
  }
}
