package com.workplace.calendar.testkit.readme;

import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeEvent;
import com.workplace.calendar.testkit.FakeFederatedIssuer;
import com.workplace.calendar.testkit.FakeLimits;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeMicrosoft365Extension;
import com.workplace.calendar.testkit.FakeRecurrence;
import com.workplace.calendar.testkit.FakeTenant;
import com.workplace.calendar.testkit.GraphOperation;
import com.workplace.calendar.testkit.RequestHook;
import com.workplace.calendar.testkit.RequestMatcher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The samples of the testkit's README, compiled and run (the README copies their regions). */
class ReadmeExamplesTest {
  // [START extension]
  @RegisterExtension
  static FakeMicrosoft365Extension m365 = FakeMicrosoft365Extension.newInstance()
      .configure(b -> b.latency(Duration.ofMillis(5)).limits(FakeLimits.defaults()))
      .failOnLimitViolation(true) // a test whose client broke a limit fails
      .build();                   // static field: one fake per class; instance field: one per test
  // [END extension]

  @Test
  void aFakeWithATenantARoomAndAnEvent() {
    Instant start = Instant.parse("2030-01-07T08:00:00Z");
    Instant end = start.plus(Duration.ofMinutes(30));
    String id;
    // [START quick-look]
    try (FakeMicrosoft365 m365 = FakeMicrosoft365.builder().start()) {
      FakeApp app = m365.newApp().redirectUris("https://booking.example.com/consent").register();
      FakeTenant contoso = m365.tenant("contoso.onmicrosoft.com")
          .grantAdminConsent(app.clientId())                    // app's permissions by default
          .addRoom("orchard@contoso.onmicrosoft.com", "Orchard");
      String eventId = contoso.addEvent("orchard@contoso.onmicrosoft.com", "Standup", start, end);
      // client: authority m365.authorityUri() + contoso.id() + "/", Graph m365.graphUri(),
      //         trust m365.sslContext() / m365.trustManager()
      // [END quick-look]
      id = eventId;
      assertThat(contoso.events("orchard@contoso.onmicrosoft.com"))
          .extracting(FakeEvent::id)
          .containsExactly(eventId);
      assertThat(app.redirectUris()).contains("https://booking.example.com/consent");
    }
    assertThat(id).isNotBlank();
  }

  @Test
  void aSeriesBookedInOutlookAndChangedThere() {
    FakeTenant tenant = m365.get().tenant("series.onmicrosoft.com");
    String room = "orchard@series.onmicrosoft.com";
    tenant.addRoom(room, "Orchard");
    Instant from = Instant.parse("2030-01-01T00:00:00Z");
    Instant to = Instant.parse("2030-04-01T00:00:00Z");
    Instant start = Instant.parse("2030-01-21T09:00:00Z");
    Instant end = start.plus(Duration.ofMinutes(15));
    Instant masterStart = Instant.parse("2030-01-07T08:00:00Z");
    Instant masterEnd = Instant.parse("2030-01-07T08:15:00Z");
    // [START series]
    String seriesId = tenant.event(room)                 // FakeEventBuilder
        .subject("Weekly stand-up").organizer("marina@contoso.onmicrosoft.com")
        .attendees("ali@contoso.onmicrosoft.com")        // the room is always a resource attendee
        .start(Instant.parse("2030-01-07T08:00:00Z")).end(Instant.parse("2030-01-07T08:15:00Z"))
        .timeZone("W. Europe Standard Time")             // default UTC
        .recurrence(FakeRecurrence.weekly(1, DayOfWeek.MONDAY).times(10))
        .add();
    List<FakeEvent> occurrences = tenant.calendarView(room, from, to);      // expanded, by start
    tenant.deleteEvent(room, occurrences.get(1).id());    // organizer cancelled one occurrence
    tenant.updateEvent(room, occurrences.get(2).id(), "Moved", start, end); // an exception
    tenant.markCancelled(room, occurrences.get(3).id());  // cancelled exception, stays visible
    tenant.updateEvent(room, seriesId, "Renamed", masterStart, masterEnd);  // rename the series
    List<FakeEvent> changed = tenant.calendarView(room, from, to);
    tenant.deleteEvent(room, seriesId);                   // delete the series
    // [END series]
    assertThat(occurrences).hasSize(10);
    assertThat(changed).hasSize(9);
    assertThat(changed).filteredOn(e -> e.subject().equals("Moved")).hasSize(1);
    assertThat(changed).filteredOn(e -> e.subject().equals("Renamed")).hasSize(7);
    assertThat(changed).filteredOn(FakeEvent::cancelled).hasSize(1);
    assertThat(tenant.calendarView(room, from, to)).isEmpty();
  }

