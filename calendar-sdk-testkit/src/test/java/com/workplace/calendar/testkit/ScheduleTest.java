package com.workplace.calendar.testkit;

import static com.workplace.calendar.testkit.Fixture.ROOM;
import static com.workplace.calendar.testkit.Fixture.ROOM2;
import static com.workplace.calendar.testkit.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.testkit.internal.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ScheduleTest {

  @RegisterExtension
  static final FakeMicrosoft365Extension EXT =
      FakeMicrosoft365Extension.newInstance().resetBetweenTests(true).build();

  private Fixture f;

  @BeforeEach
  void setUp() {
    f = new Fixture(EXT.get());
  }

  private Http.Reply schedule(List<String> mailboxes, String start, String end, String zone) {
    return f.http.post(user(ROOM) + "/calendar/getSchedule", f.token, Json.write(Json.object(
        "schedules", mailboxes,
        "startTime", Json.object("dateTime", start, "timeZone", zone),
        "endTime", Json.object("dateTime", end, "timeZone", zone),
        "availabilityViewInterval", 30)));
  }

  @Test
  void reportsBusyTimesWorkingHoursAndUnknownMailboxes() {
    f.tenant.addEvent(ROOM, "Standup", Instant.parse("2030-01-07T09:30:00Z"),
        Instant.parse("2030-01-07T10:15:00Z"));

    Http.Reply r = schedule(List.of(ROOM, ROOM2, "ghost@contoso.onmicrosoft.com"),
        "2030-01-07T09:00:00", "2030-01-07T11:00:00", "UTC");

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    Map<String, Object> orchard = r.value().get(0);
    assertThat(orchard).containsEntry("scheduleId", ROOM)
        .containsEntry("availabilityView", "0220");
    @SuppressWarnings("unchecked")
    Map<String, Object> item = ((List<Map<String, Object>>) orchard.get("scheduleItems")).get(0);
    assertThat(item).containsEntry("status", "busy").containsEntry("subject", "Standup")
        .containsEntry("start", Json.object("dateTime", "2030-01-07T09:30:00.0000000",
            "timeZone", "UTC"));
    Map<String, Object> workingHours = Json.objectMember(orchard, "workingHours");
    assertThat(Json.objectMember(workingHours, "timeZone"))
        .containsEntry("name", "Pacific Standard Time");
    assertThat(r.value().get(1)).containsEntry("availabilityView", "0000");
    assertThat(Json.objectMember(r.value().get(2), "error"))
        .containsEntry("responseCode", "ErrorMailRecipientNotFound");
  }

  @Test
  void answersInTheRequestedTimeZone() {
    f.tenant.addEvent(ROOM, "Lunch", Instant.parse("2030-01-07T20:00:00Z"),
        Instant.parse("2030-01-07T21:00:00Z"));

    Http.Reply r = schedule(List.of(ROOM), "2030-01-07T11:00:00", "2030-01-07T14:00:00",
        "Pacific Standard Time");

    @SuppressWarnings("unchecked")
    Map<String, Object> item = ((List<Map<String, Object>>) r.value().get(0).get("scheduleItems"))
        .get(0);
    assertThat(item.get("start")).isEqualTo(Json.object("dateTime",
        "2030-01-07T12:00:00.0000000", "timeZone", "Pacific Standard Time"));
    assertThat(r.value().get(0)).containsEntry("availabilityView", "002200");
  }

  @Test
  void enforcesTheMailboxCountAndWindowLimits() {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      many.add("room" + i + "@contoso.onmicrosoft.com");
    }
    Http.Reply tooMany = schedule(many, "2030-01-07T09:00:00", "2030-01-07T10:00:00", "UTC");
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.errorCode()).isEqualTo("ErrorMailboxDataArrayTooBig");
    assertThat(schedule(many.subList(0, 20), "2030-01-07T09:00:00", "2030-01-07T10:00:00",
        "UTC").status()).isEqualTo(200);

    Http.Reply tooLong = schedule(List.of(ROOM), "2030-01-01T00:00:00", "2030-02-12T00:00:00",
        "UTC");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.errorCode()).isEqualTo("ErrorInvalidTimeInterval");
    assertThat(schedule(List.of(ROOM), "2030-01-01T00:00:00", "2030-02-11T23:00:00", "UTC")
        .status()).isEqualTo(200);
  }

  @Test
  void statusFollowsShowAsAndPrivateItemsHideTheirSubject() {
    f.tenant.event(ROOM).subject("Hold").showAs(FakeEvent.ShowAs.FREE)
        .start(Instant.parse("2030-01-07T09:00:00Z")).end(Instant.parse("2030-01-07T09:30:00Z"))
        .add();
    f.tenant.event(ROOM).subject("Maybe").showAs(FakeEvent.ShowAs.TENTATIVE)
        .start(Instant.parse("2030-01-07T09:30:00Z")).end(Instant.parse("2030-01-07T10:30:00Z"))
        .add();
    f.tenant.event(ROOM).subject("Board talks").sensitivity(FakeEvent.Sensitivity.PRIVATE)
        .start(Instant.parse("2030-01-07T10:00:00Z")).end(Instant.parse("2030-01-07T10:30:00Z"))
        .add();
    f.tenant.event(ROOM).subject("Away").showAs(FakeEvent.ShowAs.OOF)
        .start(Instant.parse("2030-01-07T11:00:00Z")).end(Instant.parse("2030-01-07T11:30:00Z"))
        .add();
    f.tenant.event(ROOM).subject("Called off").cancelled(true)
        .start(Instant.parse("2030-01-07T11:30:00Z")).end(Instant.parse("2030-01-07T12:00:00Z"))
        .add();

    Http.Reply r = schedule(List.of(ROOM), "2030-01-07T09:00:00", "2030-01-07T12:00:00", "UTC");

    // busy wins over tentative in the shared 10:00 slot; the cancelled item blocks nothing
    assertThat(r.value().get(0)).containsEntry("availabilityView", "012030");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items = (List<Map<String, Object>>) r.value().get(0)
        .get("scheduleItems");
    assertThat(items).extracting(i -> i.get("status"))
        .containsExactly("free", "tentative", "busy", "oof");
    assertThat(items.get(2)).containsEntry("isPrivate", true).doesNotContainKeys("subject",
        "location");
    assertThat(items.get(1)).containsEntry("isPrivate", false).containsEntry("subject", "Maybe");
  }
}
