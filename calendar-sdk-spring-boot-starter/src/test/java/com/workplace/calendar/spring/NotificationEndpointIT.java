package com.workplace.calendar.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.spring.app.TestApplication;
import com.workplace.calendar.spring.test.CalendarSdkFakeTest;
import com.workplace.calendar.sync.ChangeType;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeSubscription;
import com.workplace.calendar.testkit.FakeTenant;
import java.io.IOException;
import java.net.ServerSocket;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The notification endpoint on a real port: the fake's subscription handshake reaches it through
 * the SDK's own background work, a genuine notification leads to the change, and a notification
 * with a wrong clientState is refused.
 */
@SpringBootTest(
    classes = TestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = {
      "workplace.calendar.redirect-uri=https://workplace.example.com/calendar/consent",
      "workplace.calendar.web.notifications.enabled=true",
      "workplace.calendar.verification-timeout=0s",
      "workplace.calendar.sync.connect-interval=200ms",
      "workplace.calendar.sync.sync-interval=1h"
    })
@CalendarSdkFakeTest(consentedTenants = NotificationEndpointIT.DOMAIN)
class NotificationEndpointIT {
  static final String DOMAIN = "notify.onmicrosoft.com";
  private static final String ROOM = "orchard@" + DOMAIN;
  private static final int PORT = freePort();

  @Autowired FakeMicrosoft365 m365;
  @Autowired CalendarService calendars;
  @Autowired TestApplication.ReceivedChanges received;

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void endpoints(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> PORT);
    registry.add("server.address", () -> "127.0.0.1");
    registry.add("workplace.calendar.sync.notification-url", () -> "http://localhost:" + PORT + "/calendar/notifications");
    registry.add("workplace.calendar.sync.lifecycle-url", () -> "http://localhost:" + PORT + "/calendar/lifecycle");
  }

  private static HttpResponse<String> post(String pathAndQuery, String body) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + pathAndQuery))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void handshakesNotificationsAndForgeriesGoThroughTheSdksChecks() throws Exception {
    FakeTenant tenant = m365.tenant(DOMAIN).addRoom(ROOM, "Orchard");
    TenantId id = TenantId.parse(DOMAIN);
    calendars.tenants().begin(id);
    assertThat(calendars.tenants().verify(id, ROOM).verified()).isTrue();
    calendars.calendars().add(id, ROOM);

    // the background connector connects the room; its upkeep subscribes, and the fake's
    // validation handshake has to pass through the endpoint for the subscription to exist
    await().atMost(Duration.ofSeconds(30)).until(() -> !m365.subscriptions().isEmpty());
    FakeSubscription subscription = m365.subscriptions().get(0);
    assertThat(m365.webhookDeliveries()).isNotEmpty();

    HttpResponse<String> handshake = post("/calendar/notifications?validationToken=Validation%3A+ok", "");
    assertThat(handshake.statusCode()).isEqualTo(200);
    assertThat(handshake.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    assertThat(handshake.body()).isEqualTo("Validation: ok");

    Instant nine = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
    tenant.addEvent(ROOM, "Booked in Outlook", nine, nine.plus(Duration.ofHours(1)));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> received.changes.stream().anyMatch(c -> c.type() == ChangeType.CREATED));

    String forged =
        "{\"value\":[{\"subscriptionId\":\"" + subscription.id() + "\",\"clientState\":\"guessed\","
            + "\"changeType\":\"updated\",\"resource\":\"Users/" + ROOM + "/Events/AAMk\","
            + "\"tenantId\":\"" + tenant.id() + "\"}]}";
    int before = received.changes.size();
    assertThat(post("/calendar/notifications", forged).statusCode()).isEqualTo(403);
    assertThat(post("/calendar/lifecycle", forged).statusCode()).isEqualTo(403);
    assertThat(post("/calendar/notifications", "x".repeat((1 << 20) + 10)).statusCode()).isEqualTo(413);
    assertThat(post("/calendar/notifications", "").statusCode()).isEqualTo(400);
    assertThat(calendars.sync().isIdle()).isTrue();
    assertThat(received.changes).hasSize(before);
  }
}
