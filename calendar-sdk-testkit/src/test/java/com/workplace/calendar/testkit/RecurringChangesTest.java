package com.workplace.calendar.testkit;

import static com.workplace.calendar.testkit.Fixture.ROOM;
import static com.workplace.calendar.testkit.Fixture.user;
import static com.workplace.calendar.testkit.Recurring.numbered;
import static com.workplace.calendar.testkit.Recurring.series;
import static com.workplace.calendar.testkit.Recurring.starts;
import static com.workplace.calendar.testkit.Recurring.weekly;
import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.testkit.internal.Json;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Cancelling, deleting and changing occurrences and series through Graph; getSchedule. */
class RecurringChangesTest {

  private static final String FROM = "2030-01-01T00:00:00Z";
  private static final String TO = "2030-02-01T00:00:00Z";

  @RegisterExtension
  static final FakeMicrosoft365Extension EXT =
      FakeMicrosoft365Extension.newInstance().resetBetweenTests(true).build();

  private Fixture f;
  private String master;
  private List<String> occurrences;

  @BeforeEach
  void setUp() {
    f = new Fixture(EXT.get());
    master = (String) Recurring.create(f, ROOM, series("Weekly", "2030-01-07T10:00:00",
        "2030-01-07T11:00:00", "UTC", weekly(1, "monday"), numbered("2030-01-07", 4)))
        .get("id");
    occurrences = Recurring.instances(f, ROOM, master, FROM, TO).stream()
        .map(e -> (String) e.get("id")).toList();
  }

  private List<Map<String, Object>> view() {
    return Recurring.view(f, ROOM, FROM, TO);
  }

  private Http.Reply patch(String id, String json) {
    return f.http.send("PATCH", user(ROOM) + "/events/" + id, f.token, json);
  }

  private static String times(String start, String end) {
    return "\"start\":{\"dateTime\":\"" + start + "\",\"timeZone\":\"UTC\"},"
        + "\"end\":{\"dateTime\":\"" + end + "\",\"timeZone\":\"UTC\"}";
  }

  @Test
  void cancellingOrDeletingAnOccurrenceRemovesOnlyIt() {
    String masterKey = f.tenant.events(ROOM).get(0).changeKey();

    assertThat(f.http.post(user(ROOM) + "/events/" + occurrences.get(1) + "/cancel", f.token,
        "{\"comment\":\"Holiday\"}").status()).isEqualTo(202);
    assertThat(f.http.send("DELETE", user(ROOM) + "/events/" + occurrences.get(2), f.token,
        null).status()).isEqualTo(204);

    assertThat(view()).extracting(e -> e.get("id"))
        .containsExactly(occurrences.get(0), occurrences.get(3));
    assertThat(f.http.get(user(ROOM) + "/events/" + occurrences.get(1), f.token).status())
        .isEqualTo(404);
    assertThat(f.http.send("DELETE", user(ROOM) + "/events/" + occurrences.get(2), f.token,
        null).status()).isEqualTo(404);
    assertThat(f.tenant.events(ROOM)).singleElement()
        .satisfies(e -> assertThat(e.changeKey()).isNotEqualTo(masterKey));
  }

  @Test
  void cancellingOrDeletingTheMasterRemovesTheSeries() {
    assertThat(f.http.post(user(ROOM) + "/events/" + master + "/cancel", f.token, null)
        .status()).isEqualTo(202);
    assertThat(view()).isEmpty();
    assertThat(f.http.get(user(ROOM) + "/events/" + occurrences.get(0), f.token).status())
        .isEqualTo(404);

    String other = (String) Recurring.create(f, ROOM, series("Other", "2030-01-08T10:00:00",
        "2030-01-08T11:00:00", "UTC", weekly(1, "tuesday"), numbered("2030-01-08", 2)))
        .get("id");
    assertThat(f.http.send("DELETE", user(ROOM) + "/events/" + other, f.token, null).status())
        .isEqualTo(204);
    assertThat(f.tenant.events(ROOM)).isEmpty();
  }

