package com.workplace.calendar.graph.reliability;

import static com.workplace.calendar.graph.reliability.HostileCalls.tomorrowAt;

import com.workplace.calendar.booking.Availability;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.graph.AuthorizedTenant;
import com.workplace.calendar.graph.GraphRetryOptions;
import com.workplace.calendar.graph.RecordingListener;
import com.workplace.calendar.store.InMemoryCalendarStore;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the suites of hostile Graph answers share: for each test a tenant with two rooms, authorized
 * on a service that retries little, and the means to plant an answer of the fake's. A suite
 * registers the fake.
 */
abstract class HostileGraphSuite {
  static final String JSON = "application/json";
  static final String EVENTS = "/v1\\.0/users/[^/]+/events";
  static final String EVENT = "/v1\\.0/users/[^/]+/events/[^/]+";
  static final String CANCEL = "/v1\\.0/users/[^/]+/events/[^/]+/cancel";
  static final String DELTA = "/v1\\.0/users/[^/]+/calendarView/delta";
  static final String SCHEDULE = "/v1\\.0/users/[^/]+/calendar/getSchedule";
  static final String BATCH = "/v1\\.0/\\$batch";
  static final String ROOMS = "/v1\\.0/places/microsoft\\.graph\\.room";
  static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.0000000").withZone(java.time.ZoneOffset.UTC);
  static final GraphRetryOptions RETRY =
      GraphRetryOptions.builder()
          .maxAttempts(3)
          .baseDelay(Duration.ofMillis(10))
          .maxDelay(Duration.ofMillis(100))
          .deadline(Duration.ofSeconds(10))
          .build();

  FakeMicrosoft365 m365;
  InMemoryCalendarStore store;
  RecordingListener listener;
  GraphCounters counters;
  AuthorizedTenant tenant;

  @BeforeEach
  void authorize(FakeMicrosoft365 fake) {
    m365 = fake;
    store = InMemoryCalendarStore.create();
    listener = new RecordingListener();
    counters = new GraphCounters();
    tenant =
        AuthorizedTenant.create(
            m365, "hostile", 2, b -> b.store(store).syncListener(listener).eventListener(counters).retry(RETRY));
  }

  @AfterEach
  void close() {
    m365.faults().clear();
    tenant.close();
  }

  BookingRequest booking(String key) {
    return BookingRequest.builder(tenant.id, key)
        .room(tenant.room(0))
        .subject("Hostile " + key)
        .time(tomorrowAt(9), tomorrowAt(10))
        .booker("alex@" + tenant.fake.domain(), "Alex")
        .build();
  }

  static String event(String id, Instant start, Instant end) {
    return "{\"@odata.type\":\"#microsoft.graph.event\",\"id\":\"" + id + "\",\"subject\":\"s\",\"start\":{\"dateTime\":\""
        + GRAPH_TIME.format(start) + "\",\"timeZone\":\"UTC\"},\"end\":{\"dateTime\":\"" + GRAPH_TIME.format(end)
        + "\",\"timeZone\":\"UTC\"}}";
  }

  String deltaLink(String token) {
    return m365.graphUri() + "users/" + tenant.room(0) + "/calendarView/delta?$deltatoken=" + token;
  }

  void answer(String method, String path, int status, String body) {
    m365.faults().respondOnce(method, path, status, Map.of("Content-Type", JSON), body);
  }

  List<Availability> availability() {
    return tenant.service.bookings().availability(tenant.id, List.of(tenant.room(0), tenant.room(1)), tomorrowAt(0), tomorrowAt(23));
  }
}
