package com.workplace.calendar.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.spring.app.TestApplication;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeMicrosoft365Test;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stopping the application stops the SDK's background work and every thread it made (all named
 * {@code calendar-sdk-*}). The application runs as a host runs it, started and closed here; failsafe
 * runs each test class of this module in a JVM of its own, so the threads seen are this
 * application's.
 */
@FakeMicrosoft365Test
class ContextStopIT {
  private static final String DOMAIN = "stop.onmicrosoft.com";

  private static List<String> sdkThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(n -> n.startsWith("calendar-sdk-"))
        .sorted()
        .toList();
  }

  @Test
  void closingTheContextLeavesNoThreadOfTheSdk(FakeMicrosoft365 m365) {
    FakeApp app = m365.newApp().redirectUris("https://workplace.example.com/calendar/consent").register();
    String room = "orchard@" + DOMAIN;
    m365.tenant(DOMAIN).grantAdminConsent(app.clientId()).addRoom(room, "Orchard");
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(TestApplication.class)
            .web(WebApplicationType.NONE)
            .properties(
                "workplace.calendar.client-id=" + app.clientId(),
                "workplace.calendar.client-secret=" + app.clientSecret(),
                "workplace.calendar.redirect-uri=https://workplace.example.com/calendar/consent",
                "workplace.calendar.authority-host=" + m365.authorityUri(),
                "workplace.calendar.graph-endpoint=" + m365.graphUri(),
                "workplace.calendar.verification-timeout=0s",
                "workplace.calendar.sync.connect-interval=200ms",
                "workplace.calendar.sync.sync-interval=500ms")
            .initializers(
                c ->
                    c.getBeanFactory()
                        .registerSingleton(
                            "fakeTrust",
                            (CalendarServiceBuilderCustomizer)
                                b -> b.trust(m365.sslContext(), m365.trustManager())))
            .run();
    try {
      CalendarService calendars = context.getBean(CalendarService.class);
      TenantId tenant = TenantId.parse(DOMAIN);
      calendars.tenants().begin(tenant);
      assertThat(calendars.tenants().verify(tenant, room).verified()).isTrue();
      calendars.calendars().add(tenant, room);
      // the background connector connects the room through a $batch, then syncs it
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> calendars.calendars().get(tenant, room).orElseThrow().status().name().equals("CONNECTED"));
      assertThat(sdkThreads())
          .anyMatch(n -> n.startsWith("calendar-sdk-sync-"))
          .anyMatch(n -> n.startsWith("calendar-sdk-batch-"))
          .anyMatch(n -> n.startsWith("calendar-sdk-permits-"));
      assertThat(context.getBean(CalendarSyncLifecycle.class).isRunning()).isTrue();
    } finally {
      context.close();
    }

    await().atMost(Duration.ofSeconds(30)).until(() -> sdkThreads().isEmpty());
    assertThat(context.isActive()).isFalse();
  }
}
