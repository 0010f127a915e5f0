package com.workplace.calendar.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.registry.CalendarFailureReason;
import com.workplace.calendar.registry.CalendarQuery;
import com.workplace.calendar.registry.CalendarStatus;
import com.workplace.calendar.registry.ConnectOutcome;
import com.workplace.calendar.registry.ConnectReport;
import com.workplace.calendar.registry.DiscoveredRoom;
import com.workplace.calendar.PageRequest;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeStats;
import com.workplace.calendar.testkit.FakeTenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SecretsInLogsExtension.class)
class ConnectCalendarsIT {
  private static FakeMicrosoft365 m365;

  @BeforeAll
  static void startFake() {
    m365 = FakeMicrosoft365.builder().build().start();
  }

  @AfterAll
  static void stopFake() {
    m365.close();
  }

  @Test
  void connectingAThousandCalendarsGivesExactlyTheRealReasonsWithinTheLimits() {
    FakeApp app = GraphTestSupport.app(m365);
    FakeTenant tenant = m365.tenant(GraphTestSupport.uniqueDomain("bigcorp"));
    TenantId tenantId = TenantId.parse(tenant.domain());
    List<String> emails = new ArrayList<>();
    List<String> denied = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      String email = String.format("room%04d@%s", i, tenant.domain());
      emails.add(email);
      if (i % 50 == 7) {
        missing.add(email);
        continue;
      }
      tenant.addRoom(email, "Room " + i);
      if (i % 20 == 3) {
        denied.add(email);
      }
    }
    tenant.denyByAccessPolicy(app.clientId(), denied.toArray(String[]::new));
    assertThat(denied).hasSize(50);
    assertThat(missing).hasSize(20);

    try (CalendarService service = GraphTestSupport.service(m365, app, b -> {})) {
      var request = service.tenants().begin(tenantId);
      assertThat(service.tenants().complete(GraphTestSupport.consent(m365, request)).verified()).isTrue();
      assertThat(service.calendars().addAll(tenantId, emails).added()).isEqualTo(1000);
      m365.resetStats();

      ConnectReport report = service.calendars().connect(tenantId);

      assertThat(report.attempted()).isEqualTo(1000);
      assertThat(report.connected()).isEqualTo(930);
      assertThat(report.failuresByReason())
          .isEqualTo(
              Map.of(
                  CalendarFailureReason.ACCESS_DENIED_BY_POLICY, 50L,
                  CalendarFailureReason.MAILBOX_NOT_FOUND, 20L));
      assertThat(report.outcomes())
          .filteredOn(o -> o.failureReason().isPresent())
          .extracting(ConnectOutcome::email)
          .containsExactlyInAnyOrderElementsOf(concat(denied, missing));
      assertThat(
              service.calendars()
                  .list(tenantId, CalendarQuery.withStatus(CalendarStatus.FAILED).page(PageRequest.first(1000)))
                  .items())
          .hasSize(70);

      FakeStats stats = m365.stats();
      assertThat(stats.limitViolations()).isZero();
      assertThat(stats.peakConcurrencyPerMailbox().values()).allSatisfy(peak -> assertThat(peak).isLessThanOrEqualTo(4));
      assertThat(stats.throttledResponses()).isZero();
      assertThat(stats.totalRequests()).as("probes travel in batches of 20").isLessThanOrEqualTo(60);
    }
  }

  @Test
  void discoveredRoomsCarryTheirListsAndRegisterInOneCall() {
    FakeApp app = GraphTestSupport.app(m365);
    FakeTenant tenant = m365.tenant(GraphTestSupport.uniqueDomain("discover"));
    TenantId tenantId = TenantId.parse(tenant.domain());
    for (int i = 0; i < 130; i++) {
      tenant.addRoom(String.format("r%03d@%s", i, tenant.domain()), "Room " + i);
    }
    tenant.addRoomList("hq@" + tenant.domain(), "Headquarters", "r000@" + tenant.domain(), "r001@" + tenant.domain());
    try (CalendarService service = GraphTestSupport.service(m365, app, b -> {})) {
      var request = service.tenants().begin(tenantId);
      assertThat(service.tenants().complete(GraphTestSupport.consent(m365, request)).verified()).isTrue();

      List<DiscoveredRoom> rooms = service.calendars().discoverRooms(tenantId);

      assertThat(rooms).hasSize(130);
      assertThat(rooms.get(0).roomLists()).containsExactly("hq@" + tenant.domain());
      assertThat(rooms.get(2).roomLists()).isEmpty();
      assertThat(service.calendars().addDiscovered(tenantId, rooms).added()).isEqualTo(130);
      assertThat(service.calendars().get(tenantId, "r005@" + tenant.domain()).orElseThrow().displayName())
          .contains("Room 5");
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
