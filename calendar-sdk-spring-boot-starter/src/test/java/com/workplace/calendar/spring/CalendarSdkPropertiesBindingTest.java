package com.workplace.calendar.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindableRuntimeHintsRegistrar;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Every group of {@code workplace.calendar.*} keys binds through Spring Boot's own binder into its
 * properties class, keeps its defaults when left out, is described in the configuration metadata
 * and gets reflection hints for native images.
 */
class CalendarSdkPropertiesBindingTest {
  /** Binds the properties alone, without building the SDK from them. */
  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(CalendarSdkProperties.class)
  static class PropertiesOnly {}

  private static void bind(Consumer<CalendarSdkProperties> check, String... properties) {
    new ApplicationContextRunner()
        .withUserConfiguration(PropertiesOnly.class)
        .withPropertyValues(properties)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              check.accept(context.getBean(CalendarSdkProperties.class));
            });
  }

  @Test
  void aClientIdThatIsNotAGuidIsNotShownByToString() {
    CalendarSdkProperties properties = new CalendarSdkProperties();
    properties.setClientId("Xy7Q~secret-pasted-in-the-wrong-place");
    assertThat(properties.toString())
        .contains("clientId=(not a GUID)")
        .doesNotContain("secret-pasted");
    properties.setClientId("3f1c9a52-7d4e-4b8a-9c61-2e5f0b7a8d14");
    assertThat(properties.toString()).contains("clientId=3f1c9a52-7d4e-4b8a-9c61-2e5f0b7a8d14");
  }

  @Test
  void topLevelKeysBind() {
    bind(
        p -> {
          assertThat(p.getClientId()).isEqualTo("3f1c9a52-7d4e-4b8a-9c61-2e5f0b7a8d14");
          assertThat(p.getClientSecret()).isEqualTo("not-a-real-secret");
          assertThat(p.getFederatedTokenFile())
              .isEqualTo(Path.of("/var/run/secrets/azure/tokens/azure-identity-token"));
          assertThat(p.getCredentialExpiryWarning()).isEqualTo(Duration.ofDays(45));
          assertThat(p.getRedirectUri())
              .isEqualTo(URI.create("https://workplace.example.com/calendar/consent"));
          assertThat(p.getAuthorityHost()).isEqualTo(URI.create("https://login.microsoftonline.us/"));
          assertThat(p.getGraphEndpoint()).isEqualTo(URI.create("https://graph.microsoft.us/v1.0/"));
          assertThat(p.getGraphResource()).isEqualTo("https://graph.microsoft.us");
          assertThat(p.getRequiredPermissions()).containsExactly("Calendars.ReadWrite");
          assertThat(p.getConsentStateLifetime()).isEqualTo(Duration.ofMinutes(30));
          assertThat(p.getVerificationTimeout()).isEqualTo(Duration.ofMinutes(1));
          assertThat(p.getTenantStatusRefresh()).isEqualTo(Duration.ofSeconds(5));
          assertThat(p.toString())
              .contains("azure-identity-token")
              .doesNotContain("not-a-real-secret");
        },
        "workplace.calendar.client-id=3f1c9a52-7d4e-4b8a-9c61-2e5f0b7a8d14",
        "workplace.calendar.client-secret=not-a-real-secret",
        "workplace.calendar.federated-token-file=/var/run/secrets/azure/tokens/azure-identity-token",
        "workplace.calendar.credential-expiry-warning=45d",
        "workplace.calendar.redirect-uri=https://workplace.example.com/calendar/consent",
        "workplace.calendar.authority-host=https://login.microsoftonline.us/",
        "workplace.calendar.graph-endpoint=https://graph.microsoft.us/v1.0/",
        "workplace.calendar.graph-resource=https://graph.microsoft.us",
        "workplace.calendar.required-permissions=Calendars.ReadWrite",
        "workplace.calendar.consent-state-lifetime=30m",
        "workplace.calendar.verification-timeout=1m",
        "workplace.calendar.tenant-status-refresh=5s");
  }

  @Test
  void anEmptyFederatedTokenFileIsNone() {
    // as @CalendarSdkFakeTest clears it, and ${AZURE_FEDERATED_TOKEN_FILE:} with the variable unset
    bind(
        p -> assertThat(p.getFederatedTokenFile()).isNull(),
        "workplace.calendar.federated-token-file=");
  }

  @Test
  void certificateKeysBind() {
    bind(
        p -> {
          CalendarSdkCertificateProperties certificate = p.getCertificate();
          assertThat(certificate.getLocation().getFilename()).isEqualTo("calendar-app.pfx");
          assertThat(certificate.getPassword()).isEqualTo("not-a-real-password");
          assertThat(certificate.toString()).doesNotContain("not-a-real-password");
        },
        "workplace.calendar.certificate.location=file:/etc/workplace/calendar-app.pfx",
        "workplace.calendar.certificate.password=not-a-real-password");
  }

  @Test
  void limitsKeysBind() {
    bind(
        p -> {
          CalendarSdkLimitsProperties limits = p.getLimits();
          assertThat(limits.getMaxConcurrentPerMailbox()).isEqualTo(3);
          assertThat(limits.getRequestsPerWindow()).isEqualTo(5000);
          assertThat(limits.getWindow()).isEqualTo(Duration.ofMinutes(5));
          assertThat(limits.getMaxBatchSize()).isEqualTo(10);
          assertThat(limits.getMaxConcurrentBatches()).isEqualTo(4);
          assertThat(limits.getPermitExpiry()).isEqualTo(Duration.ofSeconds(30));
        },
        "workplace.calendar.limits.max-concurrent-per-mailbox=3",
        "workplace.calendar.limits.requests-per-window=5000",
        "workplace.calendar.limits.window=5m",
        "workplace.calendar.limits.max-batch-size=10",
        "workplace.calendar.limits.max-concurrent-batches=4",
        "workplace.calendar.limits.permit-expiry=30s");
  }

  @Test
  void retryKeysBind() {
    bind(
        p -> {
          CalendarSdkRetryProperties retry = p.getRetry();
          assertThat(retry.getMaxAttempts()).isEqualTo(5);
          assertThat(retry.getBaseDelay()).isEqualTo(Duration.ofMillis(250));
          assertThat(retry.getMaxDelay()).isEqualTo(Duration.ofSeconds(20));
          assertThat(retry.getDeadline()).isEqualTo(Duration.ofMinutes(1));
        },
        "workplace.calendar.retry.max-attempts=5",
        "workplace.calendar.retry.base-delay=250ms",
        "workplace.calendar.retry.max-delay=20s",
        "workplace.calendar.retry.deadline=1m");
  }

  @Test
  void syncKeysBind() {
    bind(
        p -> {
          CalendarSdkSyncProperties sync = p.getSync();
          assertThat(sync.isAutoStart()).isFalse();
          assertThat(sync.getWindowDaysBack()).isEqualTo(2);
          assertThat(sync.getWindowDaysAhead()).isEqualTo(30);
          assertThat(sync.getSyncInterval()).isEqualTo(Duration.ofMinutes(10));
          assertThat(sync.getConnectInterval()).isEqualTo(Duration.ofMinutes(2));
          assertThat(sync.getStartDelay()).isEqualTo(Duration.ofSeconds(5));
          assertThat(sync.getLeaseTtl()).isEqualTo(Duration.ofMinutes(3));
          assertThat(sync.getBusyRetryDelay()).isEqualTo(Duration.ofSeconds(15));
          assertThat(sync.getWorkerThreads()).isEqualTo(4);
          assertThat(sync.getMaxPagesPerRound()).isEqualTo(500);
          assertThat(sync.getSeriesCacheSize()).isEqualTo(1000);
          assertThat(sync.getNotificationUrl())
              .isEqualTo(URI.create("https://workplace.example.com/calendar/notifications"));
          assertThat(sync.getLifecycleUrl())
              .isEqualTo(URI.create("https://workplace.example.com/calendar/lifecycle"));
          assertThat(sync.getSubscriptionLifetime()).isEqualTo(Duration.ofMinutes(4000));
          assertThat(sync.getFallbackSubscriptionLifetime()).isEqualTo(Duration.ofMinutes(2000));
          assertThat(sync.getOwnerId()).isEqualTo("instance-a");
        },
        "workplace.calendar.sync.auto-start=false",
        "workplace.calendar.sync.window-days-back=2",
        "workplace.calendar.sync.window-days-ahead=30",
        "workplace.calendar.sync.sync-interval=10m",
        "workplace.calendar.sync.connect-interval=2m",
        "workplace.calendar.sync.start-delay=5s",
        "workplace.calendar.sync.lease-ttl=3m",
        "workplace.calendar.sync.busy-retry-delay=15s",
        "workplace.calendar.sync.worker-threads=4",
        "workplace.calendar.sync.max-pages-per-round=500",
        "workplace.calendar.sync.series-cache-size=1000",
        "workplace.calendar.sync.notification-url=https://workplace.example.com/calendar/notifications",
        "workplace.calendar.sync.lifecycle-url=https://workplace.example.com/calendar/lifecycle",
        "workplace.calendar.sync.subscription-lifetime=4000m",
        "workplace.calendar.sync.fallback-subscription-lifetime=2000m",
        "workplace.calendar.sync.owner-id=instance-a");
  }

  @Test
  void storeKeysBind() {
    bind(
        p -> {
          assertThat(p.getStore().getType()).isEqualTo(CalendarSdkStoreType.IN_MEMORY);
          assertThat(p.getStore().getTablePrefix()).isEqualTo("booking_");
        },
        "workplace.calendar.store.type=in-memory",
        "workplace.calendar.store.table-prefix=booking_");
  }

  @Test
  void webConsentKeysBind() {
    bind(
        p -> {
          CalendarSdkConsentEndpointProperties consent = p.getWeb().getConsent();
          assertThat(consent.isEnabled()).isTrue();
          assertThat(consent.getPath()).isEqualTo("/calendar/consent");
          assertThat(consent.getResultPage()).isEqualTo("/admin/calendar");
        },
        "workplace.calendar.web.consent.enabled=true",
        "workplace.calendar.web.consent.path=/calendar/consent",
        "workplace.calendar.web.consent.result-page=/admin/calendar");
  }

  @Test
  void webNotificationKeysBind() {
    bind(
        p -> {
          CalendarSdkNotificationEndpointProperties notifications = p.getWeb().getNotifications();
          assertThat(notifications.isEnabled()).isTrue();
          assertThat(notifications.getPath()).isEqualTo("/hooks/calendar");
          assertThat(notifications.getLifecyclePath()).isEqualTo("/hooks/calendar-lifecycle");
        },
        "workplace.calendar.web.notifications.enabled=true",
        "workplace.calendar.web.notifications.path=/hooks/calendar",
        "workplace.calendar.web.notifications.lifecycle-path=/hooks/calendar-lifecycle");
  }

  @Test
  void metricsKeysBind() {
    bind(
        p -> {
          assertThat(p.getMetrics().isEnabled()).isFalse();
          assertThat(p.getMetrics().isTenantTag()).isTrue();
          assertThat(p.getMetrics().isMailboxTag()).isTrue();
        },
        "workplace.calendar.metrics.enabled=false",
        "workplace.calendar.metrics.tenant-tag=true",
        "workplace.calendar.metrics.mailbox-tag=true");
  }

  @Test
  void tracingKeysBind() {
    bind(
        p -> {
          assertThat(p.getTracing().isEnabled()).isFalse();
          assertThat(p.getTracing().isTenantAttribute()).isFalse();
          assertThat(p.getTracing().isMailboxAttribute()).isTrue();
        },
        "workplace.calendar.tracing.enabled=false",
        "workplace.calendar.tracing.tenant-attribute=false",
        "workplace.calendar.tracing.mailbox-attribute=true");
  }

  @Test
  void healthKeysBind() {
    bind(
        p -> assertThat(p.getHealth().getCacheTtl()).isEqualTo(Duration.ofMinutes(2)),
        "workplace.calendar.health.cache-ttl=2m");
  }

  @Test
  void keysLeftOutKeepTheirDefaults() {
    bind(
        p -> {
          assertThat(p.getFederatedTokenFile()).isNull();
          assertThat(p.getCredentialExpiryWarning()).isNull();
          assertThat(p.getCertificate().getLocation()).isNull();
          assertThat(p.getLimits().getMaxConcurrentPerMailbox()).isNull();
          assertThat(p.getRetry().getMaxAttempts()).isNull();
          assertThat(p.getSync().isAutoStart()).isTrue();
          assertThat(p.getSync().getSyncInterval()).isNull();
          assertThat(p.getSync().getSeriesCacheSize()).isNull();
          assertThat(p.getStore().getType()).isEqualTo(CalendarSdkStoreType.AUTO);
          assertThat(p.getWeb().getConsent().isEnabled()).isFalse();
          assertThat(p.getWeb().getConsent().getResultPage()).isEqualTo("/");
          assertThat(p.getWeb().getNotifications().isEnabled()).isFalse();
          assertThat(p.getMetrics().isEnabled()).isTrue();
          assertThat(p.getMetrics().isTenantTag()).isFalse();
          assertThat(p.getTracing().isEnabled()).isTrue();
          assertThat(p.getTracing().isTenantAttribute()).isTrue();
          assertThat(p.getTracing().isMailboxAttribute()).isFalse();
          assertThat(p.getHealth().getCacheTtl()).isEqualTo(Duration.ofSeconds(30));
        });
  }

  @Test
  void theConfigurationMetadataDescribesEveryGroupWithItsOwnClass() throws IOException {
    JsonNode metadata;
    try (InputStream in =
        getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      metadata = new ObjectMapper().readTree(in);
    }
    assertThat(metadata.get("groups").valueStream().map(g -> g.get("name").asString()))
        .containsExactlyInAnyOrder(
            "workplace.calendar",
            "workplace.calendar.certificate",
            "workplace.calendar.limits",
            "workplace.calendar.retry",
            "workplace.calendar.sync",
            "workplace.calendar.store",
            "workplace.calendar.web",
            "workplace.calendar.web.consent",
            "workplace.calendar.web.notifications",
            "workplace.calendar.metrics",
            "workplace.calendar.tracing",
            "workplace.calendar.health");
    assertThat(metadata.get("properties").valueStream())
        .hasSize(55)
        .allSatisfy(property -> assertThat(property.path("description").asString()).isNotBlank());
    assertThat(
            metadata.get("properties").valueStream()
                .filter(p -> p.get("name").asString().equals("workplace.calendar.limits.window"))
                .map(p -> p.get("sourceType").asString()))
        .containsExactly(CalendarSdkLimitsProperties.class.getName());
  }

  @Test
  void nativeImagesGetReflectionHintsForEveryGroup() {
    RuntimeHints hints = new RuntimeHints();
    BindableRuntimeHintsRegistrar.forTypes(CalendarSdkProperties.class).registerHints(hints);
    for (Class<?> group :
        new Class<?>[] {
          CalendarSdkCertificateProperties.class,
          CalendarSdkLimitsProperties.class,
          CalendarSdkRetryProperties.class,
          CalendarSdkSyncProperties.class,
          CalendarSdkStoreProperties.class,
          CalendarSdkWebProperties.class,
          CalendarSdkConsentEndpointProperties.class,
          CalendarSdkNotificationEndpointProperties.class,
          CalendarSdkMetricsProperties.class,
          CalendarSdkTracingProperties.class,
          CalendarSdkHealthProperties.class
        }) {
      assertThat(RuntimeHintsPredicates.reflection().onType(group))
          .as(group.getSimpleName())
          .accepts(hints);
    }
  }
}
