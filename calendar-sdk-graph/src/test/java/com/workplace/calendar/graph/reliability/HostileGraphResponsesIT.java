package com.workplace.calendar.graph.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.CalendarClientException;
import com.workplace.calendar.CalendarSdkException;
import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.booking.Availability;
import com.workplace.calendar.booking.Booking;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.booking.BookingUpdate;
import com.workplace.calendar.graph.AuthorizedTenant;
import com.workplace.calendar.graph.GraphRetryOptions;
import com.workplace.calendar.graph.RecordingListener;
import com.workplace.calendar.graph.SecretsInLogsExtension;
import com.workplace.calendar.registry.CalendarFailureReason;
import com.workplace.calendar.registry.ConnectReport;
import com.workplace.calendar.registry.DiscoveredRoom;
import com.workplace.calendar.store.InMemoryCalendarStore;
import com.workplace.calendar.sync.ChangeType;
import com.workplace.calendar.sync.SyncResult;
import com.workplace.calendar.testkit.FakeEvent;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Graph answers that are broken or hostile: malformed JSON, wrong types, bodies over the size cap,
 * huge pages, paging loops, links and redirects to other places, errors inside successful answers,
 * delta pages without links, and {@code $batch} answers that lack items. Each ends in a typed {@link
 * CalendarSdkException} or is handled, within a bounded time, and no token goes anywhere but the
 * configured Graph endpoint.
 */
@ExtendWith(SecretsInLogsExtension.class)
@Timeout(60)
class HostileGraphResponsesIT {
  private static final String JSON = "application/json";
  private static final String EVENTS = "/v1\\.0/users/[^/]+/events";
  private static final String EVENT = "/v1\\.0/users/[^/]+/events/[^/]+";
  private static final String CANCEL = "/v1\\.0/users/[^/]+/events/[^/]+/cancel";
  private static final String DELTA = "/v1\\.0/users/[^/]+/calendarView/delta";
  private static final String SCHEDULE = "/v1\\.0/users/[^/]+/calendar/getSchedule";
  private static final String BATCH = "/v1\\.0/\\$batch";
  private static final String ROOMS = "/v1\\.0/places/microsoft\\.graph\\.room";
  private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.0000000").withZone(java.time.ZoneOffset.UTC);
  private static final GraphRetryOptions RETRY =
      GraphRetryOptions.builder()
          .maxAttempts(3)
          .baseDelay(Duration.ofMillis(10))
          .maxDelay(Duration.ofMillis(100))
          .deadline(Duration.ofSeconds(10))
          .build();

  private static FakeMicrosoft365 m365;
  private static Trap trap;
  private InMemoryCalendarStore store;
  private RecordingListener listener;
  private GraphCounters counters;
  private AuthorizedTenant tenant;

