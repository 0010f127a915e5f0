package com.workplace.calendar.spring;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The settings of the Workplace Calendar SDK under {@code workplace.calendar}. Only the client ID,
 * one credential (a federated token file, a certificate or a secret, or another credential that a
 * {@link CalendarServiceBuilderCustomizer} sets) and the redirect URI are required; everything left out keeps the
 * SDK's own default (named in each description). They are checked at start-up by the SDK's
 * builders, whose messages a failed start names. Each group of keys below it binds to a class of
 * its own, reached through its getter: {@code workplace.calendar.sync.*} to {@link
 * CalendarSdkSyncProperties} through {@link #getSync()}, and so on.
 *
 * @since 0.2.0
 */
@ConfigurationProperties(prefix = "workplace.calendar")
public class CalendarSdkProperties {
  private static final Pattern CLIENT_ID =
      Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

  /**
   * The application (client) ID of the multi-tenant app registration: a GUID. Required; any other
   * value (such as a placeholder left unresolved) fails start-up.
   */
  private String clientId;

  /**
   * The client secret's value (not its ID). Exactly one credential is required: this,
   * certificate.location or federated-token-file (safer than a secret), or one that a
   * CalendarServiceBuilderCustomizer sets.
   */
  private String clientSecret;

  /** A certificate credential instead of the secret. */
  @NestedConfigurationProperty
  private final CalendarSdkCertificateProperties certificate =
      new CalendarSdkCertificateProperties();

  /**
   * Workload identity federation instead of a secret or certificate: the file holding the token
   * the platform mounts and refreshes (on Kubernetes the path in AZURE_FEDERATED_TOKEN_FILE), read
   * afresh for every token request. The app registration needs a federated credential for the
   * token's issuer and subject. The file must exist at start-up.
   */
  private Path federatedTokenFile;

  /**
   * How long before its expiry a certificate credential is reported (GraphEventListener's
   * credentialExpiring and a log warning once a day), 1 to 365 days. Default: 30 days.
   */
  private Duration credentialExpiryWarning;

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
  @NestedConfigurationProperty
  private final CalendarSdkLimitsProperties limits = new CalendarSdkLimitsProperties();

  /** How Graph requests are retried. */
  @NestedConfigurationProperty
  private final CalendarSdkRetryProperties retry = new CalendarSdkRetryProperties();

  /** Sync, change notifications and the background connector. */
  @NestedConfigurationProperty
  private final CalendarSdkSyncProperties sync = new CalendarSdkSyncProperties();

  /** Where the SDK keeps its state. */
  @NestedConfigurationProperty
  private final CalendarSdkStoreProperties store = new CalendarSdkStoreProperties();

  /** The HTTP endpoints on Spring MVC. */
  @NestedConfigurationProperty
  private final CalendarSdkWebProperties web = new CalendarSdkWebProperties();

  /** Micrometer metrics (with calendar-sdk-micrometer and a MeterRegistry). */
  @NestedConfigurationProperty
  private final CalendarSdkMetricsProperties metrics = new CalendarSdkMetricsProperties();

  /** OpenTelemetry spans (with calendar-sdk-opentelemetry and an OpenTelemetry bean). */
  @NestedConfigurationProperty
  private final CalendarSdkTracingProperties tracing = new CalendarSdkTracingProperties();

  /** The Actuator health contributor "calendar". */
  @NestedConfigurationProperty
  private final CalendarSdkHealthProperties health = new CalendarSdkHealthProperties();

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
  public CalendarSdkCertificateProperties getCertificate() {
    return certificate;
  }

  /** {@return the federated token file} */
  public Path getFederatedTokenFile() {
    return federatedTokenFile;
  }

  /** @param federatedTokenFile the federated token file */
  public void setFederatedTokenFile(Path federatedTokenFile) {
    this.federatedTokenFile = federatedTokenFile;
  }

  /** {@return how long before its expiry a certificate is reported} */
  public Duration getCredentialExpiryWarning() {
    return credentialExpiryWarning;
  }

  /** @param credentialExpiryWarning how long before its expiry a certificate is reported */
  public void setCredentialExpiryWarning(Duration credentialExpiryWarning) {
    this.credentialExpiryWarning = credentialExpiryWarning;
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
  public CalendarSdkLimitsProperties getLimits() {
    return limits;
  }

  /** {@return the retry settings} */
  public CalendarSdkRetryProperties getRetry() {
    return retry;
  }

  /** {@return the sync settings} */
  public CalendarSdkSyncProperties getSync() {
    return sync;
  }

  /** {@return the store settings} */
  public CalendarSdkStoreProperties getStore() {
    return store;
  }

  /** {@return the web settings} */
  public CalendarSdkWebProperties getWeb() {
    return web;
  }

  /** {@return the metrics settings} */
  public CalendarSdkMetricsProperties getMetrics() {
    return metrics;
  }

  /** {@return the tracing settings} */
  public CalendarSdkTracingProperties getTracing() {
    return tracing;
  }

  /** {@return the health settings} */
  public CalendarSdkHealthProperties getHealth() {
    return health;
  }

  @Override
  public String toString() {
    // a client ID is shown only when it is one: a secret pasted there by mistake stays hidden
    String shownClientId =
        clientId == null || CLIENT_ID.matcher(clientId.strip()).matches() ? clientId : "(not a GUID)";
    return "CalendarSdkProperties[clientId=" + shownClientId + ", clientSecret="
        + (clientSecret == null ? "(none)" : "(set)") + ", federatedTokenFile=" + federatedTokenFile
        + ", redirectUri=" + redirectUri + "]";
  }
}
