package com.workplace.calendar.spring;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * The settings of the Workplace Calendar SDK under {@code workplace.calendar}. Only the client ID,
 * a secret or a certificate, and the redirect URI are required; everything left out keeps the
 * SDK's own default (named in each description). They are checked at start-up by the SDK's
 * builders, whose messages a failed start names.
 *
 * @since 0.2.0
 */
@ConfigurationProperties(prefix = "workplace.calendar")
public class CalendarSdkProperties {
  /** The application (client) ID of the multi-tenant app registration. Required. */
  private String clientId;

  /** The client secret's value (not its ID). This or a certificate is required. */
  private String clientSecret;

  /** A certificate credential instead of the secret. */
  private final Certificate certificate = new Certificate();

  /**
   * Where Microsoft's identity platform sends the administrator back after consent, as registered
   * on the app. Required; HTTPS except for loopback addresses.
   */
  private URI redirectUri;

  /** The identity platform's root. Default: https://login.microsoftonline.com/. */
  private URI authorityHost;

  /** Microsoft Graph's versioned root. Default: https://graph.microsoft.com/v1.0/. */
  private URI graphEndpoint;

  /** The resource tokens are requested for. Default: https://graph.microsoft.com. */
  private String graphResource;

  /**
   * The application permissions verification insists on. Default: Calendars.ReadWrite and
   * Place.Read.All.
   */
  private Set<String> requiredPermissions = new LinkedHashSet<>();

  /** How long a consent state is accepted, 1 minute to 1 day. Default: 15 minutes. */
  private Duration consentStateLifetime;

  /** How long verification retries while a new consent propagates, 0 to 10 minutes. Default: 2m. */
  private Duration verificationTimeout;

  /**
   * How long this instance trusts a tenant status it read: a tenant revoked on another instance
   * stops here within this time, 0 to 5 minutes. Default: 2 seconds.
   */
  private Duration tenantStatusRefresh;

  /** Exchange's limits per mailbox, over every instance sharing the store. */
  private final Limits limits = new Limits();

  /** How Graph requests are retried. */
  private final Retry retry = new Retry();

  /** Sync, change notifications and the background connector. */
  private final Sync sync = new Sync();

  /** Where the SDK keeps its state. */
  private final Store store = new Store();

  /** The HTTP endpoints on Spring MVC. */
  private final Web web = new Web();

  /** Micrometer metrics (with calendar-sdk-micrometer and a MeterRegistry). */
  private final Metrics metrics = new Metrics();

  /** OpenTelemetry spans (with calendar-sdk-opentelemetry and an OpenTelemetry bean). */
  private final Tracing tracing = new Tracing();

  /** The Actuator health contributor "calendar". */
  private final Health health = new Health();

  /** {@return the client ID} */
  public String getClientId() {
    return clientId;
  }

  /** @param clientId the client ID */
  public void setClientId(String clientId) {
    this.clientId = clientId;
  }

  /** {@return the client secret} */
  public String getClientSecret() {
    return clientSecret;
  }

  /** @param clientSecret the client secret's value */
  public void setClientSecret(String clientSecret) {
    this.clientSecret = clientSecret;
  }

  /** {@return the certificate settings} */
  public Certificate getCertificate() {
    return certificate;
  }

  /** {@return the redirect URI} */
  public URI getRedirectUri() {
    return redirectUri;
  }

  /** @param redirectUri the redirect URI */
  public void setRedirectUri(URI redirectUri) {
    this.redirectUri = redirectUri;
  }

  /** {@return the authority host} */
  public URI getAuthorityHost() {
    return authorityHost;
  }

  /** @param authorityHost the authority host */
  public void setAuthorityHost(URI authorityHost) {
    this.authorityHost = authorityHost;
  }

  /** {@return the Graph endpoint} */
  public URI getGraphEndpoint() {
    return graphEndpoint;
  }

  /** @param graphEndpoint the Graph endpoint */
  public void setGraphEndpoint(URI graphEndpoint) {
    this.graphEndpoint = graphEndpoint;
  }

  /** {@return the token resource} */
  public String getGraphResource() {
    return graphResource;
  }

  /** @param graphResource the token resource */
  public void setGraphResource(String graphResource) {
    this.graphResource = graphResource;
  }

