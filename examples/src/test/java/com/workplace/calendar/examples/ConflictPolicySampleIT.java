package com.workplace.calendar.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.booking.ConflictPolicy;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeMicrosoft365Test;
import com.workplace.calendar.testkit.FakeTenant;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The README's sample of a booking that overlaps knowingly, run against the fake. */
@FakeMicrosoft365Test(failOnLimitViolation = true)
class ConflictPolicySampleIT {
  @Test
  void aHostAllowsAnOverlapKnowingly(FakeMicrosoft365 m365) {
    FakeApp app = m365.registerApp();
    FakeTenant contoso = m365.tenant("contoso.com").grantAdminConsent(app.clientId());
    contoso.addRoom("orchard@contoso.com", "Orchard");
    Instant start = Instant.parse("2030-01-07T10:30:00Z");
    Instant end = Instant.parse("2030-01-07T11:30:00Z");
    contoso.addEvent("orchard@contoso.com", "Board meeting", start.minusSeconds(1800), end.minusSeconds(1800));
    TenantId tenant = TenantId.parse(contoso.domain());
    try (CalendarService calendars = ConsumerTestExampleIT.calendarService(m365, app)) {
      calendars.tenants().begin(tenant);
      assertThat(calendars.tenants().verify(tenant).verified()).isTrue();
      calendars.calendars().add(tenant, "orchard@contoso.com");
      calendars.calendars().connect(tenant);
      // [START conflict-policy]
      calendars.bookings().create(
          BookingRequest.builder(tenant, "booking-4712")
              .room("orchard@contoso.com")
              .time(start, end)
              .booker("megan.bowen@contoso.com", "Megan Bowen")
              .conflictPolicy(ConflictPolicy.ALLOW) // default REFUSE
              .build());
      // [END conflict-policy]
      assertThat(contoso.events("orchard@contoso.com")).hasSize(2);
    }
  }
}
