package com.workplace.calendar.graph.reliability;

import com.workplace.calendar.tenant.Tenant;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.ResourceNotFoundException;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.booking.BookingUpdate;
import com.workplace.calendar.graph.AuthorizedTenant;
import com.workplace.calendar.graph.GraphTestSupport;
import com.workplace.calendar.graph.NotificationEndpoint;
import com.workplace.calendar.graph.RecordingListener;
import com.workplace.calendar.graph.SecretsInLogsExtension;
import com.workplace.calendar.sync.CalendarSync;
import com.workplace.calendar.registry.AddOutcome;
import com.workplace.calendar.registry.CalendarFailureReason;
import com.workplace.calendar.registry.CalendarQuery;
import com.workplace.calendar.registry.ConnectReport;
import com.workplace.calendar.space.LinkMode;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.store.InMemoryCalendarStore;
import com.workplace.calendar.sync.NotificationRequest;
import com.workplace.calendar.sync.NotificationResponse;
import com.workplace.calendar.sync.SyncOptions;
import com.workplace.calendar.tenant.ConsentCallback;
import com.workplace.calendar.tenant.ConsentRequest;
import com.workplace.calendar.tenant.InvalidConsentStateException;
import com.workplace.calendar.tenant.TenantFailureReason;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.tenant.TenantStatus;
import com.workplace.calendar.tenant.VerificationResult;
import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeSubscription;
import com.workplace.calendar.testkit.FakeTenant;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Callers that lie or make mistakes: forged and replayed consent callbacks, forged notifications,
 * oversized bodies, malformed tenant IDs and addresses, unknown tenants and other tenants' records,
 * at every public entry point. Each is refused with a typed error (or a plain "nothing there"
 * answer), and neither the store nor the calendars change.
 */
@ExtendWith(SecretsInLogsExtension.class)
@Timeout(120)
class HostileCallersIT {
  private static FakeMicrosoft365 m365;

  @BeforeAll
  static void startFake() {
    m365 = FakeMicrosoft365.builder().build().start();
  }

  @AfterAll
  static void stopFake() {
    m365.close();
  }

  private static String query(String... pairs) {
    StringBuilder q = new StringBuilder();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      q.append(q.length() == 0 ? "" : "&").append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return q.toString();
  }

