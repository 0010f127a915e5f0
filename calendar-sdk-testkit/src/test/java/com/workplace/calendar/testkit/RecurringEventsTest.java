package com.workplace.calendar.testkit;

import static com.workplace.calendar.testkit.Fixture.ROOM;
import static com.workplace.calendar.testkit.Fixture.user;
import static com.workplace.calendar.testkit.Recurring.create;
import static com.workplace.calendar.testkit.Recurring.endDate;
import static com.workplace.calendar.testkit.Recurring.numbered;
import static com.workplace.calendar.testkit.Recurring.series;
import static com.workplace.calendar.testkit.Recurring.starts;
import static com.workplace.calendar.testkit.Recurring.weekly;
import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.testkit.internal.Json;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Creating and reading series through Graph: the master, expansion, ids, instances, limits. */
class RecurringEventsTest {

  @RegisterExtension
  static final FakeMicrosoft365Extension EXT =
      FakeMicrosoft365Extension.newInstance().resetBetweenTests(true).build();

  private Fixture f;

  @BeforeEach
  void setUp() {
    f = new Fixture(EXT.get());
  }

  private Map<String, Object> standup() {
    return create(f, ROOM, series("Stand-up", "2030-01-07T09:00:00", "2030-01-07T09:15:00",
        "UTC", weekly(1, "monday"), numbered("2030-01-07", 4)));
  }

  @Test
  void theCreatedMasterEchoesGraphsFillerValues() {
    Map<String, Object> master = create(f, ROOM, series("Lunch", "2030-01-07T12:00:00",
        "2030-01-07T14:00:00", "Pacific Standard Time", weekly(1, "Monday"),
        endDate("2030-01-07", "2030-12-31")));

    assertThat(master).containsEntry("type", "seriesMaster").containsEntry("seriesMasterId", null)
        .containsEntry("isOrganizer", true).doesNotContainKey("originalStart");
    assertThat(master.get("recurrence")).isEqualTo(Json.object(
        "pattern", Json.object("type", "weekly", "interval", 1L, "month", 0L, "dayOfMonth", 0L,
            "daysOfWeek", List.of("monday"), "firstDayOfWeek", "sunday", "index", "first"),
        "range", Json.object("type", "endDate", "startDate", "2030-01-07",
            "endDate", "2030-12-31", "recurrenceTimeZone", "Pacific Standard Time",
            "numberOfOccurrences", 0L)));

    Map<String, Object> counted = create(f, ROOM, series("Review", "2030-01-31T10:00:00",
        "2030-01-31T11:00:00", "UTC", Json.object("type", "absoluteMonthly", "interval", 1,
            "dayOfMonth", 31), numbered("2030-01-31", 3)));
    Map<String, Object> recurrence = Json.objectMember(counted, "recurrence");
    assertThat(Json.objectMember(recurrence, "pattern")).containsEntry("dayOfMonth", 31L)
        .containsEntry("daysOfWeek", List.of());
    assertThat(Json.objectMember(recurrence, "range")).containsEntry("endDate", "0001-01-01")
        .containsEntry("numberOfOccurrences", 3L).containsEntry("recurrenceTimeZone", "UTC");
  }

  @Test
  void calendarViewExpandsOccurrencesAndNeverReturnsTheMaster() {
    Map<String, Object> master = standup();
    String single = f.tenant.addEvent(ROOM, "One-off", Instant.parse("2030-01-08T10:00:00Z"),
        Instant.parse("2030-01-08T11:00:00Z"));

    List<Map<String, Object>> view = Recurring.view(f, ROOM, "2030-01-01T00:00:00Z",
        "2030-02-01T00:00:00Z");

    assertThat(starts(view)).containsExactly("2030-01-07T09:00:00.0000000",
        "2030-01-08T10:00:00.0000000", "2030-01-14T09:00:00.0000000",
        "2030-01-21T09:00:00.0000000", "2030-01-28T09:00:00.0000000");
    assertThat(view).extracting(e -> e.get("type")).doesNotContain("seriesMaster");
    Set<Object> ids = new HashSet<>();
    Set<Object> uids = new HashSet<>();
    for (Map<String, Object> e : view) {
      ids.add(e.get("id"));
      if (e.get("id").equals(single)) {
        assertThat(e).containsEntry("type", "singleInstance").doesNotContainKey("originalStart");
        continue;
      }
      uids.add(e.get("iCalUId"));
      assertThat(e).containsEntry("type", "occurrence").containsEntry("subject", "Stand-up")
          .containsEntry("seriesMasterId", master.get("id")).containsEntry("recurrence", null)
          .containsEntry("uid", master.get("iCalUId"))
          .containsEntry("originalStart", ((String) ((Map<?, ?>) e.get("start"))
              .get("dateTime")).substring(0, 19) + "Z");
      assertThat(e.get("id")).isNotEqualTo(master.get("id"));
      assertThat(e.get("@odata.etag")).isEqualTo(master.get("@odata.etag"));
    }
    assertThat(ids).hasSize(5);
    assertThat(uids).hasSize(4).doesNotContain(master.get("iCalUId"));

    assertThat(starts(Recurring.view(f, ROOM, "2030-01-10T00:00:00Z", "2030-01-20T00:00:00Z")))
        .containsExactly("2030-01-14T09:00:00.0000000");
    assertThat(Recurring.all(f, user(ROOM) + "/events")).extracting(e -> e.get("id"))
        .containsExactly(master.get("id"), single);
  }