  @Test
  void onlyTheOrganizerCancelsOccurrences() {
    String outlook = f.tenant.event(ROOM).subject("Theirs").organizer(Fixture.USER)
        .start(Instant.parse("2030-01-08T10:00:00Z")).end(Instant.parse("2030-01-08T11:00:00Z"))
        .recurrence(FakeRecurrence.weekly(1, DayOfWeek.TUESDAY).times(2)).add();
    String occurrence = f.tenant.calendarView(ROOM, Instant.parse("2030-01-08T00:00:00Z"),
        Instant.parse("2030-01-09T00:00:00Z")).get(0).id();

    for (String id : List.of(occurrence, outlook)) {
      Http.Reply r = f.http.post(user(ROOM) + "/events/" + id + "/cancel", f.token, "{}");
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.errorMessage()).contains("You need to be an organizer");
    }
  }

  @Test
  void patchingAnOccurrenceMakesAnExceptionWithTheSameId() {
    Http.Reply r = patch(occurrences.get(1), "{\"subject\":\"Moved\","
        + times("2030-01-15T14:00:00", "2030-01-15T15:00:00") + "}");

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json()).containsEntry("id", occurrences.get(1))
        .containsEntry("type", "exception").containsEntry("subject", "Moved")
        .containsEntry("seriesMasterId", master)
        .containsEntry("originalStart", "2030-01-14T10:00:00Z");
    assertThat(starts(view())).containsExactly("2030-01-07T10:00:00.0000000",
        "2030-01-15T14:00:00.0000000", "2030-01-21T10:00:00.0000000",
        "2030-01-28T10:00:00.0000000");
    assertThat(f.http.get(user(ROOM) + "/events/" + occurrences.get(1), f.token).json())
        .containsEntry("type", "exception").containsEntry("subject", "Moved");
    assertThat(view()).filteredOn(e -> !e.get("id").equals(occurrences.get(1)))
        .allSatisfy(e -> assertThat(e).containsEntry("type", "occurrence")
            .containsEntry("subject", "Weekly"));
  }

  @Test
  void anOccurrenceCannotMoveOntoOrPastItsNeighboursDays() {
    List<Map<String, Object>> before = view();
    for (String[] move : List.of(new String[] {"2030-01-07T18:00:00", "2030-01-07T19:00:00"},
        new String[] {"2030-01-21T08:00:00", "2030-01-21T09:00:00"},
        new String[] {"2030-01-23T10:00:00", "2030-01-23T11:00:00"})) {
      Http.Reply r = patch(occurrences.get(1), "{" + times(move[0], move[1]) + "}");
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.errorCode()).isEqualTo("ErrorOccurrenceCrossingBoundary");
      assertThat(r.errorMessage()).isEqualTo(
          "Modified occurrence is crossing or overlapping adjacent occurrence.");
    }
    assertThat(view()).isEqualTo(before);
    assertThat(patch(occurrences.get(1), "{" + times("2030-01-20T23:00:00",
        "2030-01-20T23:30:00") + "}").status()).isEqualTo(200);

    // with the next occurrence removed, the one after it is the neighbour
    f.http.send("DELETE", user(ROOM) + "/events/" + occurrences.get(2), f.token, null);
    assertThat(patch(occurrences.get(1), "{" + times("2030-01-23T10:00:00",
        "2030-01-23T11:00:00") + "}").status()).isEqualTo(200);
  }

  @Test
  void renamingTheMasterChangesEveryOccurrenceButExceptions() {
    patch(occurrences.get(2), "{\"subject\":\"Special\"}");
    f.http.post(user(ROOM) + "/events/" + occurrences.get(1) + "/cancel", f.token, "{}");

    Http.Reply r = patch(master, "{\"subject\":\"Renamed\"}");

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<Map<String, Object>> view = view();
    assertThat(view).extracting(e -> e.get("id"))
        .containsExactly(occurrences.get(0), occurrences.get(2), occurrences.get(3));
    assertThat(view).extracting(e -> e.get("subject")).containsExactly("Renamed", "Special", "Renamed");
  }

  @Test
  void movingTheMasterDropsEveryExceptionAndBringsBackCancelledOccurrences() {
    patch(occurrences.get(2), "{\"subject\":\"Special\","
        + times("2030-01-21T15:00:00", "2030-01-21T16:00:00") + "}");
    f.http.post(user(ROOM) + "/events/" + occurrences.get(1) + "/cancel", f.token, "{}");
    assertThat(view()).hasSize(3);

    Http.Reply r = patch(master, "{" + times("2030-01-07T11:00:00", "2030-01-07T12:30:00") + "}");

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json()).containsEntry("type", "seriesMaster");
    List<Map<String, Object>> view = view();
    assertThat(view).extracting(e -> e.get("id")).containsExactlyElementsOf(occurrences);
    assertThat(view).extracting(e -> e.get("type")).containsOnly("occurrence");
    assertThat(view).extracting(e -> e.get("subject")).containsOnly("Weekly");
    assertThat(starts(view)).containsExactly("2030-01-07T11:00:00.0000000",
        "2030-01-14T11:00:00.0000000", "2030-01-21T11:00:00.0000000",
        "2030-01-28T11:00:00.0000000");
  }

  @Test
  void repeatingAMoveOfTheMasterKeepsWhatChangedSince() {
    String move = "{\"recurrence\":" + Json.write(Json.object("pattern", weekly(1, "monday"),
        "range", numbered("2030-01-07", 4))) + ","
        + times("2030-01-07T11:00:00", "2030-01-07T12:00:00") + "}";
    assertThat(patch(master, move).status()).isEqualTo(200);
    patch(occurrences.get(2), "{\"subject\":\"Special\"}");
    f.http.post(user(ROOM) + "/events/" + occurrences.get(1) + "/cancel", f.token, "{}");

    // a retried PATCH with the same values moves nothing, so it drops nothing
    assertThat(patch(master, move).status()).isEqualTo(200);

    assertThat(view()).extracting(e -> e.get("subject")).containsExactly("Weekly", "Special", "Weekly");
  }

  @Test
  void patchingTheStartInAnotherZoneRecordsThatZone() {
    Http.Reply r = patch(master, "{\"start\":{\"dateTime\":\"2030-01-07T11:00:00\","
        + "\"timeZone\":\"W. Europe Standard Time\"},\"end\":{\"dateTime\":\"2030-01-07T12:00:00\","
        + "\"timeZone\":\"W. Europe Standard Time\"}}");

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json()).containsEntry("originalStartTimeZone", "W. Europe Standard Time")
        .containsEntry("originalEndTimeZone", "W. Europe Standard Time");
    assertThat(starts(view())).first().isEqualTo("2030-01-07T10:00:00.0000000");
  }

  @Test
  void changingTheRecurrenceDropsWhatItNoLongerHas() {
    patch(occurrences.get(3), "{\"subject\":\"Last one\"}");

    Http.Reply r = patch(master, Json.write(Json.object("recurrence", Json.object(
        "pattern", weekly(1, "monday"), "range", numbered("2030-01-07", 2)))));

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(view()).extracting(e -> e.get("id"))
        .containsExactly(occurrences.get(0), occurrences.get(1));
    assertThat(patch(master, Json.write(Json.object("recurrence", Json.object(
        "pattern", weekly(1, "monday"), "range", numbered("2030-01-07", 4))))).status())
        .isEqualTo(200);
    assertThat(view()).extracting(e -> e.get("type"))
        .containsExactly("occurrence", "occurrence", "occurrence", "occurrence");
    assertThat(patch(master, "{\"recurrence\":null}").errorCode())
        .isEqualTo("ErrorInvalidRequest");
    assertThat(patch(occurrences.get(0), Json.write(Json.object("recurrence", Json.object(
        "pattern", weekly(1, "monday"), "range", numbered("2030-01-07", 2))))).status())
        .isEqualTo(400);
  }

  @Test
  void aSingleEventBecomesASeries() {
    String single = f.tenant.addEvent(ROOM, "Once", Instant.parse("2030-01-09T08:00:00Z"),
        Instant.parse("2030-01-09T09:00:00Z"));
    f.tenant.deleteEvent(ROOM, master);

    Http.Reply r = f.http.send("PATCH", user(ROOM) + "/events/" + single, f.token,
        Json.write(Json.object("recurrence", Json.object("pattern",
            Json.object("type", "daily", "interval", 1), "range", numbered("2030-01-09", 3)))));

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json()).containsEntry("type", "seriesMaster");
    assertThat(starts(view())).containsExactly("2030-01-09T08:00:00.0000000",
        "2030-01-10T08:00:00.0000000", "2030-01-11T08:00:00.0000000");
  }

  @Test
  void getScheduleReportsEveryOccurrenceBusy() {
    String request = Json.write(Json.object("schedules", List.of(ROOM),
        "startTime", Json.object("dateTime", "2030-01-07T00:00:00", "timeZone", "UTC"),
        "endTime", Json.object("dateTime", "2030-01-29T00:00:00", "timeZone", "UTC"),
        "availabilityViewInterval", 1440));

    Http.Reply r = f.http.post(user(ROOM) + "/calendar/getSchedule", f.token, request);

    assertThat(r.value().get(0)).containsEntry("availabilityView", "2000000200000020000002");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items = (List<Map<String, Object>>) r.value().get(0)
        .get("scheduleItems");
    assertThat(items).hasSize(4).allSatisfy(i -> assertThat(i)
        .containsEntry("status", "busy").containsEntry("isRecurring", true));

    f.http.post(user(ROOM) + "/events/" + occurrences.get(1) + "/cancel", f.token, "{}");
    assertThat(f.http.post(user(ROOM) + "/calendar/getSchedule", f.token, request).value()
        .get(0)).containsEntry("availabilityView", "2000000000000020000002");
  }
}
