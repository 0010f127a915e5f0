package com.workplace.calendar.micrometer;

import com.workplace.calendar.CalendarEventListener;
import com.workplace.calendar.graph.GraphCall;
import com.workplace.calendar.graph.GraphEventListener;
import com.workplace.calendar.registry.ConnectOutcome;
import com.workplace.calendar.registry.ConnectReport;
import com.workplace.calendar.sync.NotificationKind;
import com.workplace.calendar.sync.NotificationRejection;
import com.workplace.calendar.sync.SyncResult;
import com.workplace.calendar.sync.SyncRound;
import com.workplace.calendar.tenant.ConsentRejection;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.tenant.VerificationResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Locale;

/**
 * The SDK's metrics for Micrometer: bind it to a registry and register it as both listeners of the
 * service.
 *
 * <pre>{@code
 * CalendarMetrics metrics = CalendarMetrics.create();
 * metrics.bindTo(meterRegistry);
 * CalendarService calendars = GraphCalendarService.builder()
 *     // ... credentials, store, spaces, sync listener
 *     .eventListener(metrics)          // Graph requests
 *     .calendarEventListener(metrics)  // connect, sync, notifications, consent
 *     .build();
 * }</pre>
 *
 * <p>Meters (times in seconds; every tag from a small fixed set):
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th><th>what</th></tr>
 *   <tr><td>{@code calendar.graph.requests}</td><td>timer</td><td>{@code operation, method,
 *       outcome, status}</td><td>every HTTP request to Graph (each retry is one); {@code outcome}
 *       is {@code SUCCESS}, {@code REDIRECTION}, {@code CLIENT_ERROR}, {@code SERVER_ERROR} or
 *       {@code NO_ANSWER}, {@code status} the HTTP status or {@code NONE}</td></tr>
 *   <tr><td>{@code calendar.graph.batch.items}</td><td>counter</td><td>{@code operation, outcome,
 *       status}</td><td>final answers of requests inside {@code $batch}, and their 429s</td></tr>
 *   <tr><td>{@code calendar.graph.throttled}</td><td>counter</td><td>{@code operation,
 *       level}</td><td>429 answers, {@code level} {@code request} or {@code batch_item}</td></tr>
 *   <tr><td>{@code calendar.graph.retry.after}</td><td>timer</td><td>{@code operation}</td><td>how
 *       long a 429 paused the mailbox (its {@code Retry-After})</td></tr>
 *   <tr><td>{@code calendar.graph.retries}</td><td>counter</td><td>{@code operation,
 *       cause}</td><td>requests sent again; {@code cause} the status or {@code NO_ANSWER}</td></tr>
 *   <tr><td>{@code calendar.graph.gave.up}</td><td>counter</td><td>{@code operation,
 *       reason}</td><td>requests that failed for good: {@code THROTTLED}, {@code UNAVAILABLE},
 *       {@code NO_ANSWER}, {@code TOO_LARGE}, {@code OTHER}</td></tr>
 *   <tr><td>{@code calendar.graph.permit.wait}</td><td>timer</td><td>{@code operation}</td><td>time
 *       a request waited for its mailbox's permit (only when it waited)</td></tr>
 *   <tr><td>{@code calendar.graph.batch.size}</td><td>summary</td><td></td><td>requests per
 *       {@code $batch}</td></tr>
 *   <tr><td>{@code calendar.connect.outcomes}</td><td>counter</td><td>{@code outcome,
 *       reason}</td><td>calendars connected, or failed with their reason</td></tr>
 *   <tr><td>{@code calendar.sync.rounds}</td><td>timer</td><td>{@code outcome, mode,
 *       exception}</td><td>sync rounds, {@code mode} {@code full} or {@code incremental}</td></tr>
 *   <tr><td>{@code calendar.sync.changes}</td><td>counter</td><td>{@code type}</td><td>bookings
 *       found created, updated or deleted</td></tr>
 *   <tr><td>{@code calendar.sync.lag}</td><td>timer</td><td></td><td>age of a calendar's previous
 *       round when the next one starts</td></tr>
 *   <tr><td>{@code calendar.notifications}</td><td>counter</td><td>{@code result,
 *       reason}</td><td>notifications {@code accepted} (reason: the kind), {@code rejected} (the
 *       rejection) and handshakes</td></tr>
 *   <tr><td>{@code calendar.consent.outcomes}</td><td>counter</td><td>{@code outcome,
 *       reason}</td><td>consent callbacks: the tenant's new status, or {@code REJECTED} with why</td></tr>
 *   <tr><td>{@code calendar.tenant.verifications}</td><td>counter</td><td>{@code status,
 *       reason}</td><td>verifications of tenants; {@code REVOKED} when consent was withdrawn</td></tr>
 * </table>
 *
 * <p><b>Cardinality and personal data.</b> By default no meter carries a tenant ID or a mailbox
 * address. {@link Builder#tenantTag(boolean)} adds a {@code tenant} tag and {@link
 * Builder#mailboxTag(boolean)} a {@code mailbox} tag to the meters where they apply; both multiply
 * the number of time series by the number of tenants or mailboxes.
 *
 * <p>Thread-safe. It may be bound to several registries; events before the first binding are not
 * counted.
 *
 * @since 0.2.0
 */
