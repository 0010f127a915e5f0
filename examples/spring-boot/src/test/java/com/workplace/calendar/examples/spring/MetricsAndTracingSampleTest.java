package com.workplace.calendar.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.CalendarEventListener;
import com.workplace.calendar.CalendarService;
import com.workplace.calendar.graph.GraphCalendarService;
import com.workplace.calendar.graph.GraphEventListener;
import com.workplace.calendar.micrometer.CalendarMetrics;
import com.workplace.calendar.opentelemetry.CalendarTracing;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The README's metrics and tracing sample, without Spring: built, run, and measured. */
class MetricsAndTracingSampleTest {
  @Test
  void metricsAndTracingHangOffTheListenerHooks() {
    MeterRegistry meterRegistry = new SimpleMeterRegistry();
    OpenTelemetry openTelemetry = OpenTelemetry.noop();
    try (FakeMicrosoft365 m365 = FakeMicrosoft365.builder().start()) {
      FakeApp app = m365.registerApp().addRedirectUri("https://workplace.example.com/calendar/consent");
      m365.tenant("contoso.onmicrosoft.com").grantAdminConsent(app.clientId());
      // [START metrics-tracing]
      CalendarMetrics metrics = CalendarMetrics.create();          // calendar-sdk-micrometer
      metrics.bindTo(meterRegistry);
      CalendarTracing tracing = CalendarTracing.create(openTelemetry); // calendar-sdk-opentelemetry
      CalendarService calendars = GraphCalendarService.builder()
          .clientId(app.clientId())
          .clientSecret(app.clientSecret())
          .redirectUri(URI.create("https://workplace.example.com/calendar/consent"))
          .authorityHost(m365.authorityUri()).graphEndpoint(m365.graphUri())
          .trust(m365.sslContext(), m365.trustManager())
          .spaceDirectory(new ExampleSpaces())
          .syncListener((tenant, room, changes) -> {})
          .eventListener(GraphEventListener.composite(metrics, tracing))
          .calendarEventListener(CalendarEventListener.composite(metrics, tracing))
          .build();
      // [END metrics-tracing]
      try (calendars) {
        TenantId tenant = TenantId.parse("contoso.onmicrosoft.com");
        calendars.tenants().begin(tenant);
        calendars.tenants().verify(tenant);
        assertThat(meterRegistry.find("calendar.graph.requests").timers()).isNotEmpty();
      }
    }
  }
}
