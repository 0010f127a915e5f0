package com.workplace.calendar.graph;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.graph.internal.GraphServiceAssembly;
import com.workplace.calendar.space.SpaceDirectory;
import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.sync.SyncListener;
import com.workplace.calendar.sync.SyncOptions;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;

/**
 * Builds a {@link CalendarService} for Microsoft 365: Microsoft Graph for calendars and rooms, the
 * Microsoft identity platform for admin consent and application tokens.
 *
 * <pre>{@code
 * CalendarService calendars = GraphCalendarService.builder()
 *     .clientId(appId)
 *     .clientSecret(secret)
 *     .redirectUri(URI.create("https://workplace.example.com/admin/calendar/consent"))
 *     .store(JdbcCalendarStore.create(dataSource))
 *     .spaceDirectory(hostSpaces)
 *     .syncListener(hostListener)
 *     .build();
 * calendars.sync().start();   // background work: connecting new calendars, sync rounds,
 *                             // subscription upkeep; shared by instances through the store
 * }</pre>
 *
 * <p>Everything the service does stays inside Exchange Online's limits per application and mailbox
 * ({@link GraphLimits}); a 429 pauses the whole mailbox until {@code Retry-After}. Tokens are only
 * ever sent to the configured Graph endpoint, and no secret, token or consent state is ever logged.
 *
 * @since 0.1.0
 */
public final class GraphCalendarService {
  /** Microsoft's public-cloud identity platform. */
  public static final URI DEFAULT_AUTHORITY_HOST = URI.create("https://login.microsoftonline.com/");

  /** Microsoft Graph v1.0 in the public cloud. */
  public static final URI DEFAULT_GRAPH_ENDPOINT = URI.create("https://graph.microsoft.com/v1.0/");

  /** The application permissions the SDK checks for by default. */
  public static final Set<String> DEFAULT_REQUIRED_PERMISSIONS =
      Set.of("Calendars.ReadWrite", "Place.Read.All");

  private GraphCalendarService() {}

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Configures and builds a Microsoft 365 {@link CalendarService}. Not thread-safe; the service it
   * builds is.
   */
  public static final class Builder {
    private String clientId;
    private String clientSecret;
    private ClientCertificate clientCertificate;
    private URI redirectUri;
    private CalendarStore store;
    private SpaceDirectory spaceDirectory;
    private SyncListener syncListener;
    private URI authorityHost = DEFAULT_AUTHORITY_HOST;
    private URI graphEndpoint = DEFAULT_GRAPH_ENDPOINT;
    private String graphResource = "https://graph.microsoft.com";
    private SSLContext sslContext;
    private X509TrustManager trustManager;
    private GraphLimits limits = GraphLimits.exchangeDefaults();
    private GraphRetryOptions retry = GraphRetryOptions.defaults();
    private GraphEventListener eventListener = GraphEventListener.NONE;
    private Set<String> requiredPermissions = DEFAULT_REQUIRED_PERMISSIONS;
    private Duration consentStateLifetime = Duration.ofMinutes(15);
    private Duration verificationTimeout = Duration.ofMinutes(2);
    private ExecutorService executor;
    private Clock clock = Clock.systemUTC();
    private SyncOptions syncOptions = SyncOptions.defaults();

    private Builder() {}

    /**
     * The application (client) ID of the multi-tenant app registration. Required.
     *
     * @param value the GUID
     * @return this builder
     */
    public Builder clientId(String value) {
      this.clientId = requireText(value, "clientId");
      return this;
    }

    /**
     * The client secret's value (not its ID). Give this or a certificate.
     *
     * @param value the secret
     * @return this builder
     */
    public Builder clientSecret(String value) {
      this.clientSecret = requireText(value, "clientSecret");
      return this;
    }

    /**
     * A certificate credential instead of a secret.
     *
     * @param value the private key and certificate chain
     * @return this builder
     */
    public Builder clientCertificate(ClientCertificate value) {
      this.clientCertificate = Objects.requireNonNull(value, "clientCertificate");
      return this;
    }

    /**
     * Where the identity platform sends the administrator back after consent; it must be
     * registered on the app. Required; HTTPS except for loopback addresses.
     *
     * @param value the redirect URI
     * @return this builder
     */
    public Builder redirectUri(URI value) {
      this.redirectUri = Objects.requireNonNull(value, "redirectUri");
      return this;
    }

    /**
     * Where the SDK keeps its state. Default: a new {@code InMemoryCalendarStore}.
     *
     * @param value the store; the service closes it when it closes
     * @return this builder
     */
    public Builder store(CalendarStore value) {
      this.store = Objects.requireNonNull(value, "store");
      return this;
    }

    /**
     * The product's spaces. Required.
     *
     * @param value the host's directory
     * @return this builder
     */
    public Builder spaceDirectory(SpaceDirectory value) {
      this.spaceDirectory = Objects.requireNonNull(value, "spaceDirectory");
      return this;
    }

    /**
     * Receives the changes found by sync (bookings made in Outlook). Required: without it such
     * changes would be lost.
     *
     * @param value the host's listener
     * @return this builder
     */
    public Builder syncListener(SyncListener value) {
      this.syncListener = Objects.requireNonNull(value, "syncListener");
      return this;
    }

    /**
     * How sync, change notifications and background connecting run. Default: {@link
     * SyncOptions#defaults()} (no change notifications).
     *
     * @param value the options
     * @return this builder
     */
    public Builder syncOptions(SyncOptions value) {
      this.syncOptions = Objects.requireNonNull(value, "syncOptions");
      return this;
    }

