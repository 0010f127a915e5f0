package com.workplace.calendar.opentelemetry;

import com.workplace.calendar.CalendarEventListener;
import com.workplace.calendar.graph.GraphCalendarService;
import com.workplace.calendar.graph.GraphCall;
import com.workplace.calendar.graph.GraphEventListener;
import com.workplace.calendar.sync.SyncResult;
import com.workplace.calendar.sync.SyncRound;
import com.workplace.calendar.tenant.TenantId;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The SDK's traces for OpenTelemetry, through {@code opentelemetry-api} only: register it as both
 * listeners of the service.
 *
 * <pre>{@code
 * CalendarTracing tracing = CalendarTracing.create(openTelemetry);
 * CalendarService calendars = GraphCalendarService.builder()
 *     // ... credentials, store, spaces, sync listener
 *     .eventListener(tracing)          // a span per HTTP request to Graph
 *     .calendarEventListener(tracing)  // a span per sync round
 *     .build();
 * }</pre>
 *
 * <p><b>Graph requests.</b> Every HTTP request (each retry is one) is a {@link SpanKind#CLIENT}
 * span after OpenTelemetry's HTTP client semantic conventions, a child of the span current on the
 * calling thread: named {@code {method} {url.template}} (e.g. {@code GET
 * /v1.0/users/{user}/events/{id}}), with {@code http.request.method}, {@code url.full}, {@code
 * url.template}, {@code server.address}, {@code server.port}, {@code http.request.resend_count},
 * {@code http.response.status_code} and {@code error.type}, status {@code ERROR} for 4xx, 5xx and
 * no answer, and {@code workplace.calendar.graph.operation} (the SDK's low-cardinality operation
 * name). Retries, 429s and give-ups become events ({@code graph.retry}, {@code graph.throttled},
 * {@code graph.gave_up}) on the caller's span. The requests inside a {@code $batch} travel in the
 * batch's own span.
 *
 * <p><b>Sync rounds.</b> Each round is an {@link SpanKind#INTERNAL} span {@code
 * calendar.sync.round}, current while the round runs (its Graph requests are its children), with
 * {@code workplace.calendar.sync.full}, {@code .created}, {@code .updated}, {@code .deleted} and
 * {@code .lag_ms}.
 *
 * <p><b>What attributes never carry.</b> No token, secret, consent {@code state} or {@code
 * clientState} ever reaches this class. Mailbox addresses are kept out: {@code url.full} has every
 * user and address segment replaced by {@code REDACTED} (semantic conventions: sensitive URL parts
 * are redacted), and {@code workplace.calendar.mailbox} is set only after {@link
 * Builder#mailboxAttribute(boolean)}. The tenant ID (an organisation's GUID or domain, not a
 * person) is set as {@code workplace.calendar.tenant} unless {@link
 * Builder#tenantAttribute(boolean)} turns it off.
 *
 * <p>Thread-safe.
 *
 * @since 0.2.0
 */
public final class CalendarTracing implements GraphEventListener, CalendarEventListener {
  /** The instrumentation scope name. */
  public static final String INSTRUMENTATION_NAME = "com.workplace.calendar";

  static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
  static final AttributeKey<String> METHOD_ORIGINAL =
      AttributeKey.stringKey("http.request.method_original");
  static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
  static final AttributeKey<String> URL_TEMPLATE = AttributeKey.stringKey("url.template");
  static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  static final AttributeKey<Long> RESEND_COUNT = AttributeKey.longKey("http.request.resend_count");
  static final AttributeKey<Long> STATUS_CODE = AttributeKey.longKey("http.response.status_code");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final AttributeKey<String> OPERATION =
      AttributeKey.stringKey("workplace.calendar.graph.operation");
  static final AttributeKey<String> TENANT = AttributeKey.stringKey("workplace.calendar.tenant");
  static final AttributeKey<String> MAILBOX = AttributeKey.stringKey("workplace.calendar.mailbox");
  static final AttributeKey<Long> PERMIT_WAIT_MS =
      AttributeKey.longKey("workplace.calendar.permit.wait_ms");
  static final AttributeKey<Long> WAIT_MS = AttributeKey.longKey("workplace.calendar.wait_ms");
  static final AttributeKey<String> REASON = AttributeKey.stringKey("workplace.calendar.reason");
  static final AttributeKey<Boolean> SYNC_FULL = AttributeKey.booleanKey("workplace.calendar.sync.full");
  static final AttributeKey<Long> SYNC_CREATED = AttributeKey.longKey("workplace.calendar.sync.created");
  static final AttributeKey<Long> SYNC_UPDATED = AttributeKey.longKey("workplace.calendar.sync.updated");
  static final AttributeKey<Long> SYNC_DELETED = AttributeKey.longKey("workplace.calendar.sync.deleted");
  static final AttributeKey<Long> SYNC_LAG_MS = AttributeKey.longKey("workplace.calendar.sync.lag_ms");

  private static final Set<String> KNOWN_METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");

  private final Tracer tracer;
  private final GraphUrls urls;
  private final boolean tenantAttribute;
  private final boolean mailboxAttribute;
  /** The attempt in flight on this thread: started by requestStarted, ended by its answer. */
  private final ThreadLocal<Span> attempt = new ThreadLocal<>();
  /** How long the next attempt on this thread waited for its permit, or -1. */
  private final ThreadLocal<long[]> permitWait = ThreadLocal.withInitial(() -> new long[] {-1});
  /** The sync rounds running on this thread, innermost last. */
  private final ThreadLocal<Deque<RoundScope>> rounds = ThreadLocal.withInitial(ArrayDeque::new);

  private record RoundScope(Span span, Scope scope) {}

  private CalendarTracing(Builder builder) {
    this.tracer = builder.openTelemetry.getTracer(INSTRUMENTATION_NAME);
    this.urls = new GraphUrls(builder.graphEndpoint);
    this.tenantAttribute = builder.tenantAttribute;
    this.mailboxAttribute = builder.mailboxAttribute;
  }

  /**
   * Tracing with the defaults: Microsoft's public Graph endpoint, tenant attribute on, mailbox
   * attribute off.
   *
   * @param openTelemetry where spans go
   * @return the tracing
   */
  public static CalendarTracing create(OpenTelemetry openTelemetry) {
    return builder(openTelemetry).build();
  }

  /**
   * Starts a builder.
   *
   * @param openTelemetry where spans go
   * @return a new builder
   */
  public static Builder builder(OpenTelemetry openTelemetry) {
    return new Builder(openTelemetry);
  }

  // ---- Graph requests

  @Override
  public void permitWaited(GraphCall call, Duration waited) {
    permitWait.get()[0] = waited.toMillis();
  }

  @Override
  public void requestStarted(GraphCall call) {
    String template = GraphUrls.template(call.path());
    String method = call.method().toUpperCase(Locale.ROOT);
    boolean known = KNOWN_METHODS.contains(method);
    SpanBuilder builder =
        tracer
            .spanBuilder((known ? method : "HTTP") + " " + template)
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute(METHOD, known ? method : "_OTHER")
            .setAttribute(URL_FULL, urls.redactedUrl(call.path()))
            .setAttribute(URL_TEMPLATE, template)
            .setAttribute(SERVER_ADDRESS, urls.host())
            .setAttribute(SERVER_PORT, (long) urls.port())
            .setAttribute(OPERATION, call.operation());
    if (!known) {
      builder.setAttribute(METHOD_ORIGINAL, call.method());
    }
    if (call.attempt() > 1) {
      builder.setAttribute(RESEND_COUNT, (long) call.attempt() - 1);
    }
    if (tenantAttribute) {
      builder.setAttribute(TENANT, call.tenant());
    }
    if (mailboxAttribute && call.mailbox().isPresent()) {
      builder.setAttribute(MAILBOX, call.mailbox().get());
    }
    long[] waited = permitWait.get();
    if (waited[0] >= 0) {
      builder.setAttribute(PERMIT_WAIT_MS, waited[0]);
      waited[0] = -1;
    }
    Span previous = attempt.get();
    if (previous != null) {
      previous.end();
    }
    attempt.set(builder.startSpan());
  }

  @Override
  public void responseReceived(GraphCall call) {
    Span span = attempt.get();
    if (span == null) {
      return;
    }
    attempt.remove();
    int status = call.status();
    span.setAttribute(STATUS_CODE, (long) status);
    if (status >= 400) {
      span.setAttribute(ERROR_TYPE, Integer.toString(status));
      span.setStatus(StatusCode.ERROR);
    }
    span.end();
  }

  @Override
  public void requestFailed(GraphCall call, String failure) {
    Span span = attempt.get();
    if (span == null) {
      return;
    }
    attempt.remove();
    span.setAttribute(ERROR_TYPE, errorType(failure));
    span.setStatus(StatusCode.ERROR);
    span.end();
  }

  @Override
  public void batchItemAnswered(GraphCall call) {
    // an answer inside the batch's response: the batch's span covers it
  }

  @Override
  public void batchItemThrottled(GraphCall call, Duration wait) {
    Span.current().addEvent("graph.throttled", event(call, wait, null));
  }

  @Override
  public void throttled(GraphCall call, Duration wait) {
    Span.current().addEvent("graph.throttled", event(call, wait, null));
  }

  @Override
  public void retrying(GraphCall call, Duration wait) {
    Span.current()
        .addEvent(
            "graph.retry",
            event(call, wait, call.status() == 0 ? "no answer" : Integer.toString(call.status())));
  }

  @Override
  public void gaveUp(GraphCall call, String reason) {
    Span.current().addEvent("graph.gave_up", event(call, null, giveUpReason(reason)));
  }

  private Attributes event(GraphCall call, Duration wait, String reason) {
    AttributesBuilder a = Attributes.builder().put(OPERATION, call.operation());
    if (wait != null) {
      a.put(WAIT_MS, wait.toMillis());
    }
    if (reason != null) {
      a.put(REASON, reason);
    }
    if (call.status() > 0) {
      a.put(STATUS_CODE, (long) call.status());
    }
    return a.build();
  }

  // ---- sync rounds

  @Override
  public void syncRoundStarted(TenantId tenantId, String calendarEmail) {
    SpanBuilder builder = tracer.spanBuilder("calendar.sync.round").setSpanKind(SpanKind.INTERNAL);
    if (tenantAttribute) {
      builder.setAttribute(TENANT, tenantId.value());
    }
    if (mailboxAttribute) {
      builder.setAttribute(MAILBOX, calendarEmail);
    }
    Span span = builder.startSpan();
    rounds.get().addLast(new RoundScope(span, span.makeCurrent()));
  }

  @Override
  public void syncRoundFinished(SyncRound round) {
    Deque<RoundScope> open = rounds.get();
    RoundScope current = open.pollLast();
    if (open.isEmpty()) {
      rounds.remove();
    }
    if (current == null) {
      return;
    }
    Span span = current.span();
    round.lag().ifPresent(lag -> span.setAttribute(SYNC_LAG_MS, lag.toMillis()));
    if (round.result().isPresent()) {
      SyncResult r = round.result().get();
      span.setAttribute(SYNC_FULL, r.fullResync());
      span.setAttribute(SYNC_CREATED, (long) r.created());
      span.setAttribute(SYNC_UPDATED, (long) r.updated());
      span.setAttribute(SYNC_DELETED, (long) r.deleted());
    } else {
      span.setAttribute(ERROR_TYPE, round.failure().orElse("_OTHER"));
      span.setStatus(StatusCode.ERROR);
    }
    current.scope().close();
    span.end();
  }

  private static String errorType(String failure) {
    String cut = failure.length() > 64 ? failure.substring(0, 64) : failure;
    return cut.matches("[A-Za-z0-9_.$]+") ? cut : "_OTHER";
  }

  private static String giveUpReason(String reason) {
    String r = reason.toLowerCase(Locale.ROOT);
    if (r.contains("throttled")) {
      return "throttled";
    }
    if (r.contains("unavailable")) {
      return "unavailable";
    }
    if (r.contains("too large")) {
      return "too large";
    }
    if (r.contains("connection") || r.contains("no answer")) {
      return "no answer";
    }
    return "other";
  }

  /** Configures {@link CalendarTracing}. */
  public static final class Builder {
    private final OpenTelemetry openTelemetry;
    private URI graphEndpoint = GraphCalendarService.DEFAULT_GRAPH_ENDPOINT;
    private boolean tenantAttribute = true;
    private boolean mailboxAttribute;

    private Builder(OpenTelemetry openTelemetry) {
      this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
    }

    /**
     * The Graph endpoint the service is built with, for {@code server.address}, {@code
     * server.port} and {@code url.full}. Default: {@link
     * GraphCalendarService#DEFAULT_GRAPH_ENDPOINT}; set the same as the service's for sovereign
     * clouds and the testkit's fake.
     *
     * @param value the endpoint
     * @return this builder
     */
    public Builder graphEndpoint(URI value) {
      Objects.requireNonNull(value, "graphEndpoint");
      if (value.getScheme() == null || value.getHost() == null) {
        throw new IllegalArgumentException("graphEndpoint must be an absolute URI with a host");
      }
      this.graphEndpoint = value;
      return this;
    }

    /**
     * Whether spans carry {@code workplace.calendar.tenant} (the tenant ID). Default: on.
     *
     * @param value whether to set it
     * @return this builder
     */
    public Builder tenantAttribute(boolean value) {
      this.tenantAttribute = value;
      return this;
    }

    /**
     * Whether spans carry {@code workplace.calendar.mailbox} (the room's e-mail address). Default:
     * off: addresses are personal data of the customer's tenant.
     *
     * @param value whether to set it
     * @return this builder
     */
    public Builder mailboxAttribute(boolean value) {
      this.mailboxAttribute = value;
      return this;
    }

    /**
     * Builds the tracing.
     *
     * @return the tracing
     */
    public CalendarTracing build() {
      return new CalendarTracing(this);
    }
  }
}