  /** The client under test, in miniature: it creates an event in a room. */
  private static final class Client {
    private final FakeMicrosoft365 fake;
    private final String token;

    Client(FakeMicrosoft365 fake, String token) {
      this.fake = fake;
      this.token = token;
    }

    void book(String room, Instant start, Instant end) throws Exception {
      String body =
          "{\"subject\":\"Ours\",\"start\":{\"dateTime\":\"" + start.toString().replace("Z", "")
              + "\",\"timeZone\":\"UTC\"},\"end\":{\"dateTime\":\"" + end.toString().replace("Z", "")
              + "\",\"timeZone\":\"UTC\"}}";
      HttpResponse<String> created =
          HttpClient.newBuilder().sslContext(fake.sslContext()).build().send(
              HttpRequest.newBuilder(URI.create(fake.graphUri() + "users/" + room + "/events"))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).isEqualTo(201);
    }
  }

  @Test
  void anOutlookBookingLandsBetweenTwoRequestsOfTheClient() throws Exception {
    FakeMicrosoft365 fake = m365.get();
    FakeTenant tenant = fake.tenant("hooks.onmicrosoft.com");
    String room = "orchard@hooks.onmicrosoft.com";
    tenant.addRoom(room, "Orchard");
    FakeApp app = fake.registerApp();
    tenant.grantAdminConsent(app.clientId());
    Client clientUnderTest = new Client(fake, fake.issueAppToken(tenant.id(), app.clientId()));
    Instant start = Instant.parse("2030-01-07T10:00:00Z");
    Instant end = start.plus(Duration.ofHours(1));
    // [START request-hook]
    RequestHook hook = fake.onNextRequest(
        RequestMatcher.of(GraphOperation.CREATE_EVENT).mailbox(room),   // or anyOperation()
        () -> tenant.addEvent(room, "Walk-in", start, end));
    clientUnderTest.book(room, start, end);   // checks the calendar (free), then creates its event
    hook.awaitRun(Duration.ofSeconds(5));     // both events are now in the room's calendar
    // [END request-hook]
    assertThat(tenant.events(room)).extracting(FakeEvent::subject).containsExactlyInAnyOrder("Walk-in", "Ours");
  }

  @Test
  void aWorkloadPresentsItsFederatedToken(@TempDir Path dir) throws Exception {
    FakeMicrosoft365 fake = m365.get();
    FakeApp app = fake.registerApp();
    FakeTenant tenant = fake.tenant("federated.onmicrosoft.com").grantAdminConsent(app.clientId());
    Path tokenFile = dir.resolve("azure-identity-token");
    FakeMicrosoft365 m365 = fake;
    // [START federated]
    FakeFederatedIssuer cluster = m365.federatedIssuer("https://oidc.cluster.example/");
    app.addFederatedCredential(cluster.issuer(), "system:serviceaccount:booking:calendar");
    Files.writeString(tokenFile, cluster.token("system:serviceaccount:booking:calendar"));
    // the client sends the file's content as client_assertion
    // [END federated]
    String form = "grant_type=client_credentials&client_id=" + app.clientId()
        + "&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default"
        + "&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer"
        + "&client_assertion=" + Files.readString(tokenFile);
    HttpResponse<String> token =
        HttpClient.newBuilder().sslContext(fake.sslContext()).build().send(
            HttpRequest.newBuilder(URI.create(fake.authorityUri() + tenant.id() + "/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(token.statusCode()).isEqualTo(200);
    assertThat(token.body()).contains("\"access_token\"");
  }
}
