package com.workplace.calendar.testkit.internal;

import com.workplace.calendar.testkit.ConsentMode;
import com.workplace.calendar.testkit.FakeLimits;
import com.workplace.calendar.testkit.SeriesDeltaBehaviour;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;

/** The whole fake behind the HTTP server: state, identity platform and Graph. */
public final class FakeEngine implements AutoCloseable {

  /** Settings fixed at start. */
  public record Config(
      Duration latency,
      long seed,
      FakeLimits limits,
      ConsentMode consentMode,
      Clock clock,
      Duration tokenLifetime,
      Duration maxSubscriptionLifetime,
      Duration deltaTokenMaxAge,
      Duration validationTimeout,
      SSLContext webhookSslContext,
      SeriesDeltaBehaviour seriesDelta) {}

  private final Config config;
  private final Clock clock;
  private final Ids ids;
  private final Directory directory;
  private final TokenService tokens;
  private final StatsRecorder stats = new StatsRecorder();
  private final Holds holds = new Holds();
  private final MailboxLimiter limiter;
  private final FaultPlan faults;
  private final DeltaStore deltaStore;
  private final WebhookClient webhooks;
  private final SubscriptionRegistry subscriptions;
  private final ConsentFlows flows;
  private final TokenEndpoint tokenEndpoint;
  private final IdentityRouter identity;
  private final GraphPipeline graph;
  private final RequestHooks hooks = new RequestHooks();
  private volatile Duration latency;
  private volatile SeriesDeltaBehaviour seriesDelta;
  private volatile ConsentMode consentMode;

  public FakeEngine(Config config) {
    this.config = config;
    this.clock = config.clock();
    this.ids = new Ids(config.seed());
    this.latency = config.latency();
    this.consentMode = config.consentMode();
    this.seriesDelta = config.seriesDelta();
    this.webhooks = new WebhookClient(clock, config.validationTimeout(),
        config.webhookSslContext());
    this.subscriptions = new SubscriptionRegistry(clock, webhooks,
        config.maxSubscriptionLifetime());
    this.directory = new Directory(ids, clock, subscriptions);
    this.tokens = new TokenService(clock, ids, config.tokenLifetime());
    this.limiter = new MailboxLimiter(clock, stats, config.limits());
    this.faults = new FaultPlan(config.seed());
    this.deltaStore = new DeltaStore(ids, clock, config.deltaTokenMaxAge());
    this.flows = new ConsentFlows(directory, () -> consentMode);
    this.tokenEndpoint = new TokenEndpoint(directory, tokens, flows);
    this.identity = new IdentityRouter(directory, tokens, flows, tokenEndpoint);
    this.graph = new GraphPipeline(directory, tokens, limiter, stats, faults, holds,
        () -> latency, deltaStore, subscriptions, () -> seriesDelta, hooks);
  }

  /**
   * Handles one HTTP request.
   *
   * @param req the request
   * @return the response
   */
  public FakeResponse handle(FakeRequest req) {
    stats.request();
    FaultPlan.Override override = faults.matchOverride(req);
    if (override != null) {
      FakeResponse r = FakeResponse.raw(override.status(), null, override.body());
      for (Map.Entry<String, String> h : override.headers().entrySet()) {
        r.header(h.getKey(), h.getValue());
      }
      if (override.status() == 429) {
        stats.throttled(GraphPipeline.mailboxKeyOf(req));
      }
      return r.headerIfAbsent("request-id", ids.requestId());
    }
    if (!req.segments().isEmpty() && req.segments().get(0).equalsIgnoreCase("v1.0")) {
      return graph.handle(req);
    }
    return identity.handle(req);
  }

  public Clock clock() {
    return clock;
  }

  public Ids ids() {
    return ids;
  }

  public Directory directory() {
    return directory;
  }

  public TokenService tokens() {
    return tokens;
  }

  public StatsRecorder stats() {
    return stats;
  }

  public MailboxLimiter limiter() {
    return limiter;
  }

  public Holds holds() {
    return holds;
  }

  public FaultPlan faults() {
    return faults;
  }

  public SubscriptionRegistry subscriptions() {
    return subscriptions;
  }

  public WebhookClient webhooks() {
    return webhooks;
  }

  public Duration latency() {
    return latency;
  }

  public void latency(Duration value) {
    this.latency = value;
  }

  public RequestHooks hooks() {
    return hooks;
  }

  public SeriesDeltaBehaviour seriesDelta() {
    return seriesDelta;
  }

  public void seriesDelta(SeriesDeltaBehaviour value) {
    this.seriesDelta = value;
  }

  public ConsentMode consentMode() {
    return consentMode;
  }

  public void consentMode(ConsentMode mode) {
    this.consentMode = mode;
  }

  /**
   * Issues an app-only Graph token directly, as the token endpoint would for client credentials.
   *
   * @param tenantIdOrDomain the tenant
   * @param clientId the app, which must have consent in the tenant
   * @return the access token
   * @throws IllegalArgumentException when the tenant is unknown or the app has no consent there
   */
  public String issueAppToken(String tenantIdOrDomain, String clientId) {
    TenantState t = directory.findTenant(tenantIdOrDomain)
        .orElseThrow(() -> new IllegalArgumentException("no tenant " + tenantIdOrDomain));
    String id = clientId.toLowerCase(Locale.ROOT);
    Set<String> roles = t.consent(id).orElseThrow(() ->
        new IllegalArgumentException("app " + clientId + " has no consent in " + t.domain()));
    return tokens.issueAppToken(t.id(), id, roles);
  }

  /**
   * Forgets all state (directory, tokens, counters, faults, delta tokens, subscriptions) and
   * restores the latency and limits of the {@link Config}.
   */
  public void reset() {
    directory.clear();
    tokens.expireAll();
    stats.reset();
    limiter.reset();
    faults.clear();
    holds.clear();
    hooks.clear();
    deltaStore.clear();
    subscriptions.clear();
    webhooks.clear();
    flows.clear();
    tokenEndpoint.clear();
    latency(config.latency());
    limiter.limits(config.limits());
  }

  @Override
  public void close() {
    subscriptions.close();
  }
}
