package com.workplace.calendar.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.Page;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.graph.GraphCalendarService;
import com.workplace.calendar.space.SpaceDirectory;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeMicrosoft365Test;
import com.workplace.calendar.testkit.FakeTenant;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A host's integration test as the README shows it under "Testing your integration": the host's own
 * service factory, pointed at the fake, books a room and the fake's calendar shows the booking.
 */
@FakeMicrosoft365Test(failOnLimitViolation = true)
class ConsumerTestExampleIT {
  private static final Instant NINE = Instant.parse("2030-01-07T09:00:00Z");
  private static final Instant TEN = Instant.parse("2030-01-07T10:00:00Z");

  // [START consumer-test]
  @Test
  void aBookingLandsInTheRoomCalendar(FakeMicrosoft365 m365) {
    FakeApp app = m365.registerApp();
    FakeTenant contoso = m365.tenant("contoso.onmicrosoft.com").grantAdminConsent(app.clientId());
    contoso.addRoom("orchard@contoso.onmicrosoft.com", "Orchard");
    TenantId tenant = TenantId.parse(contoso.domain());
    try (CalendarService calendars = calendarService(m365, app)) {
      calendars.tenants().begin(tenant);
      assertThat(calendars.tenants().verify(tenant).verified()).isTrue();
      calendars.calendars().add(tenant, "orchard@contoso.onmicrosoft.com");
      calendars.calendars().connect(tenant);
      calendars.bookings().create(BookingRequest.builder(tenant, "booking-1")
          .room("orchard@contoso.onmicrosoft.com").subject("Sprint review").time(NINE, TEN)
          .booker("alex@contoso.onmicrosoft.com", "Alex").build());
      assertThat(contoso.events("orchard@contoso.onmicrosoft.com")).hasSize(1);
    }
  }
  // [END consumer-test]

  /** The host's own factory, pointed at the fake instead of Microsoft 365. */
  static CalendarService calendarService(FakeMicrosoft365 m365, FakeApp app) {
    return GraphCalendarService.builder()
        .clientId(app.clientId())
        .clientSecret(app.clientSecret())
        .redirectUri(URI.create("https://booking.example.com/consent"))
        .authorityHost(m365.authorityUri())
        .graphEndpoint(m365.graphUri())
        .trust(m365.sslContext(), m365.trustManager())
        .spaceDirectory(NO_SPACES)
        .syncListener((tenant, calendar, changes) -> {})
        .build();
  }

  private static final SpaceDirectory NO_SPACES =
      new SpaceDirectory() {
        @Override
        public Optional<com.workplace.calendar.space.Space> find(
            TenantId tenantId, com.workplace.calendar.space.SpaceId spaceId) {
          return Optional.empty();
        }

        @Override
        public Page<com.workplace.calendar.space.Space> search(
            TenantId tenantId, String text, com.workplace.calendar.PageRequest page) {
          return Page.last(List.of());
        }
      };
}
