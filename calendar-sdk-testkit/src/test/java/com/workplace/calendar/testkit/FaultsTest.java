package com.workplace.calendar.testkit;

import static com.workplace.calendar.testkit.Fixture.ROOM;
import static com.workplace.calendar.testkit.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.testkit.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.Request;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultsTest {

  @RegisterExtension
  static final FakeMicrosoft365Extension EXT =
      FakeMicrosoft365Extension.newInstance().resetBetweenTests(true).build();

  private Fixture f;
  private String path;

  @BeforeEach
  void setUp() {
    f = new Fixture(EXT.get());
    path = user(ROOM) + "/calendar";
    f.m365.resetStats();
  }

  @Test
  void throttleNextWithAndWithoutRetryAfter() {
    f.m365.faults().throttleNext(2, Duration.ofMillis(2128)).throttleNextWithoutRetryAfter(1);

    Http.Reply first = f.http.get(path, f.token);
    assertThat(first.status()).isEqualTo(429);
    assertThat(first.header("Retry-After")).isEqualTo("2.128");
    assertThat(first.errorCode()).isEqualTo("TooManyRequests");
    assertThat(f.http.get(path, f.token).header("Retry-After")).isEqualTo("2.128");
    Http.Reply third = f.http.get(path, f.token);
    assertThat(third.status()).isEqualTo(429);
    assertThat(third.header("Retry-After")).isNull();
    assertThat(f.http.get(path, f.token).status()).isEqualTo(200);
    assertThat(f.m365.stats().throttledResponses()).isEqualTo(3);
    assertThat(f.m365.stats().limitViolations()).isZero();
  }

  @Test
  void serviceUnavailableAndGatewayTimeout() {
    f.m365.faults().serviceUnavailableNext(1, Duration.ofSeconds(3))
        .serviceUnavailableNextWithoutRetryAfter(1).gatewayTimeoutNext(1);

    Http.Reply a = f.http.get(path, f.token);
    assertThat(a.status()).isEqualTo(503);
    assertThat(a.header("Retry-After")).isEqualTo("3");
    Http.Reply b = f.http.get(path, f.token);
    assertThat(b.status()).isEqualTo(503);
    assertThat(b.header("Retry-After")).isNull();
    assertThat(f.http.get(path, f.token).status()).isEqualTo(504);
    assertThat(f.m365.faults().pending()).isZero();
  }

  @Test
  void connectionResetGivesNoResponse() {
    f.m365.faults().resetConnectionNext(1);

    assertThatThrownBy(() -> f.http.get(path, f.token))
        .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(IOException.class);
    assertThat(f.http.get(path, f.token).status()).isEqualTo(200);
  }

  @Test
  void aDroppedResponseIsProcessedButNeverArrives() {
    String body = Json.write(Json.object(
        "subject", "Lost answer",
        "start", Json.object("dateTime", "2030-01-01T10:00:00", "timeZone", "UTC"),
        "end", Json.object("dateTime", "2030-01-01T11:00:00", "timeZone", "UTC"),
        "transactionId", "tx-lost"));
    f.m365.faults().dropResponseNext(1);

    assertThatThrownBy(() -> f.http.post(user(ROOM) + "/events", f.token, body))
        .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(IOException.class);
    assertThat(f.m365.faults().pending()).isZero();
    assertThat(f.tenant.events(ROOM)).singleElement()
        .satisfies(e -> assertThat(e.transactionId()).isEqualTo("tx-lost"));

    Http.Reply retried = f.http.post(user(ROOM) + "/events", f.token, body);
    assertThat(retried.status()).isEqualTo(201);
    assertThat(retried.json().get("id")).isEqualTo(f.tenant.events(ROOM).get(0).id());
    assertThat(f.tenant.events(ROOM)).hasSize(1);
  }

  @Test
  void aDroppedErrorIsDroppedToo() {
    f.m365.faults().dropResponseNext(1);

    assertThatThrownBy(() -> f.http.get(user(ROOM) + "/events/no-such-event", f.token))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(f.http.get(user(ROOM) + "/events/no-such-event", f.token).status())
        .isEqualTo(404);
  }

  @Test
  void aDroppedBatchAnswerComesAfterEveryItemRan() {
    Map<String, Object> event = Json.object(
        "subject", "Batched",
        "start", Json.object("dateTime", "2030-01-03T10:00:00", "timeZone", "UTC"),
        "end", Json.object("dateTime", "2030-01-03T11:00:00", "timeZone", "UTC"));
    String batch = Json.write(Json.object("requests", List.of(
        Json.object("id", "1", "method", "POST", "url", "/" + user(ROOM) + "/events",
            "headers", Json.object("Content-Type", "application/json"), "body", event),
        Json.object("id", "2", "method", "POST", "url", "/" + user(Fixture.ROOM2) + "/events",
            "headers", Json.object("Content-Type", "application/json"), "body", event))));
    f.m365.faults().dropResponseNext(1);

    assertThatThrownBy(() -> f.http.post("$batch", f.token, batch))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(f.tenant.events(ROOM)).hasSize(1);
    assertThat(f.tenant.events(Fixture.ROOM2)).hasSize(1);
  }

  @Test
  void droppedResponsesCanBePartOfTheRandomMix() {
    f.m365.faults().randomFaults(1.0, FaultKind.DROP_RESPONSE);
    for (int i = 0; i < 3; i++) {
      String body = Json.write(Json.object(
          "subject", "Random " + i,
          "start", Json.object("dateTime", "2030-01-02T10:00:00", "timeZone", "UTC"),
          "end", Json.object("dateTime", "2030-01-02T11:00:00", "timeZone", "UTC")));
      assertThatThrownBy(() -> f.http.post(user(ROOM) + "/events", f.token, body))
          .isInstanceOf(UncheckedIOException.class);
    }
    f.m365.faults().clear();

    assertThat(f.tenant.events(ROOM)).hasSize(3);
  }

  @Test
  void malformedJsonIsUnparseable() {
    f.m365.faults().malformedJsonNext(1);

    Http.Reply r = f.http.get(path, f.token);
    assertThat(r.status()).isEqualTo(200);
    assertThatThrownBy(r::json).isInstanceOf(Json.JsonException.class);
  }

  @Test
  void slowResponsesStillAnswer() {
    f.m365.faults().slowNext(1, Duration.ofMillis(300));

    assertThat(f.http.get(path, f.token).status()).isEqualTo(200);
    assertThat(f.m365.faults().pending()).isZero();
  }

  @Test
  void randomFaultsAreReproducibleWithTheSeed() {
    List<Integer> first = statuses(7);
    List<Integer> second = statuses(7);
    List<Integer> otherSeed = statuses(8);

    assertThat(first).isEqualTo(second);
    assertThat(first).contains(200).contains(429);
    assertThat(first).isNotEqualTo(otherSeed);
  }

  private static List<Integer> statuses(long seed) {
    try (FakeMicrosoft365 m365 = FakeMicrosoft365.builder().seed(seed).start()) {
      Fixture fx = new Fixture(m365);
      m365.faults().randomFaults(0.3, FaultKind.THROTTLE, FaultKind.SERVICE_UNAVAILABLE);
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        statuses.add(fx.http.get(user(ROOM) + "/calendar", fx.token).status());
      }
      return statuses;
    }
  }

  @Test
  void rawOverridesAnswerAnything() {
    String foreign = "{\"value\":[],\"@odata.nextLink\":\"https://evil.example.com/v1.0/places\"}";
    f.m365.faults().respondOnceWithJson("GET", "/v1\\.0/places/microsoft\\.graph\\.room", 200,
        foreign);
    f.m365.faults().respondOnce(null, ".*/calendar", 200, Map.of("Content-Type",
        "application/json"), "{\"error\":{\"code\":\"Weird\",\"message\":\"200 with an error\"}}");

    assertThat(f.http.get("places/microsoft.graph.room", f.token).body()).isEqualTo(foreign);
    Http.Reply errorBody = f.http.get(path, "no token needed");
    assertThat(errorBody.status()).isEqualTo(200);
    assertThat(errorBody.errorCode()).isEqualTo("Weird");
    assertThat(f.http.get("places/microsoft.graph.room", f.token).body()).doesNotContain(
        "evil");
  }

  @Test
  void overridesCanLoopANextLink() {
    String self = f.m365.graphUri() + "places/microsoft.graph.room?$skiptoken=loop";
    f.m365.faults().respond("GET", "/v1\\.0/places/microsoft\\.graph\\.room.*",
        Integer.MAX_VALUE, 200, Map.of("Content-Type", "application/json"),
        "{\"value\":[],\"@odata.nextLink\":\"" + self + "\"}");

    for (int i = 0; i < 3; i++) {
      Http.Reply r = f.http.get(self, f.token);
      assertThat(r.json()).containsEntry("@odata.nextLink", self);
    }
    f.m365.faults().clear();
    assertThat(f.http.get(self, f.token).json()).doesNotContainKey("@odata.nextLink");
  }

  @Test
  void overridesReachTheIdentityEndpointsToo() {
    f.m365.faults().respondOnce("POST", "/.*/oauth2/v2.0/token", 503, Map.of(), "busy");

    Http.Reply r = f.http.execute(new Request.Builder()
        .url(f.m365.authorityUri() + f.tenant.id() + "/oauth2/v2.0/token")
        .post(okhttp3.RequestBody.create(new byte[0], null)).build());
    assertThat(r.status()).isEqualTo(503);
    assertThat(r.body()).isEqualTo("busy");
  }
}
