package com.workplace.calendar.graph.reliability;

import static com.workplace.calendar.graph.reliability.HostileCalls.tomorrowAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.CalendarClientException;
import com.workplace.calendar.CalendarSdkException;
import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.graph.SecretsInLogsExtension;
import com.workplace.calendar.sync.ChangeType;
import com.workplace.calendar.sync.SyncResult;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeMicrosoft365Extension;
import java.net.URI;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Graph answers whose links are hostile: paging links that loop, links and redirects to other
 * places, and delta pages without links. Each ends in a typed {@link CalendarSdkException} within a
 * bounded time, what sync keeps stays as it was, and no token goes anywhere but the configured
 * Graph endpoint: a trap listening where the links point must see no connection.
 */
@ExtendWith(SecretsInLogsExtension.class)
@Timeout(60)
class HostileGraphLinksIT extends HostileGraphSuite {
  @RegisterExtension
  static final FakeMicrosoft365Extension FAKE = FakeMicrosoft365Extension.newInstance().build();

  private static Trap trap;

  @BeforeAll
  static void startTrap() throws Exception {
    trap = new Trap();
  }

  @AfterAll
  static void stopTrap() throws Exception {
    try {
      assertThat(trap.connectionsSoFar()).as("connections that reached somewhere other than Graph").isZero();
    } finally {
      trap.close();
    }
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
    FakeMicrosoft365 m365 = FAKE.get();
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
}
