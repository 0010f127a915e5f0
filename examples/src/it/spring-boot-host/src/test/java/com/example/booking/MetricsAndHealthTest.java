package com.example.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.workplace.calendar.CalendarService;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.spring.test.CalendarSdkFakeTest;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The SDK's metrics and health on the Micrometer, Actuator and Tomcat versions Spring Boot
 * manages: a booking is timed in the application's {@code MeterRegistry}, and the health endpoint
 * of the running server reports the tenant.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "management.endpoint.health.show-details=always")
@CalendarSdkFakeTest(consentedTenants = {MetricsAndHealthTest.CONTOSO, MetricsAndHealthTest.FABRIKAM})
class MetricsAndHealthTest {
  static final String CONTOSO = "contoso.onmicrosoft.com";
  static final String FABRIKAM = "fabrikam.onmicrosoft.com";

  @Autowired FakeMicrosoft365 m365;
  @Autowired CalendarService calendars;
  @Autowired MeterRegistry meterRegistry;
  @LocalServerPort int port;

  @Test
  void aBookingIsTimedInTheApplicationsMeterRegistry() {
    TenantId tenant = connectedTenant(CONTOSO);
    Instant nine = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    calendars.bookings().create(BookingRequest.builder(tenant, "metrics-booking")
        .room("orchard@" + CONTOSO).subject("Planning")
        .time(nine, nine.plus(Duration.ofHours(1)))
        .booker("alex@" + CONTOSO, "Alex").build());

    Timer created = meterRegistry.find("calendar.graph.requests")
        .tags("operation", "events.create", "method", "POST", "outcome", "SUCCESS")
        .timer();
    assertThat(created).as("calendar.graph.requests of the booking's event").isNotNull();
    assertThat(created.count()).isEqualTo(1);
  }

  @Test
  void theHealthEndpointReportsTheTenant() throws Exception {
    connectedTenant(FABRIKAM);

    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/calendar"))
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    DocumentContext health = JsonPath.parse(response.body());
    String tenant = "$.components['" + FABRIKAM + "']";
    assertThat(health.read("$.status", String.class)).isEqualTo("UP");
    assertThat(health.read(tenant + ".status", String.class)).isEqualTo("UP");
    assertThat(health.read(tenant + ".details.status", String.class)).isEqualTo("VERIFIED");
    assertThat(health.read(tenant + ".details.calendars.connected", Integer.class)).isEqualTo(1);
  }

  /** A tenant of its own per test (the context, and so the fake, is shared by both). */
  private TenantId connectedTenant(String domain) {
    String room = "orchard@" + domain;
    m365.tenant(domain).addRoom(room, "Orchard");
    TenantId tenant = TenantId.parse(domain);
    calendars.tenants().begin(tenant);
    assertThat(calendars.tenants().verify(tenant).verified()).isTrue();
    calendars.calendars().add(tenant, room);
    calendars.calendars().connect(tenant);
    return tenant;
  }
}
