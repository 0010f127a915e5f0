package com.workplace.calendar.internal.sync;

import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.ResourceNotFoundException;
import com.workplace.calendar.internal.Hashing;
import com.workplace.calendar.spi.CalendarProvider;
import com.workplace.calendar.spi.ProviderSubscription;
import com.workplace.calendar.spi.SubscriptionRequest;
import com.workplace.calendar.spi.SyncStateExpiredException;
import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.store.SubscriptionState;
import com.workplace.calendar.sync.SyncOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one change subscription per connected calendar alive: creates it with a fresh random {@code
 * clientState} (only its hash is stored), renews it once half of the lifetime the service granted
 * has passed, replaces it when the service lost it, and falls back to a shorter lifetime once when
 * the service refuses the configured one with HTTP 400. Does nothing when the options have no
 * notification URLs.
 *
 * <p>Callers hold the calendar's lease. Deleting a removed calendar's subscription is the
 * registry's job.
 */
final class SubscriptionKeeper {
  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionKeeper.class);
  private static final int CLIENT_STATE_BYTES = 32;

  private final CalendarStore store;
  private final CalendarProvider provider;
  private final SyncOptions options;
  private final Clock clock;
  private final AtomicReference<Duration> granted;
  private final AtomicBoolean refused = new AtomicBoolean();

  SubscriptionKeeper(
      CalendarStore store, CalendarProvider provider, SyncOptions options, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.provider = Objects.requireNonNull(provider, "provider");
    this.options = Objects.requireNonNull(options, "options");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.granted = new AtomicReference<>(options.subscriptionLifetime());
  }

  /** {@return whether subscriptions are on} */
  boolean enabled() {
    return options.subscriptionsEnabled();
  }

  /**
   * Scheduled upkeep: creates the subscription if there is none, renews it when it is due.
   *
   * @param key the calendar
   */
  void upkeep(CalendarKey key) {
    if (!enabled()) {
      return;
    }
    Optional<SubscriptionState> current = store.findSubscription(key.tenantId(), key.email());
    if (current.isEmpty()) {
      create(key, Optional.empty());
    } else if (due(current.get())) {
      renew(key);
    }
  }

  /**
   * Renews the subscription now ({@code reauthorizationRequired}, or due); replaces it when the
   * service no longer knows it.
   *
   * @param key the calendar
   */
  void renew(CalendarKey key) {
    if (!enabled()) {
      return;
    }
    Optional<SubscriptionState> current = store.findSubscription(key.tenantId(), key.email());
    if (current.isEmpty()) {
      create(key, Optional.empty());
      return;
    }
    SubscriptionState state = current.get();
    Optional<ProviderSubscription> renewed =
        withFallback(
            lifetime ->
                provider.renewSubscription(
                    key.tenantId(), state.subscriptionId(), clock.instant().plus(lifetime)));
    if (renewed.isEmpty()) {
      LOG.info(
          "Subscription {} of {} is gone at the service; replacing it",
          state.subscriptionId(),
          key);
      create(key, current);
      return;
    }
    remember(renewed.get());
    store.saveSubscription(
        new SubscriptionState(
            state.tenantId(),
            state.calendarEmail(),
            state.subscriptionId(),
            state.clientStateHash(),
            renewed.get().expiresAt(),
            state.version()));
  }

  /**
   * Replaces the subscription ({@code subscriptionRemoved}): deletes the old one if the service
   * still has it and creates a new one with a new client state.
   *
   * @param key the calendar
   */
  void recreate(CalendarKey key) {
    if (!enabled()) {
      return;
    }
    Optional<SubscriptionState> current = store.findSubscription(key.tenantId(), key.email());
    current.ifPresent(s -> deleteQuietly(key, s.subscriptionId()));
    create(key, current);
  }

  private boolean due(SubscriptionState state) {
    Duration left = Duration.between(clock.instant(), state.expiresAt());
    return left.compareTo(granted.get().dividedBy(2)) <= 0;
  }

  private void create(CalendarKey key, Optional<SubscriptionState> replacing) {
    String clientState = Hashing.randomToken(CLIENT_STATE_BYTES);
    ProviderSubscription created =
        withFallback(
                lifetime ->
                    Optional.of(
                        provider.createSubscription(
                            key.tenantId(),
                            key.email(),
                            new SubscriptionRequest(
                                options.notificationUri().orElseThrow(),
                                options.lifecycleUri().orElseThrow(),
                                clientState,
                                clock.instant().plus(lifetime)))))
            .orElseThrow();
    remember(created);
    SubscriptionState state =
        new SubscriptionState(
            key.tenantId(),
            key.email(),
            created.id(),
            Hashing.sha256Hex(clientState),
            created.expiresAt(),
            replacing.map(SubscriptionState::version).orElse(0L));
    try {
      store.saveSubscription(state);
      LOG.info("Subscription {} of {} expires at {}", created.id(), key, created.expiresAt());
    } catch (RuntimeException e) {
      // the calendar was removed, or another instance saved one meanwhile: do not leave ours behind
      deleteQuietly(key, created.id());
      if (!(e instanceof ResourceNotFoundException)) {
        throw e;
      }
    }
  }

  private <T> Optional<T> withFallback(Function<Duration, Optional<T>> call) {
    Duration fallback = options.fallbackSubscriptionLifetime();
    Duration lifetime = refused.get() ? fallback : options.subscriptionLifetime();
    try {
      return call.apply(lifetime);
    } catch (CalendarServiceException e) {
      if (e.statusCode() != 400
          || e instanceof SyncStateExpiredException
          || lifetime.compareTo(fallback) <= 0) {
        throw e;
      }
      LOG.info(
          "The service refused a subscription lifetime of {} min ({}); asking for {} min from now"
              + " on",
          lifetime.toMinutes(),
          e.errorCode().orElse("400"),
          fallback.toMinutes());
      refused.set(true);
      return call.apply(fallback);
    }
  }

  private void remember(ProviderSubscription subscription) {
    Duration left = Duration.between(clock.instant(), subscription.expiresAt());
    if (left.compareTo(Duration.ZERO) > 0) {
      granted.set(
          left.compareTo(options.subscriptionLifetime()) > 0
              ? options.subscriptionLifetime()
              : left);
    }
  }

  private void deleteQuietly(CalendarKey key, String subscriptionId) {
    try {
      provider.deleteSubscription(key.tenantId(), subscriptionId);
    } catch (RuntimeException e) {
      LOG.warn(
          "Could not delete subscription {} of {}; it expires on its own: {}",
          subscriptionId,
          key,
          e.toString());
    }
  }
}
