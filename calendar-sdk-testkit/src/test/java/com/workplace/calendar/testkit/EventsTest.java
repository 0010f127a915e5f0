package com.workplace.calendar.testkit;

import static com.workplace.calendar.testkit.Fixture.ROOM;
import static com.workplace.calendar.testkit.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.testkit.internal.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EventsTest {

  @RegisterExtension
  static final FakeMicrosoft365Extension EXT =
      FakeMicrosoft365Extension.newInstance().resetBetweenTests(true).build();

  private Fixture f;

  @BeforeEach
  void setUp() {
    f = new Fixture(EXT.get());
  }

  private static String event(String subject, String start, String end, String tx) {
    return Json.write(Json.object(
        "subject", subject,
        "start", Json.object("dateTime", start, "timeZone", "UTC"),
        "end", Json.object("dateTime", end, "timeZone", "UTC"),
        "transactionId", tx));
  }

  @Test
  void createsTheDocumentedRequestInPacificTime() {
    Http.Reply r = f.http.post(user(ROOM) + "/events", f.token,
        Fixture.fixture("create-event-request.json"),
        "Prefer", "outlook.timezone=\"Pacific Standard Time\"");

    assertThat(r.status()).as(r.body()).isEqualTo(201);
    Map<String, Object> e = r.json();
    assertThat(e).containsEntry("subject", "Let's go for lunch")
        .containsEntry("transactionId", "7E163156-7762-4BEB-A1C6-729EA81755A7")
        .containsEntry("type", "singleInstance").containsEntry("isCancelled", false)
        .containsKeys("id", "iCalUId", "changeKey", "createdDateTime", "lastModifiedDateTime",
            "bodyPreview", "organizer", "attendees");
    assertThat(e.get("start")).isEqualTo(Json.object("dateTime", "2017-04-15T12:00:00.0000000",
        "timeZone", "Pacific Standard Time"));
    assertThat(r.header("Preference-Applied")).contains("outlook.timezone");
    FakeEvent stored = f.tenant.events(ROOM).get(0);
    assertThat(stored.start()).isEqualTo(Instant.parse("2017-04-15T19:00:00Z"));
    assertThat(stored.organizerAddress()).isEqualTo(ROOM);
    assertThat(stored.attendees()).containsExactly("samanthab@contoso.onmicrosoft.com");
  }

  @Test
  void aRepeatedTransactionIdCreatesNothingNew() {
    String body = event("Retry me", "2030-01-01T10:00:00", "2030-01-01T11:00:00", "tx-1");

    Http.Reply first = f.http.post(user(ROOM) + "/events", f.token, body);
    Http.Reply second = f.http.post(user(ROOM) + "/calendar/events", f.token, body);

    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.json().get("id")).isEqualTo(first.json().get("id"));
    assertThat(f.tenant.events(ROOM)).hasSize(1);
    assertThat(f.http.post(user(Fixture.ROOM2) + "/events", f.token, body).status())
        .isEqualTo(201);
    assertThat(f.tenant.events(Fixture.ROOM2)).hasSize(1);
  }

  @Test
  void eventsWithoutTransactionIdOmitTheProperty() {
    Http.Reply r = f.http.post(user(ROOM) + "/events", f.token,
        event("Plain", "2030-01-01T10:00:00", "2030-01-01T11:00:00", null));

    assertThat(r.json()).doesNotContainKey("transactionId");
  }

  @Test
  void readsUpdatesAndDeletes() {
    String id = (String) f.http.post(user(ROOM) + "/events", f.token,
        event("Sprint review", "2030-01-01T10:00:00", "2030-01-01T12:00:00", null)).json()
        .get("id");
    String path = user(ROOM) + "/events/" + id;

    Http.Reply read = f.http.get(path, f.token);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json()).containsEntry("subject", "Sprint review");

    Http.Reply ended = f.http.send("PATCH", path, f.token,
        "{\"end\":{\"dateTime\":\"2030-01-01T10:30:00\",\"timeZone\":\"UTC\"}}");
    assertThat(ended.status()).isEqualTo(200);
    assertThat(ended.json().get("end")).isEqualTo(Json.object(
        "dateTime", "2030-01-01T10:30:00.0000000", "timeZone", "UTC"));
    assertThat(ended.json().get("changeKey")).isNotEqualTo(read.json().get("changeKey"));
    assertThat(f.tenant.events(ROOM).get(0).end()).isEqualTo(Instant.parse(
        "2030-01-01T10:30:00Z"));

    assertThat(f.http.send("DELETE", path, f.token, null).status()).isEqualTo(204);
    Http.Reply gone = f.http.get(path, f.token);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.errorCode()).isEqualTo("ErrorItemNotFound");
    assertThat(f.http.send("PATCH", path, f.token, "{\"subject\":\"x\"}").status())
        .isEqualTo(404);
    assertThat(f.http.send("DELETE", path, f.token, null).status()).isEqualTo(404);
  }

  @Test
  void onlyTheOrganizerCanCancel() {
    String own = (String) f.http.post(user(ROOM) + "/events", f.token,
        event("Own", "2030-01-01T10:00:00", "2030-01-01T11:00:00", null)).json().get("id");
    String outlook = f.tenant.addEvent(ROOM, "Booked in Outlook",
        Instant.parse("2030-01-01T12:00:00Z"), Instant.parse("2030-01-01T13:00:00Z"),
        Fixture.USER);

    Http.Reply cancelled = f.http.post(user(ROOM) + "/events/" + own + "/cancel", f.token,
        "{\"comment\":\"Room closed\"}");
    assertThat(cancelled.status()).isEqualTo(202);
    assertThat(f.tenant.events(ROOM)).extracting(FakeEvent::id).containsExactly(outlook);

    Http.Reply refused = f.http.post(user(ROOM) + "/events/" + outlook + "/cancel", f.token,
        "{\"comment\":\"no\"}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("ErrorInvalidRequest");
    assertThat(refused.errorMessage()).isEqualTo("Your request can't be completed. You need to"
        + " be an organizer to cancel a meeting.");
  }

  @Test
  void badBodiesAreRejectedAndChangeNothing() {
    assertThat(f.http.post(user(ROOM) + "/events", f.token, "{\"subject\":").status())
        .isEqualTo(400);
    assertThat(f.http.post(user(ROOM) + "/events", f.token, "{\"subject\":42,"
        + "\"start\":{\"dateTime\":\"2030-01-01T10:00:00\",\"timeZone\":\"UTC\"},"
        + "\"end\":{\"dateTime\":\"2030-01-01T11:00:00\",\"timeZone\":\"UTC\"}}").status())
        .isEqualTo(400);
    Http.Reply zone = f.http.post(user(ROOM) + "/events", f.token,
        "{\"start\":{\"dateTime\":\"2030-01-01T10:00:00\",\"timeZone\":\"Mars/Olympus\"},"
            + "\"end\":{\"dateTime\":\"2030-01-01T11:00:00\",\"timeZone\":\"UTC\"}}");
    assertThat(zone.status()).isEqualTo(400);
    assertThat(f.http.post(user(ROOM) + "/events", f.token,
        event("Backwards", "2030-01-01T11:00:00", "2030-01-01T10:00:00", null)).status())
        .isEqualTo(400);
    assertThat(f.tenant.events(ROOM)).isEmpty();
  }

  @Test
  void calendarViewReturnsOverlappingEventsInPages() {
    Instant day = Instant.parse("2030-03-04T00:00:00Z");
    for (int i = 0; i < 15; i++) {
      f.tenant.addEvent(ROOM, "Slot " + i, day.plusSeconds(3600L * i),
          day.plusSeconds(3600L * i + 1800));
    }
    f.tenant.addEvent(ROOM, "Tomorrow", day.plusSeconds(86_400 + 3600),
        day.plusSeconds(86_400 + 7200));
    String view = user(ROOM) + "/calendarView?startDateTime=2030-03-04T00:00:00Z"
        + "&endDateTime=2030-03-05T00:00:00Z";

    Http.Reply first = f.http.get(view, f.token);
    assertThat(first.value()).hasSize(10);
    assertThat(first.value().get(0)).containsEntry("subject", "Slot 0")
        .containsEntry("type", "singleInstance");
    Map<?, ?> organizer = (Map<?, ?>) ((Map<?, ?>) first.value().get(0).get("organizer"))
        .get("emailAddress");
    assertThat(organizer.get("address")).isEqualTo("admin@contoso.onmicrosoft.com");
    Http.Reply second = f.http.get((String) first.json().get("@odata.nextLink"), f.token);
    assertThat(second.value()).hasSize(5);
    assertThat(second.json()).doesNotContainKey("@odata.nextLink");

    Http.Reply top = f.http.get(user(ROOM) + "/calendar/calendarView?startDateTime="
        + "2030-03-04T00:00:00&endDateTime=2030-03-06T00:00:00&$top=5000", f.token);
    assertThat(top.value()).hasSize(16);

    Http.Reply partial = f.http.get(user(ROOM) + "/calendarView?startDateTime="
        + "2030-03-04T00:15:00Z&endDateTime=2030-03-04T01:00:00Z", f.token);
    assertThat(partial.value()).extracting(m -> m.get("subject")).containsExactly("Slot 0");
  }

  @Test
  void calendarViewHonoursTheTimeZonePreference() {
    f.tenant.addEvent(ROOM, "Evening", Instant.parse("2030-07-01T17:00:00Z"),
        Instant.parse("2030-07-01T18:00:00Z"));

    Http.Reply r = f.http.get(user(ROOM) + "/calendarView?startDateTime=2030-07-01T00:00:00Z"
        + "&endDateTime=2030-07-02T00:00:00Z", f.token,
        "Prefer", "outlook.timezone=\"W. Europe Standard Time\"");

    assertThat(r.value().get(0).get("start")).isEqualTo(Json.object(
        "dateTime", "2030-07-01T19:00:00.0000000", "timeZone", "W. Europe Standard Time"));
  }

  @Test
  void calendarViewNeedsAWindow() {
    Http.Reply r = f.http.get(user(ROOM) + "/calendarView", f.token);

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("ErrorInvalidParameter");
  }

  @Test
  void outlookChangesAreVisibleThroughGraph() {
    String id = f.tenant.addEvent(ROOM, "Draft", Instant.parse("2030-01-01T10:00:00Z"),
        Instant.parse("2030-01-01T11:00:00Z"));
    f.tenant.updateEvent(ROOM, id, "Final", Instant.parse("2030-01-01T10:00:00Z"),
        Instant.parse("2030-01-01T12:00:00Z"));
    f.tenant.markCancelled(ROOM, id);

    Http.Reply r = f.http.get(user(ROOM) + "/events/" + id, f.token);
    assertThat(r.json()).containsEntry("subject", "Final").containsEntry("isCancelled", true)
        .containsEntry("isOrganizer", false);

    f.tenant.deleteEvent(ROOM, id);
    assertThat(f.http.get(user(ROOM) + "/events/" + id, f.token).status()).isEqualTo(404);
    assertThat(f.http.get(user(ROOM) + "/events", f.token).value()).isEqualTo(List.of());
  }

  @Test
  void showAsAndSensitivityAreStoredAndValidated() {
    String body = "{\"subject\":\"Quiet\",\"showAs\":\"Free\",\"sensitivity\":\"private\","
        + "\"start\":{\"dateTime\":\"2030-01-01T10:00:00\",\"timeZone\":\"UTC\"},"
        + "\"end\":{\"dateTime\":\"2030-01-01T11:00:00\",\"timeZone\":\"UTC\"}}";
    Http.Reply created = f.http.post(user(ROOM) + "/events", f.token, body);
    assertThat(created.json()).containsEntry("showAs", "free")
        .containsEntry("sensitivity", "private");
    String path = user(ROOM) + "/events/" + created.json().get("id");

    assertThat(f.http.send("PATCH", path, f.token, "{\"showAs\":\"workingElsewhere\"}").json())
        .containsEntry("showAs", "workingElsewhere").containsEntry("sensitivity", "private");
    Http.Reply bad = f.http.send("PATCH", path, f.token, "{\"showAs\":\"away\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(f.http.send("PATCH", path, f.token, "{\"sensitivity\":\"secret\"}").status())
        .isEqualTo(400);
    assertThat(f.tenant.events(ROOM).get(0).showAs())
        .isEqualTo(FakeEvent.ShowAs.WORKING_ELSEWHERE);
    assertThat(f.tenant.events(ROOM).get(0).sensitivity())
        .isEqualTo(FakeEvent.Sensitivity.PRIVATE);
  }
}
