package com.workplace.calendar.testkit;

import static com.workplace.calendar.testkit.Fixture.ROOM;
import static com.workplace.calendar.testkit.Fixture.ROOM2;
import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.testkit.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BatchTest {

  @RegisterExtension
  static final FakeMicrosoft365Extension EXT =
      FakeMicrosoft365Extension.newInstance().resetBetweenTests(true).build();

  private Fixture f;

  @BeforeEach
  void setUp() {
    f = new Fixture(EXT.get());
    f.m365.resetStats();
  }

  private static Map<String, Object> item(String id, String method, String url, Object body,
      String... dependsOn) {
    Map<String, Object> m = Json.object("id", id, "method", method, "url", url);
    if (body != null) {
      m.put("body", body);
      m.put("headers", Json.object("Content-Type", "application/json"));
    }
    if (dependsOn.length > 0) {
      m.put("dependsOn", List.of(dependsOn));
    }
    return m;
  }

  private Map<String, Map<String, Object>> batch(List<Map<String, Object>> requests) {
    Http.Reply r = f.http.post("$batch", f.token,
        Json.write(Json.object("requests", requests)));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> responses = (List<Map<String, Object>>) r.json().get("responses");
    return responses.stream().collect(Collectors.toMap(m -> (String) m.get("id"), m -> m));
  }

  private static Map<String, Object> newEvent(String subject) {
    return Json.object("subject", subject,
        "start", Json.object("dateTime", "2030-01-01T10:00:00", "timeZone", "UTC"),
        "end", Json.object("dateTime", "2030-01-01T11:00:00", "timeZone", "UTC"));
  }

  @Test
  void runsItemsThroughTheNormalRoutes() {
    Map<String, Map<String, Object>> r = batch(List.of(
        item("1", "GET", "/users/" + ROOM + "/calendar?$select=id", null),
        item("2", "POST", "users/" + ROOM2 + "/events", newEvent("Batched")),
        item("3", "GET", "/users/ghost@contoso.onmicrosoft.com/calendar", null),
        item("4", "GET", "/places/microsoft.graph.room", null)));

    assertThat(r.get("1")).containsEntry("status", 200L);
    assertThat(r.get("2")).containsEntry("status", 201L);
    assertThat(Json.objectMember(r.get("2"), "body")).containsEntry("subject", "Batched");
    assertThat(r.get("3")).containsEntry("status", 404L);
    assertThat(r.get("4")).containsEntry("status", 200L);
    assertThat(f.tenant.events(ROOM2)).hasSize(1);
    assertThat(f.m365.stats().requests(ROOM)).isEqualTo(1);
  }

  @Test
  void failedDependenciesAnswer424() {
    Map<String, Map<String, Object>> r = batch(List.of(
        item("a", "GET", "/users/ghost@contoso.onmicrosoft.com/calendar", null),
        item("b", "POST", "/users/" + ROOM + "/events", newEvent("Never"), "a"),
        item("c", "GET", "/users/" + ROOM + "/calendar", null, "b")));

    assertThat(r.get("b")).containsEntry("status", 424L);
    assertThat(r.get("c")).containsEntry("status", 424L);
    assertThat(f.tenant.events(ROOM)).isEmpty();
  }

  @Test
  void moreItemsForOneMailboxThanItsConcurrencyGet429() {
    List<Map<String, Object>> requests = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      requests.add(item(String.valueOf(i), "GET", "/users/" + ROOM + "/calendar", null));
    }
    requests.add(item("other", "GET", "/users/" + ROOM2 + "/calendar", null));

    Map<String, Map<String, Object>> r = batch(requests);

    List<Map<String, Object>> throttled = r.values().stream()
        .filter(m -> Long.valueOf(429).equals(m.get("status"))).collect(Collectors.toList());
    assertThat(throttled).hasSize(1);
    assertThat(Json.objectMember(throttled.get(0), "headers")).containsKey("Retry-After");
    assertThat(r.get("other")).containsEntry("status", 200L);
    FakeStats stats = f.m365.stats();
    assertThat(stats.peakConcurrency(ROOM)).isEqualTo(5);
    assertThat(stats.limitViolations(ROOM)).isEqualTo(1);
    assertThat(stats.requests(ROOM)).isEqualTo(5);
  }

  @Test
  void itemsThrottledTogetherIgnoredNoRetryAfterButTheNextBatchDoes() {
    f.m365.faults().throttleMailbox(ROOM, java.time.Duration.ofSeconds(30));
    List<Map<String, Object>> requests = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      requests.add(item(String.valueOf(i), "GET", "/users/" + ROOM + "/calendar", null));
    }

    Map<String, Map<String, Object>> first = batch(requests);

    assertThat(first.values()).allSatisfy(m -> assertThat(m).containsEntry("status", 429L));
    assertThat(f.m365.stats().throttledResponses(ROOM)).isEqualTo(3);
    assertThat(f.m365.stats().retryAfterIgnored(ROOM))
        .as("the items arrived together, before any of their 429s was given")
        .isZero();

    batch(requests.subList(0, 1));
    assertThat(f.m365.stats().retryAfterIgnored(ROOM)).isEqualTo(1);
    assertThat(f.m365.stats().limitViolations()).isZero();
  }

  @Test
  void malformedBatchesAreRejectedWhole() {
    List<Map<String, Object>> tooMany = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      tooMany.add(item("r" + i, "GET", "/places/microsoft.graph.room", null));
    }
    assertThat(f.http.post("$batch", f.token, Json.write(Json.object("requests", tooMany)))
        .status()).isEqualTo(400);
    assertThat(f.http.post("$batch", f.token, Json.write(Json.object("requests", List.of(
        item("x", "GET", "/places/microsoft.graph.room", null),
        item("x", "GET", "/places/microsoft.graph.room", null))))).status()).isEqualTo(400);
    assertThat(f.http.post("$batch", f.token, "{\"requests\":").status()).isEqualTo(400);
    assertThat(f.http.post("$batch", null, "{\"requests\":[]}").status()).isEqualTo(401);
  }
}