  /** {@return the required permissions} */
  public Set<String> getRequiredPermissions() {
    return requiredPermissions;
  }

  /** @param requiredPermissions the required permissions */
  public void setRequiredPermissions(Set<String> requiredPermissions) {
    this.requiredPermissions = requiredPermissions;
  }

  /** {@return the consent state lifetime} */
  public Duration getConsentStateLifetime() {
    return consentStateLifetime;
  }

  /** @param consentStateLifetime the consent state lifetime */
  public void setConsentStateLifetime(Duration consentStateLifetime) {
    this.consentStateLifetime = consentStateLifetime;
  }

  /** {@return the verification timeout} */
  public Duration getVerificationTimeout() {
    return verificationTimeout;
  }

  /** @param verificationTimeout the verification timeout */
  public void setVerificationTimeout(Duration verificationTimeout) {
    this.verificationTimeout = verificationTimeout;
  }

  /** {@return the tenant status refresh} */
  public Duration getTenantStatusRefresh() {
    return tenantStatusRefresh;
  }

  /** @param tenantStatusRefresh the tenant status refresh */
  public void setTenantStatusRefresh(Duration tenantStatusRefresh) {
    this.tenantStatusRefresh = tenantStatusRefresh;
  }

  /** {@return the limits} */
  public Limits getLimits() {
    return limits;
  }

  /** {@return the retry settings} */
  public Retry getRetry() {
    return retry;
  }

  /** {@return the sync settings} */
  public Sync getSync() {
    return sync;
  }

  /** {@return the store settings} */
  public Store getStore() {
    return store;
  }

  /** {@return the web settings} */
  public Web getWeb() {
    return web;
  }

  /** {@return the metrics settings} */
  public Metrics getMetrics() {
    return metrics;
  }

  /** {@return the tracing settings} */
  public Tracing getTracing() {
    return tracing;
  }

  /** {@return the health settings} */
  public Health getHealth() {
    return health;
  }

  @Override
  public String toString() {
    return "CalendarSdkProperties[clientId=" + clientId + ", clientSecret="
        + (clientSecret == null ? "(none)" : "(set)") + ", redirectUri=" + redirectUri + "]";
  }

  /** A certificate credential. */
  public static class Certificate {
    /**
     * A PKCS#12 file (.p12, .pfx) or a PEM file with an unencrypted PKCS#8 private key and the
     * certificate chain, e.g. file:/etc/workplace/calendar-app.pfx.
     */
    private Resource location;

    /** The password of a PKCS#12 file. */
    private String password;

    /** {@return the file} */
    public Resource getLocation() {
      return location;
    }

    /** @param location the file */
    public void setLocation(Resource location) {
      this.location = location;
    }

    /** {@return the password} */
    public String getPassword() {
      return password;
    }

    /** @param password the password */
    public void setPassword(String password) {
      this.password = password;
    }

    @Override
    public String toString() {
      return "Certificate[location=" + location + "]";
    }
  }

  /** Exchange's limits per app and mailbox. */
  public static class Limits {
    /** Requests in flight per mailbox. Default: 4 (Exchange's limit). */
    private Integer maxConcurrentPerMailbox;

    /** Requests per window per mailbox. Default: 10000. */
    private Integer requestsPerWindow;

    /** The budget's window. Default: 10 minutes. */
    private Duration window;

    /** Requests per $batch, 1 to 20. Default: 20. */
    private Integer maxBatchSize;

    /** $batch requests in flight per connect. Default: 8. */
    private Integer maxConcurrentBatches;

    /** When the permit of an instance that died is given back, 1 second to 5 minutes. Default: 10s. */
    private Duration permitExpiry;

    /** {@return the value} */
    public Integer getMaxConcurrentPerMailbox() {
      return maxConcurrentPerMailbox;
    }

    /** @param value the value */
    public void setMaxConcurrentPerMailbox(Integer value) {
      this.maxConcurrentPerMailbox = value;
    }

    /** {@return the value} */
    public Integer getRequestsPerWindow() {
      return requestsPerWindow;
    }

    /** @param value the value */
    public void setRequestsPerWindow(Integer value) {
      this.requestsPerWindow = value;
    }

    /** {@return the value} */
    public Duration getWindow() {
      return window;
    }

    /** @param value the value */
    public void setWindow(Duration value) {
      this.window = value;
    }

