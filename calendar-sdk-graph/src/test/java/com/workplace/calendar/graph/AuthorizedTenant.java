package com.workplace.calendar.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.registry.ConnectReport;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeTenant;
import java.util.List;
import java.util.function.Consumer;

/** A fake tenant with rooms, an app consented in it, and a service that authorized and connected them. */
public final class AuthorizedTenant implements AutoCloseable {
  public final FakeApp app;
  public final FakeTenant fake;
  public final TenantId id;
  public final CalendarService service;

  private AuthorizedTenant(FakeApp app, FakeTenant fake, CalendarService service) {
    this.app = app;
    this.fake = fake;
    this.id = TenantId.parse(fake.domain());
    this.service = service;
  }

  public static AuthorizedTenant create(
      FakeMicrosoft365 m365, String name, int rooms, Consumer<GraphCalendarServiceBuilder> settings) {
    FakeApp app = GraphTestSupport.app(m365);
    FakeTenant fake = m365.tenant(GraphTestSupport.uniqueDomain(name));
    for (int i = 0; i < rooms; i++) {
      fake.addRoom(room(fake, i), "Room " + i);
    }
    CalendarService service = GraphTestSupport.service(m365, app, settings);
    AuthorizedTenant tenant = new AuthorizedTenant(app, fake, service);
    var request = service.tenants().begin(tenant.id);
    assertThat(service.tenants().complete(GraphTestSupport.consent(m365, request)).verified()).isTrue();
    List<String> emails = java.util.stream.IntStream.range(0, rooms).mapToObj(i -> room(fake, i)).toList();
    service.calendars().addAll(tenant.id, emails);
    ConnectReport report = service.calendars().connect(tenant.id);
    assertThat(report.connected()).isEqualTo(rooms);
    return tenant;
  }

  public static String room(FakeTenant fake, int i) {
    return String.format("room%03d@%s", i, fake.domain());
  }

  public String room(int i) {
    return room(fake, i);
  }

  @Override
  public void close() {
    service.close();
  }
}