  /** Runs a call that must fail and returns what it threw, naming the call when it did not. */
  private static Throwable refused(String what, ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).as("%s is refused", what).isNotNull();
    return thrown;
  }

  private static Instant tomorrowAt(int hour) {
    return Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1)).plusSeconds(hour * 3600L);
  }

  @Test
  void forgedConsentCallbacksAreRefusedAndChangeNothing() {
    WriteCountingStore counting = new WriteCountingStore(InMemoryCalendarStore.create());
    FakeApp app = GraphTestSupport.app(m365);
    FakeTenant contoso = m365.tenant(GraphTestSupport.uniqueDomain("forged"));
    contoso.addRoom("room@" + contoso.domain(), "Room");
    FakeTenant other = m365.tenant(GraphTestSupport.uniqueDomain("elsewhere"));
    TenantId byGuid = TenantId.parse(contoso.id());
    try (CalendarService service = GraphTestSupport.service(m365, app, b -> b.store(counting.store));
        CalendarService anotherInstance = GraphTestSupport.service(m365, app, b -> {})) {
      ConsentRequest request = service.tenants().begin(byGuid);
      ConsentCallback real = GraphTestSupport.consent(m365, request);
      String state = real.state().orElseThrow();
      String foreign = anotherInstance.tenants().begin(byGuid).state();
      SecretsInLogsExtension.watch(foreign);
      String guid = contoso.id();
      counting.drain();
      WorldSnapshot before = WorldSnapshot.take(m365, counting.store, List.of(contoso, other), List.of());

      Map<String, ThrowingCallable> forgeries = new LinkedHashMap<>();
      forgeries.put("an unknown state", () -> service.tenants().complete(ConsentCallback.fromQuery(
          query("admin_consent", "True", "tenant", guid, "state", "Xq" + state.substring(2)))));
      forgeries.put("no state", () -> service.tenants().complete(ConsentCallback.fromQuery(query("admin_consent", "True", "tenant", guid))));
      forgeries.put("an empty state", () -> service.tenants().complete(ConsentCallback.fromQuery("admin_consent=True&state=&tenant=" + guid)));
      forgeries.put("a state in other letter case", () -> service.tenants().complete(ConsentCallback.fromQuery(
          query("admin_consent", "True", "tenant", guid, "state", state.toUpperCase(java.util.Locale.ROOT)))));
      forgeries.put("a state with a suffix", () -> service.tenants().complete(ConsentCallback.fromQuery(
          query("admin_consent", "True", "tenant", guid, "state", state + "x"))));
      forgeries.put("a state of 600 characters", () -> service.tenants().complete(ConsentCallback.fromQuery(
          query("admin_consent", "True", "tenant", guid, "state", state.repeat(20).substring(0, 600)))));
      forgeries.put("another instance's state", () -> service.tenants().complete(ConsentCallback.fromQuery(
          query("admin_consent", "True", "tenant", guid, "state", foreign))));
      forgeries.put("the state with another tenant", () -> service.tenants().complete(ConsentCallback.fromQuery(
          query("admin_consent", "True", "tenant", other.id(), "state", state))));
      forgeries.put("the state with a tenant that is no GUID", () -> service.tenants().complete(ConsentCallback.fromQuery(
          query("admin_consent", "True", "tenant", "../../" + guid, "state", state))));
      forgeries.put("a query that is not URL-encoded", () -> service.tenants().complete(ConsentCallback.fromQuery("admin_consent=True&state=%zz" + state)));
      forgeries.put("a query over the length limit", () -> service.tenants().complete(ConsentCallback.fromQuery(
          query("admin_consent", "True", "state", state, "pad", "p".repeat(ConsentCallback.MAX_QUERY_LENGTH)))));
      forgeries.put("no query at all", () -> service.tenants().complete(ConsentCallback.fromQuery(null)));

      forgeries.forEach((what, forgery) ->
          assertThat(refused(what, forgery))
              .as(what)
              .isInstanceOfAny(InvalidConsentStateException.class, IllegalArgumentException.class)
              .hasMessageNotContaining(state)
              .hasMessageNotContaining(foreign));

      assertThat(WorldSnapshot.take(m365, counting.store, List.of(contoso, other), List.of())).isEqualTo(before);
      assertThat(counting.drain()).as("store writes").isEmpty();
      assertThat(service.tenants().complete(real).verified()).as("the real callback still works").isTrue();
    }
  }

  @Test
  void aReplayedCallbackIsRefusedByEveryInstanceAndChangesNothing() {
    WriteCountingStore counting = new WriteCountingStore(InMemoryCalendarStore.create());
    FakeApp app = GraphTestSupport.app(m365);
    FakeTenant contoso = m365.tenant(GraphTestSupport.uniqueDomain("replayed"));
    contoso.addRoom("room@" + contoso.domain(), "Room");
    TenantId tenantId = TenantId.parse(contoso.domain());
    try (CalendarService first = GraphTestSupport.service(m365, app, b -> b.store(counting.store));
        CalendarService second = GraphTestSupport.service(m365, app, b -> b.store(counting.store))) {
      ConsentCallback callback = GraphTestSupport.consent(m365, first.tenants().begin(tenantId));
      assertThat(first.tenants().complete(callback).verified()).isTrue();
      counting.drain();
      WorldSnapshot before = WorldSnapshot.take(m365, counting.store, List.of(contoso), List.of());

      for (CalendarService instance : List.of(first, second, first)) {
        assertThatThrownBy(() -> instance.tenants().complete(callback))
            .isInstanceOf(InvalidConsentStateException.class)
            .hasMessageContaining("already used");
      }

      assertThat(WorldSnapshot.take(m365, counting.store, List.of(contoso), List.of())).isEqualTo(before);
      assertThat(counting.drain()).isEmpty();
      assertThat(first.tenants().get(tenantId).orElseThrow().status()).isEqualTo(TenantStatus.VERIFIED);
    }
  }

  /**
   * A callback naming another tenant than the one being authorized is refused before its state is
   * used, whether the tenant was begun by domain (its GUID is looked up when consent begins) or by
   * GUID: the tenant's record stays as it was, and the administrator's genuine callback, with the
   * same state, still ends "Account Verified".
   */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aCallbackNamingAnotherTenantIsRefusedBeforeItsStateIsUsed(boolean byDomain) {
    FakeApp app = GraphTestSupport.app(m365);
    FakeTenant contoso = m365.tenant(GraphTestSupport.uniqueDomain("swap"));
    contoso.addRoom("room@" + contoso.domain(), "Room");
    FakeTenant other = m365.tenant(GraphTestSupport.uniqueDomain("intruder"));
    TenantId tenantId = TenantId.parse(byDomain ? contoso.domain() : contoso.id());
    try (CalendarService service = GraphTestSupport.service(m365, app, b -> {})) {
      ConsentCallback real = GraphTestSupport.consent(m365, service.tenants().begin(tenantId));
      Tenant before = service.tenants().get(tenantId).orElseThrow();
      if (byDomain) {
        assertThat(before.directoryId()).contains(contoso.id());
      }
      ConsentCallback swapped =
          ConsentCallback.fromQuery(
              query("admin_consent", "True", "tenant", other.id(), "state", real.state().orElseThrow()));

      assertThatThrownBy(() -> service.tenants().complete(swapped))
          .isInstanceOf(InvalidConsentStateException.class)
          .hasMessageContaining("another tenant");

      assertThat(service.tenants().get(tenantId)).contains(before);
      VerificationResult genuine = service.tenants().complete(real);
      assertThat(genuine.verified()).isTrue();
      assertThat(service.tenants().get(tenantId).orElseThrow().directoryId()).contains(contoso.id());
    }
  }

  private static NotificationRequest post(String body) {
    return new NotificationRequest("POST", "", Map.of("Content-Type", List.of("application/json")), body.getBytes(StandardCharsets.UTF_8));
  }

  private static String notification(String subscriptionId, String clientState, String tenantGuid, String lifecycleEvent) {
    return "{\"subscriptionId\":\"" + subscriptionId + "\""
        + (clientState == null ? "" : ",\"clientState\":\"" + clientState + "\"")
        + ",\"changeType\":\"updated\",\"resource\":\"Users/x/Events/y\",\"tenantId\":\"" + tenantGuid + "\""
        + (lifecycleEvent == null ? "" : ",\"lifecycleEvent\":\"" + lifecycleEvent + "\"")
        + "}";
  }

  private static String payload(String... notifications) {
    return "{\"value\":[" + String.join(",", notifications) + "]}";
  }

  @Test
  void forgedNotificationsAreRefusedAndTriggerNothing() throws Exception {
    RecordingListener listener = new RecordingListener();
    WriteCountingStore counting = new WriteCountingStore(InMemoryCalendarStore.create());
    FakeTenant neighbour = m365.tenant(GraphTestSupport.uniqueDomain("neighbour"));
    try (NotificationEndpoint endpoint = new NotificationEndpoint();
        AuthorizedTenant tenant =
            AuthorizedTenant.create(
                m365,
                "notified",
                2,
                b ->
                    b.store(counting.store)
                        .syncListener(listener)
                        .syncOptions(
                            SyncOptions.builder()
                                .notifications(endpoint.notifications(), endpoint.lifecycle())
                                .syncInterval(Duration.ofHours(1))
                                .build()))) {
      String roomA = tenant.room(0);
      String roomB = tenant.room(1);
      endpoint.connect(tenant.service.sync().notifications());
      tenant.service.sync().syncNow(tenant.id, roomA);
      tenant.service.sync().syncNow(tenant.id, roomB);
      tenant.service.sync().start();
      CalendarSync sync = tenant.service.sync();
      await().atMost(Duration.ofSeconds(30))
          .until(() -> subscription(tenant, roomA) != null && subscription(tenant, roomB) != null && sync.isIdle());
      FakeSubscription a = subscription(tenant, roomA);
      FakeSubscription b = subscription(tenant, roomB);
      SecretsInLogsExtension.watch(a.clientState());
      SecretsInLogsExtension.watch(b.clientState());
      String guid = tenant.fake.id();
      listener.changes.clear();
      long requestsToA = m365.stats().requests(roomA);
      counting.drain();
      WorldSnapshot before = WorldSnapshot.take(m365, counting.store, List.of(tenant.fake), List.of());

      String manyForged =
          payload(IntStream.range(0, 5_000).mapToObj(i -> notification(a.id(), "guess-" + i, guid, null)).toArray(String[]::new));
      Map<String, NotificationRequest> forged = new LinkedHashMap<>();
      forged.put("a wrong clientState", post(payload(notification(a.id(), "not-the-client-state", guid, null))));
      forged.put("no clientState", post(payload(notification(a.id(), null, guid, null))));
      forged.put("another subscription's clientState", post(payload(notification(a.id(), b.clientState(), guid, null))));
      forged.put("an unknown subscription", post(payload(notification(UUID.randomUUID().toString(), a.clientState(), guid, null))));
      forged.put("another tenant", post(payload(notification(a.id(), a.clientState(), neighbour.id(), null))));
      forged.put("a lifecycle event with a wrong clientState", post(payload(notification(a.id(), "x-" + a.id(), guid, "subscriptionRemoved"))));
      forged.put("5,000 guesses in one body", post(manyForged));
      Map<String, Integer> statuses = new LinkedHashMap<>();
      forged.forEach((what, request) -> statuses.put(what, tenant.service.sync().notifications().handle(request).status()));
      assertThat(statuses).as("answers to forged notifications").allSatisfy((what, status) -> assertThat(status).as(what).isEqualTo(403));

      Map<String, NotificationRequest> malformed = new LinkedHashMap<>();
      malformed.put("a body over 1 MiB", new NotificationRequest("POST", "", Map.of(), new byte[(1 << 20) + 1]));
      malformed.put("an empty body", new NotificationRequest("POST", "", Map.of(), new byte[0]));
      malformed.put("no JSON", post("{\"value\":[" + notification(a.id(), a.clientState(), guid, null)));
      malformed.put("no value array", post("{\"value\":" + notification(a.id(), a.clientState(), guid, null) + "}"));
      malformed.put("no subscription id", post(payload("{\"clientState\":\"" + a.clientState() + "\"}")));
      malformed.put("a GET", new NotificationRequest("GET", "", Map.of(), new byte[0]));
      malformed.put("a validation token with a control character", new NotificationRequest("POST", "validationToken=abc%00def", Map.of(), new byte[0]));
      malformed.put("a validation token over 1,024 characters", new NotificationRequest("POST", "validationToken=" + "t".repeat(1025), Map.of(), new byte[0]));
      Map<String, Integer> refused = new LinkedHashMap<>();
      malformed.forEach((what, request) -> refused.put(what, tenant.service.sync().notifications().handle(request).status()));
      assertThat(refused).containsExactly(
          Map.entry("a body over 1 MiB", 413),
          Map.entry("an empty body", 400),
          Map.entry("no JSON", 400),
          Map.entry("no value array", 400),
          Map.entry("no subscription id", 400),
          Map.entry("a GET", 405),
          Map.entry("a validation token with a control character", 400),
          Map.entry("a validation token over 1,024 characters", 400));
      NotificationResponse echoed =
          tenant.service.sync().notifications().handle(new NotificationRequest("POST", "validationToken=%3Cscript%3E", Map.of(), new byte[0]));
      assertThat(echoed.contentType()).as("a validation token is only ever echoed as text").startsWith("text/plain");

      // a witness: a real change in room B comes through while nothing happens for room A
      String outlook = tenant.fake.addEvent(roomB, "Outlook", tomorrowAt(9), tomorrowAt(10));
      await().atMost(Duration.ofSeconds(30)).until(() -> listener.changes.stream().anyMatch(c -> c.eventId().equals(outlook)) && sync.isIdle());
      assertThat(m365.stats().requests(roomA)).as("requests to room A").isEqualTo(requestsToA);
      assertThat(listener.changes).allSatisfy(c -> assertThat(c.calendarEmail()).isEqualTo(roomB));
      WorldSnapshot after = WorldSnapshot.take(m365, counting.store, List.of(tenant.fake), List.of());
      assertThat(after.subscriptions()).isEqualTo(before.subscriptions());
      assertThat(after.store().get(tenant.id + " " + roomA + " sync")).isEqualTo(before.store().get(tenant.id + " " + roomA + " sync"));
      assertThat(after.store().get(tenant.id + " " + roomA + " subscription")).isEqualTo(before.store().get(tenant.id + " " + roomA + " subscription"));

      // and the checks are not refusing everything: the genuine notification is taken
      NotificationResponse genuine = tenant.service.sync().notifications().handle(post(payload(notification(a.id(), a.clientState(), guid, null))));
      assertThat(genuine.status()).isEqualTo(202);
      await().atMost(Duration.ofSeconds(30)).until(() -> m365.stats().requests(roomA) > requestsToA && sync.isIdle());
    }
  }

  private static FakeSubscription subscription(AuthorizedTenant tenant, String room) {
    return m365.subscriptions().stream()
        .filter(s -> s.tenantId().equals(tenant.fake.id()) && s.mailbox().equalsIgnoreCase(room))
        .findFirst()
        .orElse(null);
  }

  /** Two authorized tenants in one service over one store, with a room each and a booking each. */
  private static final class TwoTenants implements AutoCloseable {
    final WriteCountingStore counting = new WriteCountingStore(InMemoryCalendarStore.create());
    final AuthorizedTenant a;
    final FakeTenant fakeB;
    final TenantId b;
    final String roomB;

    TwoTenants() {
      a = AuthorizedTenant.create(m365, "callers", 2, s -> s.store(counting.store));
      fakeB = m365.tenant(GraphTestSupport.uniqueDomain("neighbours"));
      roomB = "room@" + fakeB.domain();
      fakeB.addRoom(roomB, "Neighbour room");
      b = TenantId.parse(fakeB.domain());
      assertThat(a.service.tenants().complete(GraphTestSupport.consent(m365, a.service.tenants().begin(b))).verified()).isTrue();
      a.service.calendars().add(b, roomB);
      assertThat(a.service.calendars().connect(b).connected()).isEqualTo(1);
      a.service.spaces().link(a.id, a.room(0), SpaceId.of("4.12"), LinkMode.FAIL_IF_LINKED);
      a.service.bookings().create(request(a.id, "a-1", a.room(0), tomorrowAt(9)));
      a.service.bookings().create(request(b, "b-1", roomB, tomorrowAt(9)));
      counting.drain();
    }

    BookingRequest request(TenantId tenant, String key, String room, Instant start) {
      return BookingRequest.builder(tenant, key).room(room).subject("Booked " + key).time(start, start.plus(Duration.ofHours(1)))
          .booker("alex@" + a.fake.domain(), "Alex").build();
    }

    WorldSnapshot snapshot() {
      return WorldSnapshot.take(m365, counting.store, List.of(a.fake, fakeB), List.of("a-1", "b-1"));
    }

    @Override
    public void close() {
      a.close();
    }
  }

  @Test
  void malformedTenantIdsAreRefusedWithTheReason() {
    List<String> malformed =
        Arrays.asList(
            null, "", "   ", "contoso", "contoso.", ".contoso.com", "contoso..com", "-contoso.com", "contoso-.com",
            "contoso.c", "contoso.123", "contoso.com/../evil.com", "contoso.com?x=1", "contoso.com#frag", "user@contoso.com",
            "https://contoso.com", "contoso com.com", "contoso.com\r\nX-Injected: 1", "contoso.com\u0000", "cöntoso.com",
            "72f988bf-86f1-41af-91ab", "72f988bf-86f1-41af-91ab-2d7cd011db47-00", "a".repeat(64) + ".com",
            ("a".repeat(60) + ".").repeat(5) + "com", "<script>.com", "*.contoso.com");
    for (String text : malformed) {
      assertThatThrownBy(() -> TenantId.parse(text))
          .as("%s", text)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("tenant ID")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\r", "\n", "\u0000"));
    }
    assertThatThrownBy(() -> new TenantId("Contoso.com")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower case");
    assertThat(TenantId.parse("  Contoso.COM ")).isEqualTo(new TenantId("contoso.com"));
  }

  @Test
  void unknownAndOtherTenantsReachNothingAtAnyEntryPoint() {
    try (TwoTenants world = new TwoTenants()) {
      CalendarService service = world.a.service;
      TenantId a = world.a.id;
      TenantId unknown = TenantId.parse(GraphTestSupport.uniqueDomain("unknown"));
      String roomA = world.a.room(0);
      WorldSnapshot before = world.snapshot();

      Map<String, ThrowingCallable> notFound = new LinkedHashMap<>();
      notFound.put("verify", () -> service.tenants().verify(unknown));
      notFound.put("verify with a mailbox", () -> service.tenants().verify(unknown, roomA));
      notFound.put("add a calendar", () -> service.calendars().add(unknown, roomA));
      notFound.put("add calendars", () -> service.calendars().addAll(unknown, List.of(roomA)));
      notFound.put("connect", () -> service.calendars().connect(unknown));
      notFound.put("connect some", () -> service.calendars().connect(unknown, List.of(roomA)));
      notFound.put("discover rooms", () -> service.calendars().discoverRooms(unknown));
      notFound.put("add discovered rooms", () -> service.calendars().addDiscovered(unknown, List.of()));
      notFound.put("link a space", () -> service.spaces().link(unknown, roomA, SpaceId.of("4.13"), LinkMode.MOVE));
      notFound.put("book", () -> service.bookings().create(world.request(unknown, "u-1", roomA, tomorrowAt(11))));
      notFound.put("book by space", () -> service.bookings().create(
          BookingRequest.builder(unknown, "u-2").space(SpaceId.of("4.12")).time(tomorrowAt(11), tomorrowAt(12)).booker("alex@contoso.com", null).build()));
      notFound.put("move a booking", () -> service.bookings().update(unknown, "a-1", BookingUpdate.subject("Taken over")));
      notFound.put("end a booking early", () -> service.bookings().endEarly(unknown, "a-1"));
      notFound.put("availability", () -> service.bookings().availability(unknown, List.of(roomA), tomorrowAt(0), tomorrowAt(23)));
      notFound.put("sync", () -> service.sync().syncNow(unknown, roomA));
      notFound.put("list calendars", () -> service.calendars().list(unknown, CalendarQuery.all()));
      notFound.put("another tenant's calendar: sync", () -> service.sync().syncNow(world.b, roomA));
      notFound.put("another tenant's calendar: book", () -> service.bookings().create(world.request(world.b, "x-1", roomA, tomorrowAt(11))));
      notFound.put("another tenant's calendar: connect", () -> service.calendars().connect(world.b, List.of(roomA)));
      notFound.put("another tenant's calendar: link", () -> service.spaces().link(world.b, roomA, SpaceId.of("4.13"), LinkMode.MOVE));
      notFound.put("another tenant's space: book", () -> service.bookings().create(
          BookingRequest.builder(world.b, "x-2").space(SpaceId.of("4.12")).time(tomorrowAt(11), tomorrowAt(12)).booker("alex@contoso.com", null).build()));
      notFound.put("another tenant's booking: move", () -> service.bookings().update(world.b, "a-1", BookingUpdate.subject("Taken over")));
      notFound.put("another tenant's booking: end", () -> service.bookings().endEarly(a, "b-1"));
      notFound.forEach((what, call) -> assertThat(refused(what, call)).as(what).isInstanceOf(ResourceNotFoundException.class));

      assertThat(service.tenants().get(unknown)).isEmpty();
      assertThat(service.tenants().remove(unknown)).isFalse();
      assertThat(service.calendars().get(unknown, roomA)).isEmpty();
      assertThat(service.calendars().get(world.b, roomA)).isEmpty();
      assertThat(service.calendars().remove(unknown, roomA)).isFalse();
      assertThat(service.calendars().remove(world.b, roomA)).isFalse();
      assertThat(service.spaces().links(unknown)).isEmpty();
      assertThat(service.spaces().findByCalendar(world.b, roomA)).isEmpty();
      assertThat(service.spaces().unlinkSpace(world.b, SpaceId.of("4.12"))).isFalse();
      assertThat(service.spaces().unlinkCalendar(unknown, roomA)).isFalse();
      assertThat(service.bookings().get(unknown, "a-1")).isEmpty();
      assertThat(service.bookings().get(world.b, "a-1")).isEmpty();
      assertThat(service.bookings().cancel(unknown, "a-1", null)).isFalse();
      assertThat(service.bookings().cancel(a, "b-1", null)).isFalse();

      assertThat(world.snapshot()).isEqualTo(before);
      assertThat(world.counting.drain()).as("store writes").isEmpty();

      // availability asks Graph with the caller's tenant token, where another tenant's room does not exist
      assertThatThrownBy(() -> service.bookings().availability(world.b, List.of(roomA), tomorrowAt(0), tomorrowAt(23)))
          .isInstanceOfSatisfying(CalendarServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
      assertThat(world.snapshot().events()).isEqualTo(before.events());
    }
  }

  @Test
  void nullTenantIdsAreRefusedAtEveryEntryPoint() {
    try (TwoTenants world = new TwoTenants()) {
      CalendarService service = world.a.service;
      String roomA = world.a.room(0);
      WorldSnapshot before = world.snapshot();
      Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
      calls.put("begin", () -> service.tenants().begin(null));
      calls.put("verify", () -> service.tenants().verify(null));
      calls.put("get a tenant", () -> service.tenants().get(null));
      calls.put("remove a tenant", () -> service.tenants().remove(null));
      calls.put("add a calendar", () -> service.calendars().add(null, roomA));
      calls.put("add calendars", () -> service.calendars().addAll(null, List.of(roomA)));
      calls.put("get a calendar", () -> service.calendars().get(null, roomA));
      calls.put("list calendars", () -> service.calendars().list(null, CalendarQuery.all()));
      calls.put("remove a calendar", () -> service.calendars().remove(null, roomA));
      calls.put("connect", () -> service.calendars().connect(null));
      calls.put("discover rooms", () -> service.calendars().discoverRooms(null));
      calls.put("link a space", () -> service.spaces().link(null, roomA, SpaceId.of("4.13"), LinkMode.MOVE));
      calls.put("links", () -> service.spaces().links(null));
      calls.put("unlink a space", () -> service.spaces().unlinkSpace(null, SpaceId.of("4.12")));
      calls.put("unlink a calendar", () -> service.spaces().unlinkCalendar(null, roomA));
      calls.put("find a link by space", () -> service.spaces().findBySpace(null, SpaceId.of("4.12")));
      calls.put("find a link by calendar", () -> service.spaces().findByCalendar(null, roomA));
      calls.put("read a space", () -> service.spaces().space(null, SpaceId.of("4.12")));
      calls.put("search spaces", () -> service.spaces().search(null, "4", com.workplace.calendar.PageRequest.first()));
      calls.put("add discovered rooms", () -> service.calendars().addDiscovered(null, List.of()));
      calls.put("connect some", () -> service.calendars().connect(null, List.of(roomA)));
      calls.put("end a booking early", () -> service.bookings().endEarly(null, "a-1"));
      calls.put("verify with a mailbox", () -> service.tenants().verify(null, roomA));
      calls.put("book", () -> BookingRequest.builder(null, "n-1").room(roomA).time(tomorrowAt(1), tomorrowAt(2)).booker("a@b.com", null).build());
      calls.put("move a booking", () -> service.bookings().update(null, "a-1", BookingUpdate.subject("x")));
      calls.put("cancel a booking", () -> service.bookings().cancel(null, "a-1", null));
      calls.put("get a booking", () -> service.bookings().get(null, "a-1"));
      calls.put("availability", () -> service.bookings().availability(null, List.of(roomA), tomorrowAt(0), tomorrowAt(1)));
      calls.put("sync", () -> service.sync().syncNow(null, roomA));
      calls.forEach((what, call) ->
          assertThat(refused(what, call)).as(what).isInstanceOfAny(NullPointerException.class, IllegalArgumentException.class)
              .hasMessageContaining("tenant"));
      assertThat(world.snapshot()).isEqualTo(before);
      assertThat(world.counting.drain()).isEmpty();
    }
  }

  @Test
  void malformedAddressesAreRefusedWithTheReasonAtEveryEntryPoint() {
    try (TwoTenants world = new TwoTenants()) {
      CalendarService service = world.a.service;
      TenantId a = world.a.id;
      String domain = world.a.fake.domain();
      List<String> malformed =
          Arrays.asList(
              null, "", "   ", "no-at-sign", "@" + domain, "room@", "room@contoso", "room@@" + domain, "room name@" + domain,
              "room@" + domain.replace(".", ".."), "room@-" + domain, ".room@" + domain, "room.@" + domain, "ro..om@" + domain,
              "room@" + domain + "\r\nBcc: evil@example.com", "room@" + domain + "\u0000", "<script>@" + domain, "röom@" + domain,
              "r".repeat(65) + "@" + domain, "r".repeat(250) + "@" + domain, "room@" + domain + "/../admin", "room%40" + domain,
              "\"room\"@" + domain, "room@[127.0.0.1]");
      WorldSnapshot before = world.snapshot();
      for (String email : malformed) {
        Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
        calls.put("add a calendar", () -> service.calendars().add(a, email));
        calls.put("get a calendar", () -> service.calendars().get(a, email));
        calls.put("remove a calendar", () -> service.calendars().remove(a, email));
        calls.put("connect", () -> service.calendars().connect(a, Collections.singletonList(email)));
        calls.put("link a space", () -> service.spaces().link(a, email, SpaceId.of("4.13"), LinkMode.MOVE));
        calls.put("unlink a calendar", () -> service.spaces().unlinkCalendar(a, email));
        calls.put("find a link", () -> service.spaces().findByCalendar(a, email));
        calls.put("verify with a mailbox", () -> service.tenants().verify(a, email));
        calls.put("availability", () -> service.bookings().availability(a, Collections.singletonList(email), tomorrowAt(0), tomorrowAt(1)));
        calls.put("sync", () -> service.sync().syncNow(a, email));
        calls.put("book the room", () -> BookingRequest.builder(a, "m-1").room(email).time(tomorrowAt(1), tomorrowAt(2)).booker("alex@" + domain, null).build());
        calls.put("book for the booker", () -> BookingRequest.builder(a, "m-1").room(world.a.room(0)).time(tomorrowAt(1), tomorrowAt(2)).booker(email, null).build());
        calls.forEach((what, call) ->
            assertThat(refused(what + " with " + email, call))
                .as("%s with %s", what, email)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageFindingMatch("e-mail address|names either a room calendar or a space")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\r", "\n", "\u0000")));
      }
      List<AddOutcome> outcomes = service.calendars().addAll(a, malformed).outcomes();
      assertThat(outcomes).hasSize(malformed.size()).allSatisfy(o -> assertThat(o.result()).isEqualTo(AddOutcome.Result.INVALID));

      assertThat(world.snapshot()).isEqualTo(before);
      assertThat(world.counting.drain()).isEmpty();
    }
  }

  @Test
  void anAddressFullOfUrlCharactersStaysOneMailbox() {
    try (TwoTenants world = new TwoTenants()) {
      CalendarService service = world.a.service;
      String sneaky = "a/%2e%2e/b?$select=id&c=d#e@" + world.a.fake.domain();
      Map<String, Long> requestsBefore = m365.stats().requestsPerMailbox();

      service.calendars().add(world.a.id, sneaky);
      ConnectReport report = service.calendars().connect(world.a.id, List.of(sneaky));

      assertThat(report.failuresByReason()).containsOnlyKeys(CalendarFailureReason.MAILBOX_NOT_FOUND);
      assertThat(m365.stats().requestsPerMailbox()).as("no request reached a real mailbox").isEqualTo(requestsBefore);
    }
  }

  @Test
  void bookingValuesOutOfBoundsAreRefusedBeforeAnythingIsSent() {
    try (TwoTenants world = new TwoTenants()) {
      CalendarService service = world.a.service;
      TenantId a = world.a.id;
      String room = world.a.room(0);
      WorldSnapshot before = world.snapshot();
      Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
      calls.put("an empty key", () -> world.request(a, "", room, tomorrowAt(1)));
      calls.put("a blank key", () -> world.request(a, "  ", room, tomorrowAt(1)));
      calls.put("a key with a line break", () -> world.request(a, "k-1\nforged log line", room, tomorrowAt(1)));
      calls.put("a key over 200 characters", () -> world.request(a, "k".repeat(201), room, tomorrowAt(1)));
      calls.put("a subject over 255 characters", () -> BookingRequest.builder(a, "k-2").room(room).subject("s".repeat(256))
          .time(tomorrowAt(1), tomorrowAt(2)).booker("alex@contoso.com", null).build());
      calls.put("an end before the start", () -> BookingRequest.builder(a, "k-3").room(room).time(tomorrowAt(2), tomorrowAt(1))
          .booker("alex@contoso.com", null).build());
      calls.put("no time at all", () -> BookingRequest.builder(a, "k-4").room(room).booker("alex@contoso.com", null).build());
      calls.put("a room and a space", () -> BookingRequest.builder(a, "k-5").room(room).space(SpaceId.of("4.12"))
          .time(tomorrowAt(1), tomorrowAt(2)).booker("alex@contoso.com", null).build());
      calls.put("an update that changes nothing", () -> new BookingUpdate(java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty()));
      calls.put("an update ending before it starts", () -> BookingUpdate.time(tomorrowAt(3), tomorrowAt(2)));
      calls.put("a window over 366 days", () -> service.bookings().availability(a, List.of(room), tomorrowAt(0), tomorrowAt(0).plus(Duration.ofDays(367))));
      calls.put("an empty window", () -> service.bookings().availability(a, List.of(room), tomorrowAt(1), tomorrowAt(1)));
      calls.put("an empty space id", () -> SpaceId.of(""));
      calls.put("a space id over 128 characters", () -> SpaceId.of("s".repeat(129)));
      calls.put("a search over the length limit", () -> service.spaces().search(a, "q".repeat(10_000), com.workplace.calendar.PageRequest.first()));
      calls.forEach((what, call) ->
          assertThat(refused(what, call)).as(what).isInstanceOf(IllegalArgumentException.class)
              .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n")));
      assertThat(world.snapshot()).isEqualTo(before);

      assertThatThrownBy(() -> service.bookings().update(a, "a-1", new BookingUpdate(java.util.Optional.empty(), java.util.Optional.of(tomorrowAt(20)), java.util.Optional.empty())))
          .as("a new start after the booking's end")
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(world.snapshot().events()).isEqualTo(before.events());
      assertThat(world.counting.drain()).isEmpty();
    }
  }
}
