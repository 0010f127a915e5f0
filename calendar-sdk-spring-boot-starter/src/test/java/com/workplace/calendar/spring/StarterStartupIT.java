package com.workplace.calendar.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.micrometer.CalendarMetrics;
import com.workplace.calendar.spring.app.TestApplication;
import com.workplace.calendar.spring.internal.CalendarSdkConfigurationException;
import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.store.InMemoryCalendarStore;
import com.workplace.calendar.store.JdbcCalendarStore;
import com.workplace.calendar.testkit.TestCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;

/** Start-up with only the required properties, and start-ups that must fail with the SDK's words. */
@SpringBootTest(
    classes = TestApplication.class,
    properties = {
      "workplace.calendar.client-id=11111111-2222-3333-4444-555555555555",
      "workplace.calendar.client-secret=not-a-real-secret",
      "workplace.calendar.redirect-uri=https://workplace.example.com/calendar/consent"
    })
class StarterStartupIT {
  @Autowired CalendarService service;
  @Autowired CalendarStore store;
  @Autowired CalendarSyncLifecycle lifecycle;
  @Autowired CalendarMetrics metrics;

  private static final String NO_DATA_SOURCE =
      "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration";

  @Test
  void theContextStartsWithOnlyTheRequiredProperties() {
    assertThat(service.tenants().list()).isEmpty();
    assertThat(store).as("H2 on the class path: an embedded DataSource").isInstanceOf(JdbcCalendarStore.class);
    assertThat(lifecycle.isRunning()).isTrue();
    assertThat(metrics).isNotNull();
  }

  @Test
  void theConfigurationMetadataDescribesEveryProperty() throws IOException {
    try (InputStream in =
        getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      String metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(metadata)
          .contains("\"workplace.calendar.client-id\"")
          .contains("\"workplace.calendar.certificate.location\"")
          .contains("\"workplace.calendar.federated-token-file\"")
          .contains("\"workplace.calendar.credential-expiry-warning\"")
          .contains("\"workplace.calendar.sync.series-cache-size\"")
          .contains("\"workplace.calendar.limits.max-concurrent-per-mailbox\"")
          .contains("\"workplace.calendar.retry.deadline\"")
          .contains("\"workplace.calendar.sync.notification-url\"")
          .contains("\"workplace.calendar.web.consent.result-page\"")
          .contains("The application (client) ID of the multi-tenant app registration");
    }
  }

  private static ConfigurableApplicationContext start(String... properties) {
    return new SpringApplicationBuilder(TestApplication.class)
        .web(WebApplicationType.NONE)
        .properties(properties)
        .run();
  }

  @Test
  void aMissingClientIdFailsStartUpWithTheBuildersMessage() {
    assertThatThrownBy(
            () ->
                start(
                    "workplace.calendar.client-secret=not-a-real-secret",
                    "workplace.calendar.redirect-uri=https://workplace.example.com/calendar/consent"))
        .hasRootCauseInstanceOf(IllegalStateException.class)
        .hasRootCauseMessage("clientId is required: the app registration's application ID")
        .hasMessageContaining("clientId is required: the app registration's application ID")
        .hasStackTraceContaining(CalendarSdkConfigurationException.class.getName());
  }

