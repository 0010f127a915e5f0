package com.workplace.calendar.testkit;

import com.workplace.calendar.testkit.internal.FakeEngine;
import com.workplace.calendar.testkit.internal.FakeListeners;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;

/**
 * A stateful fake of Microsoft Graph v1.0 and the Microsoft identity platform, served over
 * HTTPS (certificate generated at start, valid for {@code localhost} and {@code 127.0.0.1}) and
 * plain HTTP on free loopback ports.
 *
 * <pre>{@code
 * try (FakeMicrosoft365 m365 = FakeMicrosoft365.builder().build().start()) {
 *   FakeApp app = m365.registerApp();
 *   FakeTenant contoso = m365.tenant("contoso.onmicrosoft.com")
 *       .grantAdminConsent(app.clientId())
 *       .addRoom("orchard@contoso.onmicrosoft.com", "Orchard");
 *   // point the client at m365.authorityUri() + contoso.id() and m365.graphUri(),
 *   // trusting m365.sslContext() / m365.trustManager()
 * }
 * }</pre>
 *
 * <p>Thread-safe. Nothing the fake does is logged with tokens or secrets.
 *
 * @since 0.1.0
 */
public final class FakeMicrosoft365 implements AutoCloseable {

  private final FakeEngine engine;
  private final FakeFaults faults;
  private final FakeListeners listeners;

  FakeMicrosoft365(FakeEngine.Config config, int containerThreads) {
    this.engine = new FakeEngine(config);
    this.faults = new FakeFaults(engine);
    this.listeners = new FakeListeners(engine, containerThreads);
  }

  /**
   * Starts a builder with the defaults.
   *
   * @return a new builder
   */
  public static FakeMicrosoft365Builder builder() {
    return new FakeMicrosoft365Builder();
  }

  /**
   * Builds a fake with the defaults and starts it. (Java does not allow a static {@code
   * start()} next to the instance {@link #start()}, hence the name.)
   *
   * @return the running fake
   */
  public static FakeMicrosoft365 startWithDefaults() {
    return builder().build().start();
  }

  /**
   * Starts the HTTP and HTTPS listeners. Calling it on a running fake does nothing.
   *
   * @return this
   * @throws IllegalStateException when the fake was closed
   */
  public FakeMicrosoft365 start() {
    listeners.start();
    return this;
  }

  /**
   * Whether the listeners are running.
   *
   * @return whether started and not closed
   */
  public boolean isRunning() {
    return listeners.isRunning();
  }

  // --------------------------------------------------------------- endpoints

  /**
   * The identity platform root over HTTPS, {@code https://localhost:PORT/}; an msal4j authority
   * is {@code authorityUri() + tenant + "/"}.
   *
   * @return the URI
   */
  public URI authorityUri() {
    return listeners.httpsRoot();
  }

  /**
   * The Graph root over HTTPS, {@code https://localhost:PORT/v1.0/}.
   *
   * @return the URI
   */
  public URI graphUri() {
    return authorityUri().resolve("v1.0/");
  }

  /**
   * The identity platform root over plain HTTP.
   *
   * @return the URI
   */
  public URI httpAuthorityUri() {
    return listeners.httpRoot();
  }

  /**
   * The Graph root over plain HTTP.
   *
   * @return the URI
   */
  public URI httpGraphUri() {
    return httpAuthorityUri().resolve("v1.0/");
  }

  /**
   * An SSL context trusting only the fake's certificate.
   *
   * @return the context
   */
  public SSLContext sslContext() {
    return listeners.tls().sslContext();
  }

  /**
   * A trust manager trusting only the fake's certificate.
   *
   * @return the trust manager
   */
  public X509TrustManager trustManager() {
    return listeners.tls().trustManager();
  }

  /**
   * The fake's self-signed server certificate.
   *
   * @return the certificate
   */
  public X509Certificate certificate() {
    return listeners.tls().certificate();
  }