  @BeforeAll
  static void start() throws Exception {
    m365 = FakeMicrosoft365.builder().build().start();
    trap = new Trap();
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      assertThat(trap.connectionsSoFar()).as("connections that reached somewhere other than Graph").isZero();
    } finally {
      trap.close();
      m365.close();
    }
  }

  @BeforeEach
  void authorize() {
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

  private static Instant tomorrowAt(int hour) {
    return Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1)).plusSeconds(hour * 3600L);
  }

  private BookingRequest booking(String key) {
    return BookingRequest.builder(tenant.id, key)
        .room(tenant.room(0))
        .subject("Hostile " + key)
        .time(tomorrowAt(9), tomorrowAt(10))
        .booker("alex@" + tenant.fake.domain(), "Alex")
        .build();
  }

  private static String event(String id, Instant start, Instant end) {
    return "{\"@odata.type\":\"#microsoft.graph.event\",\"id\":\"" + id + "\",\"subject\":\"s\",\"start\":{\"dateTime\":\""
        + GRAPH_TIME.format(start) + "\",\"timeZone\":\"UTC\"},\"end\":{\"dateTime\":\"" + GRAPH_TIME.format(end)
        + "\",\"timeZone\":\"UTC\"}}";
  }

  private String deltaLink(String token) {
    return m365.graphUri() + "users/" + tenant.room(0) + "/calendarView/delta?$deltatoken=" + token;
  }

  private void answer(String method, String path, int status, String body) {
    m365.faults().respondOnce(method, path, status, Map.of("Content-Type", JSON), body);
  }

  private List<Availability> availability() {
    return tenant.service.bookings().availability(tenant.id, List.of(tenant.room(0), tenant.room(1)), tomorrowAt(0), tomorrowAt(23));
  }

  @Test
  void malformedJsonAnywhereIsATypedErrorAndTheNextCallWorks() {
    answer("POST", EVENTS, 200, "{\"id\":\"AAMk");
    assertThatThrownBy(() -> tenant.service.bookings().create(booking("m-1")))
        .isInstanceOf(CalendarServiceException.class)
        .hasMessageContaining("invalid JSON");
    Booking booking = tenant.service.bookings().create(booking("m-1"));
    assertThat(tenant.fake.events(tenant.room(0))).extracting(FakeEvent::id).containsExactly(booking.eventId());

    answer("GET", EVENT, 200, "<html><body>Service Unavailable</body></html>");
    assertThatThrownBy(() -> tenant.service.bookings().get(tenant.id, "m-1"))
        .isInstanceOf(CalendarServiceException.class)
        .hasMessageContaining("invalid JSON");
    answer("GET", EVENT, 204, "");
    assertThatThrownBy(() -> tenant.service.bookings().get(tenant.id, "m-1"))
        .isInstanceOf(CalendarServiceException.class)
        .hasMessageContaining("did not return a JSON object");
    answer("GET", EVENT, 200, "[1,2,3]");
    assertThatThrownBy(() -> tenant.service.bookings().get(tenant.id, "m-1"))
        .isInstanceOf(CalendarServiceException.class)
        .hasMessageContaining("did not return a JSON object");
    assertThat(tenant.service.bookings().get(tenant.id, "m-1")).isPresent();

    answer("GET", DELTA, 200, "{\"value\":[" + event("x", tomorrowAt(8), tomorrowAt(9)));
    assertThatThrownBy(() -> tenant.service.sync().syncNow(tenant.id, tenant.room(0)))
        .isInstanceOf(CalendarServiceException.class)
        .hasMessageContaining("invalid JSON");
    assertThat(listener.changes).isEmpty();
    assertThat(tenant.service.sync().syncNow(tenant.id, tenant.room(0)).created()).isEqualTo(1);

    answer("POST", SCHEDULE, 200, "{\"value\":[{\"scheduleId\":");
    assertThatThrownBy(this::availability).isInstanceOf(CalendarServiceException.class).hasMessageContaining("invalid JSON");
    assertThat(availability()).allSatisfy(a -> assertThat(a.error()).isEmpty());

    String added = "added@" + tenant.fake.domain();
    tenant.fake.addRoom(added, "Added");
    tenant.service.calendars().add(tenant.id, added);
    long batches = counters.count("response POST /v1.0/$batch 200");
    answer("POST", BATCH, 200, "{\"responses\":[{\"id\":\"1\",");
    ConnectReport report = tenant.service.calendars().connect(tenant.id, List.of(added));
    assertThat(report.connected()).as("the batch is sent again after an unreadable answer").isEqualTo(1);
    assertThat(counters.count("response POST /v1.0/$batch 200") - batches).isEqualTo(2);
  }

  @Test
  void fieldsOfTheWrongTypeAreIgnoredWhenOptionalAndTypedErrorsWhenNeeded() {
    Booking booking = tenant.service.bookings().create(booking("t-1"));
    String start = "{\"dateTime\":\"" + GRAPH_TIME.format(tomorrowAt(9)) + "\",\"timeZone\":\"UTC\"}";
    String end = "{\"dateTime\":\"" + GRAPH_TIME.format(tomorrowAt(10)) + "\",\"timeZone\":\"UTC\"}";

    answer("GET", EVENT, 200, "{\"id\":\"" + booking.eventId() + "\",\"start\":\"tomorrow\",\"end\":" + end + "}");
    assertThatThrownBy(() -> tenant.service.bookings().get(tenant.id, "t-1"))
        .isInstanceOf(CalendarServiceException.class).hasMessageContaining("without a start");
    answer("GET", EVENT, 200, "{\"id\":[\"" + booking.eventId() + "\"],\"start\":" + start + ",\"end\":" + end + "}");
    assertThatThrownBy(() -> tenant.service.bookings().get(tenant.id, "t-1"))
        .isInstanceOf(CalendarServiceException.class).hasMessageContaining("without an id");
    answer("GET", EVENT, 200, "{\"id\":\"" + booking.eventId() + "\",\"start\":{\"dateTime\":42},\"end\":" + end + "}");
    assertThatThrownBy(() -> tenant.service.bookings().get(tenant.id, "t-1"))
        .isInstanceOf(CalendarServiceException.class).hasMessageContaining("cannot be read");
    answer("GET", EVENT, 200, "{\"id\":\"" + booking.eventId() + "\",\"subject\":{\"text\":1},\"attendees\":\"everyone\","
        + "\"organizer\":7,\"isCancelled\":\"maybe\",\"start\":" + start + ",\"end\":" + end + "}");
    assertThat(tenant.service.bookings().get(tenant.id, "t-1"))
        .hasValueSatisfying(b -> {
          assertThat(b.subject()).isEmpty();
          assertThat(b.attendees()).isEmpty();
          assertThat(b.organizer()).isEmpty();
          assertThat(b.start()).isEqualTo(tomorrowAt(9));
        });

    answer("GET", DELTA, 200, "{\"value\":{\"id\":\"x\"},\"@odata.deltaLink\":\"" + deltaLink("a") + "\"}");
    assertThatThrownBy(() -> tenant.service.sync().syncNow(tenant.id, tenant.room(0)))
        .isInstanceOf(CalendarServiceException.class).hasMessageContaining("no value array");
    answer("GET", DELTA, 200, "{\"value\":[42,null],\"@odata.deltaLink\":\"" + deltaLink("a") + "\"}");
    assertThatThrownBy(() -> tenant.service.sync().syncNow(tenant.id, tenant.room(0)))
        .isInstanceOf(CalendarServiceException.class).hasMessageContaining("without an id");
    answer("GET", DELTA, 200, "{\"value\":[],\"@odata.deltaLink\":7}");
    assertThatThrownBy(() -> tenant.service.sync().syncNow(tenant.id, tenant.room(0)))
        .isInstanceOf(CalendarClientException.class).hasMessageContaining("refusing to follow");
    assertThat(listener.changes).isEmpty();

    answer("POST", SCHEDULE, 200, "{\"value\":{\"scheduleId\":\"" + tenant.room(0) + "\"}}");
    assertThatThrownBy(this::availability).isInstanceOf(CalendarServiceException.class).hasMessageContaining("no value array");
    answer("POST", SCHEDULE, 200, "{\"value\":[{\"scheduleId\":\"" + tenant.room(0) + "\",\"scheduleItems\":[]}]}");
    List<Availability> partial = availability();
    assertThat(partial.get(0).error()).isEmpty();
    assertThat(partial.get(1).error()).as("a room the answer leaves out is not reported free").hasValueSatisfying(e -> assertThat(e).contains("no schedule"));
  }

  @Test
  void aBodyOverTheSizeCapIsRefusedAndGivesTheMailboxSlotBack() {
    tenant.service.bookings().create(booking("big-1"));
    String huge = "{\"value\":\"" + "x".repeat(16 * 1024 * 1024) + "\"}";
    int moreThanTheSlots = 5;
    m365.faults().respond("GET", EVENT, moreThanTheSlots, 200, Map.of("Content-Type", JSON), huge);

    for (int i = 0; i < moreThanTheSlots; i++) {
      assertThatThrownBy(() -> tenant.service.bookings().get(tenant.id, "big-1"))
          .isInstanceOf(CalendarServiceException.class)
          .hasMessageContaining("larger than");
    }

    assertThat(tenant.service.bookings().get(tenant.id, "big-1")).isPresent();
    assertThat(counters.count("gaveUp GET /v1.0/users/{m}/events/{id} 0")).isEqualTo(moreThanTheSlots);
  }

  @Test
  void pagesWithVeryManyItemsAreReadWhole() {
    int many = 20_000;
    String items =
        IntStream.range(0, many)
            .mapToObj(i -> event("bulk-" + i, tomorrowAt(8), tomorrowAt(9)))
            .collect(Collectors.joining(","));
    answer("GET", DELTA, 200, "{\"value\":[" + items + "],\"@odata.deltaLink\":\"" + deltaLink("bulk") + "\"}");

    SyncResult result = tenant.service.sync().syncNow(tenant.id, tenant.room(0));

    assertThat(result.created()).isEqualTo(many);
    assertThat(listener.changes).hasSize(many).allMatch(c -> c.type() == ChangeType.CREATED);

    String rooms =
        IntStream.range(0, many)
            .mapToObj(i -> "{\"emailAddress\":\"bulk" + i + "@" + tenant.fake.domain() + "\",\"displayName\":\"Bulk " + i + "\"}")
            .collect(Collectors.joining(","));
    answer("GET", ROOMS, 200, "{\"value\":[" + rooms + "]}");
    List<DiscoveredRoom> discovered = tenant.service.calendars().discoverRooms(tenant.id);
    assertThat(discovered).hasSize(many);
  }

  @Test
  void aDeltaNextLinkThatLoopsEndsInATypedError() {
    String self = m365.graphUri() + "users/" + tenant.room(0) + "/calendarView/delta?$skiptoken=loop";
    m365.faults().respond("GET", DELTA, Integer.MAX_VALUE, 200, Map.of("Content-Type", JSON),
        "{\"value\":[],\"@odata.nextLink\":\"" + self + "\"}");

    assertThatThrownBy(() -> tenant.service.sync().syncNow(tenant.id, tenant.room(0)))
        .isInstanceOfSatisfying(CalendarServiceException.class, e -> assertThat(e.errorCode()).contains("deltaLoopDetected"));

    assertThat(counters.count("response GET /v1.0/users/{m}/calendarView/delta")).isEqualTo(2);
    assertThat(listener.changes).isEmpty();
  }

  /** Where a hostile link can point instead of the configured Graph endpoint. */
  static Stream<Arguments> elsewhere() {
    URI graph = m365.graphUri();
    int port = trap.port();
    return Stream.of(
        Arguments.of("another host", "https://127.0.0.1:" + port + "/v1.0/"),
        Arguments.of("another port", "https://localhost:" + port + "/v1.0/"),
        Arguments.of("plain HTTP", "http://localhost:" + port + "/v1.0/"),
        Arguments.of("user info naming another host", "https://" + graph.getHost() + ":" + graph.getPort() + "@127.0.0.1:" + port + "/v1.0/"),
        Arguments.of("the fake's own plain-HTTP listener", m365.httpGraphUri().toString()),
        Arguments.of("a path outside the API root", "https://" + graph.getHost() + ":" + graph.getPort() + "/beta/"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("elsewhere")
  void linksAndRedirectsElsewhereAreNeverFollowed(String where, String root) throws Exception {
    String room = tenant.room(0);
    String marker = "stolen" + Math.abs(where.hashCode());
    Function<String, String> link = kind -> root + "users/" + room + "/calendarView/delta?$skiptoken=" + marker + kind;
    // were the SDK to follow a link onto the fake itself, this answer would be used up
    m365.faults().respond(null, ".*" + marker + ".*", 100, 200, Map.of("Content-Type", JSON), "{\"value\":[]}");
    int planted = m365.faults().pending();

    answer("GET", DELTA, 200, "{\"value\":[],\"@odata.nextLink\":\"" + link.apply("next") + "\"}");
    assertThatThrownBy(() -> tenant.service.sync().syncNow(tenant.id, room))
        .isInstanceOf(CalendarClientException.class).hasMessageContaining("refusing to follow");
    answer("GET", DELTA, 200, "{\"value\":[],\"@odata.deltaLink\":\"" + link.apply("delta") + "\"}");
    assertThatThrownBy(() -> tenant.service.sync().syncNow(tenant.id, room))
        .isInstanceOf(CalendarClientException.class).hasMessageContaining("refusing to follow");
    answer("GET", ROOMS, 200, "{\"value\":[],\"@odata.nextLink\":\"" + root + "places/microsoft.graph.room?$skiptoken=" + marker + "\"}");
    assertThatThrownBy(() -> tenant.service.calendars().discoverRooms(tenant.id))
        .isInstanceOf(CalendarClientException.class).hasMessageContaining("refusing to follow");
    m365.faults().respondOnce("GET", DELTA, 302, Map.of("Location", link.apply("redirect")), "");
    assertThatThrownBy(() -> tenant.service.sync().syncNow(tenant.id, room))
        .isInstanceOfSatisfying(CalendarServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(302));
    m365.faults().respondOnce("POST", EVENTS, 307, Map.of("Location", link.apply("create")), "");
    assertThatThrownBy(() -> tenant.service.bookings().create(booking("r-1")))
        .isInstanceOfSatisfying(CalendarServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(307));

    SyncResult after = tenant.service.sync().syncNow(tenant.id, room);
    assertThat(after.fullResync()).as("no link from a refused page was kept").isTrue();
    assertThat(listener.changes).isEmpty();
    assertThat(m365.faults().pending()).as("the planted answer on the fake was never asked for").isEqualTo(planted);
    assertThat(trap.connectionsSoFar()).as("connections to " + where).isZero();
    assertThat(trap.received()).doesNotContainIgnoringCase("bearer").doesNotContain("eyJ");
  }

  @Test
  void aSuccessfulAnswerCarryingAnErrorIsATypedError() {
    String error = "{\"error\":{\"code\":\"ErrorInternalServerError\",\"message\":\"Something went wrong\"}}";
    answer("POST", EVENTS, 200, error);
    assertThatThrownBy(() -> tenant.service.bookings().create(booking("e-1")))
        .isInstanceOfSatisfying(CalendarServiceException.class, e -> assertThat(e.errorCode()).contains("ErrorInternalServerError"));
    assertThat(tenant.fake.events(tenant.room(0))).isEmpty();
    Booking booking = tenant.service.bookings().create(booking("e-1"));

    answer("PATCH", EVENT, 200, error);
    assertThatThrownBy(() -> tenant.service.bookings().update(tenant.id, "e-1", BookingUpdate.subject("Renamed")))
        .isInstanceOf(CalendarServiceException.class).hasMessageContaining("ErrorInternalServerError");
    assertThat(tenant.fake.events(tenant.room(0)).get(0).subject()).isEqualTo("Hostile e-1");

    answer("GET", DELTA, 200, error);
    assertThatThrownBy(() -> tenant.service.sync().syncNow(tenant.id, tenant.room(0)))
        .isInstanceOf(CalendarServiceException.class).hasMessageContaining("ErrorInternalServerError");
    answer("POST", SCHEDULE, 200, error);
    assertThatThrownBy(this::availability).isInstanceOf(CalendarServiceException.class).hasMessageContaining("ErrorInternalServerError");
    answer("GET", ROOMS, 200, error);
    assertThatThrownBy(() -> tenant.service.calendars().discoverRooms(tenant.id))
        .isInstanceOf(CalendarServiceException.class).hasMessageContaining("ErrorInternalServerError");

    assertThat(tenant.service.bookings().get(tenant.id, "e-1")).map(Booking::eventId).contains(booking.eventId());
    assertThat(listener.changes).isEmpty();
  }

  @Test
  void aCancelAnsweredWithAnErrorOrGarbageIsNotTakenAsDone() {
    Booking booking = tenant.service.bookings().create(booking("c-1"));

    answer("POST", CANCEL, 200, "{\"error\":{\"code\":\"ErrorItemNotFound\",\"message\":\"not cancelled\"}}");
    assertThatThrownBy(() -> tenant.service.bookings().cancel(tenant.id, "c-1", null))
        .isInstanceOfSatisfying(CalendarServiceException.class, e -> assertThat(e.errorCode()).contains("ErrorItemNotFound"));
    answer("POST", CANCEL, 200, "{\"id\":\"AAMk");
    assertThatThrownBy(() -> tenant.service.bookings().cancel(tenant.id, "c-1", null))
        .isInstanceOf(CalendarServiceException.class).hasMessageContaining("invalid JSON");

    assertThat(tenant.fake.events(tenant.room(0))).extracting(FakeEvent::id).containsExactly(booking.eventId());
    assertThat(store.findBookingLink(tenant.id, "c-1")).as("the host still holds the booking").isPresent();

    assertThat(tenant.service.bookings().cancel(tenant.id, "c-1", null)).isTrue();
    assertThat(tenant.fake.events(tenant.room(0))).isEmpty();
    assertThat(store.findBookingLink(tenant.id, "c-1")).isEmpty();
  }

  @Test
  void aDeltaPageWithNeitherLinkIsATypedErrorAndKeepsTheState() {
    String room = tenant.room(0);
    tenant.service.sync().syncNow(tenant.id, room);
    String outlook = tenant.fake.addEvent(room, "Outlook", tomorrowAt(14), tomorrowAt(15));

    answer("GET", DELTA, 200, "{\"value\":[" + event(outlook, tomorrowAt(14), tomorrowAt(15)) + "]}");
    assertThatThrownBy(() -> tenant.service.sync().syncNow(tenant.id, room))
        .isInstanceOf(CalendarServiceException.class).hasMessageContaining("neither a next link nor a delta link");
    assertThat(listener.changes).isEmpty();

    SyncResult next = tenant.service.sync().syncNow(tenant.id, room);
    assertThat(next.fullResync()).as("the stored delta link was kept").isFalse();
    assertThat(listener.changes).singleElement().satisfies(c -> {
      assertThat(c.eventId()).isEqualTo(outlook);
      assertThat(c.type()).isEqualTo(ChangeType.CREATED);
    });
  }

  @Test
  void batchAnswersMissingItemsOrNamingUnknownOnesAreSentAgainThenReported() {
    List<String> added = List.of("b1@" + tenant.fake.domain(), "b2@" + tenant.fake.domain(), "b3@" + tenant.fake.domain());
    added.forEach(a -> tenant.fake.addRoom(a, a));
    tenant.service.calendars().addAll(tenant.id, added);

    answer("POST", BATCH, 200, "{\"responses\":[{\"id\":\"2\",\"status\":200,\"body\":{}},{\"id\":\"999\",\"status\":404}]}");
    ConnectReport once = tenant.service.calendars().connect(tenant.id, added);
    assertThat(once.connected()).as("the items the answer left out are asked again").isEqualTo(3);

    long batches = counters.count("response POST /v1.0/$batch");
    String b4 = "b4@" + tenant.fake.domain();
    tenant.fake.addRoom(b4, "b4");
    tenant.service.calendars().add(tenant.id, b4);
    answer("POST", BATCH, 200, "{\"responses\":\"none\"}");
    answer("POST", BATCH, 200, "{\"responses\":[{\"id\":\"1\",\"status\":\"teapot\"}]}");
    assertThat(tenant.service.calendars().connect(tenant.id, List.of(b4)).connected()).isEqualTo(1);

    String b5 = "b5@" + tenant.fake.domain();
    tenant.fake.addRoom(b5, "b5");
    tenant.service.calendars().add(tenant.id, b5);
    m365.faults().respond("POST", BATCH, Integer.MAX_VALUE, 200, Map.of("Content-Type", JSON), "{\"responses\":[{\"id\":\"77\",\"status\":200}]}");
    ConnectReport never = tenant.service.calendars().connect(tenant.id, List.of(b5));
    assertThat(never.failed()).isEqualTo(1);
    assertThat(never.failuresByReason()).containsOnlyKeys(CalendarFailureReason.THROTTLED_GIVE_UP);
    assertThat(counters.count("response POST /v1.0/$batch") - batches).as("batches sent for b4 and b5").isEqualTo(3 + RETRY.maxAttempts());

    m365.faults().clear();
    assertThat(tenant.service.calendars().connect(tenant.id, List.of(b5)).connected()).isEqualTo(1);
  }
}