    /** {@return the value} */
    public Integer getMaxBatchSize() {
      return maxBatchSize;
    }

    /** @param value the value */
    public void setMaxBatchSize(Integer value) {
      this.maxBatchSize = value;
    }

    /** {@return the value} */
    public Integer getMaxConcurrentBatches() {
      return maxConcurrentBatches;
    }

    /** @param value the value */
    public void setMaxConcurrentBatches(Integer value) {
      this.maxConcurrentBatches = value;
    }

    /** {@return the value} */
    public Duration getPermitExpiry() {
      return permitExpiry;
    }

    /** @param value the value */
    public void setPermitExpiry(Duration value) {
      this.permitExpiry = value;
    }
  }

  /** Retries of Graph requests. */
  public static class Retry {
    /** Attempts per request, the first included. Default: 8. */
    private Integer maxAttempts;

    /** The first backoff (full jitter). Default: 500 ms. */
    private Duration baseDelay;

    /** The longest backoff. Default: 60 seconds. */
    private Duration maxDelay;

    /** How long a request may take with its retries. Default: 3 minutes. */
    private Duration deadline;

    /** {@return the value} */
    public Integer getMaxAttempts() {
      return maxAttempts;
    }

    /** @param value the value */
    public void setMaxAttempts(Integer value) {
      this.maxAttempts = value;
    }

    /** {@return the value} */
    public Duration getBaseDelay() {
      return baseDelay;
    }

    /** @param value the value */
    public void setBaseDelay(Duration value) {
      this.baseDelay = value;
    }

    /** {@return the value} */
    public Duration getMaxDelay() {
      return maxDelay;
    }

    /** @param value the value */
    public void setMaxDelay(Duration value) {
      this.maxDelay = value;
    }

    /** {@return the value} */
    public Duration getDeadline() {
      return deadline;
    }

    /** @param value the value */
    public void setDeadline(Duration value) {
      this.deadline = value;
    }
  }

  /** Sync, notifications and background connecting. */
  public static class Sync {
    /**
     * Whether the background work (connecting new calendars, sync rounds, subscription upkeep)
     * starts with the application context and stops with it.
     */
    private boolean autoStart = true;

    /** Days before today the sync window starts. Default: 1. */
    private Integer windowDaysBack;

    /** Days after today the sync window ends. Default: 90. */
    private Integer windowDaysAhead;

    /** Scheduled round and subscription upkeep per connected calendar. Default: 5 minutes. */
    private Duration syncInterval;

    /** Connecting newly added calendars. Default: 1 minute. */
    private Duration connectInterval;

    /** Delay before the first scheduled work. Default: zero. */
    private Duration startDelay;

    /** Lease time to live, renewed between delta pages. Default: 2 minutes. */
    private Duration leaseTtl;

    /** Wait before asking again for a calendar another instance works on. Default: 10 seconds. */
    private Duration busyRetryDelay;

    /** Sync worker threads. Default: 2. */
    private Integer workerThreads;

    /** Pages one round may read before it is abandoned. Default: 10000. */
    private Integer maxPagesPerRound;

    /**
     * The public HTTPS URL Microsoft posts change notifications to; with the lifecycle URL it
     * switches change notifications on. Default: none (polling only).
     */
    private URI notificationUrl;

    /** The public HTTPS URL Microsoft posts lifecycle notifications to. */
    private URI lifecycleUrl;

    /** The subscription lifetime asked for. Default: 10080 minutes. */
    private Duration subscriptionLifetime;

    /** The lifetime asked for when the service refuses the first. Default: 4230 minutes. */
    private Duration fallbackSubscriptionLifetime;

    /** This instance's lease owner ID; instances sharing a store need different ones. Default: random. */
    private String ownerId;

    /** {@return the value} */
    public boolean isAutoStart() {
      return autoStart;
    }

    /** @param value the value */
    public void setAutoStart(boolean value) {
      this.autoStart = value;
    }

    /** {@return the value} */
    public Integer getWindowDaysBack() {
      return windowDaysBack;
    }

    /** @param value the value */
    public void setWindowDaysBack(Integer value) {
      this.windowDaysBack = value;
    }

    /** {@return the value} */
    public Integer getWindowDaysAhead() {
      return windowDaysAhead;
    }

