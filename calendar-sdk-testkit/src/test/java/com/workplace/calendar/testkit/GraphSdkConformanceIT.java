package com.workplace.calendar.testkit;

import static com.workplace.calendar.testkit.Fixture.ROOM;
import static com.workplace.calendar.testkit.Fixture.ROOM2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.graph.core.content.BatchRequestContent;
import com.microsoft.graph.core.content.BatchResponseContent;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.core.tasks.PageIterator;
import com.microsoft.graph.models.Calendar;
import com.microsoft.graph.models.DateTimeTimeZone;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.EventCollectionResponse;
import com.microsoft.graph.models.EventType;
import com.microsoft.graph.models.PatternedRecurrence;
import com.microsoft.graph.models.RecurrencePattern;
import com.microsoft.graph.models.RecurrencePatternType;
import com.microsoft.graph.models.RecurrenceRange;
import com.microsoft.graph.models.RecurrenceRangeType;
import com.microsoft.graph.models.Room;
import com.microsoft.graph.models.RoomCollectionResponse;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.calendarview.delta.DeltaGetResponse;
import com.microsoft.kiota.authentication.AuthenticationProvider;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Microsoft's Graph SDK 6.69.0, unchanged apart from base URL, trust and token. */
class GraphSdkConformanceIT {

  @RegisterExtension
  static final FakeMicrosoft365Extension EXT =
      FakeMicrosoft365Extension.newInstance().resetBetweenTests(true).build();

  private Fixture f;
  private GraphServiceClient graph;

  @BeforeEach
  void setUp() {
    f = new Fixture(EXT.get());
    OkHttpClient http = GraphClientFactory.create()
        .sslSocketFactory(f.m365.sslContext().getSocketFactory(), f.m365.trustManager())
        .build();
    AuthenticationProvider auth = (request, context) ->
        request.headers.add("Authorization", "Bearer " + f.token);
    graph = new GraphServiceClient(auth, http);
    String base = f.m365.graphUri().toString();
    graph.getRequestAdapter().setBaseUrl(base.substring(0, base.length() - 1));
  }

  private static Event event(String subject, String start, String end) {
    Event e = new Event();
    e.setSubject(subject);
    DateTimeTimeZone s = new DateTimeTimeZone();
    s.setDateTime(start);
    s.setTimeZone("UTC");
    DateTimeTimeZone en = new DateTimeTimeZone();
    en.setDateTime(end);
    en.setTimeZone("UTC");
    e.setStart(s);
    e.setEnd(en);
    return e;
  }

  @Test
  void listsRoomsAcrossPages() throws Exception {
    for (int i = 0; i < 120; i++) {
      f.tenant.addRoom("r" + i + "@contoso.onmicrosoft.com", "Room " + i);
    }
    RoomCollectionResponse first = graph.places().graphRoom().get();
    assertThat(first.getValue()).hasSize(100);
    assertThat(first.getOdataNextLink()).isNotNull();

    List<Room> rooms = new ArrayList<>();
    new PageIterator.Builder<Room, RoomCollectionResponse>()
        .client(graph)
        .collectionPage(first)
        .collectionPageFactory(RoomCollectionResponse::createFromDiscriminatorValue)
        .processPageItemCallback(room -> rooms.add(room))
        .build()
        .iterate();

    assertThat(rooms).hasSize(122);
    assertThat(rooms.get(0).getEmailAddress()).isEqualTo(ROOM);
  }

  private static Event booking() {
    Event e = event("SDK booking", "2030-02-03T10:00:00", "2030-02-03T11:00:00");
    e.setTransactionId("sdk-tx-1");
    return e;
  }

  @Test
  void createsAnEventAndReadsTheCalendarView() {
    Event created = graph.users().byUserId(ROOM).events().post(booking());
    // a fresh object: the SDK's backing store serializes only changed values on reuse
    Event again = graph.users().byUserId(ROOM).events().post(booking());

    assertThat(created.getId()).isNotBlank().isEqualTo(again.getId());
    assertThat(created.getOrganizer().getEmailAddress().getAddress()).isEqualTo(ROOM);

    EventCollectionResponse view = graph.users().byUserId(ROOM).calendarView().get(rc -> {
      rc.queryParameters.startDateTime = "2030-02-03T00:00:00Z";
      rc.queryParameters.endDateTime = "2030-02-04T00:00:00Z";
    });
    assertThat(view.getValue()).extracting(Event::getSubject).containsExactly("SDK booking");
    assertThat(view.getValue().get(0).getStart().getDateTime())
        .isEqualTo("2030-02-03T10:00:00.0000000");
  }

