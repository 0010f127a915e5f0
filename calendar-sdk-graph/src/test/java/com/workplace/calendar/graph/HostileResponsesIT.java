package com.workplace.calendar.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.CalendarClientException;
import com.workplace.calendar.CalendarService;
import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeTenant;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SecretsInLogsExtension.class)
class HostileResponsesIT {
  private static final String ROOM_LISTS = "/v1\\.0/places/microsoft\\.graph\\.roomlist";
  private static FakeMicrosoft365 m365;
  private CalendarService service;
  private TenantId tenantId;

  @BeforeAll
  static void startFake() {
    m365 = FakeMicrosoft365.builder().build().start();
  }

  @AfterAll
  static void stopFake() {
    m365.close();
  }

  @BeforeEach
  void authorize() {
    FakeApp app = GraphTestSupport.app(m365);
    FakeTenant tenant = m365.tenant(GraphTestSupport.uniqueDomain("hostile"));
    tenant.addRoom("room@" + tenant.domain(), "Room");
    tenantId = TenantId.parse(tenant.domain());
    service = GraphTestSupport.service(m365, app, b -> {});
    var request = service.tenants().begin(tenantId);
    assertThat(service.tenants().complete(GraphTestSupport.consent(m365, request)).verified()).isTrue();
  }

  @AfterEach
  void close() {
    m365.faults().clear();
    service.close();
  }

  @Test
  void aNextLinkToAnotherHostIsRefusedAndNothingIsSentThere() throws Exception {
    AtomicInteger connections = new AtomicInteger();
    try (ServerSocket elsewhere = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor =
          new Thread(
              () -> {
                while (!elsewhere.isClosed()) {
                  try (Socket s = elsewhere.accept()) {
                    connections.incrementAndGet();
                  } catch (java.io.IOException e) {
                    return;
                  }
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      m365.faults()
          .respondOnceWithJson(
              "GET",
              ROOM_LISTS,
              200,
              "{\"value\":[],\"@odata.nextLink\":\"https://127.0.0.1:" + elsewhere.getLocalPort()
                  + "/v1.0/places/microsoft.graph.roomlist?$skip=100\"}");

      assertThatThrownBy(() -> service.calendars().discoverRooms(tenantId))
          .isInstanceOf(CalendarClientException.class)
          .hasMessageContaining("refusing to follow a link to 127.0.0.1");
    }
    assertThat(connections).hasValue(0);
  }

  @Test
  void aPagingLoopEndsInATypedError() {
    m365.faults()
        .respond(
            "GET",
            ROOM_LISTS,
            Integer.MAX_VALUE,
            200,
            java.util.Map.of("Content-Type", "application/json"),
            "{\"value\":[],\"@odata.nextLink\":\"" + m365.graphUri() + "places/microsoft.graph.roomlist?$skip=1\"}");
    assertThatThrownBy(() -> service.calendars().discoverRooms(tenantId))
        .isInstanceOf(CalendarServiceException.class)
        .hasMessageContaining("paging loop");
  }

  @Test
  void malformedJsonWrongTypesAndErrorBodiesAreTypedErrors() {
    m365.faults().respondOnceWithJson("GET", ROOM_LISTS, 200, "{\"value\":[{\"emailAddress\":");
    assertThatThrownBy(() -> service.calendars().discoverRooms(tenantId))
        .isInstanceOf(CalendarServiceException.class)
        .hasMessageContaining("invalid JSON");

    m365.faults().respondOnceWithJson("GET", ROOM_LISTS, 200, "{\"value\":\"not a list\"}");
    assertThatThrownBy(() -> service.calendars().discoverRooms(tenantId))
        .isInstanceOf(CalendarServiceException.class)
        .hasMessageContaining("no value array");

    m365.faults()
        .respondOnceWithJson(
            "GET", ROOM_LISTS, 200, "{\"error\":{\"code\":\"InternalServerError\",\"message\":\"boom\"}}");
    assertThatThrownBy(() -> service.calendars().discoverRooms(tenantId))
        .isInstanceOf(CalendarServiceException.class)
        .hasMessageContaining("InternalServerError");

    assertThat(service.calendars().discoverRooms(tenantId)).hasSize(1);
  }
}
