package com.workplace.calendar.internal;

import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.spi.ProviderSubscription;
import com.workplace.calendar.spi.SubscriptionRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The change subscriptions of {@link InMemoryCalendarBackend}. Thread-safe. */
public final class FakeSubscriptions {
  /** A subscription as the fake service holds it. */
  public record Subscription(
      String id, String mailbox, SubscriptionRequest request, Instant expiresAt) {}

  private final Clock clock;
  private final Map<String, Subscription> all = new LinkedHashMap<>();
  private Duration maxLifetime = Duration.ofDays(365);
  private long ids;

  /**
   * Calls in order: {@code create <mailbox> <minutes>}, {@code renew <id> <minutes>}, {@code delete
   * <id>}.
   */
  public final List<String> calls = new CopyOnWriteArrayList<>();

  FakeSubscriptions(Clock clock) {
    this.clock = clock;
  }

  /** Refuses lifetimes longer than this with 400 ExtensionError, as the service does. */
  public synchronized void maxLifetime(Duration max) {
    maxLifetime = max;
  }

  /** {@return the subscriptions the service holds now} */
  public synchronized Map<String, Subscription> all() {
    return Map.copyOf(all);
  }

  /** The service drops a subscription on its own (as before a subscriptionRemoved event). */
  public synchronized void drop(String id) {
    all.remove(id);
  }

  synchronized ProviderSubscription create(String mailbox, SubscriptionRequest request) {
    Duration asked = Duration.between(clock.instant(), request.expiresAt());
    calls.add("create " + mailbox + " " + asked.toMinutes());
    refuseLong(asked);
    String id = "sub-" + (++ids);
    all.put(id, new Subscription(id, mailbox, request, request.expiresAt()));
    return new ProviderSubscription(id, request.expiresAt());
  }

  synchronized Optional<ProviderSubscription> renew(String id, Instant expiresAt) {
    Duration asked = Duration.between(clock.instant(), expiresAt);
    calls.add("renew " + id + " " + asked.toMinutes());
    Subscription current = all.get(id);
    if (current == null) {
      return Optional.empty();
    }
    refuseLong(asked);
    all.put(id, new Subscription(id, current.mailbox(), current.request(), expiresAt));
    return Optional.of(new ProviderSubscription(id, expiresAt));
  }

  synchronized boolean delete(String id) {
    calls.add("delete " + id);
    return all.remove(id) != null;
  }

  private void refuseLong(Duration asked) {
    if (asked.compareTo(maxLifetime) > 0) {
      throw new CalendarServiceException(
          "Subscription expiration can only be "
              + maxLifetime.toMinutes()
              + " minutes in the future.",
          400,
          "ExtensionError",
          null,
          null,
          null);
    }
  }
}