    /**
     * The identity platform's root. Default: {@link #DEFAULT_AUTHORITY_HOST}; sovereign clouds and
     * the testkit's fake set their own. Must be HTTPS.
     *
     * @param value the root URI, e.g. {@code https://login.microsoftonline.us/}
     * @return this builder
     */
    public Builder authorityHost(URI value) {
      this.authorityHost = withSlash(Objects.requireNonNull(value, "authorityHost"));
      return this;
    }

    /**
     * Microsoft Graph's versioned root. Default: {@link #DEFAULT_GRAPH_ENDPOINT}. Tokens are only
     * ever sent to this host. HTTPS except for loopback addresses.
     *
     * @param value the root URI, e.g. {@code https://graph.microsoft.com/v1.0/}
     * @return this builder
     */
    public Builder graphEndpoint(URI value) {
      this.graphEndpoint = withSlash(Objects.requireNonNull(value, "graphEndpoint"));
      return this;
    }

    /**
     * The resource tokens are requested for. Default: {@code https://graph.microsoft.com}.
     *
     * @param value the resource URI without a trailing slash
     * @return this builder
     */
    public Builder graphResource(String value) {
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
    public Builder trust(SSLContext context, X509TrustManager manager) {
      this.sslContext = Objects.requireNonNull(context, "sslContext");
      this.trustManager = Objects.requireNonNull(manager, "trustManager");
      return this;
    }

    /**
     * The limits to keep to. Default: {@link GraphLimits#exchangeDefaults()}.
     *
     * @param value the limits
     * @return this builder
     */
    public Builder limits(GraphLimits value) {
      this.limits = Objects.requireNonNull(value, "limits");
      return this;
    }

    /**
     * How requests are retried. Default: {@link GraphRetryOptions#defaults()}.
     *
     * @param value the options
     * @return this builder
     */
    public Builder retry(GraphRetryOptions value) {
      this.retry = Objects.requireNonNull(value, "retry");
      return this;
    }

    /**
     * Hooks for metrics.
     *
     * @param value the listener
     * @return this builder
     */
    public Builder eventListener(GraphEventListener value) {
      this.eventListener = Objects.requireNonNull(value, "eventListener");
      return this;
    }

    /**
     * The application permissions verification insists on. Default: {@link
     * #DEFAULT_REQUIRED_PERMISSIONS}; set fewer when access is granted through RBAC for
     * Applications instead of consented permissions.
     *
     * @param value the permission names
     * @return this builder
     */
    public Builder requiredPermissions(Set<String> value) {
      this.requiredPermissions = Set.copyOf(value);
      return this;
    }

    /**
     * How long a consent {@code state} is accepted. Default: 15 minutes.
     *
     * @param value the lifetime, 1 minute to 1 day
     * @return this builder
     */
    public Builder consentStateLifetime(Duration value) {
      if (value.compareTo(Duration.ofMinutes(1)) < 0 || value.compareTo(Duration.ofDays(1)) > 0) {
        throw new IllegalArgumentException("consentStateLifetime must be 1 minute to 1 day");
      }
      this.consentStateLifetime = value;
      return this;
    }

    /**
     * How long verification keeps retrying while a new consent propagates. Default: 2 minutes.
     *
     * @param value the bound, zero to 10 minutes
     * @return this builder
     */
    public Builder verificationTimeout(Duration value) {
      if (value.isNegative() || value.compareTo(Duration.ofMinutes(10)) > 0) {
        throw new IllegalArgumentException("verificationTimeout must be 0 to 10 minutes");
      }
      this.verificationTimeout = value;
      return this;
    }

    /**
     * The executor that sends {@code $batch} requests. Default: a pool the service owns. A given
     * executor is not shut down by the service.
     *
     * @param value the executor
     * @return this builder
     */
    public Builder executor(ExecutorService value) {
      this.executor = Objects.requireNonNull(value, "executor");
      return this;
    }

    /**
     * The clock for timestamps, consent expiry and leases. Default: the UTC system clock.
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * Builds the service.
     *
     * @return a thread-safe service; close it when done
     * @throws IllegalStateException if a required setting is missing or settings conflict
     */
    public CalendarService build() {
      if (clientId == null) {
        throw new IllegalStateException("clientId is required: the app registration's application ID");
      }
      if ((clientSecret == null) == (clientCertificate == null)) {
        throw new IllegalStateException("set exactly one of clientSecret and clientCertificate");
      }
      if (redirectUri == null) {
        throw new IllegalStateException("redirectUri is required: the URI registered for admin consent");
      }
      if (syncListener == null) {
        throw new IllegalStateException("syncListener is required: it receives the bookings made outside the product");
      }
      if (spaceDirectory == null) {
        throw new IllegalStateException("spaceDirectory is required: the product's spaces");
      }
      requireSecureOrLoopback(redirectUri, "redirectUri");
      requireSecureOrLoopback(graphEndpoint, "graphEndpoint");
      if (!"https".equalsIgnoreCase(authorityHost.getScheme())) {
        throw new IllegalStateException("authorityHost must be an https URI");
      }
      return GraphServiceAssembly.assemble(
          new GraphServiceAssembly.Settings(
              clientId,
              clientSecret,
              clientCertificate,
              redirectUri,
              store,
              spaceDirectory,
              syncListener,
              syncOptions,
              authorityHost,
              graphEndpoint,
              graphResource,
              sslContext,
              trustManager,
              limits,
              retry,
              eventListener,
              requiredPermissions,
              consentStateLifetime,
              verificationTimeout,
              executor,
              clock));
    }

    private static void requireSecureOrLoopback(URI uri, String name) {
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
      boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
      if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
        throw new IllegalStateException(name + " must be an https URI (http only for loopback)");
      }
    }

    private static URI withSlash(URI uri) {
      String text = uri.toString();
      return text.endsWith("/") ? uri : URI.create(text + "/");
    }

    private static String requireText(String value, String name) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be empty");
      }
      return value.strip();
    }
  }
}
