package com.workplace.calendar.graph.reliability;

import static com.workplace.calendar.graph.reliability.HostileCalls.refused;
import static com.workplace.calendar.graph.reliability.HostileCalls.tomorrowAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.ResourceNotFoundException;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.booking.BookingUpdate;
import com.workplace.calendar.graph.AuthorizedTenant;
import com.workplace.calendar.graph.GraphTestSupport;
import com.workplace.calendar.graph.SecretsInLogsExtension;
import com.workplace.calendar.registry.AddOutcome;
import com.workplace.calendar.registry.CalendarFailureReason;
import com.workplace.calendar.registry.CalendarQuery;
import com.workplace.calendar.registry.ConnectReport;
import com.workplace.calendar.space.LinkMode;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.store.InMemoryCalendarStore;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeMicrosoft365Extension;
import com.workplace.calendar.testkit.FakeTenant;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Callers that pass what no entry point accepts: malformed tenant IDs and addresses, null tenants,
 * booking values out of bounds, unknown tenants and other tenants' records, at every public entry
 * point. Each is refused with a typed error (or a plain "nothing there" answer) before anything is
 * sent, and neither the store nor the calendars change.
 */
@ExtendWith(SecretsInLogsExtension.class)
@Timeout(120)
class HostileArgumentsIT {
  @RegisterExtension
  static final FakeMicrosoft365Extension FAKE = FakeMicrosoft365Extension.newInstance().build();

  /** Two authorized tenants in one service over one store, with a room each and a booking each. */
  private static final class TwoTenants implements AutoCloseable {
    final WriteCountingStore counting = new WriteCountingStore(InMemoryCalendarStore.create());
    final FakeMicrosoft365 m365;
    final AuthorizedTenant a;
    final FakeTenant fakeB;
    final TenantId b;
    final String roomB;

    TwoTenants(FakeMicrosoft365 m365) {
      this.m365 = m365;
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
  void unknownAndOtherTenantsReachNothingAtAnyEntryPoint(FakeMicrosoft365 m365) {
    try (TwoTenants world = new TwoTenants(m365)) {
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
  void nullTenantIdsAreRefusedAtEveryEntryPoint(FakeMicrosoft365 m365) {
    try (TwoTenants world = new TwoTenants(m365)) {
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
  void malformedAddressesAreRefusedWithTheReasonAtEveryEntryPoint(FakeMicrosoft365 m365) {
    try (TwoTenants world = new TwoTenants(m365)) {
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
  void anAddressFullOfUrlCharactersStaysOneMailbox(FakeMicrosoft365 m365) {
    try (TwoTenants world = new TwoTenants(m365)) {
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
  void bookingValuesOutOfBoundsAreRefusedBeforeAnythingIsSent(FakeMicrosoft365 m365) {
    try (TwoTenants world = new TwoTenants(m365)) {
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
