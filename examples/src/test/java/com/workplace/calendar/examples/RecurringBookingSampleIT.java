package com.workplace.calendar.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.booking.Booking;
import com.workplace.calendar.booking.BookingRecurrence;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.booking.BookingUpdate;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeEvent;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeMicrosoft365Test;
import com.workplace.calendar.testkit.FakeTenant;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's sample of a weekly stand-up booked as one series in Berlin time, one occurrence
 * cancelled, then the series moved, run against the fake.
 */
@FakeMicrosoft365Test(failOnLimitViolation = true)
class RecurringBookingSampleIT {
  @Test
  void aWeeklySeriesIsBookedAndOneOccurrenceCancelled(FakeMicrosoft365 m365) {
    FakeApp app = m365.registerApp();
    FakeTenant contoso = m365.tenant("contoso.com").grantAdminConsent(app.clientId());
    contoso.addRoom("orchard@contoso.com", "Orchard");
    TenantId tenant = TenantId.parse(contoso.domain());
    // next Monday, 09:00 in Berlin: the series must end inside the sync window (90 days by default)
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    Instant monday =
        LocalDate.now(berlin).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atTime(9, 0).atZone(berlin).toInstant();
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
              .recurrence(BookingRecurrence.weekly(1, DayOfWeek.MONDAY).times(10)
                  .inZone(ZoneId.of("Europe/Berlin"))) // 09:00 Berlin time, summer and winter
              .build());
      // standUp.recurring() is true; its eventId is the series master's

      calendars.bookings().cancelOccurrence(
          tenant, "standup-4713", monday.plus(Duration.ofDays(14)), "Team day"); // the third
      // [END recurring-booking]
      assertThat(standUp.recurring()).isTrue();
      assertThat(standUp.recurrence().orElseThrow().zone()).isEqualTo(berlin);
      List<FakeEvent> occurrences =
          contoso.calendarView("orchard@contoso.com", monday, monday.plus(Duration.ofDays(70)));
      assertThat(occurrences).hasSize(9).allSatisfy(o -> {
        assertThat(o.seriesMasterId()).contains(standUp.eventId());
        assertThat(o.start().atZone(berlin).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
      });

      Instant ten = monday.plus(Duration.ofHours(1));
      // [START recurring-move]
      // every occurrence moves to 10:00; the cancelled third one comes back (Exchange drops a
      // series' exceptions when it moves) and is checked like the others
      Booking moved = calendars.bookings().update(
          tenant, "standup-4713", BookingUpdate.time(ten, ten.plus(Duration.ofMinutes(15))));
      // [END recurring-move]
      assertThat(moved.start()).isEqualTo(ten);
      assertThat(contoso.calendarView("orchard@contoso.com", monday, monday.plus(Duration.ofDays(70))))
          .hasSize(10).allSatisfy(o -> assertThat(o.start().atZone(berlin).toLocalTime()).isEqualTo(LocalTime.of(10, 0)));
    }
  }
}