  /**
   * The instance discovery document of the HTTPS endpoint, for msal4j's {@code
   * aadInstanceDiscoveryResponse(...)}. Use it instead of {@code instanceDiscovery(false)} when
   * a test relies on msal4j's token cache: with discovery off, msal4j 1.26 never finds cached
   * tokens for an authority with a port.
   *
   * @return the JSON document
   */
  public String instanceDiscoveryResponse() {
    return listeners.instanceDiscoveryResponse();
  }

  // ------------------------------------------------------------------ scenario

  /**
   * Registers an app with a generated client id and secret, requesting {@link
   * FakeApp#DEFAULT_PERMISSIONS} and no redirect URIs.
   *
   * @return the app
   */
  public FakeApp registerApp() {
    return newApp().register();
  }

  /**
   * Starts an app registration with options (redirect URIs, permissions, certificate).
   *
   * @return the builder
   */
  public FakeApp.Builder newApp() {
    return new FakeApp.Builder(engine);
  }

  /**
   * Returns the external token issuer with this URL that the fake trusts for workload identity
   * federation, creating it (with a new signing key) on first use. Apps accept its tokens as
   * {@code client_assertion} once they have a matching {@link FakeApp#addFederatedCredential
   * federated credential}; {@link #reset()} forgets it.
   *
   * @param issuer the issuer URL, e.g. {@code https://oidc.cluster.example/}; an absolute {@code
   *     https} URL
   * @return the issuer
   * @throws IllegalArgumentException when the URL is not an absolute https URL
   * @since 0.2.0
   */
  public FakeFederatedIssuer federatedIssuer(String issuer) {
    return new FakeFederatedIssuer(engine, engine.directory().issuer(issuer));
  }

  /**
   * Returns the tenant with this domain, creating it on first use.
   *
   * @param domain e.g. {@code contoso.onmicrosoft.com}
   * @return the tenant
   * @throws IllegalArgumentException when the domain is blank or malformed
   */
  public FakeTenant tenant(String domain) {
    return new FakeTenant(engine, engine.directory().tenant(domain));
  }

  /**
   * Finds an existing tenant by id or domain.
   *
   * @param idOrDomain the GUID or domain
   * @return the tenant, or empty
   */
  public Optional<FakeTenant> findTenant(String idOrDomain) {
    return engine.directory().findTenant(idOrDomain).map(state -> new FakeTenant(engine, state));
  }

  /**
   * Issues an app-only Graph token directly (as the token endpoint would for client
   * credentials), for tests that do not exercise the identity platform.
   *
   * @param tenantIdOrDomain the tenant
   * @param clientId the app, which must have consent in the tenant
   * @return the access token
   * @throws IllegalArgumentException when the tenant is unknown or the app has no consent there
   */
  public String issueAppToken(String tenantIdOrDomain, String clientId) {
    return engine.issueAppToken(tenantIdOrDomain, clientId);
  }

  /**
   * Revokes every access token issued so far: Graph answers them with {@code 401
   * InvalidAuthenticationToken}. New tokens can be requested.
   */
  public void expireTokens() {
    engine.tokens().expireAll();
  }

  /**
   * Changes the latency added to every Graph request (slept while holding the request's
   * concurrency slot).
   *
   * @param latency the latency, zero for none
   */
  public void latency(Duration latency) {
    engine.latency(Objects.requireNonNull(latency, "latency"));
  }

  /**
   * Replaces the limits (request budgets already used are kept).
   *
   * @param limits the new limits
   */
  public void limits(FakeLimits limits) {
    engine.limiter().limits(Objects.requireNonNull(limits, "limits"));
  }

  /**
   * The current limits.
   *
   * @return the limits
   */
  public FakeLimits limits() {
    return engine.limiter().limits();
  }

  /**
   * Changes how {@code calendarView/delta} reports recurring series; delta rounds started
   * afterwards use it (pages of a round already started keep theirs).
   *
   * @param behaviour the behaviour
   */
  public void seriesDeltaBehaviour(SeriesDeltaBehaviour behaviour) {
    engine.seriesDelta(Objects.requireNonNull(behaviour, "behaviour"));
  }

