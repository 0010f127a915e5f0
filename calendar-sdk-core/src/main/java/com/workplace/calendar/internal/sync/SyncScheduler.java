package com.workplace.calendar.internal.sync;

import com.workplace.calendar.Page;
import com.workplace.calendar.PageRequest;
import com.workplace.calendar.registry.CalendarQuery;
import com.workplace.calendar.registry.CalendarRegistry;
import com.workplace.calendar.registry.CalendarStatus;
import com.workplace.calendar.registry.ConnectOutcome;
import com.workplace.calendar.registry.ConnectReport;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.sync.SyncOptions;
import com.workplace.calendar.tenant.Tenant;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.tenant.TenantStatus;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads of one sync instance and what they do on a schedule. Owns a single-thread scheduler
 * and a pool of {@link SyncOptions#workerThreads()} workers, all daemon threads named {@code
 * calendar-sdk-sync-<owner>-…}.
 *
 * <ul>
 *   <li>Every {@link SyncOptions#syncInterval()}: walks the authorized tenants and queues a {@link
 *       WorkKind#POLL} of each connected calendar; workers take each calendar's lease.
 *   <li>Every {@link SyncOptions#connectInterval()}: for each authorized tenant, under the lease
 *       {@code connect:<tenant>}, connects the calendars still {@code ADDED} through the registry,
 *       and queues a first run of every calendar that got connected. Calendars that {@code FAILED}
 *       are left for the host to re-check, so unreachable mailboxes are not probed every minute.
 *   <li>Triggered work that found its calendar leased by another instance is asked for again after
 *       {@link SyncOptions#busyRetryDelay()}.
 * </ul>
 */
final class SyncScheduler {
  private static final Logger LOG = LoggerFactory.getLogger(SyncScheduler.class);
  private static final Set<TenantStatus> AUTHORIZED =
      EnumSet.of(TenantStatus.CONSENTED, TenantStatus.VERIFIED);
  private static final int CONNECT_CHUNK = 100;
  private static final long SHUTDOWN_SECONDS = 30;

  private final CalendarStore store;
  private final CalendarRegistry registry;
  private final Leases leases;
  private final WorkQueue queue;
  private final SyncOptions options;
  private ScheduledExecutorService scheduler;
  private ExecutorService workers;

  SyncScheduler(
      CalendarStore store,
      CalendarRegistry registry,
      Leases leases,
      WorkQueue queue,
      SyncOptions options) {
    this.store = Objects.requireNonNull(store, "store");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.leases = Objects.requireNonNull(leases, "leases");
    this.queue = Objects.requireNonNull(queue, "queue");
    this.options = Objects.requireNonNull(options, "options");
  }

  /** Starts the threads and the schedule. */
  synchronized void start() {
    if (scheduler != null) {
      return;
    }
    String prefix = "calendar-sdk-sync-" + shorten(leases.owner());
    scheduler = Executors.newSingleThreadScheduledExecutor(threads(prefix + "-scheduler"));
    workers = Executors.newFixedThreadPool(options.workerThreads(), threads(prefix + "-worker"));
    queue.start(workers);
    long delay = options.startDelay().toMillis();
    scheduler.scheduleWithFixedDelay(
        this::syncTick, delay, options.syncInterval().toMillis(), TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(
        this::connectTick, delay, options.connectInterval().toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Asks for work again after the busy-retry delay.
   *
   * @param key the calendar
   * @param kinds what to do
   */
  synchronized void retryLater(CalendarKey key, Set<WorkKind> kinds) {
    if (scheduler == null || scheduler.isShutdown()) {
      return;
    }
    try {
      scheduler.schedule(
          () -> queue.request(key, kinds),
          options.busyRetryDelay().toMillis(),
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      LOG.debug("Retry of {} dropped: the sync is shutting down", key);
    }
  }

  /** Stops the schedule and waits a while for running work. */
  void close() {
    ScheduledExecutorService s;
    ExecutorService w;
    synchronized (this) {
      s = scheduler;
      w = workers;
    }
    if (s == null) {
      return;
    }
    s.shutdownNow();
    w.shutdown();
    try {
      if (!w.awaitTermination(SHUTDOWN_SECONDS, TimeUnit.SECONDS)) {
        LOG.warn("Sync work still running after {} s; interrupting it", SHUTDOWN_SECONDS);
        w.shutdownNow();
      }
      if (!s.awaitTermination(SHUTDOWN_SECONDS, TimeUnit.SECONDS)) {
        LOG.warn("The sync scheduler did not stop within {} s", SHUTDOWN_SECONDS);
      }
    } catch (InterruptedException e) {
      w.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** Queues scheduled upkeep of every connected calendar of every authorized tenant. */
  void syncTick() {
    try {
      for (TenantId tenantId : authorizedTenants()) {
        forEachCalendar(
            tenantId,
            CalendarStatus.CONNECTED,
            c -> queue.request(new CalendarKey(tenantId, c.email()), EnumSet.of(WorkKind.POLL)));
      }
    } catch (RuntimeException e) {
      LOG.warn("Scheduled sync could not list calendars: {}", e.toString());
    }
  }

  /** Connects newly added calendars of every authorized tenant, one tenant lease at a time. */
  void connectTick() {
    List<TenantId> tenants;
    try {
      tenants = authorizedTenants();
    } catch (RuntimeException e) {
      LOG.warn("Scheduled connect could not list tenants: {}", e.toString());
      return;
    }
    for (TenantId tenantId : tenants) {
      Optional<Leases.Held> lease = leases.tryAcquire("connect:" + tenantId.value());
      if (lease.isEmpty()) {
        continue;
      }
      try (Leases.Held held = lease.get()) {
        List<String> added = new ArrayList<>();
        forEachCalendar(tenantId, CalendarStatus.ADDED, c -> added.add(c.email()));
        for (int from = 0; from < added.size(); from += CONNECT_CHUNK) {
          held.keepAlive();
          List<String> chunk = added.subList(from, Math.min(added.size(), from + CONNECT_CHUNK));
          ConnectReport report = registry.connect(tenantId, chunk);
          for (ConnectOutcome outcome : report.outcomes()) {
            if (outcome.status() == CalendarStatus.CONNECTED) {
              queue.request(new CalendarKey(tenantId, outcome.email()), EnumSet.of(WorkKind.POLL));
            }
          }
        }
      } catch (RuntimeException e) {
        LOG.warn("Scheduled connect of tenant {} failed: {}", tenantId, e.toString());
      }
    }
  }

  private List<TenantId> authorizedTenants() {
    List<TenantId> ids = new ArrayList<>();
    for (Tenant tenant : store.listTenants()) {
      if (AUTHORIZED.contains(tenant.status())) {
        ids.add(tenant.id());
      }
    }
    return ids;
  }

  private void forEachCalendar(
      TenantId tenantId, CalendarStatus status, Consumer<RoomCalendar> action) {
    CalendarQuery query =
        CalendarQuery.withStatus(status).page(PageRequest.first(PageRequest.MAX_SIZE));
    while (true) {
      Page<RoomCalendar> page = store.listCalendars(tenantId, query);
      page.items().forEach(action);
      if (!page.hasNext()) {
        return;
      }
      query = query.page(query.page().next(page));
    }
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private static String shorten(String owner) {
    String clean = owner.replaceAll("[^A-Za-z0-9._-]", "_");
    return clean.length() > 32 ? clean.substring(0, 32) : clean;
  }
}
