package com.workplace.calendar.testkit;

import static com.workplace.calendar.testkit.Fixture.ROOM;
import static com.workplace.calendar.testkit.Fixture.ROOM2;
import static com.workplace.calendar.testkit.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DeltaTest {

  private static final Instant DAY = Instant.parse("2030-05-06T00:00:00Z");
  private static final String WINDOW =
      "?startDateTime=2030-05-06T00:00:00Z&endDateTime=2030-05-07T00:00:00Z";

  @RegisterExtension
  static final FakeMicrosoft365Extension EXT =
      FakeMicrosoft365Extension.newInstance().resetBetweenTests(true).build();

  private Fixture f;

  @BeforeEach
  void setUp() {
    f = new Fixture(EXT.get());
  }

  /** Follows a round to its delta link; returns the items and the delta link. */
  private Map.Entry<List<Map<String, Object>>, String> round(String url, int maxPageSize) {
    List<Map<String, Object>> items = new ArrayList<>();
    String next = url;
    while (true) {
      Http.Reply r = f.http.get(next, f.token, "Prefer", "odata.maxpagesize=" + maxPageSize);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      assertThat(r.value()).hasSizeLessThanOrEqualTo(maxPageSize);
      items.addAll(r.value());
      if (r.json().containsKey("@odata.deltaLink")) {
        assertThat(r.json()).doesNotContainKey("@odata.nextLink");
        return Map.entry(items, (String) r.json().get("@odata.deltaLink"));
      }
      next = (String) r.json().get("@odata.nextLink");
      assertThat(next).contains("$skiptoken=").startsWith(f.m365.graphUri().toString());
    }
  }

  @Test
  void aFirstRoundPagesThroughTheWindowAndEndsWithADeltaLink() {
    for (int i = 0; i < 5; i++) {
      f.tenant.addEvent(ROOM, "Slot " + i, DAY.plusSeconds(3600L * i),
          DAY.plusSeconds(3600L * i + 1800));
    }
    f.tenant.addEvent(ROOM, "Out of window", DAY.minusSeconds(7200), DAY.minusSeconds(3600));

    Http.Reply page1 = f.http.get(user(ROOM) + "/calendarView/delta" + WINDOW, f.token,
        "Prefer", "odata.maxpagesize=2");
    assertThat(page1.json().keySet()).containsAll(
        Fixture.fixtureJson("calendarview-delta-page1-nextlink.json").keySet());
    assertThat(page1.value().get(0)).containsEntry("@odata.type", "#microsoft.graph.event")
        .containsKeys("@odata.etag", "subject", "start", "end", "organizer", "id");
    assertThat(page1.header("Preference-Applied")).isEqualTo("odata.maxpagesize=2");

    Map.Entry<List<Map<String, Object>>, String> round =
        round(user(ROOM) + "/calendarView/delta" + WINDOW, 2);
    assertThat(round.getKey()).extracting(m -> m.get("subject"))
        .containsExactly("Slot 0", "Slot 1", "Slot 2", "Slot 3", "Slot 4");
    assertThat(round.getValue()).contains("$deltatoken=");
  }

  @Test
  void laterCallsOfTheDeltaLinkReturnOnlyChanges() {
    String keep = f.tenant.addEvent(ROOM, "Keep", DAY.plusSeconds(3600), DAY.plusSeconds(7200));
    String change = f.tenant.addEvent(ROOM, "Change", DAY.plusSeconds(9000),
        DAY.plusSeconds(9900));
    String delete = f.tenant.addEvent(ROOM, "Delete", DAY.plusSeconds(10_000),
        DAY.plusSeconds(11_000));
    String move = f.tenant.addEvent(ROOM, "Move", DAY.plusSeconds(12_000),
        DAY.plusSeconds(13_000));
    String deltaLink = round(user(ROOM) + "/calendarView/delta()" + WINDOW, 10).getValue();

    assertThat(round(deltaLink, 10).getKey()).isEmpty();

    f.tenant.updateEvent(ROOM, change, "Changed", DAY.plusSeconds(9000), DAY.plusSeconds(9900));
    f.tenant.deleteEvent(ROOM, delete);
    f.tenant.updateEvent(ROOM, move, "Moved", DAY.plusSeconds(200_000),
        DAY.plusSeconds(201_000));
    String created = (String) f.http.post(user(ROOM) + "/events", f.token,
        "{\"subject\":\"New\",\"start\":{\"dateTime\":\"2030-05-06T15:00:00\",\"timeZone\":"
            + "\"UTC\"},\"end\":{\"dateTime\":\"2030-05-06T16:00:00\",\"timeZone\":\"UTC\"}}")
        .json().get("id");
    f.tenant.addEvent(ROOM, "Elsewhere", DAY.plusSeconds(300_000), DAY.plusSeconds(301_000));
    f.tenant.addEvent(ROOM2, "Other room", DAY.plusSeconds(3600), DAY.plusSeconds(7200));

    Map.Entry<List<Map<String, Object>>, String> changes = round(deltaLink, 2);

    Map<String, Map<String, Object>> byId = new java.util.HashMap<>();
    changes.getKey().forEach(m -> byId.put((String) m.get("id"), m));
    assertThat(byId).containsOnlyKeys(change, delete, move, created).doesNotContainKey(keep);
    assertThat(byId.get(change)).containsEntry("subject", "Changed");
    assertThat(byId.get(created)).containsEntry("subject", "New");
    for (String removed : List.of(delete, move)) {
      assertThat(byId.get(removed)).containsEntry("@removed", Map.of("reason", "deleted"))
          .containsEntry("@odata.type", "#microsoft.graph.event").hasSize(3);
    }
    assertThat(round(changes.getValue(), 10).getKey()).isEmpty();
    assertThat(round(deltaLink, 10).getKey()).hasSize(4);
  }

  @Test
  void expiredTokensAnswer410SyncStateNotFound() {
    f.tenant.addEvent(ROOM, "A", DAY.plusSeconds(3600), DAY.plusSeconds(7200));
    f.tenant.addEvent(ROOM, "B", DAY.plusSeconds(8000), DAY.plusSeconds(9000));
    String deltaLink = round(user(ROOM) + "/calendarView/delta" + WINDOW, 10).getValue();
    String nextLink = (String) f.http.get(user(ROOM) + "/calendarView/delta" + WINDOW, f.token,
        "Prefer", "odata.maxpagesize=1").json().get("@odata.nextLink");
    String otherRoom = round(user(ROOM2) + "/calendarView/delta" + WINDOW, 10).getValue();

    f.tenant.expireDeltaTokens(ROOM);

    for (String link : List.of(deltaLink, nextLink)) {
      Http.Reply r = f.http.get(link, f.token);
      assertThat(r.status()).isEqualTo(410);
      assertThat(r.errorCode()).isEqualTo("SyncStateNotFound");
      assertThat(r.errorMessage()).startsWith(
          "The sync state generation is not found; generation=");
    }
    assertThat(f.http.get(otherRoom, f.token).status()).isEqualTo(200);
    assertThat(round(user(ROOM) + "/calendarView/delta" + WINDOW, 10).getKey()).hasSize(2);
  }

  @Test
  void tokensExpireByAgeWhenConfigured() {
    TestClock clock = TestClock.startingNow();
    try (FakeMicrosoft365 m365 = FakeMicrosoft365.builder().clock(clock)
        .deltaTokenMaxAge(Duration.ofMinutes(30)).start()) {
      Fixture fx = new Fixture(m365);
      String link = (String) fx.http.get(user(ROOM) + "/calendarView/delta" + WINDOW, fx.token)
          .json().get("@odata.deltaLink");
      assertThat(fx.http.get(link, fx.token).status()).isEqualTo(200);

      clock.advance(Duration.ofMinutes(31));

      assertThat(fx.http.get(link, fx.token).status()).isEqualTo(410);
    }
  }

  @Test
  void tokensAreBoundToTheirMailbox() {
    String link = round(user(ROOM) + "/calendarView/delta" + WINDOW, 10).getValue();
    String token = link.substring(link.indexOf("$deltatoken="));

    Http.Reply r = f.http.get(user(ROOM2) + "/calendarView/delta?" + token, f.token);

    assertThat(r.status()).isEqualTo(400);
    assertThat(f.http.get(user(ROOM) + "/calendarView/delta?$deltatoken=forged", f.token)
        .status()).isEqualTo(410);
  }
}
