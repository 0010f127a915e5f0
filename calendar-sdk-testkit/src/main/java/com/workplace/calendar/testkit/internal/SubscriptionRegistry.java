package com.workplace.calendar.testkit.internal;

import com.workplace.calendar.testkit.FakeSubscription;
import com.workplace.calendar.testkit.WebhookDelivery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Subscriptions and their notifications. Notifications are POSTed on the registry's own
 * executor, never on the thread that made the change.
 */
public final class SubscriptionRegistry implements CalendarState.Listener, AutoCloseable {

  /** A subscription and the mailbox object it watches. */
  record Entry(FakeSubscription subscription, MailboxState mailbox, String resourceUserId) {}

  private final Clock clock;
  private final WebhookClient webhooks;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final ExecutorService executor;
  private volatile Duration maxLifetime;

  public SubscriptionRegistry(Clock clock, WebhookClient webhooks, Duration maxLifetime) {
    this.clock = clock;
    this.webhooks = webhooks;
    this.maxLifetime = maxLifetime;
    AtomicInteger n = new AtomicInteger();
    this.executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fake-microsoft365-notifications-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  public WebhookClient webhooks() {
    return webhooks;
  }

  public Duration maxLifetime() {
    return maxLifetime;
  }

  public void maxLifetime(Duration lifetime) {
    this.maxLifetime = lifetime;
  }

  void add(Entry entry) {
    entries.put(entry.subscription().id(), entry);
  }

  /** The active subscription with this id (expired ones are removed). */
  Optional<Entry> find(String id) {
    Entry e = entries.get(id);
    if (e != null && !clock.instant().isBefore(e.subscription().expirationDateTime())) {
      entries.remove(id);
      return Optional.empty();
    }
    return Optional.ofNullable(e);
  }

  void replace(Entry entry) {
    entries.put(entry.subscription().id(), entry);
  }

  boolean remove(String id) {
    return entries.remove(id) != null;
  }

  /** Every active subscription, ordered by expiry. */
  public List<FakeSubscription> list() {
    List<FakeSubscription> out = new ArrayList<>();
    for (String id : new ArrayList<>(entries.keySet())) {
      find(id).ifPresent(e -> out.add(e.subscription()));
    }
    out.sort((a, b) -> a.expirationDateTime().compareTo(b.expirationDateTime()));
    return out;
  }

  /** Forgets every subscription. */
  public void clear() {
    entries.clear();
  }

  @Override
  public void changed(MailboxState mailbox, String changeType, EventRecord event) {
    for (String id : new ArrayList<>(entries.keySet())) {
      Optional<Entry> found = find(id);
      if (found.isEmpty() || found.get().mailbox() != mailbox
          || !found.get().subscription().changeTypes().contains(changeType)) {
        continue;
      }
      Entry e = found.get();
      FakeSubscription s = e.subscription();
      String resource = "Users/" + e.resourceUserId() + "/Events/" + event.id();
      Map<String, Object> item = Json.object(
          "subscriptionId", s.id(),
          "subscriptionExpirationDateTime", s.expirationDateTime().toString(),
          "changeType", changeType,
          "resource", resource,
          "resourceData", Json.object(
              "@odata.type", "#Microsoft.Graph.Event",
              "@odata.id", resource,
              "@odata.etag", "W/\"" + event.changeKey() + "\"",
              "id", event.id()));
      if (!s.clientState().isEmpty()) {
        item.put("clientState", s.clientState());
      }
      item.put("tenantId", s.tenantId());
      submit(WebhookDelivery.Kind.NOTIFICATION, s.id(), s.notificationUrl(), changeType,
          Json.write(Json.object("value", List.of(item))));
    }
  }

  /**
   * Sends a lifecycle event; {@code subscriptionRemoved} also removes the subscription.
   *
   * @param id the subscription
   * @param lifecycleEvent {@code reauthorizationRequired}, {@code subscriptionRemoved} or
   *     {@code missed}
   * @throws IllegalArgumentException when there is no such subscription or it has no lifecycle
   *     URL
   */
  public void lifecycle(String id, String lifecycleEvent) {
    Entry e = find(id).orElseThrow(() -> new IllegalArgumentException(
        "no active subscription " + id));
    FakeSubscription s = e.subscription();
    if (s.lifecycleNotificationUrl().isEmpty()) {
      throw new IllegalArgumentException("subscription " + id
          + " was created without a lifecycleNotificationUrl");
    }
    Map<String, Object> item = Json.object(
        "subscriptionId", s.id(),
        "subscriptionExpirationDateTime", s.expirationDateTime().toString(),
        "tenantId", s.tenantId());
    if (!s.clientState().isEmpty()) {
      item.put("clientState", s.clientState());
    }
    item.put("lifecycleEvent", lifecycleEvent);
    if (lifecycleEvent.equals("subscriptionRemoved")) {
      entries.remove(id);
    }
    submit(WebhookDelivery.Kind.LIFECYCLE, s.id(), s.lifecycleNotificationUrl(), lifecycleEvent,
        Json.write(Json.object("value", List.of(item))));
  }

  private void submit(
      WebhookDelivery.Kind kind, String id, String url, String event, String json) {
    try {
      executor.execute(() -> webhooks.post(kind, id, url, event, json));
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      // the fake is closing: nothing more is delivered
    }
  }

  /** Now, by the fake's clock. */
  Instant now() {
    return clock.instant();
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