  /**
   * How {@code calendarView/delta} reports recurring series now.
   *
   * @return the behaviour
   */
  public SeriesDeltaBehaviour seriesDeltaBehaviour() {
    return engine.seriesDelta();
  }

  /**
   * Runs an action once, on the request's thread, just before the fake processes the next
   * Graph request that matches (a {@code $batch} item counts as a request; requests refused
   * before processing, e.g. throttled ones, do not). The request then sees what the action
   * did. Use it to land a change "in Outlook" between two requests of the client under test,
   * e.g. a booking after the client's conflict check and before its write:
   *
   * <pre>{@code
   * m365.onNextRequest(RequestMatcher.of(GraphOperation.CREATE_EVENT).mailbox(room),
   *     () -> tenant.addEvent(room, "Walk-in", start, end));
   * }</pre>
   *
   * <p>The action should only change the fake's state (through {@link FakeTenant}); it holds
   * the request's concurrency slot while it runs, so it must not send requests to the same
   * mailbox. When several hooks match one request they run in registration order. If the
   * action throws, the request is processed anyway and {@link RequestHook#failure()} reports
   * it. {@link #reset()} drops pending hooks.
   *
   * @param matcher which request
   * @param action what to do before it is processed
   * @return the hook, to wait for or cancel
   */
  public RequestHook onNextRequest(RequestMatcher matcher, Runnable action) {
    Objects.requireNonNull(matcher, "matcher");
    Objects.requireNonNull(action, "action");
    return new RequestHook(engine.hooks(), engine.hooks().add(matcher, action));
  }

  /**
   * Fault and scenario controls.
   *
   * @return the controls
   */
  public FakeFaults faults() {
    return faults;
  }

  // --------------------------------------------------------- observations

  /**
   * A snapshot of the counters.
   *
   * @return the snapshot
   */
  public FakeStats stats() {
    return new FakeStats(engine.stats().snapshot());
  }

  /** Zeroes the counters (state and budgets are kept). */
  public void resetStats() {
    engine.stats().reset();
  }

  /**
   * The active subscriptions, ordered by expiry.
   *
   * @return the subscriptions
   */
  public List<FakeSubscription> subscriptions() {
    return engine.subscriptions().list();
  }

  /**
   * Every validation request, notification and lifecycle notification sent so far, in order.
   * Notifications are sent asynchronously: wait for them (e.g. with Awaitility).
   *
   * @return the deliveries
   */
  public List<WebhookDelivery> webhookDeliveries() {
    return engine.webhooks().deliveries();
  }

  /**
   * POSTs a lifecycle notification to a subscription's lifecycle URL (asynchronously); {@link
   * LifecycleEvent#SUBSCRIPTION_REMOVED} also removes the subscription.
   *
   * @param subscriptionId the subscription
   * @param event the event
   * @throws IllegalArgumentException when the subscription does not exist or has no lifecycle
   *     URL
   */
  public void sendLifecycleNotification(String subscriptionId, LifecycleEvent event) {
    engine.subscriptions().lifecycle(subscriptionId, event.wireName());
  }

  /**
   * Forgets all state (tenants, apps, federated issuers, used client assertion ids, tokens,
   * events, subscriptions, deliveries, faults, holds, request hooks, budgets, counters) and
   * restores the latency and limits the fake was built with (as changed by {@link
   * #latency(Duration)} and {@link #limits(FakeLimits)}). Previously returned {@link FakeTenant},
   * {@link FakeApp} and {@link FakeFederatedIssuer} objects must not be used afterwards. The
   * listeners keep running on the same ports; the clock is the caller's and is not moved.
   */
  public void reset() {
    engine.reset();
  }

  /** Stops the listeners and the notification executor. Idempotent. */
  @Override
  public void close() {
    listeners.close();
  }

  @Override
  public String toString() {
    return "FakeMicrosoft365{" + listeners + "}";
  }
}
