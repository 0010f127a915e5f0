package com.workplace.calendar.graph;

import com.workplace.calendar.CalendarEventListener;
import com.workplace.calendar.CalendarService;
import com.workplace.calendar.CalendarServices;
import com.workplace.calendar.graph.internal.CredentialChoice;
import com.workplace.calendar.graph.internal.Endpoints;
import com.workplace.calendar.graph.internal.GraphCredential;
import com.workplace.calendar.graph.internal.GraphServiceAssembly;
import com.workplace.calendar.graph.internal.GraphServiceSettings;
import com.workplace.calendar.space.SpaceDirectory;
import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.store.MailboxCoordination;
import com.workplace.calendar.sync.SyncListener;
import com.workplace.calendar.sync.SyncOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;

/**
 * Configures and builds a Microsoft 365 {@link CalendarService}. Not thread-safe; the service it
 * builds is.
 */
public final class GraphCalendarServiceBuilder {
  private static final Pattern GUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private String clientId;
  private final CredentialChoice credentials = new CredentialChoice();
  private Duration credentialExpiryWarning = Duration.ofDays(30);
  private URI redirectUri;
  private CalendarStore store;
  private MailboxCoordination coordination;
  private final CalendarServices.Builder core = CalendarServices.builder();
  private URI authorityHost = GraphCalendarService.DEFAULT_AUTHORITY_HOST;
  private URI graphEndpoint = GraphCalendarService.DEFAULT_GRAPH_ENDPOINT;
  private String graphResource = "https://graph.microsoft.com";
  private SSLContext sslContext;
  private X509TrustManager trustManager;
  private GraphLimits limits = GraphLimits.defaults();
  private GraphRetryOptions retry = GraphRetryOptions.defaults();
  private GraphEventListener eventListener = GraphEventListener.NONE;
  private Set<String> requiredPermissions = GraphCalendarService.DEFAULT_REQUIRED_PERMISSIONS;
  private ExecutorService executor;
  private Clock clock = Clock.systemUTC();

  GraphCalendarServiceBuilder() {}

