package com.workplace.calendar.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.spring.test.CalendarSdkFakeTest;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeTenant;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

// embedded-fake=false switches off this example's own fake; your application needs no such property
@SpringBootTest(properties = "workplace.example.embedded-fake=false")
@CalendarSdkFakeTest(consentedTenants = "contoso.onmicrosoft.com")
class RoomBookingTest {
  @Autowired FakeMicrosoft365 m365;
  @Autowired CalendarService calendars;

  @Test
  void aBookingLandsInTheRoomsCalendar() {
    FakeTenant contoso = m365.tenant("contoso.onmicrosoft.com");
    contoso.addRoom("orchard@contoso.onmicrosoft.com", "Orchard");
    TenantId tenant = TenantId.parse(contoso.domain());
    calendars.tenants().begin(tenant);
    assertThat(calendars.tenants().verify(tenant).verified()).isTrue();
    calendars.calendars().add(tenant, "orchard@contoso.onmicrosoft.com");
    calendars.calendars().connect(tenant);
    Instant nine = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    calendars.bookings().create(BookingRequest.builder(tenant, "booking-1")
        .room("orchard@contoso.onmicrosoft.com").subject("Sprint review")
        .time(nine, nine.plus(Duration.ofHours(1)))
        .booker("alex@contoso.onmicrosoft.com", "Alex").build());
    assertThat(contoso.events("orchard@contoso.onmicrosoft.com")).hasSize(1);
  }
}
