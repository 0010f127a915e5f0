package com.workplace.calendar.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.booking.Booking;
import com.workplace.calendar.booking.BookingRecurrence;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeEvent;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeMicrosoft365Test;
import com.workplace.calendar.testkit.FakeTenant;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's sample of a weekly stand-up booked as one series, run against the fake. */
@FakeMicrosoft365Test(failOnLimitViolation = true)
class RecurringBookingSampleIT {
  @Test
  void aWeeklySeriesIsBookedAndOneOccurrenceCancelled(FakeMicrosoft365 m365) {
    FakeApp app = m365.registerApp();
    FakeTenant contoso = m365.tenant("contoso.com").grantAdminConsent(app.clientId());
    contoso.addRoom("orchard@contoso.com", "Orchard");
    TenantId tenant = TenantId.parse(contoso.domain());
    // next Monday, 09:00 UTC: the series must end inside the sync window (90 days by default)
    Instant monday =
        Instant.now().atOffset(ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.MONDAY))
            .truncatedTo(ChronoUnit.DAYS).withHour(9).toInstant();
    try (CalendarService calendars = ConsumerTestExampleIT.calendarService(m365, app)) {
      calendars.tenants().begin(tenant);
      assertThat(calendars.tenants().verify(tenant).verified()).isTrue();
      calendars.calendars().add(tenant, "orchard@contoso.com");
      calendars.calendars().connect(tenant);
      // [START recurring-booking]
      Booking standUp = calendars.bookings().create(
          BookingRequest.builder(tenant, "standup-4713")
              .room("orchard@contoso.com")
              .subject("Team stand-up")
              .time(monday, monday.plus(Duration.ofMinutes(15))) // the first occurrence
              .booker("megan.bowen@contoso.com", "Megan Bowen")
              .recurrence(BookingRecurrence.weekly(1, DayOfWeek.MONDAY).times(10))
              .build());
      // standUp.recurring() is true; its eventId is the series master's

      calendars.bookings().cancelOccurrence(
          tenant, "standup-4713", monday.plus(Duration.ofDays(14)), "Team day"); // the third
      // [END recurring-booking]
      assertThat(standUp.recurring()).isTrue();
      List<FakeEvent> occurrences =
          contoso.calendarView("orchard@contoso.com", monday, monday.plus(Duration.ofDays(70)));
      assertThat(occurrences).hasSize(9).allSatisfy(o -> assertThat(o.seriesMasterId()).contains(standUp.eventId()));
    }
  }
}