  @Test
  void anUnresolvedClientIdPlaceholderFailsStartUp() {
    // ${CALENDAR_CLIENT_ID} without a default, the variable not set: Spring Boot binds the text
    // itself, which the SDK refuses (an environment without the process's variables, so that a
    // CALENDAR_CLIENT_ID set where the test runs does not resolve it)
    StandardEnvironment withoutVariables = new StandardEnvironment();
    withoutVariables
        .getPropertySources()
        .remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(TestApplication.class)
                    .web(WebApplicationType.NONE)
                    .environment(withoutVariables)
                    .properties(
                        "workplace.calendar.client-id=${CALENDAR_CLIENT_ID}",
                        "workplace.calendar.client-secret=not-a-real-secret",
                        "workplace.calendar.redirect-uri=https://workplace.example.com/calendar/consent")
                    .run())
        .hasStackTraceContaining(CalendarSdkConfigurationException.class.getName())
        .rootCause()
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "clientId is not an application (client) ID: that is a GUID such as"
                + " 3f1c9a52-7d4e-4b8a-9c61-2e5f0b7a8d14, shown as \"Application (client) ID\" on"
                + " the app registration's overview page");
  }

  @Test
  void otherRefusedSettingsFailWithTheirOwnMessages() {
    assertThatThrownBy(
            () ->
                start(
                    "workplace.calendar.client-id=11111111-2222-3333-4444-555555555555",
                    "workplace.calendar.client-secret=not-a-real-secret",
                    "workplace.calendar.redirect-uri=http://workplace.example.com/calendar/consent"))
        .rootCause()
        .hasMessageContaining("redirectUri");
    assertThatThrownBy(
            () ->
                start(
                    "workplace.calendar.client-id=11111111-2222-3333-4444-555555555555",
                    "workplace.calendar.client-secret=not-a-real-secret",
                    "workplace.calendar.redirect-uri=https://workplace.example.com/calendar/consent",
                    "workplace.calendar.sync.worker-threads=0"))
        .hasStackTraceContaining(CalendarSdkConfigurationException.class.getName())
        .rootCause()
        .hasMessageContaining("workerThreads");
    assertThatThrownBy(
            () ->
                start(
                    "workplace.calendar.client-id=11111111-2222-3333-4444-555555555555",
                    "workplace.calendar.client-secret=not-a-real-secret",
                    "workplace.calendar.redirect-uri=https://workplace.example.com/calendar/consent",
                    "workplace.calendar.store.type=jdbc",
                    NO_DATA_SOURCE))
        .rootCause()
        .hasMessageContaining("no single DataSource");
  }

  @Test
  void exactlyOneCredentialIsRequiredFromTheProperties(@TempDir Path dir) {
    Path token = write(dir.resolve("azure-identity-token"), "eyJ.a.b");
    TestCertificate generated = TestCertificate.generate("booking", Duration.ofDays(30));
    Path certificate = generated.writePkcs12(dir.resolve("app.p12"), "p12-password".toCharArray());
    String clientId = "workplace.calendar.client-id=11111111-2222-3333-4444-555555555555";
    String redirectUri = "workplace.calendar.redirect-uri=https://workplace.example.com/calendar/consent";
    assertThatThrownBy(() -> start(clientId, redirectUri))
        .hasStackTraceContaining(CalendarSdkConfigurationException.class.getName())
        .rootCause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("a credential is required: set one of clientSecret, clientCertificate,");
    assertThatThrownBy(
            () ->
                start(
                    clientId,
                    redirectUri,
                    "workplace.calendar.client-secret=not-a-real-secret",
                    "workplace.calendar.federated-token-file=" + token))
        .hasStackTraceContaining(CalendarSdkConfigurationException.class.getName())
        .rootCause()
        .hasMessage("set exactly one credential, not clientSecret and federatedTokenFile");
    assertThatThrownBy(
            () ->
                start(
                    clientId,
                    redirectUri,
                    "workplace.calendar.certificate.location=" + certificate.toUri(),
                    "workplace.calendar.certificate.password=p12-password",
                    "workplace.calendar.federated-token-file=" + token))
        .rootCause()
        .hasMessage("set exactly one credential, not clientCertificate and federatedTokenFile");
    assertThatThrownBy(
            () ->
                start(
                    clientId,
                    redirectUri,
                    "workplace.calendar.federated-token-file=" + dir.resolve("not-mounted")))
        .hasStackTraceContaining(CalendarSdkConfigurationException.class.getName())
        .rootCause()
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("federatedTokenFile")
        .hasMessageContaining("does not exist or cannot be read");
  }

  @Test
  void credentialExpiryWarningAndSeriesCacheSizeReachTheBuilders(@TempDir Path dir) {
    Path token = write(dir.resolve("azure-identity-token"), "eyJ.a.b");
    String[] federated = {
      "workplace.calendar.client-id=11111111-2222-3333-4444-555555555555",
      "workplace.calendar.federated-token-file=" + token,
      "workplace.calendar.redirect-uri=https://workplace.example.com/calendar/consent",
      NO_DATA_SOURCE
    };
    assertThatThrownBy(() -> start(with(federated, "workplace.calendar.credential-expiry-warning=12h")))
        .rootCause()
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("credentialExpiryWarning must be 1 to 365 days");
    assertThatThrownBy(() -> start(with(federated, "workplace.calendar.sync.series-cache-size=-1")))
        .rootCause()
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("seriesCacheSize must be 0 to 1,000,000");
    try (ConfigurableApplicationContext context =
        start(
            with(
                federated,
                "workplace.calendar.credential-expiry-warning=60d",
                "workplace.calendar.sync.series-cache-size=0"))) {
      assertThat(context.getBean(CalendarService.class).tenants().list()).isEmpty();
    }
  }

  private static String[] with(String[] properties, String... more) {
    return java.util.stream.Stream.concat(
            java.util.Arrays.stream(properties), java.util.Arrays.stream(more))
        .toArray(String[]::new);
  }

  private static Path write(Path file, String content) {
    try {
      return Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void withoutADataSourceTheStoreIsInMemory() {
    try (ConfigurableApplicationContext context =
        start(
            "workplace.calendar.client-id=11111111-2222-3333-4444-555555555555",
            "workplace.calendar.client-secret=not-a-real-secret",
            "workplace.calendar.redirect-uri=https://workplace.example.com/calendar/consent",
            NO_DATA_SOURCE)) {
      assertThat(context.getBean(CalendarStore.class)).isInstanceOf(InMemoryCalendarStore.class);
    }
  }

  @Test
  void anApplicationDataSourceGetsTheJdbcStore() {
    try (ConfigurableApplicationContext context =
        start(
            "workplace.calendar.client-id=11111111-2222-3333-4444-555555555555",
            "workplace.calendar.client-secret=not-a-real-secret",
            "workplace.calendar.redirect-uri=https://workplace.example.com/calendar/consent",
            "workplace.calendar.sync.auto-start=false",
            "spring.datasource.url=jdbc:h2:mem:starter-jdbc;DB_CLOSE_DELAY=-1")) {
      assertThat(context.getBean(CalendarStore.class)).isInstanceOf(JdbcCalendarStore.class);
      assertThat(context.getBeansOfType(CalendarSyncLifecycle.class)).isEmpty();
    }
  }
}