    /** @param value the value */
    public void setWindowDaysAhead(Integer value) {
      this.windowDaysAhead = value;
    }

    /** {@return the value} */
    public Duration getSyncInterval() {
      return syncInterval;
    }

    /** @param value the value */
    public void setSyncInterval(Duration value) {
      this.syncInterval = value;
    }

    /** {@return the value} */
    public Duration getConnectInterval() {
      return connectInterval;
    }

    /** @param value the value */
    public void setConnectInterval(Duration value) {
      this.connectInterval = value;
    }

    /** {@return the value} */
    public Duration getStartDelay() {
      return startDelay;
    }

    /** @param value the value */
    public void setStartDelay(Duration value) {
      this.startDelay = value;
    }

    /** {@return the value} */
    public Duration getLeaseTtl() {
      return leaseTtl;
    }

    /** @param value the value */
    public void setLeaseTtl(Duration value) {
      this.leaseTtl = value;
    }

    /** {@return the value} */
    public Duration getBusyRetryDelay() {
      return busyRetryDelay;
    }

    /** @param value the value */
    public void setBusyRetryDelay(Duration value) {
      this.busyRetryDelay = value;
    }

    /** {@return the value} */
    public Integer getWorkerThreads() {
      return workerThreads;
    }

    /** @param value the value */
    public void setWorkerThreads(Integer value) {
      this.workerThreads = value;
    }

    /** {@return the value} */
    public Integer getMaxPagesPerRound() {
      return maxPagesPerRound;
    }

    /** @param value the value */
    public void setMaxPagesPerRound(Integer value) {
      this.maxPagesPerRound = value;
    }

    /** {@return the value} */
    public URI getNotificationUrl() {
      return notificationUrl;
    }

    /** @param value the value */
    public void setNotificationUrl(URI value) {
      this.notificationUrl = value;
    }

    /** {@return the value} */
    public URI getLifecycleUrl() {
      return lifecycleUrl;
    }

    /** @param value the value */
    public void setLifecycleUrl(URI value) {
      this.lifecycleUrl = value;
    }

    /** {@return the value} */
    public Duration getSubscriptionLifetime() {
      return subscriptionLifetime;
    }

    /** @param value the value */
    public void setSubscriptionLifetime(Duration value) {
      this.subscriptionLifetime = value;
    }

    /** {@return the value} */
    public Duration getFallbackSubscriptionLifetime() {
      return fallbackSubscriptionLifetime;
    }

    /** @param value the value */
    public void setFallbackSubscriptionLifetime(Duration value) {
      this.fallbackSubscriptionLifetime = value;
    }

    /** {@return the value} */
    public String getOwnerId() {
      return ownerId;
    }

    /** @param value the value */
    public void setOwnerId(String value) {
      this.ownerId = value;
    }
  }

  /** The store. */
  public static class Store {
    /**
     * Which store: auto (a JdbcCalendarStore on the application's DataSource when there is one,
     * in memory otherwise), jdbc (fail without a DataSource) or in-memory.
     */
    private StoreType type = StoreType.AUTO;

    /** The JDBC store's table name prefix. Default: calendar_. */
    private String tablePrefix;

    /** {@return the value} */
    public StoreType getType() {
      return type;
    }

    /** @param value the value */
    public void setType(StoreType value) {
      this.type = value;
    }

    /** {@return the value} */
    public String getTablePrefix() {
      return tablePrefix;
    }

    /** @param value the value */
    public void setTablePrefix(String value) {
      this.tablePrefix = value;
    }
  }

  /** Which store the starter builds. */
  public enum StoreType {
    /** JDBC on the application's DataSource when there is one, in memory otherwise. */
    AUTO,
    /** JDBC on the application's DataSource; start-up fails without one. */
    JDBC,
    /** In memory: for tests and a single instance that may forget everything on restart. */
    IN_MEMORY
  }

  /** The HTTP endpoints. */
  public static class Web {
    /** The admin-consent redirect endpoint. */
    private final Consent consent = new Consent();

    /** The change and lifecycle notification endpoint. */
    private final Notifications notifications = new Notifications();

    /** {@return the consent endpoint settings} */
    public Consent getConsent() {
      return consent;
    }

    /** {@return the notification endpoint settings} */
    public Notifications getNotifications() {
      return notifications;
    }
  }