  @Test
  void occurrenceIdsAreStableAndReadable() {
    Map<String, Object> master = standup();
    List<Map<String, Object>> first = Recurring.view(f, ROOM, "2030-01-01T00:00:00Z",
        "2030-02-01T00:00:00Z");
    List<Map<String, Object>> again = Recurring.view(f, ROOM, "2030-01-05T00:00:00Z",
        "2030-02-05T00:00:00Z");

    assertThat(again).extracting(e -> e.get("id"))
        .containsExactlyElementsOf(first.stream().map(e -> e.get("id")).toList());
    String id = (String) first.get(1).get("id");
    assertThat(id).startsWith("AAMkA").endsWith("=")
        .doesNotStartWith(((String) master.get("id")).substring(0, 12));

    Http.Reply read = f.http.get(user(ROOM) + "/events/" + id, f.token);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json()).containsEntry("id", id).containsEntry("type", "occurrence")
        .containsEntry("originalStart", "2030-01-14T09:00:00Z");
    assertThat(f.http.get(user(ROOM) + "/events/" + id.replace('A', 'B'), f.token).status())
        .isEqualTo(404);
  }

  @Test
  void instancesNeedAWindowAndListOneSeries() {
    Map<String, Object> master = standup();
    create(f, ROOM, series("Other", "2030-01-08T09:00:00", "2030-01-08T10:00:00", "UTC",
        weekly(1, "tuesday"), numbered("2030-01-08", 4)));
    String path = user(ROOM) + "/events/" + master.get("id") + "/instances";

    for (String query : List.of("", "?startDateTime=2030-01-01T00:00:00Z",
        "?endDateTime=2030-02-01T00:00:00Z")) {
      Http.Reply r = f.http.get(path + query, f.token);
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.errorCode()).isEqualTo("ErrorInvalidParameter");
    }
    List<Map<String, Object>> instances = Recurring.instances(f, ROOM, (String) master.get("id"),
        "2030-01-10T00:00:00Z", "2030-02-10T00:00:00Z");
    assertThat(starts(instances)).containsExactly("2030-01-14T09:00:00.0000000",
        "2030-01-21T09:00:00.0000000", "2030-01-28T09:00:00.0000000");
    assertThat(instances).allSatisfy(e -> assertThat(e)
        .containsEntry("seriesMasterId", master.get("id")));

    String cancelled = (String) instances.get(0).get("id");
    assertThat(f.http.post(user(ROOM) + "/events/" + cancelled + "/cancel", f.token, "{}")
        .status()).isEqualTo(202);
    assertThat(Recurring.instances(f, ROOM, (String) master.get("id"), "2030-01-10T00:00:00Z",
        "2030-02-10T00:00:00Z")).extracting(e -> e.get("id")).doesNotContain(cancelled)
        .hasSize(2);
    assertThat(f.http.get(user(ROOM) + "/events/unknown/instances?startDateTime="
        + "2030-01-01T00:00:00Z&endDateTime=2030-02-01T00:00:00Z", f.token).status())
        .isEqualTo(404);
  }

  @Test
  void occurrencesKeepTheirLocalTimeAcrossDaylightSaving() {
    Map<String, Object> master = create(f, ROOM, series("Berlin", "2030-03-25T09:00:00",
        "2030-03-25T10:00:00", "W. Europe Standard Time", weekly(1, "monday"),
        numbered("2030-03-25", 2)));

    List<FakeEvent> view = f.tenant.calendarView(ROOM, Instant.parse("2030-03-20T00:00:00Z"),
        Instant.parse("2030-04-10T00:00:00Z"));

    assertThat(view).extracting(FakeEvent::start).containsExactly(
        Instant.parse("2030-03-25T08:00:00Z"), Instant.parse("2030-04-01T07:00:00Z"));
    assertThat(view).allSatisfy(e -> assertThat(e.seriesMasterId()).contains(
        (String) master.get("id")));
  }

  @Test
  void anOccurrenceInTheSkippedHourStartsAnHourLater() {
    // 02:30 does not exist in Berlin on 2030-03-31: Exchange shifts the occurrence forward
    create(f, ROOM, series("Night run", "2030-03-30T02:30:00", "2030-03-30T03:00:00",
        "W. Europe Standard Time", Json.object("type", "daily", "interval", 1),
        numbered("2030-03-30", 3)));

    List<FakeEvent> view = f.tenant.calendarView(ROOM, Instant.parse("2030-03-29T00:00:00Z"),
        Instant.parse("2030-04-02T00:00:00Z"));

    assertThat(view).extracting(FakeEvent::start).containsExactly(
        Instant.parse("2030-03-30T01:30:00Z"), Instant.parse("2030-03-31T01:30:00Z"),
        Instant.parse("2030-04-01T00:30:00Z"));
  }

  @Test
  void everyPatternTypeExpands() {
    List<Object[]> cases = List.of(
        new Object[] {Json.object("type", "daily", "interval", 2), "2030-01-01",
            List.of("2030-01-01", "2030-01-03", "2030-01-05")},
        new Object[] {Json.object("type", "relativeMonthly", "interval", 1,
            "daysOfWeek", List.of("friday"), "index", "last"), "2030-01-01",
            List.of("2030-01-25", "2030-02-22", "2030-03-29")},
        new Object[] {Json.object("type", "absoluteYearly", "interval", 1, "month", 2,
            "dayOfMonth", 29), "2030-01-01", List.of("2030-02-28", "2031-02-28", "2032-02-29")},
        new Object[] {Json.object("type", "relativeYearly", "interval", 1, "month", 11,
            "daysOfWeek", List.of("wednesday"), "index", "last"), "2030-01-01",
            List.of("2030-11-27", "2031-11-26", "2032-11-24")});
    for (Object[] c : cases) {
      @SuppressWarnings("unchecked")
      Map<String, Object> pattern = (Map<String, Object>) c[0];
      String day = (String) c[1];
      Map<String, Object> master = create(f, Fixture.ROOM2, series("P", day + "T08:00:00",
          day + "T08:30:00", "UTC", pattern, numbered(day, 3)));
      List<Map<String, Object>> instances = Recurring.instances(f, Fixture.ROOM2,
          (String) master.get("id"), "2029-12-01T00:00:00Z", "2033-01-01T00:00:00Z");
      assertThat(starts(instances)).as(pattern.toString()).containsExactlyElementsOf(
          ((List<?>) c[2]).stream().map(d -> d + "T08:00:00.0000000").toList());
    }
  }

  @Test
  void aRepeatedTransactionIdReturnsTheSameMaster() {
    Map<String, Object> body = Json.parseObject(series("Retry", "2030-01-07T09:00:00",
        "2030-01-07T09:30:00", "UTC", weekly(1, "monday"), numbered("2030-01-07", 10)));
    body.put("transactionId", "series-tx-1");

    Map<String, Object> first = create(f, ROOM, Json.write(body));
    Map<String, Object> second = create(f, ROOM, Json.write(body));

    assertThat(second.get("id")).isEqualTo(first.get("id"));
    assertThat(first).containsEntry("transactionId", "series-tx-1");
    assertThat(f.tenant.events(ROOM)).singleElement()
        .satisfies(e -> assertThat(e.type()).isEqualTo(FakeEvent.Type.SERIES_MASTER));
    assertThat(Recurring.view(f, ROOM, "2030-01-01T00:00:00Z", "2030-04-01T00:00:00Z"))
        .hasSize(10).allSatisfy(e -> assertThat(e).doesNotContainKey("transactionId"));
  }

  @Test
  void windowsAreLimitedTo1825Days() {
    String master = (String) standup().get("id");
    for (String path : List.of(user(ROOM) + "/calendarView", user(ROOM) + "/calendarView/delta",
        user(ROOM) + "/events/" + master + "/instances")) {
      Http.Reply tooLong = f.http.get(path + "?startDateTime=2030-01-01T00:00:00Z"
          + "&endDateTime=2035-01-01T00:00:00Z", f.token);
      assertThat(tooLong.status()).as(path).isEqualTo(400);
      assertThat(tooLong.errorCode()).isEqualTo("ErrorInvalidRequest");
      assertThat(tooLong.errorMessage()).endsWith("Maximum number of days: 1825");
      assertThat(f.http.get(path + "?startDateTime=2030-01-01T00:00:00Z"
          + "&endDateTime=2034-12-31T00:00:00Z", f.token).status()).as(path).isEqualTo(200);
    }
  }
}