  /**
   * The application (client) ID of the multi-tenant app registration. Required. It is a GUID,
   * shown as "Application (client) ID" on the app registration's overview page; anything else
   * (e.g. a secret pasted into the wrong setting, or a configuration placeholder nobody filled
   * in) is refused without being repeated in the message.
   *
   * @param value the GUID, e.g. {@code 3f1c9a52-7d4e-4b8a-9c61-2e5f0b7a8d14}
   * @return this builder
   * @throws IllegalArgumentException when the value is empty or not a GUID
   */
  public GraphCalendarServiceBuilder clientId(String value) {
    String text = requireText(value, "clientId");
    if (!GUID.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "clientId is not an application (client) ID: that is a GUID such as"
              + " 3f1c9a52-7d4e-4b8a-9c61-2e5f0b7a8d14, shown as \"Application (client) ID\" on the"
              + " app registration's overview page");
    }
    this.clientId = text;
    return this;
  }

  /**
   * A client secret's value (not its ID). Exactly one credential is required: this, a
   * certificate, a client assertion, a federated token file or a token provider. Prefer a
   * federated credential or a certificate: secrets expire, leak, and many organisations forbid
   * them.
   *
   * @param value the secret
   * @return this builder
   */
  public GraphCalendarServiceBuilder clientSecret(String value) {
    String secret = requireText(value, "clientSecret");
    credentials.set("clientSecret", new GraphCredential.Secret(() -> secret));
    return this;
  }

  /**
   * A client secret read from the supplier for every token request, so that a rotated secret
   * (e.g. re-read from a vault or a mounted file) is used without a restart.
   *
   * @param value supplies the secret's current value; called from request threads
   * @return this builder
   * @since 0.2.0
   */
  public GraphCalendarServiceBuilder clientSecret(Supplier<String> value) {
    Objects.requireNonNull(value, "clientSecret");
    credentials.set("clientSecret", new GraphCredential.Secret(value));
    return this;
  }

  /**
   * A certificate credential: the SDK signs a new client assertion with it for every token
   * request.
   *
   * @param value the private key and certificate chain
   * @return this builder
   */
  public GraphCalendarServiceBuilder clientCertificate(ClientCertificate value) {
    Objects.requireNonNull(value, "clientCertificate");
    return clientCertificate(ClientCertificateSource.of(value));
  }

  /**
   * A certificate credential from a source, e.g. {@link ClientCertificateSource#fromPkcs12} or
   * {@link ClientCertificateSource#fromPem}, which reload changed files. One that expires within
   * {@link #credentialExpiryWarning(Duration)} is reported to the event listener and logged.
   *
   * @param value the source
   * @return this builder
   * @since 0.2.0
   */
  public GraphCalendarServiceBuilder clientCertificate(ClientCertificateSource value) {
    Objects.requireNonNull(value, "clientCertificate");
    credentials.set("clientCertificate", new GraphCredential.Certificate(value));
    return this;
  }

  /**
   * A client assertion the host obtains for every token request, the same for every tenant: a
   * federated token from a source other than a file (e.g. an OIDC token of the CI system or a
   * SPIFFE JWT-SVID, with the audience {@code api://AzureADTokenExchange}). Sent as {@code
   * client_assertion} with the JWT-bearer assertion type.
   *
   * @param value supplies a current token on every call; called from the SDK's threads
   * @return this builder
   * @since 0.2.0
   */
  public GraphCalendarServiceBuilder clientAssertion(Supplier<String> value) {
    Objects.requireNonNull(value, "clientAssertion");
    return clientAssertion(request -> value.get());
  }

  /**
   * A client assertion the host makes for every token request, knowing which tenant it is for:
   * e.g. signed by a key held in an HSM or a key vault, with {@link
   * ClientAssertionRequest#tokenEndpoint()} as its audience.
   *
   * @param value makes a new signed JWT on every call; called from the SDK's threads
   * @return this builder
   * @since 0.2.0
   */
  public GraphCalendarServiceBuilder clientAssertion(Function<ClientAssertionRequest, String> value) {
    Objects.requireNonNull(value, "clientAssertion");
    credentials.set("clientAssertion", new GraphCredential.Assertion(value));
    return this;
  }

  /**
   * Workload identity federation: the file holding the token that the platform mounts and
   * refreshes (e.g. {@code AZURE_FEDERATED_TOKEN_FILE} on Kubernetes), read afresh for every
   * token request and sent as {@code client_assertion}. The app registration needs a federated
   * credential for the token's issuer and subject. No secret is stored anywhere.
   *
   * @param value the token file
   * @return this builder
   * @throws IllegalArgumentException when the file does not exist or cannot be read
   * @since 0.2.0
   */
  public GraphCalendarServiceBuilder federatedTokenFile(Path value) {
    Objects.requireNonNull(value, "federatedTokenFile");
    if (!Files.isRegularFile(value) || !Files.isReadable(value)) {
      throw new IllegalArgumentException(
          "federatedTokenFile " + value + " does not exist or cannot be read");
    }
    credentials.set("federatedTokenFile", new GraphCredential.FederatedTokenFile(value.toAbsolutePath()));
    return this;
  }

  /**
   * The host's own token service instead of the identity platform: the SDK asks it for every
   * tenant's token, keeps tokens until shortly before they expire, and never uses msal4j.
   *
   * @param value the provider
   * @return this builder
   * @since 0.2.0
   */
  public GraphCalendarServiceBuilder tokenProvider(TokenProvider value) {
    Objects.requireNonNull(value, "tokenProvider");
    credentials.set("tokenProvider", new GraphCredential.Provider(value));
    return this;
  }

  /**
   * How long before its expiry a certificate credential is reported ({@link
   * GraphEventListener#credentialExpiring}, and a log warning once a day). Default: 30 days.
   *
   * @param value 1 to 365 days
   * @return this builder
   * @since 0.2.0
   */
  public GraphCalendarServiceBuilder credentialExpiryWarning(Duration value) {
    Objects.requireNonNull(value, "credentialExpiryWarning");
    if (value.compareTo(Duration.ofDays(1)) < 0 || value.compareTo(Duration.ofDays(365)) > 0) {
      throw new IllegalArgumentException("credentialExpiryWarning must be 1 to 365 days, not " + value);
    }
    this.credentialExpiryWarning = value;
    return this;
  }

  /**
   * Where the identity platform sends the administrator back after consent; it must be
   * registered on the app. Required; HTTPS except for loopback addresses.
   *
   * @param value the redirect URI
   * @return this builder
   */
  public GraphCalendarServiceBuilder redirectUri(URI value) {
    this.redirectUri = Objects.requireNonNull(value, "redirectUri");
    return this;
  }

  /**
   * Where the SDK keeps its state. Default: a new {@code InMemoryCalendarStore}.
   *
   * @param value the store; the service closes it when it closes
   * @return this builder
   */
  public GraphCalendarServiceBuilder store(CalendarStore value) {
    this.store = Objects.requireNonNull(value, "store");
    return this;
  }

  /**
   * The product's spaces. Required.
   *
   * @param value the host's directory
   * @return this builder
   */
  public GraphCalendarServiceBuilder spaceDirectory(SpaceDirectory value) {
    core.spaceDirectory(value);
    return this;
  }

  /**
   * Receives the changes found by sync (bookings made in Outlook). Required: without it such
   * changes would be lost.
   *
   * @param value the host's listener
   * @return this builder
   */
  public GraphCalendarServiceBuilder syncListener(SyncListener value) {
    core.syncListener(value);
    return this;
  }

  /**
   * How sync, change notifications and background connecting run. Default: {@link
   * SyncOptions#defaults()} (no change notifications).
   *
   * @param value the options
   * @return this builder
   */
  public GraphCalendarServiceBuilder syncOptions(SyncOptions value) {
    core.syncOptions(value);
    return this;
  }

  /**
   * The identity platform's root. Default: {@link GraphCalendarService#DEFAULT_AUTHORITY_HOST}; sovereign clouds and
   * the testkit's fake set their own. Must be HTTPS.
   *
   * @param value the root URI, e.g. {@code https://login.microsoftonline.us/}
   * @return this builder
   */
  public GraphCalendarServiceBuilder authorityHost(URI value) {
    this.authorityHost = Endpoints.withSlash(Objects.requireNonNull(value, "authorityHost"));
    return this;
  }

  /**
   * Microsoft Graph's versioned root. Default: {@link GraphCalendarService#DEFAULT_GRAPH_ENDPOINT}. Tokens are only
   * ever sent to this host. HTTPS except for loopback addresses.
   *
   * @param value the root URI, e.g. {@code https://graph.microsoft.com/v1.0/}
   * @return this builder
   */
  public GraphCalendarServiceBuilder graphEndpoint(URI value) {
    this.graphEndpoint = Endpoints.withSlash(Objects.requireNonNull(value, "graphEndpoint"));
    return this;
  }

  /**
   * The resource tokens are requested for. Default: {@code https://graph.microsoft.com}.
   *
   * @param value the resource URI without a trailing slash
   * @return this builder
   */
  public GraphCalendarServiceBuilder graphResource(String value) {
    this.graphResource = requireText(value, "graphResource").replaceAll("/+$", "");
    return this;
  }

  /**
   * Trust material for both the identity platform and Graph (e.g. the testkit's). Default: the
   * JVM's trust store.
   *
   * @param context the SSL context
   * @param manager the trust manager the context was made with
   * @return this builder
   */
  public GraphCalendarServiceBuilder trust(SSLContext context, X509TrustManager manager) {
    this.sslContext = Objects.requireNonNull(context, "sslContext");
    this.trustManager = Objects.requireNonNull(manager, "trustManager");
    return this;
  }

  /**
   * The limits to keep to, per mailbox over all instances on the store. Default: {@link
   * GraphLimits#defaults()}.
   *
   * @param value the limits
   * @return this builder
   */
  public GraphCalendarServiceBuilder limits(GraphLimits value) {
    this.limits = Objects.requireNonNull(value, "limits");
    return this;
  }

  /**
   * How requests are retried. Default: {@link GraphRetryOptions#defaults()}.
   *
   * @param value the options
   * @return this builder
   */
  public GraphCalendarServiceBuilder retry(GraphRetryOptions value) {
    this.retry = Objects.requireNonNull(value, "retry");
    return this;
  }

  /**
   * Hooks for metrics and tracing of every HTTP request to Graph. Default: none. Combine several
   * with {@link GraphEventListener#composite(List)}.
   *
   * @param value the listener
   * @return this builder
   */
  public GraphCalendarServiceBuilder eventListener(GraphEventListener value) {
    this.eventListener = Objects.requireNonNull(value, "eventListener");
    return this;
  }

  /**
   * Hooks for metrics, tracing and monitoring of what the SDK does above single requests:
   * connect outcomes, sync rounds, notifications and consent (see {@link
   * CalendarServices.Builder#eventListener(CalendarEventListener)}). Default: none. A listener
   * for both kinds of event (such as the Micrometer binder) is passed to both methods.
   *
   * @param value the listener
   * @return this builder
   * @since 0.2.0
   */
  public GraphCalendarServiceBuilder calendarEventListener(CalendarEventListener value) {
    core.eventListener(value);
    return this;
  }

  /**
   * The application permissions verification insists on. Default: {@link
   * GraphCalendarService#DEFAULT_REQUIRED_PERMISSIONS}; set fewer when access is granted through RBAC for
   * Applications instead of consented permissions.
   *
   * @param value the permission names
   * @return this builder
   */
  public GraphCalendarServiceBuilder requiredPermissions(Set<String> value) {
    this.requiredPermissions = Set.copyOf(value);
    return this;
  }

  /**
   * How long a consent {@code state} is accepted. Default: 15 minutes.
   *
   * @param value the lifetime, 1 minute to 1 day
   * @return this builder
   */
  public GraphCalendarServiceBuilder consentStateLifetime(Duration value) {
    core.consentStateLifetime(value);
    return this;
  }

  /**
   * How long verification keeps retrying while a new consent propagates. Default: 2 minutes.
   *
   * @param value the bound, zero to 10 minutes
   * @return this builder
   */
  public GraphCalendarServiceBuilder verificationTimeout(Duration value) {
    core.verificationTimeout(value);
    return this;
  }

  /**
   * How long this instance trusts what it read of a tenant's status: a tenant that another
   * instance records as revoked, failed or removed stops being called here within this time.
   * Default: 2 seconds.
   *
   * @param value zero to 5 minutes
   * @return this builder
   */
  public GraphCalendarServiceBuilder tenantStatusRefresh(Duration value) {
    core.tenantStatusRefresh(value);
    return this;
  }

  /**
   * How this instance shares each mailbox's limits with the other instances. Default: the
   * store's own ({@link CalendarStore#mailboxCoordination()}), so that nothing is needed beyond
   * a shared store; set one for another shared engine (e.g. Redis). A store without coordination
   * and none set here keeps the limits within this instance only.
   *
   * @param value the coordination
   * @return this builder
   */
  public GraphCalendarServiceBuilder mailboxCoordination(MailboxCoordination value) {
    this.coordination = Objects.requireNonNull(value, "mailboxCoordination");
    return this;
  }

  /**
   * The executor that sends {@code $batch} requests. Default: a pool the service owns. A given
   * executor is not shut down by the service.
   *
   * @param value the executor
   * @return this builder
   */
  public GraphCalendarServiceBuilder executor(ExecutorService value) {
    this.executor = Objects.requireNonNull(value, "executor");
    return this;
  }

  /**
   * The clock for timestamps, consent expiry and leases. Default: the UTC system clock.
   *
   * @param value the clock
   * @return this builder
   */
  public GraphCalendarServiceBuilder clock(Clock value) {
    this.clock = Objects.requireNonNull(value, "clock");
    core.clock(value);
    return this;
  }

  /**
   * Builds the service.
   *
   * @return a thread-safe service; close it when done
   * @throws IllegalStateException if a required setting is missing or settings conflict
   */
  public CalendarService build() {
    return GraphServiceAssembly.service(
        new GraphServiceSettings(
            clientId,
            credentials,
            credentialExpiryWarning,
            redirectUri,
            store,
            coordination,
            authorityHost,
            graphEndpoint,
            graphResource,
            sslContext,
            trustManager,
            limits,
            retry,
            eventListener,
            requiredPermissions,
            executor,
            clock),
        core);
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    return value.strip();
  }
}
