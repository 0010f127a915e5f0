package com.workplace.calendar.testkit;

import static com.workplace.calendar.testkit.Fixture.ROOM;
import static com.workplace.calendar.testkit.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Malformed or mistyped requests are answered with 4xx in Graph's error shape, never 500. */
class HostileInputTest {

  @RegisterExtension
  static final FakeMicrosoft365Extension EXT =
      FakeMicrosoft365Extension.newInstance().resetBetweenTests(true).build();

  private static final List<String> BODIES = List.of("", "[]", "null", "42", "\"text\"",
      "{\"start\":5,\"end\":[]}", "{\"start\":{\"dateTime\":7},\"end\":{}}",
      "{\"schedules\":\"x\",\"startTime\":1}",
      "{\"schedules\":[1],\"startTime\":{\"dateTime\":\"2030-01-01T00:00:00\",\"timeZone\":3},"
          + "\"endTime\":{\"dateTime\":\"2030-01-01T01:00:00\"}}",
      "{\"requests\":[{\"id\":1}]}", "{\"requests\":[{\"id\":\"a\",\"method\":\"GET\","
          + "\"url\":\"/users/x/calendar\",\"dependsOn\":[\"a\"]}]}",
      "{\"changeType\":7,\"notificationUrl\":{},\"resource\":[],\"expirationDateTime\":\"x\"}",
      "{\"attendees\":\"all\",\"location\":5,\"subject\":\"s\"}", "{\"comment\":{}}");

  private Fixture f;

  @BeforeEach
  void setUp() {
    f = new Fixture(EXT.get());
  }

  @Test
  void everyWriteEndpointRejectsGarbageWithAClientError() {
    String id = f.tenant.addEvent(ROOM, "x", java.time.Instant.parse("2030-01-01T10:00:00Z"),
        java.time.Instant.parse("2030-01-01T11:00:00Z"), ROOM);
    List<String[]> targets = List.of(
        new String[] {"POST", user(ROOM) + "/events"},
        new String[] {"PATCH", user(ROOM) + "/events/" + id},
        new String[] {"POST", user(ROOM) + "/events/" + id + "/cancel"},
        new String[] {"POST", user(ROOM) + "/calendar/getSchedule"},
        new String[] {"POST", "subscriptions"},
        new String[] {"POST", "$batch"});
    for (String[] target : targets) {
      for (String body : BODIES) {
        if (target[1].endsWith("/cancel") && (body.isEmpty() || body.equals("{}"))) {
          continue;
        }
        Http.Reply r = f.http.send(target[0], target[1], f.token, body);
        assertThat(r.status()).as(target[0] + " " + target[1] + " " + body + " -> " + r.body())
            .isBetween(400, 499);
        assertThat(r.errorCode()).isNotBlank();
        assertThat(r.header("request-id")).isNotBlank();
      }
    }
    assertThat(f.tenant.events(ROOM)).hasSize(1);
    assertThat(f.m365.subscriptions()).isEmpty();
  }

  @Test
  void hostileQueryParametersAreClientErrors() {
    for (String query : List.of("calendarView?startDateTime=yesterday&endDateTime=now",
        "calendarView?startDateTime=2030-01-02T00:00:00Z&endDateTime=2030-01-01T00:00:00Z",
        "calendarView?startDateTime=2030-01-01T00:00:00Z&endDateTime=2030-01-02T00:00:00Z"
            + "&$top=-1",
        "calendarView?startDateTime=2030-01-01T00:00:00Z&endDateTime=2030-01-02T00:00:00Z"
            + "&$skip=abc",
        "calendarView/delta")) {
      Http.Reply r = f.http.get(user(ROOM) + "/" + query, f.token);
      assertThat(r.status()).as(query).isEqualTo(400);
    }
  }
}
