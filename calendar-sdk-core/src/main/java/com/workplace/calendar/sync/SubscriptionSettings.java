package com.workplace.calendar.sync;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The change-subscription part of {@link SyncOptions}, with its rules: where the service posts
 * notifications and lifecycle events (both set, or neither when subscriptions are off), the
 * lifetime asked for, and the one asked for after a refusal.
 *
 * @param notificationUri the notification URL, or {@code null} when subscriptions are off
 * @param lifecycleUri the lifecycle URL, or {@code null} when subscriptions are off
 * @param lifetime the lifetime asked for
 * @param fallbackLifetime the lifetime asked for after the service refused the first
 */
record SubscriptionSettings(
    URI notificationUri, URI lifecycleUri, Duration lifetime, Duration fallbackLifetime) {
  /** Subscriptions off, 7-day lifetime, {@link SyncOptions#FALLBACK_SUBSCRIPTION_LIFETIME}. */
  static final SubscriptionSettings DEFAULTS =
      new SubscriptionSettings(
          null, null, Duration.ofMinutes(10_080), SyncOptions.FALLBACK_SUBSCRIPTION_LIFETIME);

  boolean enabled() {
    return notificationUri != null;
  }

  /**
   * {@return these settings with subscriptions on}
   *
   * @throws IllegalArgumentException if a URL is not an absolute {@code http(s)} URL or has a
   *     fragment
   */
  SubscriptionSettings withNotifications(URI notifications, URI lifecycle) {
    URI checkedNotifications = webUri(notifications, "notification URL");
    URI checkedLifecycle = webUri(lifecycle, "lifecycle URL");
    return new SubscriptionSettings(
        checkedNotifications, checkedLifecycle, lifetime, fallbackLifetime);
  }

  /** {@return these settings with subscriptions off} */
  SubscriptionSettings withoutNotifications() {
    return new SubscriptionSettings(null, null, lifetime, fallbackLifetime);
  }

  /**
   * {@return these settings with other lifetimes}
   *
   * @throws IllegalArgumentException if a lifetime is shorter than 45 minutes
   */
  SubscriptionSettings withLifetimes(Duration lifetime, Duration fallback) {
    Duration checkedLifetime = atLeast45Minutes(lifetime, "subscriptionLifetime");
    Duration checkedFallback = atLeast45Minutes(fallback, "fallback lifetime");
    return new SubscriptionSettings(
        notificationUri, lifecycleUri, checkedLifetime, checkedFallback);
  }

  /**
   * Checks that the lifetimes agree.
   *
   * @throws IllegalStateException if the fallback lifetime is longer than the lifetime
   */
  void checkLifetimes() {
    if (fallbackLifetime.compareTo(lifetime) > 0) {
      throw new IllegalStateException(
          "the fallback subscription lifetime must not be longer than the subscription lifetime");
    }
  }

  private static Duration atLeast45Minutes(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.compareTo(Duration.ofMinutes(45)) < 0) {
      throw new IllegalArgumentException(name + " must be at least 45 minutes");
    }
    return value;
  }

  private static URI webUri(URI uri, String name) {
    Objects.requireNonNull(uri, name);
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute()
        || uri.getHost() == null
        || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new IllegalArgumentException(name + " must be an absolute https URL");
    }
    if (uri.getFragment() != null) {
      throw new IllegalArgumentException(name + " must not have a fragment");
    }
    return uri;
  }
}
