package com.workplace.calendar.internal.sync;

import com.workplace.calendar.CalendarEventListener;
import com.workplace.calendar.ConflictException;
import com.workplace.calendar.ResourceNotFoundException;
import com.workplace.calendar.internal.Hashing;
import com.workplace.calendar.registry.CalendarRegistry;
import com.workplace.calendar.registry.CalendarStatus;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.spi.CalendarProvider;
import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.store.SyncState;
import com.workplace.calendar.sync.CalendarSync;
import com.workplace.calendar.sync.NotificationReceiver;
import com.workplace.calendar.sync.SyncListener;
import com.workplace.calendar.sync.SyncOptions;
import com.workplace.calendar.sync.SyncResult;
import com.workplace.calendar.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider-neutral {@link CalendarSync}: delta rounds per calendar, change subscriptions, a
 * notification receiver that only queues work, and scheduled work handed out through store leases.
 *
 * <p><b>One calendar, one worker.</b> All work on a calendar (rounds, subscription upkeep) runs
 * under a local lock and the store lease {@code "sync:" + tenant + ":" + email}, held under this
 * instance's owner id with {@link SyncOptions#leaseTtl()} and renewed between delta pages, so
 * neither two threads nor two instances sharing a store work on one calendar at once. An instance
 * that dies leaves leases that expire; {@link #close()} releases them at once.
 *
 * <p><b>{@link #syncNow}</b> runs on the caller's thread. It waits for a round of the same calendar
 * running in this instance, but does not wait for another instance: when another instance holds the
 * calendar's lease, it fails at once with a {@link ConflictException} (that instance's round hands
 * the same changes to the listener). A listener exception propagates to the caller and the stored
 * state stays as it was.
 *
 * <p><b>Scheduled and triggered work</b> (after {@link #start()}) goes through a per-calendar
 * coalescing queue: many notifications for a calendar make one round. Scheduled upkeep of a
 * calendar skips its round when one finished less than half a sync interval ago (another instance
 * just ran it), but still looks after the subscription. Rounds that fail are logged and retried at
 * the next interval; a failing listener gets the same changes again then.
 */
public final class DefaultCalendarSync implements CalendarSync {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultCalendarSync.class);

  private final CalendarStore store;
  private final SyncOptions options;
  private final Clock clock;
  private final Leases leases;
  private final ObservedRounds round;
  private final SubscriptionKeeper subscriptions;
  private final WorkQueue queue;
  private final SyncScheduler scheduler;
  private final DefaultNotificationReceiver receiver;
  private final Map<CalendarKey, ReentrantLock> locks = new ConcurrentHashMap<>();
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * Creates the sync; nothing runs until {@link #start()} or {@link #syncNow}.
   *
   * @param store where sync state, subscriptions and leases are kept (shared by instances)
   * @param provider the calendar backend
   * @param registry the registry, used to connect newly added calendars on a schedule
   * @param listener the host's listener for changes
   * @param options the window, intervals, leases and notification URLs
   * @param clock the clock for windows, leases and subscription expiry
   */
  public DefaultCalendarSync(
      CalendarStore store,
      CalendarProvider provider,
      CalendarRegistry registry,
      SyncListener listener,
      SyncOptions options,
      Clock clock) {
    this(store, provider, registry, listener, options, clock, CalendarEventListener.NONE);
  }

  /**
   * Creates the sync; nothing runs until {@link #start()} or {@link #syncNow}.
   *
   * @param store where sync state, subscriptions and leases are kept (shared by instances)
   * @param provider the calendar backend
   * @param registry the registry, used to connect newly added calendars on a schedule
   * @param listener the host's listener for changes
   * @param options the window, intervals, leases and notification URLs
   * @param clock the clock for windows, leases and subscription expiry
   * @param events told of sync rounds and notifications
   */
  public DefaultCalendarSync(
      CalendarStore store,
      CalendarProvider provider,
      CalendarRegistry registry,
      SyncListener listener,
      SyncOptions options,
      Clock clock,
      CalendarEventListener events) {
    this.store = Objects.requireNonNull(store, "store");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(listener, "listener");
    this.options = Objects.requireNonNull(options, "options");
    this.clock = Objects.requireNonNull(clock, "clock");
    String owner = options.ownerId().orElseGet(() -> "sync-" + Hashing.randomToken(9));
    this.leases = new Leases(store, owner, options.leaseTtl(), clock);
    this.round =
        new ObservedRounds(new DeltaRound(store, provider, listener, options, clock), store, clock, events);
    this.subscriptions = new SubscriptionKeeper(store, provider, options, clock);
    this.queue = new WorkQueue(this::work);
    this.scheduler = new SyncScheduler(store, registry, leases, queue, options);
    this.receiver = new DefaultNotificationReceiver(store, provider, queue, events);
  }

  @Override
  public SyncResult syncNow(TenantId tenantId, String calendarEmail) {
    Objects.requireNonNull(tenantId, "tenantId");
    if (closed.get()) {
      throw new IllegalStateException("the sync is closed");
    }
    CalendarKey key = new CalendarKey(tenantId, calendarEmail);
    RoomCalendar calendar =
        store
            .findCalendar(tenantId, key.email())
            .orElseThrow(
                () ->
                    new ResourceNotFoundException(
                        "calendar " + key.email() + " is not registered for tenant " + tenantId));
    if (calendar.status() != CalendarStatus.CONNECTED) {
      throw new ConflictException(
          "calendar "
              + key.email()
              + " is "
              + calendar.status()
              + ", not connected; connect it before syncing");
    }
    ReentrantLock lock = lockOf(key);
    lock.lock();
    try {
      Leases.Held held =
          leases
              .tryAcquire(key.leaseName())
              .orElseThrow(
                  () ->
                      new ConflictException(
                          "calendar "
                              + key.email()
                              + " is being synced by "
                              + leases.holder(key.leaseName())
                              + "; that round hands its changes to the listener"));
      try (held) {
        return round.run(key, held::keepAlive);
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void start() {
    if (closed.get()) {
      throw new IllegalStateException("the sync is closed");
    }
    if (started.compareAndSet(false, true)) {
      scheduler.start();
      LOG.info("Calendar sync started as {} ({})", leases.owner(), options);
    }
  }

  /**
   * Queues the first round of calendars that just got connected, when the background work runs;
   * the round also creates their change subscription.
   *
   * @param tenantId the tenant
   * @param emails the calendars
   */
  public void calendarsConnected(TenantId tenantId, java.util.List<String> emails) {
    if (!started.get() || closed.get()) {
      return;
    }
    for (String email : emails) {
      queue.request(new CalendarKey(tenantId, email), java.util.EnumSet.of(WorkKind.POLL));
    }
  }

  @Override
  public NotificationReceiver notifications() {
    return receiver;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      queue.close();
      scheduler.close();
      leases.releaseAll();
      LOG.info("Calendar sync {} closed", leases.owner());
    }
  }

  /** Does queued work on one calendar; runs on a worker thread. */
  private void work(CalendarKey key, Set<WorkKind> kinds) {
    ReentrantLock lock = lockOf(key);
    lock.lock();
    try {
      Optional<RoomCalendar> calendar = store.findCalendar(key.tenantId(), key.email());
      if (calendar.isEmpty() || calendar.get().status() != CalendarStatus.CONNECTED) {
        return;
      }
      Optional<Leases.Held> lease = leases.tryAcquire(key.leaseName());
      if (lease.isEmpty()) {
        Set<WorkKind> triggered = EnumSet.noneOf(WorkKind.class);
        kinds.stream().filter(WorkKind::triggered).forEach(triggered::add);
        if (!triggered.isEmpty()) {
          scheduler.retryLater(key, triggered);
        }
        return;
      }
      try (Leases.Held held = lease.get()) {
        keepSubscription(key, kinds);
        if (kinds.contains(WorkKind.DELTA) || (kinds.contains(WorkKind.POLL) && roundDue(key))) {
          held.keepAlive();
          SyncResult result = round.run(key, held::keepAlive);
          LOG.debug("Round of {}: {} changes", key, result.changes());
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("Sync of {} failed; it is retried later: {}", key, e.toString());
    } finally {
      lock.unlock();
    }
  }

  private void keepSubscription(CalendarKey key, Set<WorkKind> kinds) {
    try {
      if (kinds.contains(WorkKind.RECREATE_SUBSCRIPTION)) {
        subscriptions.recreate(key);
      } else if (kinds.contains(WorkKind.RENEW_SUBSCRIPTION)) {
        subscriptions.renew(key);
      } else if (kinds.contains(WorkKind.POLL)) {
        subscriptions.upkeep(key);
      }
    } catch (RuntimeException e) {
      LOG.warn("Subscription upkeep of {} failed; it is retried later: {}", key, e.toString());
    }
  }

  private boolean roundDue(CalendarKey key) {
    Optional<SyncState> state = store.findSyncState(key.tenantId(), key.email());
    if (state.isEmpty() || state.get().lastSyncAt().isEmpty()) {
      return true;
    }
    Duration since = Duration.between(state.get().lastSyncAt().get(), clock.instant());
    return since.compareTo(options.syncInterval().dividedBy(2)) >= 0
        || !SyncWindow.at(clock.instant(), options).matches(state.get());
  }

  private ReentrantLock lockOf(CalendarKey key) {
    return locks.computeIfAbsent(key, k -> new ReentrantLock());
  }

  /** {@return the owner id this instance holds leases under} */
  public String ownerId() {
    return leases.owner();
  }

  @Override
  public boolean isIdle() {
    return queue.idle();
  }

  /** Queues work as a notification would; for tests. */
  void request(CalendarKey key, Set<WorkKind> kinds) {
    queue.request(key, kinds);
  }

  /** Runs the scheduled sync walk once now, as the schedule would; for tests. */
  void syncTickNow() {
    scheduler.syncTick();
  }


}
