package com.workplace.calendar.graph.reliability;

import static com.workplace.calendar.graph.reliability.HostileCalls.tomorrowAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.CalendarClientException;
import com.workplace.calendar.CalendarSdkException;
import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.booking.Availability;
import com.workplace.calendar.booking.Booking;
import com.workplace.calendar.booking.BookingUpdate;
import com.workplace.calendar.graph.SecretsInLogsExtension;
import com.workplace.calendar.registry.CalendarFailureReason;
import com.workplace.calendar.registry.ConnectReport;
import com.workplace.calendar.registry.DiscoveredRoom;
import com.workplace.calendar.sync.ChangeType;
import com.workplace.calendar.sync.SyncResult;
import com.workplace.calendar.testkit.FakeEvent;
import com.workplace.calendar.testkit.FakeMicrosoft365Extension;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Graph answers whose bodies are broken or hostile: malformed JSON, wrong types, bodies over the
 * size cap, huge pages, errors inside successful answers, and {@code $batch} answers that lack
 * items. Each ends in a typed {@link CalendarSdkException} or is handled, within a bounded time,
 * and the next call works.
 */
@ExtendWith(SecretsInLogsExtension.class)
@Timeout(60)
class HostileGraphBodiesIT extends HostileGraphSuite {
  @RegisterExtension
  static final FakeMicrosoft365Extension FAKE = FakeMicrosoft365Extension.newInstance().build();

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
