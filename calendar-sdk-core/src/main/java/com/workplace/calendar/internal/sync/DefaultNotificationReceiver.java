package com.workplace.calendar.internal.sync;

import com.workplace.calendar.CalendarEventListener;
import com.workplace.calendar.internal.Hashing;
import com.workplace.calendar.spi.CalendarProvider;
import com.workplace.calendar.spi.IncomingNotification;
import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.store.SubscriptionState;
import com.workplace.calendar.sync.NotificationKind;
import com.workplace.calendar.sync.NotificationReceiver;
import com.workplace.calendar.sync.NotificationRejection;
import com.workplace.calendar.sync.NotificationRequest;
import com.workplace.calendar.sync.NotificationResponse;
import com.workplace.calendar.tenant.Tenant;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles requests to the notification and lifecycle endpoints (one receiver serves both).
 *
 * <ul>
 *   <li>{@code POST ?validationToken=…}: the subscription handshake. Answers 200 {@code text/plain}
 *       with the URL-decoded token, after checking it is 1 to 1,024 characters without control
 *       characters (400 otherwise).
 *   <li>Other {@code POST}s: a body over {@link #MAX_BODY_BYTES} is refused with 413, an empty or
 *       unparseable one with 400. Each notification is checked: its subscription must be stored,
 *       its {@code clientState} must hash to the stored hash, and its tenant GUID must match the
 *       stored tenant's directory id when both are known. A notification that fails is ignored
 *       without touching anything. The answer is 202 when at least one passed (Microsoft then does
 *       not resend the good ones), and 403 when none did.
 *   <li>A passing change notification, or a {@code missed} event, only queues a delta round of the
 *       calendar; {@code reauthorizationRequired} queues a renewal; {@code subscriptionRemoved}
 *       queues a new subscription and a round. Nothing calls the calendar service on the request
 *       thread, and notifications are never used as data.
 * </ul>
 *
 * <p>Other methods get 405. Once the sync is closed, notifications get 503 so that the service
 * delivers them again later (possibly to another instance). Tokens, client states and bodies are
 * never logged.
 */
public final class DefaultNotificationReceiver implements NotificationReceiver {
  /** The largest body accepted (1 MiB). */
  public static final int MAX_BODY_BYTES = NotificationReceiver.MAX_BODY_BYTES;

  /** The longest validation token echoed. */
  public static final int MAX_TOKEN_LENGTH = 1024;

  private static final Logger LOG = LoggerFactory.getLogger(DefaultNotificationReceiver.class);
  private static final String TEXT = "text/plain; charset=utf-8";

  private final CalendarStore store;
  private final CalendarProvider provider;
  private final WorkQueue queue;
  private final CalendarEventListener events;

  DefaultNotificationReceiver(
      CalendarStore store, CalendarProvider provider, WorkQueue queue, CalendarEventListener events) {
    this.store = Objects.requireNonNull(store, "store");
    this.provider = Objects.requireNonNull(provider, "provider");
    this.queue = Objects.requireNonNull(queue, "queue");
    this.events = Objects.requireNonNull(events, "events");
  }

  @Override
  public NotificationResponse handle(NotificationRequest request) {
    Objects.requireNonNull(request, "request");
    if (!request.method().equalsIgnoreCase("POST")) {
      return rejected(NotificationRejection.METHOD_NOT_ALLOWED, 405, "only POST is accepted");
    }
    Optional<String> rawToken = queryParameter(request.rawQuery(), "validationToken");
    if (rawToken.isPresent()) {
      return observedHandshake(rawToken.get());
    }
    if (queue.closed()) {
      return rejected(NotificationRejection.SHUT_DOWN, 503, "the sync is shut down; retry later");
    }
    byte[] body = request.body();
    if (body.length > MAX_BODY_BYTES) {
      return rejected(NotificationRejection.BODY_TOO_LARGE, 413, "the notification body is too large");
    }
    if (body.length == 0) {
      return rejected(NotificationRejection.EMPTY_BODY, 400, "the notification body is empty");
    }
    List<IncomingNotification> notifications;
    try {
      notifications = provider.parseNotifications(body);
    } catch (IllegalArgumentException e) {
      LOG.warn("Rejected a notification request that is not a notification payload");
      return rejected(NotificationRejection.MALFORMED_BODY, 400, "the body is not a notification payload");
    }
    Map<CalendarKey, Set<WorkKind>> work = new LinkedHashMap<>();
    int accepted = 0;
    for (IncomingNotification notification : notifications) {
      Optional<SubscriptionState> subscription = verify(notification);
      if (subscription.isEmpty()) {
        continue;
      }
      accepted++;
      CalendarKey key =
          new CalendarKey(subscription.get().tenantId(), subscription.get().calendarEmail());
      events.notificationAccepted(key.tenantId(), key.email(), NotificationKind.of(notification.lifecycleEvent()));
      work.computeIfAbsent(key, k -> EnumSet.noneOf(WorkKind.class))
          .addAll(kindsFor(notification, key));
    }
    if (accepted == 0 && !notifications.isEmpty()) {
      return new NotificationResponse(403, TEXT, "no notification could be verified");
    }
    work.forEach(queue::request);
    return new NotificationResponse(202, TEXT, "");
  }

  private NotificationResponse rejected(NotificationRejection reason, int status, String message) {
    events.notificationRejected(reason);
    return new NotificationResponse(status, TEXT, message);
  }

  private NotificationResponse observedHandshake(String rawToken) {
    NotificationResponse answer = handshake(rawToken);
    if (answer.status() == 200) {
      events.notificationHandshakeAnswered();
    } else {
      events.notificationRejected(NotificationRejection.INVALID_VALIDATION_TOKEN);
    }
    return answer;
  }

  private static NotificationResponse handshake(String rawToken) {
    if (rawToken.length() > MAX_TOKEN_LENGTH * 12) {
      return new NotificationResponse(400, TEXT, "the validation token is too long");
    }
    String token;
    try {
      token = URLDecoder.decode(rawToken, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return new NotificationResponse(400, TEXT, "the validation token is not URL-encoded");
    }
    if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      return new NotificationResponse(
          400, TEXT, "the validation token must be 1 to " + MAX_TOKEN_LENGTH + " characters");
    }
    if (token.chars().anyMatch(c -> Character.isISOControl(c) || c == '\uFFFD')) {
      return new NotificationResponse(400, TEXT, "the validation token has invalid characters");
    }
    return new NotificationResponse(200, TEXT, token);
  }

  private Optional<SubscriptionState> verify(IncomingNotification notification) {
    String id = printable(notification.subscriptionId());
    Optional<SubscriptionState> subscription =
        store.findSubscriptionById(notification.subscriptionId());
    if (subscription.isEmpty()) {
      LOG.warn("Ignored a notification for unknown subscription {}", id);
      events.notificationRejected(NotificationRejection.UNKNOWN_SUBSCRIPTION);
      return Optional.empty();
    }
    SubscriptionState state = subscription.get();
    boolean stateMatches =
        notification
            .clientState()
            .map(cs -> Hashing.sameDigest(Hashing.sha256Hex(cs), state.clientStateHash()))
            .orElse(false);
    if (!stateMatches) {
      LOG.warn("Ignored a notification for subscription {}: wrong or missing clientState", id);
      events.notificationRejected(NotificationRejection.CLIENT_STATE_MISMATCH);
      return Optional.empty();
    }
    Optional<String> knownGuid = directoryGuid(state);
    if (notification.tenantId().isPresent()
        && knownGuid.isPresent()
        && !notification.tenantId().get().equalsIgnoreCase(knownGuid.get())) {
      LOG.warn("Ignored a notification for subscription {}: it names another tenant", id);
      events.notificationRejected(NotificationRejection.TENANT_MISMATCH);
      return Optional.empty();
    }
    return subscription;
  }

  private Optional<String> directoryGuid(SubscriptionState state) {
    Optional<String> stored = store.findTenant(state.tenantId()).flatMap(Tenant::directoryId);
    if (stored.isPresent()) {
      return stored;
    }
    return state.tenantId().isGuid() ? Optional.of(state.tenantId().value()) : Optional.empty();
  }

  private static Set<WorkKind> kindsFor(IncomingNotification notification, CalendarKey key) {
    if (notification.lifecycleEvent().isEmpty()) {
      return EnumSet.of(WorkKind.DELTA);
    }
    String event = notification.lifecycleEvent().get().toLowerCase(Locale.ROOT);
    switch (event) {
      case "reauthorizationrequired":
        return EnumSet.of(WorkKind.RENEW_SUBSCRIPTION);
      case "subscriptionremoved":
        return EnumSet.of(WorkKind.RECREATE_SUBSCRIPTION, WorkKind.DELTA);
      case "missed":
        return EnumSet.of(WorkKind.DELTA);
      default:
        LOG.info("Ignored lifecycle event {} for {}", printable(event), key);
        return EnumSet.noneOf(WorkKind.class);
    }
  }

  private static Optional<String> queryParameter(String rawQuery, String name) {
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      if (key.equals(name)) {
        return Optional.of(eq < 0 ? "" : pair.substring(eq + 1));
      }
    }
    return Optional.empty();
  }

  private static String printable(String untrusted) {
    String cut = untrusted.length() > 80 ? untrusted.substring(0, 80) + "..." : untrusted;
    return cut.replaceAll("[^\\x20-\\x7e]", "?");
  }
}
