package com.example.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.workplace.calendar.booking.Booking;
import com.workplace.calendar.space.Space;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.sync.BookingChange;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeMicrosoft365;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The product's integration, built the way the README says, runs against the testkit's fake:
 * the administrator's consent comes back through the product's redirect endpoint, a room is booked
 * by space, and a meeting booked in Outlook reaches the product's listener through a change
 * notification to the product's endpoint and the sync it triggers.
 */
class CalendarIntegrationTest {
  private static final String ROOM = "orchard@contoso.onmicrosoft.com";

  @Test
  void aBookingMadeInOutlookReachesTheProduct() throws Exception {
    try (FakeMicrosoft365 m365 = FakeMicrosoft365.builder().build().start()) {
      int port = freePort();
      URI publicUrl = URI.create("http://127.0.0.1:" + port);
      FakeApp app = m365.registerApp().addRedirectUri(publicUrl.resolve("/calendar/consent").toString());
      FakeTenant contoso = m365.tenant("contoso.onmicrosoft.com");
      contoso.addRoom(ROOM, "Orchard");
      TenantId tenant = TenantId.parse(contoso.domain());
      JdbcDataSource database = new JdbcDataSource();
      database.setURL("jdbc:h2:mem:product;DB_CLOSE_DELAY=-1");
      ProductSpaces spaces =
          new ProductSpaces(Map.of(tenant, List.of(Space.of(SpaceId.of("HH-1.01"), "Orchard"))));
      List<BookingChange> changes = new CopyOnWriteArrayList<>();

      CalendarIntegration.Settings settings =
          new CalendarIntegration.Settings(
              app.clientId(),
              app.clientSecret(),
              publicUrl,
              port,
              m365.authorityUri(),
              m365.graphUri(),
              new CalendarIntegration.Trust(m365.sslContext(), m365.trustManager()));
      try (CalendarIntegration integration =
          CalendarIntegration.start(settings, database, spaces, (t, room, found) -> changes.addAll(found))) {
        HttpClient browser =
            HttpClient.newBuilder()
                .sslContext(m365.sslContext())
                .followRedirects(HttpClient.Redirect.ALWAYS)
                .build();
        HttpResponse<String> page =
            browser.send(
                HttpRequest.newBuilder(integration.connectButton(contoso.domain())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).isEqualTo("Account Verified");

        Instant nine = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Booking booking = integration.bookRoom(tenant, ROOM, SpaceId.of("HH-1.01"), nine);
        assertThat(booking.calendarEmail()).isEqualTo(ROOM);
        assertThat(contoso.events(ROOM)).hasSize(1);

        // the room's subscription exists once the first sync round of the new calendar has run
        await().atMost(Duration.ofSeconds(30)).until(() -> !m365.subscriptions().isEmpty());
        contoso.addEvent(ROOM, "Board meeting prep", nine.plus(Duration.ofHours(3)), nine.plus(Duration.ofHours(4)));
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> changes.stream().anyMatch(c -> c.subject().equals(Optional.of("Board meeting prep"))));
        BookingChange outlook =
            changes.stream().filter(c -> c.subject().equals(Optional.of("Board meeting prep"))).findFirst().orElseThrow();
        assertThat(outlook.isOurs()).isFalse();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
