package com.workplace.calendar.examples.admin;

import static com.workplace.calendar.examples.admin.Output.obj;

import com.workplace.calendar.booking.Booking;
import com.workplace.calendar.booking.BookingConflictException;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.booking.BookingRuleException;
import com.workplace.calendar.csv.CalendarProcessingImporter;
import com.workplace.calendar.csv.RulesImportReport;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.space.SpaceLink;
import com.workplace.calendar.tenant.TenantId;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** The demo's step about room truth: a refused double booking and the room's own rules. */
final class DemoRoomTruth {
  private DemoRoomTruth() {}

  static void show(AdminContext ctx, Output out, TenantId tenantId, Booking running, Map<String, Object> json) {
    out.heading("6b. No double bookings, and the room's own rules");
    String doubleBooking;
    try {
      ctx.service().bookings().create(
          BookingRequest.builder(tenantId, "demo-double")
              .room(running.calendarEmail())
              .subject("Quick sync")
              .time(running.start().plus(Duration.ofMinutes(15)), running.end().plus(Duration.ofMinutes(15)))
              .booker(DemoOrganisation.LEE.address(), DemoOrganisation.LEE.name())
              .build());
      doubleBooking = "(accepted)";
    } catch (BookingConflictException e) {
      doubleBooking = e.getMessage();
    }
    out.line(DemoOrganisation.LEE.name() + " tries to book " + running.calendarEmail() + " during the stand-up: refused.");
    out.line("  " + doubleBooking);

    String room =
        ctx.service().spaces().links(tenantId).stream()
            .filter(l -> l.spaceId().equals(SpaceId.of("MS-2.03")))
            .map(SpaceLink::calendarEmail)
            .findFirst()
            .orElseThrow();
    out.line("");
    out.line("The Exchange administrator exports the rooms' booking settings with Get-CalendarProcessing | Export-Csv;");
    out.line("the import sets them (Graph cannot read them) and reports the row it cannot match:");
    RulesImportReport report =
        CalendarProcessingImporter.builder().registry(ctx.service().calendars()).build()
            .apply(tenantId, new ByteArrayInputStream(
                DemoOrganisation.calendarProcessingExport(List.of(room, running.calendarEmail()))
                    .getBytes(StandardCharsets.UTF_8)));
    RulesImportCommand.print(out, report);

    Instant far = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(200)).plus(Duration.ofHours(9));
    String beyondWindow;
    try {
      ctx.service().bookings().create(
          BookingRequest.builder(tenantId, "demo-far-ahead")
              .space(SpaceId.of("MS-2.03"))
              .subject("Offsite planning")
              .time(far, far.plus(Duration.ofHours(2)))
              .booker(DemoOrganisation.ALEX.address(), DemoOrganisation.ALEX.name())
              .build());
      beyondWindow = "(accepted)";
    } catch (BookingRuleException e) {
      beyondWindow = e.getMessage();
    }
    out.line("");
    out.line(DemoOrganisation.ALEX.name() + " tries to book space MS-2.03 200 days ahead: refused by the room's window.");
    out.line("  " + beyondWindow);
    json.put("roomTruth", obj(
        "doubleBookingRefused", doubleBooking,
        "rulesImported", report.rows().size() - report.problems().size(),
        "rulesNotMatched", report.problems().size(),
        "beyondWindowRefused", beyondWindow));
  }
}
