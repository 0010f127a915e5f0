package com.workplace.calendar.sync;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How the SDK keeps room calendars in step: the sync window, how often scheduled work runs, how
 * long work leases last, and where change notifications go. Immutable; start from {@link
 * #defaults()} or {@link #builder()}, and derive variants with {@link #toBuilder()}.
 *
 * <p>Setters reject invalid values with an {@link IllegalArgumentException}; {@link
 * Builder#build()} rejects conflicting ones with an {@link IllegalStateException}.
 *
 * <p>Without notification URLs, change subscriptions are off and calendars are only polled every
 * {@link #syncInterval()}.
 *
 * @since 0.1.0
 */
public final class SyncOptions {
  /** Microsoft's documented maximum for event subscriptions in older service versions (minutes). */
  public static final Duration FALLBACK_SUBSCRIPTION_LIFETIME = Duration.ofMinutes(4_230);

  private final int windowDaysBack;
  private final int windowDaysAhead;
  private final Duration syncInterval;
  private final Duration connectInterval;
  private final Duration startDelay;
  private final Duration leaseTtl;
  private final Duration busyRetryDelay;
  private final int workerThreads;
  private final int maxPagesPerRound;
  private final int seriesCacheSize;
  private final SubscriptionSettings subscriptions;
  private final String ownerId;

  private SyncOptions(Builder b) {
    this.windowDaysBack = b.windowDaysBack;
    this.windowDaysAhead = b.windowDaysAhead;
    this.syncInterval = b.syncInterval;
    this.connectInterval = b.connectInterval;
    this.startDelay = b.startDelay;
    this.leaseTtl = b.leaseTtl;
    this.busyRetryDelay = b.busyRetryDelay;
    this.workerThreads = b.workerThreads;
    this.maxPagesPerRound = b.maxPagesPerRound;
    this.seriesCacheSize = b.seriesCacheSize;
    this.subscriptions = b.subscriptions;
    this.ownerId = b.ownerId;
  }

  /**
   * The defaults: window from the start of yesterday (UTC) to 90 days ahead, sync every 5 minutes,
   * connect new calendars every minute, 2-minute leases, 2 worker threads, subscriptions off.
   *
   * @return the default options
   */
  public static SyncOptions defaults() {
    return builder().build();
  }

  /**
   * Starts a builder with the defaults.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a builder with these options.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** {@return whole days before today (UTC) that the window starts; default 1 (yesterday)} */
  public int windowDaysBack() {
    return windowDaysBack;
  }

  /** {@return whole days after the start of today (UTC) that the window ends; default 90} */
  public int windowDaysAhead() {
    return windowDaysAhead;
  }

  /** {@return how often each connected calendar gets a round and subscription upkeep; 5 min} */
  public Duration syncInterval() {
    return syncInterval;
  }

  /** {@return how often newly added calendars are connected; default 1 minute} */
  public Duration connectInterval() {
    return connectInterval;
  }

  /** {@return how long after {@code start()} the first scheduled work runs; default zero} */
  public Duration startDelay() {
    return startDelay;
  }

  /**
   * {@return how long a work lease lasts unless renewed; default 2 minutes} Rounds renew it between
   * pages; an instance that dies blocks a calendar at most this long.
   */
  public Duration leaseTtl() {
    return leaseTtl;
  }

  /**
   * {@return the wait before retrying a triggered run of a calendar another instance works on}
   * Default 10 seconds.
   */
  public Duration busyRetryDelay() {
    return busyRetryDelay;
  }

  /** {@return how many calendars one instance works on at once; default 2} */
  public int workerThreads() {
    return workerThreads;
  }

  /** {@return the most delta pages one round follows before giving up; default 10,000} */
  public int maxPagesPerRound() {
    return maxPagesPerRound;
  }

  /**
   * {@return how many series masters the instance keeps between rounds; default 5,000} Sync fills
   * occurrences the service sends without subject, organizer and attendees from their series
   * master, reads each master at most once per round, and keeps the most recently used ones (only
   * their subject, organizer, attendees and version) so that later rounds read a master again only
   * when it changed.
   *
   * @since 0.2.0
   */
  public int seriesCacheSize() {
    return seriesCacheSize;
  }

  /** {@return where the service posts change notifications; empty when subscriptions are off} */
  public Optional<URI> notificationUri() {
    return Optional.ofNullable(subscriptions.notificationUri());
  }

  /** {@return where the service posts lifecycle events; set with the notification URL} */
  public Optional<URI> lifecycleUri() {
    return Optional.ofNullable(subscriptions.lifecycleUri());
  }

  /** {@return whether change subscriptions are on (notification URLs are set)} */
  public boolean subscriptionsEnabled() {
    return subscriptions.enabled();
  }

  /**
   * {@return the subscription lifetime asked for; default 10,080 minutes (7 days)} Subscriptions
   * are renewed when half of the lifetime the service granted has passed.
   */
  public Duration subscriptionLifetime() {
    return subscriptions.lifetime();
  }

  /**
   * {@return the lifetime asked for once more after the service refused the first with HTTP 400}
   * Default {@link #FALLBACK_SUBSCRIPTION_LIFETIME}.
   */
  public Duration fallbackSubscriptionLifetime() {
    return subscriptions.fallbackLifetime();
  }

  /** {@return the name this instance holds leases under; when empty, a random one is used} */
  public Optional<String> ownerId() {
    return Optional.ofNullable(ownerId);
  }

  @Override
  public String toString() {
    return String.format(
        "SyncOptions[window=-%dd/+%dd, syncInterval=%s, connectInterval=%s, leaseTtl=%s,"
            + " workerThreads=%d, subscriptions=%s]",
        windowDaysBack,
        windowDaysAhead,
        syncInterval,
        connectInterval,
        leaseTtl,
        workerThreads,
        subscriptionsEnabled());
  }

  /** Builds {@link SyncOptions}; each setter validates its value. */
  public static final class Builder {
    private int windowDaysBack = 1;
    private int windowDaysAhead = 90;
    private Duration syncInterval = Duration.ofMinutes(5);
    private Duration connectInterval = Duration.ofMinutes(1);
    private Duration startDelay = Duration.ZERO;
    private Duration leaseTtl = Duration.ofMinutes(2);
    private Duration busyRetryDelay = Duration.ofSeconds(10);
    private int workerThreads = 2;
    private int maxPagesPerRound = 10_000;
    private int seriesCacheSize = 5_000;
    private SubscriptionSettings subscriptions = SubscriptionSettings.DEFAULTS;
    private String ownerId;

    private Builder() {}

    private Builder(SyncOptions o) {
      windowDaysBack = o.windowDaysBack;
      windowDaysAhead = o.windowDaysAhead;
      syncInterval = o.syncInterval;
      connectInterval = o.connectInterval;
      startDelay = o.startDelay;
      leaseTtl = o.leaseTtl;
      busyRetryDelay = o.busyRetryDelay;
      workerThreads = o.workerThreads;
      maxPagesPerRound = o.maxPagesPerRound;
      seriesCacheSize = o.seriesCacheSize;
      subscriptions = o.subscriptions;
      ownerId = o.ownerId;
    }

    /**
     * Sets the sync window in whole UTC days around today. A recurring booking's last occurrence
     * must end inside it (see {@link com.workplace.calendar.booking.RoomBookings#create}).
     *
     * @param daysBack days before today the window starts (0 to 31)
     * @param daysAhead days after the start of today the window ends (1 to 730)
     * @return this builder
     */
    public Builder window(int daysBack, int daysAhead) {
      SyncOptionRules.checkWindow(daysBack, daysAhead);
      this.windowDaysBack = daysBack;
      this.windowDaysAhead = daysAhead;
      return this;
    }

    /**
     * Sets how often connected calendars are synced.
     *
     * @param interval a positive duration
     * @return this builder
     */
    public Builder syncInterval(Duration interval) {
      this.syncInterval = SyncOptionRules.positive(interval, "syncInterval");
      return this;
    }

    /**
     * Sets how often newly added calendars are connected.
     *
     * @param interval a positive duration
     * @return this builder
     */
    public Builder connectInterval(Duration interval) {
      this.connectInterval = SyncOptionRules.positive(interval, "connectInterval");
      return this;
    }

    /**
     * Sets how long after {@code start()} scheduled work begins.
     *
     * @param delay zero or positive
     * @return this builder
     */
    public Builder startDelay(Duration delay) {
      this.startDelay = SyncOptionRules.startDelay(delay);
      return this;
    }

    /**
     * Sets how long work leases last unless renewed.
     *
     * @param ttl at least one second
     * @return this builder
     */
    public Builder leaseTtl(Duration ttl) {
      this.leaseTtl = SyncOptionRules.leaseTtl(ttl);
      return this;
    }

    /**
     * Sets the wait before retrying a triggered run of a calendar that another instance works on.
     *
     * @param delay a positive duration
     * @return this builder
     */
    public Builder busyRetryDelay(Duration delay) {
      this.busyRetryDelay = SyncOptionRules.positive(delay, "busyRetryDelay");
      return this;
    }

    /**
     * Sets how many calendars one instance works on at once.
     *
     * @param threads 1 to 64
     * @return this builder
     */
    public Builder workerThreads(int threads) {
      this.workerThreads = SyncOptionRules.workerThreads(threads);
      return this;
    }

    /**
     * Sets the most delta pages one round follows.
     *
     * @param pages at least 1
     * @return this builder
     */
    public Builder maxPagesPerRound(int pages) {
      this.maxPagesPerRound = SyncOptionRules.maxPagesPerRound(pages);
      return this;
    }

    /**
     * Sets how many series masters the instance keeps between rounds (see {@link
     * SyncOptions#seriesCacheSize()}).
     *
     * @param size 0 (read masters again every round) to 1,000,000
     * @return this builder
     * @since 0.2.0
     */
    public Builder seriesCacheSize(int size) {
      this.seriesCacheSize = SyncOptionRules.seriesCacheSize(size);
      return this;
    }

    /**
     * Turns change subscriptions on: the service posts notifications and lifecycle events to these
     * URLs, which the host routes to {@link CalendarSync#notifications()}. Microsoft requires
     * HTTPS.
     *
     * @param notifications the notification URL, absolute {@code https} (or {@code http} for tests)
     * @param lifecycle the lifecycle URL, same rules; may equal {@code notifications}
     * @return this builder
     */
    public Builder notifications(URI notifications, URI lifecycle) {
      this.subscriptions = subscriptions.withNotifications(notifications, lifecycle);
      return this;
    }

    /**
     * Turns change subscriptions off (polling only).
     *
     * @return this builder
     */
    public Builder noNotifications() {
      this.subscriptions = subscriptions.withoutNotifications();
      return this;
    }

    /**
     * Sets the subscription lifetime asked for, and the one asked for after a refusal.
     *
     * @param lifetime at least 45 minutes
     * @param fallback at least 45 minutes, not longer than {@code lifetime}
     * @return this builder
     */
    public Builder subscriptionLifetime(Duration lifetime, Duration fallback) {
      this.subscriptions = subscriptions.withLifetimes(lifetime, fallback);
      return this;
    }

    /**
     * Names this instance for leases; instances sharing a store need different names.
     *
     * @param id 1 to 200 printable characters
     * @return this builder
     */
    public Builder ownerId(String id) {
      this.ownerId = SyncOptionRules.ownerId(id);
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     * @throws IllegalStateException if the fallback lifetime is longer than the lifetime
     */
    public SyncOptions build() {
      subscriptions.checkLifetimes();
      return new SyncOptions(this);
    }
  }
}
