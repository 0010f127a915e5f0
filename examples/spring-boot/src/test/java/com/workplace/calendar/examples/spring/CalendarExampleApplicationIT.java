package com.workplace.calendar.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import com.workplace.calendar.testkit.FakeMicrosoft365;

/**
 * The example as a person runs it: the application with its embedded fake on a real port; an
 * administrator's browser connects the organisation through the consent page and the starter's
 * consent endpoint; the rooms are imported; the fake's subscription handshakes pass through the
 * starter's notification endpoint; health and metrics show it.
 */
class CalendarExampleApplicationIT {

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void anAdministratorConnectsTheOrganisationAndItsRooms() throws Exception {
    int port = freePort();
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(CalendarExampleApplication.class)
            .initializers(new EmbeddedMicrosoft365())
            .run("--server.port=" + port, "--workplace.calendar.sync.sync-interval=1s")) {
      FakeMicrosoft365 m365 = context.getBean(FakeMicrosoft365.class);
      HttpClient browser =
          HttpClient.newBuilder()
              .sslContext(m365.sslContext())
              .followRedirects(HttpClient.Redirect.ALWAYS)
              .connectTimeout(Duration.ofSeconds(10))
              .build();
      String base = "http://localhost:" + port;

      HttpResponse<String> landed =
          browser.send(
              HttpRequest.newBuilder(URI.create(base + "/connect?tenant=" + EmbeddedMicrosoft365.DOMAIN)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(landed.statusCode()).isEqualTo(200);
      assertThat(landed.uri().getPath()).isEqualTo("/");
      assertThat(landed.body()).contains("Consent of").contains("VERIFIED");

      HttpResponse<String> rooms =
          browser.send(
              HttpRequest.newBuilder(URI.create(base + "/tenants/" + EmbeddedMicrosoft365.DOMAIN + "/rooms"))
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(rooms.statusCode()).isEqualTo(200);
      assertThat(rooms.body()).contains("\"connected\":3");

      HttpResponse<String> health =
          browser.send(
              HttpRequest.newBuilder(URI.create(base + "/actuator/health/calendar")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"VERIFIED\"").contains("\"connected\":3");

      HttpResponse<String> metrics =
          browser.send(
              HttpRequest.newBuilder(URI.create(base + "/actuator/metrics/calendar.graph.requests")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).contains("\"operation\"");

      HttpResponse<String> wrongTenant =
          browser.send(
              HttpRequest.newBuilder(URI.create(base + "/connect?tenant=not%20a%20tenant")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(wrongTenant.statusCode()).isEqualTo(400);
      // the scheduled upkeep subscribes each room; the fake's handshake passes the endpoint
      await().atMost(Duration.ofSeconds(30)).until(() -> m365.subscriptions().size() == 3);
    }
  }
}
