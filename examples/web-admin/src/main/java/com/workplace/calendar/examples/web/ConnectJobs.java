package com.workplace.calendar.examples.web;

import com.workplace.calendar.CalendarSdkException;
import com.workplace.calendar.CalendarService;
import com.workplace.calendar.Page;
import com.workplace.calendar.PageRequest;
import com.workplace.calendar.registry.CalendarQuery;
import com.workplace.calendar.registry.CalendarStatus;
import com.workplace.calendar.registry.ConnectOutcome;
import com.workplace.calendar.registry.ConnectReport;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * "Connect Calendars" as background jobs the page follows: a job connects every calendar of the
 * tenant that is not connected (added, or failed before), a chunk of {@value #CHUNK} at a time
 * through {@code calendars().connect(tenant, emails)}, so the page can show how far it got; each
 * chunk's mailboxes are probed in {@code $batch} requests within Exchange's limits. The latest
 * {@value #KEPT} jobs are kept in memory.
 */
@Component
public final class ConnectJobs implements DisposableBean {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectJobs.class);
  static final int CHUNK = 20;
  static final int KEPT = 20;

  /** A job's progress and outcome, as the page shows it. */
  public static final class Job {
    private final String id;
    private final TenantId tenantId;
    private final Instant startedAt;
    private volatile int total = -1;
    private final AtomicInteger connected = new AtomicInteger();
    private final AtomicInteger failedCount = new AtomicInteger();
    private final List<ConnectOutcome> failures = new ArrayList<>();
    private volatile Duration elapsed;
    private volatile String problem;

    Job(String id, TenantId tenantId, Instant startedAt) {
      this.id = id;
      this.tenantId = tenantId;
      this.startedAt = startedAt;
    }

    /**
     * Tells the job's random id.
     *
     * @return the value
     */
    public String id() {
      return id;
    }

    /**
     * Tells the tenant.
     *
     * @return the value
     */
    public TenantId tenantId() {
      return tenantId;
    }

    /**
     * Tells how many calendars the job probes; -1 while it is still listing them.
     *
     * @return the value
     */
    public int total() {
      return total;
    }

    /**
     * Tells how many connected.
     *
     * @return the value
     */
    public int connected() {
      return connected.get();
    }

    /**
     * Tells how many failed.
     *
     * @return the value
     */
    public int failed() {
      return failedCount.get();
    }

    /**
     * Tells how many were probed so far.
     *
     * @return the value
     */
    public int done() {
      return connected.get() + failedCount.get();
    }

    /**
     * Tells whether the job has ended.
     *
     * @return the value
     */
    public boolean finished() {
      return elapsed != null;
    }

    /**
     * Tells percent done, 0 to 100.
     *
     * @return the value
     */
    public int percent() {
      int all = total;
      return all <= 0 ? (finished() ? 100 : 0) : (int) Math.min(100, Math.round(100.0 * done() / all));
    }

    /**
     * Tells how long the whole job took, once finished.
     *
     * @return the value
     */
    public Optional<Duration> elapsed() {
      return Optional.ofNullable(elapsed);
    }

    /**
     * Tells what stopped the job early, for a person.
     *
     * @return the value
     */
    public Optional<String> problem() {
      return Optional.ofNullable(problem);
    }

    /**
     * Tells the calendars that failed, each with its reason, ordered by e-mail.
     *
     * @return the value
     */
    public synchronized List<ConnectOutcome> failures() {
      List<ConnectOutcome> copy = new ArrayList<>(failures);
      copy.sort((a, b) -> a.email().compareTo(b.email()));
      return copy;
    }

    private synchronized void add(ConnectReport report) {
      for (ConnectOutcome outcome : report.outcomes()) {
        if (outcome.status() == CalendarStatus.CONNECTED) {
          connected.incrementAndGet();
        } else {
          failures.add(outcome);
          failedCount.incrementAndGet();
        }
      }
    }
  }

  private final CalendarService calendars;
  private final ExecutorService executor =
      Executors.newFixedThreadPool(
          2,
          runnable -> {
            Thread thread = new Thread(runnable, "web-admin-connect");
            thread.setDaemon(true);
            return thread;
          });
  private final Map<String, Job> jobs =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Job> eldest) {
          return size() > KEPT;
        }
      };

  ConnectJobs(CalendarService calendars) {
    this.calendars = calendars;
  }

  /** Starts connecting the tenant's calendars that are not connected. */
  Job start(TenantId tenantId) {
    Job job = new Job(UUID.randomUUID().toString(), tenantId, Instant.now());
    synchronized (jobs) {
      jobs.put(job.id(), job);
    }
    executor.execute(() -> run(job));
    return job;
  }

  /** A job of the tenant, while it is kept. */
  Optional<Job> find(TenantId tenantId, String id) {
    synchronized (jobs) {
      return Optional.ofNullable(jobs.get(id)).filter(j -> j.tenantId().equals(tenantId));
    }
  }

  private void run(Job job) {
    long started = System.nanoTime();
    try {
      List<String> emails = notConnected(job.tenantId());
      job.total = emails.size();
      for (int from = 0; from < emails.size(); from += CHUNK) {
        List<String> chunk = emails.subList(from, Math.min(emails.size(), from + CHUNK));
        job.add(calendars.calendars().connect(job.tenantId(), chunk));
      }
    } catch (CalendarSdkException | IllegalArgumentException e) {
      job.problem = e.getMessage();
    } catch (RuntimeException e) {
      LOG.error("Connecting the calendars of {} failed", job.tenantId(), e);
      job.problem = "Connecting stopped because of an unexpected error; the application's log has the details.";
    } finally {
      job.elapsed = Duration.ofNanos(System.nanoTime() - started);
    }
  }

  private List<String> notConnected(TenantId tenantId) {
    List<String> emails = new ArrayList<>();
    CalendarQuery query =
        new CalendarQuery(
            EnumSet.of(CalendarStatus.ADDED, CalendarStatus.FAILED), PageRequest.first(PageRequest.MAX_SIZE));
    while (true) {
      Page<RoomCalendar> page = calendars.calendars().list(tenantId, query);
      page.items().forEach(c -> emails.add(c.email()));
      if (!page.hasNext()) {
        return emails;
      }
      query = query.page(query.page().next(page));
    }
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }
}