public final class CalendarMetrics implements MeterBinder, GraphEventListener, CalendarEventListener {
  static final String NONE = "NONE";

  private final boolean tenantTag;
  private final boolean mailboxTag;
  private volatile MeterCache[] registries = new MeterCache[0];

  private CalendarMetrics(Builder builder) {
    this.tenantTag = builder.tenantTag;
    this.mailboxTag = builder.mailboxTag;
  }

  /**
   * Metrics with the defaults: no tenant and no mailbox tags.
   *
   * @return new metrics; bind them to a registry
   */
  public static CalendarMetrics create() {
    return builder().build();
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public synchronized void bindTo(MeterRegistry registry) {
    for (MeterCache bound : registries) {
      if (bound.registry() == registry) {
        return;
      }
    }
    MeterCache[] more = java.util.Arrays.copyOf(registries, registries.length + 1);
    more[registries.length] = new MeterCache(registry);
    registries = more;
  }

  // ---- Graph requests

  @Override
  public void responseReceived(GraphCall call) {
    int status = call.status();
    timer(
        "calendar.graph.requests",
        call.elapsed(),
        call,
        "operation", call.operation(),
        "method", call.method(),
        "outcome", outcome(status),
        "status", Integer.toString(status));
    if (status == 429) {
      count("calendar.graph.throttled", call, "operation", call.operation(), "level", "request");
    }
  }

  @Override
  public void requestFailed(GraphCall call, String failure) {
    timer(
        "calendar.graph.requests",
        call.elapsed(),
        call,
        "operation", call.operation(),
        "method", call.method(),
        "outcome", "NO_ANSWER",
        "status", NONE);
  }

  @Override
  public void batchItemAnswered(GraphCall call) {
    count(
        "calendar.graph.batch.items",
        call,
        "operation", call.operation(),
        "outcome", outcome(call.status()),
        "status", Integer.toString(call.status()));
  }

  @Override
  public void batchItemThrottled(GraphCall call, Duration wait) {
    count(
        "calendar.graph.batch.items",
        call,
        "operation", call.operation(),
        "outcome", outcome(429),
        "status", "429");
    count("calendar.graph.throttled", call, "operation", call.operation(), "level", "batch_item");
    timer("calendar.graph.retry.after", wait, call, "operation", call.operation());
  }

  @Override
  public void throttled(GraphCall call, Duration wait) {
    // a single request's 429 (counted with its response): the pause it put on the mailbox
    timer("calendar.graph.retry.after", wait, call, "operation", call.operation());
  }

  @Override
  public void retrying(GraphCall call, Duration wait) {
    count(
        "calendar.graph.retries",
        call,
        "operation", call.operation(),
        "cause", call.status() == 0 ? "NO_ANSWER" : Integer.toString(call.status()));
    if (call.status() == 429 && call.mailbox().isEmpty()) {
      // requests without a mailbox have no mailbox pause: the retry's wait is the Retry-After
      timer("calendar.graph.retry.after", wait, call, "operation", call.operation());
    }
  }

  @Override
  public void gaveUp(GraphCall call, String reason) {
    count("calendar.graph.gave.up", call, "operation", call.operation(), "reason", giveUpReason(reason));
  }

  @Override
  public void permitWaited(GraphCall call, Duration waited) {
    timer("calendar.graph.permit.wait", waited, call, "operation", call.operation());
  }

  @Override
  public void batchSent(String tenant, int items) {
    for (MeterCache m : registries) {
      m.summary("calendar.graph.batch.size", tenantTag ? tenant : null, items);
    }
  }

  // ---- core

  @Override
  public void connectCompleted(ConnectReport report) {
    String tenant = tenantOf(report.tenantId());
    for (ConnectOutcome outcome : report.outcomes()) {
      String reason = outcome.failureReason().map(Enum::name).orElse(NONE);
      for (MeterCache m : registries) {
        m.counter(
            "calendar.connect.outcomes",
            tenant,
            mailboxTag ? outcome.email() : null,
            1,
            "outcome", outcome.status().name(),
            "reason", reason);
      }
    }
  }

  @Override
  public void syncRoundFinished(SyncRound round) {
    String tenant = tenantOf(round.tenantId());
    String mailbox = mailboxTag ? round.calendarEmail() : null;
    String mode = round.result().map(r -> r.fullResync() ? "full" : "incremental").orElse(NONE);
    for (MeterCache m : registries) {
      m.timer(
          "calendar.sync.rounds",
          tenant,
          mailbox,
          round.duration(),
          "outcome", round.succeeded() ? "SUCCESS" : "FAILURE",
          "mode", mode,
          "exception", round.failure().orElse(NONE));
      if (round.lag().isPresent()) {
        m.timer("calendar.sync.lag", tenant, mailbox, round.lag().get());
      }
      if (round.result().isPresent()) {
        SyncResult r = round.result().get();
        m.counter("calendar.sync.changes", tenant, mailbox, r.created(), "type", "created");
        m.counter("calendar.sync.changes", tenant, mailbox, r.updated(), "type", "updated");
        m.counter("calendar.sync.changes", tenant, mailbox, r.deleted(), "type", "deleted");
      }
    }
  }

  @Override
  public void notificationAccepted(TenantId tenantId, String calendarEmail, NotificationKind kind) {
    String tenant = tenantOf(tenantId);
    String mailbox = mailboxTag ? calendarEmail : null;
    for (MeterCache m : registries) {
      m.counter("calendar.notifications", tenant, mailbox, 1, "result", "accepted", "reason", kind.name());
    }
  }

  @Override
  public void notificationRejected(NotificationRejection reason) {
    for (MeterCache m : registries) {
      m.counter("calendar.notifications", null, null, 1, "result", "rejected", "reason", reason.name());
    }
  }

  @Override
  public void notificationHandshakeAnswered() {
    for (MeterCache m : registries) {
      m.counter("calendar.notifications", null, null, 1, "result", "handshake", "reason", NONE);
    }
  }

  @Override
  public void consentCompleted(VerificationResult result) {
    String tenant = tenantOf(result.tenantId());
    String reason = result.failureReason().map(Enum::name).orElse(NONE);
    for (MeterCache m : registries) {
      m.counter(
          "calendar.consent.outcomes", tenant, null, 1,
          "outcome", result.status().name(), "reason", reason);
    }
  }

  @Override
  public void consentRejected(ConsentRejection reason) {
    for (MeterCache m : registries) {
      m.counter("calendar.consent.outcomes", null, null, 1, "outcome", "REJECTED", "reason", reason.name());
    }
  }

  @Override
  public void tenantVerified(VerificationResult result) {
    String tenant = tenantOf(result.tenantId());
    String reason = result.failureReason().map(Enum::name).orElse(NONE);
    for (MeterCache m : registries) {
      m.counter(
          "calendar.tenant.verifications", tenant, null, 1,
          "status", result.status().name(), "reason", reason);
    }
  }

  // ---- helpers

  private void timer(String name, Duration amount, GraphCall call, String... tags) {
    String tenant = tenantTag ? call.tenant() : null;
    String mailbox = mailboxTag ? call.mailbox().orElse(NONE) : null;
    for (MeterCache m : registries) {
      m.timer(name, tenant, mailbox, amount, tags);
    }
  }

  private void count(String name, GraphCall call, String... tags) {
    String tenant = tenantTag ? call.tenant() : null;
    String mailbox = mailboxTag ? call.mailbox().orElse(NONE) : null;
    for (MeterCache m : registries) {
      m.counter(name, tenant, mailbox, 1, tags);
    }
  }

  private String tenantOf(TenantId tenantId) {
    return tenantTag ? tenantId.value() : null;
  }

  static String outcome(int status) {
    if (status >= 200 && status < 300) {
      return "SUCCESS";
    }
    if (status >= 300 && status < 400) {
      return "REDIRECTION";
    }
    if (status >= 400 && status < 500) {
      return "CLIENT_ERROR";
    }
    if (status >= 500 && status < 600) {
      return "SERVER_ERROR";
    }
    return "NO_ANSWER";
  }

  static String giveUpReason(String reason) {
    String r = reason.toLowerCase(Locale.ROOT);
    if (r.contains("throttled")) {
      return "THROTTLED";
    }
    if (r.contains("unavailable")) {
      return "UNAVAILABLE";
    }
    if (r.contains("too large")) {
      return "TOO_LARGE";
    }
    if (r.contains("connection") || r.contains("no answer")) {
      return "NO_ANSWER";
    }
    return "OTHER";
  }

  /** Configures {@link CalendarMetrics}. */
  public static final class Builder {
    private boolean tenantTag;
    private boolean mailboxTag;

    private Builder() {}

    /**
     * Adds a {@code tenant} tag (the tenant ID) to the meters where it applies. Default: off. One
     * more time series per tenant.
     *
     * @param value whether to add it
     * @return this builder
     */
    public Builder tenantTag(boolean value) {
      this.tenantTag = value;
      return this;
    }

    /**
     * Adds a {@code mailbox} tag (the room's e-mail address, {@code NONE} for tenant-level
     * requests) to the meters where it applies. Default: off. One more time series per room, and
     * the addresses reach the metrics backend.
     *
     * @param value whether to add it
     * @return this builder
     */
    public Builder mailboxTag(boolean value) {
      this.mailboxTag = value;
      return this;
    }

    /**
     * Builds the metrics.
     *
     * @return new metrics; bind them to a registry
     */
    public CalendarMetrics build() {
      return new CalendarMetrics(this);
    }
  }
}