  @Test
  void createsARecurringSeriesAndListsItsOccurrences() {
    Event series = event("Weekly review", "2030-03-04T15:00:00", "2030-03-04T16:00:00");
    RecurrencePattern pattern = new RecurrencePattern();
    pattern.setType(RecurrencePatternType.Weekly);
    pattern.setInterval(1);
    pattern.setDaysOfWeek(List.of(com.microsoft.graph.models.DayOfWeek.Monday));
    RecurrenceRange range = new RecurrenceRange();
    range.setType(RecurrenceRangeType.Numbered);
    range.setStartDate(LocalDate.of(2030, 3, 4));
    range.setNumberOfOccurrences(5);
    PatternedRecurrence recurrence = new PatternedRecurrence();
    recurrence.setPattern(pattern);
    recurrence.setRange(range);
    series.setRecurrence(recurrence);

    Event master = graph.users().byUserId(ROOM).events().post(series);

    assertThat(master.getType()).isEqualTo(EventType.SeriesMaster);
    assertThat(master.getRecurrence().getRange().getNumberOfOccurrences()).isEqualTo(5);
    assertThat(master.getRecurrence().getRange().getEndDate()).isEqualTo(LocalDate.of(1, 1, 1));
    assertThat(master.getRecurrence().getPattern().getDayOfMonth()).isZero();

    EventCollectionResponse view = graph.users().byUserId(ROOM).calendarView().get(rc -> {
      rc.queryParameters.startDateTime = "2030-03-01T00:00:00Z";
      rc.queryParameters.endDateTime = "2030-04-01T00:00:00Z";
    });
    assertThat(view.getValue()).hasSize(4).allSatisfy(e -> {
      assertThat(e.getType()).isEqualTo(EventType.Occurrence);
      assertThat(e.getSeriesMasterId()).isEqualTo(master.getId());
      assertThat(e.getSubject()).isEqualTo("Weekly review");
    });

    EventCollectionResponse instances = graph.users().byUserId(ROOM).events()
        .byEventId(master.getId()).instances().get(rc -> {
          rc.queryParameters.startDateTime = "2030-03-10T00:00:00Z";
          rc.queryParameters.endDateTime = "2030-05-01T00:00:00Z";
        });
    assertThat(instances.getValue()).extracting(Event::getOriginalStart).containsExactly(
        OffsetDateTime.parse("2030-03-11T15:00:00Z"), OffsetDateTime.parse("2030-03-18T15:00:00Z"),
        OffsetDateTime.parse("2030-03-25T15:00:00Z"), OffsetDateTime.parse("2030-04-01T15:00:00Z"));

    String second = instances.getValue().get(1).getId();
    Event moved = new Event();
    moved.setSubject("Moved review");
    Event exception = graph.users().byUserId(ROOM).events().byEventId(second).patch(moved);
    assertThat(exception.getType()).isEqualTo(EventType.Exception);
    assertThat(exception.getId()).isEqualTo(second);
  }

  @Test
  void runsADeltaRoundToItsDeltaLink() {
    Instant day = Instant.parse("2030-04-01T00:00:00Z");
    for (int i = 0; i < 5; i++) {
      f.tenant.addEvent(ROOM, "Delta " + i, day.plusSeconds(3600L * i),
          day.plusSeconds(3600L * i + 600));
    }
    List<Event> seen = new ArrayList<>();
    DeltaGetResponse page = graph.users().byUserId(ROOM).calendarView().delta().get(rc -> {
      rc.queryParameters.startDateTime = "2030-04-01T00:00:00Z";
      rc.queryParameters.endDateTime = "2030-04-02T00:00:00Z";
      rc.headers.add("Prefer", "odata.maxpagesize=2");
    });
    int pages = 1;
    seen.addAll(page.getValue());
    while (page.getOdataNextLink() != null) {
      page = graph.users().byUserId(ROOM).calendarView().delta()
          .withUrl(page.getOdataNextLink())
          .get(rc -> rc.headers.add("Prefer", "odata.maxpagesize=2"));
      seen.addAll(page.getValue());
      pages++;
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).extracting(Event::getSubject).hasSize(5);
    String deltaLink = page.getOdataDeltaLink();
    assertThat(deltaLink).contains("$deltatoken=");

    f.tenant.addEvent(ROOM, "Later", day.plusSeconds(40_000), day.plusSeconds(41_000));
    DeltaGetResponse changes = graph.users().byUserId(ROOM).calendarView().delta()
        .withUrl(deltaLink).get();
    assertThat(changes.getValue()).extracting(Event::getSubject).containsExactly("Later");
  }

  @Test
  void sendsABatch() throws Exception {
    BatchRequestContent batch = new BatchRequestContent(graph);
    String calendar = batch.addBatchRequestStep(
        graph.users().byUserId(ROOM).calendar().toGetRequestInformation());
    String create = batch.addBatchRequestStep(graph.users().byUserId(ROOM2).events()
        .toPostRequestInformation(event("Batched", "2030-02-05T09:00:00",
            "2030-02-05T09:30:00")));
    String missing = batch.addBatchRequestStep(
        graph.users().byUserId("ghost@contoso.onmicrosoft.com").calendar()
            .toGetRequestInformation());

    BatchResponseContent response = graph.getBatchRequestBuilder().post(batch, null);

    Map<String, Integer> statuses = response.getResponsesStatusCode();
    assertThat(statuses).containsEntry(calendar, 200).containsEntry(create, 201)
        .containsEntry(missing, 404);
    Calendar cal = response.getResponseById(calendar, Calendar::createFromDiscriminatorValue);
    assertThat(cal.getId()).isNotBlank();
    assertThat(f.tenant.events(ROOM2)).extracting(FakeEvent::subject).containsExactly("Batched");
  }

  @Test
  void surfacesGraphErrorsAndRetriesThrottling() {
    assertThatThrownBy(() -> graph.users().byUserId("ghost@contoso.onmicrosoft.com").calendar()
        .get()).isInstanceOfSatisfying(ODataError.class, e -> {
          assertThat(e.getResponseStatusCode()).isEqualTo(404);
          assertThat(e.getError().getCode()).isEqualTo("ErrorInvalidUser");
        });

    f.m365.faults().throttleNext(1, Duration.ofSeconds(1));
    f.m365.resetStats();
    Calendar cal = graph.users().byUserId(ROOM).calendar().get();
    assertThat(cal.getId()).isNotBlank();
    assertThat(f.m365.stats().throttledResponses()).isEqualTo(1);
    assertThat(f.m365.stats().totalRequests()).isEqualTo(2);
  }
}