  /** The admin-consent redirect endpoint. */
  public static class Consent {
    /** Whether to serve it (GET). */
    private boolean enabled;

    /** Its path. Default: the path of the redirect URI. */
    private String path;

    /**
     * Where the administrator's browser goes afterwards: a path of this application or an
     * absolute http(s) URL; the outcome is added as the query parameters outcome (VERIFIED,
     * CONSENTED, FAILED or REJECTED), tenant and reason.
     */
    private String resultPage = "/";

    /** {@return the value} */
    public boolean isEnabled() {
      return enabled;
    }

    /** @param value the value */
    public void setEnabled(boolean value) {
      this.enabled = value;
    }

    /** {@return the value} */
    public String getPath() {
      return path;
    }

    /** @param value the value */
    public void setPath(String value) {
      this.path = value;
    }

    /** {@return the value} */
    public String getResultPage() {
      return resultPage;
    }

    /** @param value the value */
    public void setResultPage(String value) {
      this.resultPage = value;
    }
  }

  /** The notification endpoint. */
  public static class Notifications {
    /** Whether to serve it (POST). */
    private boolean enabled;

    /** The path of change notifications. Default: the path of workplace.calendar.sync.notification-url. */
    private String path;

    /** The path of lifecycle notifications. Default: the path of workplace.calendar.sync.lifecycle-url. */
    private String lifecyclePath;

    /** {@return the value} */
    public boolean isEnabled() {
      return enabled;
    }

    /** @param value the value */
    public void setEnabled(boolean value) {
      this.enabled = value;
    }

    /** {@return the value} */
    public String getPath() {
      return path;
    }

    /** @param value the value */
    public void setPath(String value) {
      this.path = value;
    }

    /** {@return the value} */
    public String getLifecyclePath() {
      return lifecyclePath;
    }

    /** @param value the value */
    public void setLifecyclePath(String value) {
      this.lifecyclePath = value;
    }
  }

  /** Micrometer metrics. */
  public static class Metrics {
    /** Whether to register the SDK's meters. */
    private boolean enabled = true;

    /** Whether meters carry a tenant tag (one more time series per tenant). */
    private boolean tenantTag;

    /** Whether meters carry a mailbox tag (addresses reach the metrics backend). */
    private boolean mailboxTag;

    /** {@return the value} */
    public boolean isEnabled() {
      return enabled;
    }

    /** @param value the value */
    public void setEnabled(boolean value) {
      this.enabled = value;
    }

    /** {@return the value} */
    public boolean isTenantTag() {
      return tenantTag;
    }

    /** @param value the value */
    public void setTenantTag(boolean value) {
      this.tenantTag = value;
    }

    /** {@return the value} */
    public boolean isMailboxTag() {
      return mailboxTag;
    }

    /** @param value the value */
    public void setMailboxTag(boolean value) {
      this.mailboxTag = value;
    }
  }

  /** OpenTelemetry spans. */
  public static class Tracing {
    /** Whether to make spans. */
    private boolean enabled = true;

    /** Whether spans carry the tenant ID. */
    private boolean tenantAttribute = true;

    /** Whether spans carry the room's e-mail address. */
    private boolean mailboxAttribute;

    /** {@return the value} */
    public boolean isEnabled() {
      return enabled;
    }

    /** @param value the value */
    public void setEnabled(boolean value) {
      this.enabled = value;
    }

    /** {@return the value} */
    public boolean isTenantAttribute() {
      return tenantAttribute;
    }

    /** @param value the value */
    public void setTenantAttribute(boolean value) {
      this.tenantAttribute = value;
    }

    /** {@return the value} */
    public boolean isMailboxAttribute() {
      return mailboxAttribute;
    }

    /** @param value the value */
    public void setMailboxAttribute(boolean value) {
      this.mailboxAttribute = value;
    }
  }

  /** The health contributor. */
  public static class Health {
    /** How long a computed tenant health is reused (it reads every connected calendar's state). */
    private Duration cacheTtl = Duration.ofSeconds(30);

    /** {@return the value} */
    public Duration getCacheTtl() {
      return cacheTtl;
    }

    /** @param value the value */
    public void setCacheTtl(Duration value) {
      this.cacheTtl = value;
    }
  }
}
