package com.workplace.calendar.examples.admin;

import static com.workplace.calendar.examples.admin.Output.obj;

import com.workplace.calendar.ConflictException;
import com.workplace.calendar.booking.Availability;
import com.workplace.calendar.booking.Booking;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.sync.BookingChange;
import com.workplace.calendar.sync.SyncResult;
import com.workplace.calendar.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The demo's booking chapters 6 to 8: booking rooms by space (and a refusal), ending a booking
 * early, and a booking made in Outlook arriving through sync. Each chapter prints its part of the
 * story and puts its results into the demo's JSON document.
 */
final class DemoBookings {
  private DemoBookings() {}

  // 6 ------------------------------------------------------------------------------------------

  static Booking book(AdminContext ctx, Output out, TenantId tenantId, Map<String, Object> json) {
    out.heading("6. Book rooms by space");
    Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    Instant tomorrow = now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
    Booking standup =
        ctx.service().bookings().create(
            BookingRequest.builder(tenantId, "demo-standup")
                .space(SpaceId.of("HH-2.01"))
                .subject("Project stand-up")
                .time(now.minus(Duration.ofMinutes(20)), now.plus(Duration.ofMinutes(40)))
                .booker(DemoOrganisation.ADELE.address(), DemoOrganisation.ADELE.name())
                .build());
    Booking review =
        ctx.service().bookings().create(
            BookingRequest.builder(tenantId, "demo-review")
                .space(SpaceId.of("MS-2.03"))
                .subject("Quarterly review")
                .time(tomorrow.plus(Duration.ofHours(16)), tomorrow.plus(Duration.ofHours(17)))
                .booker(DemoOrganisation.ALEX.address(), DemoOrganisation.ALEX.name())
                .build());
    BookingsCommands.printBookings(out, List.of(standup, review));
    String blocked = "HH-4.05";
    String refusal;
    try {
      ctx.service().bookings().create(
          BookingRequest.builder(tenantId, "demo-blocked")
              .space(SpaceId.of(blocked))
              .subject("Board meeting")
              .time(tomorrow.plus(Duration.ofHours(9)), tomorrow.plus(Duration.ofHours(10)))
              .booker(DemoOrganisation.LEE.address(), DemoOrganisation.LEE.name())
              .build());
      refusal = "(accepted)";
    } catch (ConflictException e) {
      refusal = e.getMessage();
    }
    out.line("");
    out.line("Booking space " + blocked + " is refused: " + refusal);
    json.put("bookings", obj("created", List.of(Views.booking(standup), Views.booking(review)), "refused", refusal));
    return standup;
  }

  // 7 ------------------------------------------------------------------------------------------

  static void endEarly(AdminContext ctx, Output out, TenantId tenantId, Booking standup, Map<String, Object> json) {
    out.heading("7. End a booking early");
    Booking ended = ctx.service().bookings().endEarly(tenantId, standup.bookingKey());
    out.linef("The stand-up finished early: %s now ends at %s instead of %s.",
        standup.bookingKey(), out.time(ended.end()), out.time(standup.end()));
    Instant from = standup.start();
    Instant to = standup.end().plus(Duration.ofHours(1));
    List<Availability> availability =
        ctx.service().bookings().availability(tenantId, List.of(standup.calendarEmail()), from, to);
    BookingsCommands.printAvailability(out, availability, from, to);
    json.put("endEarly", obj("key", standup.bookingKey(), "plannedEnd", standup.end(), "end", ended.end()));
  }

  // 8 ------------------------------------------------------------------------------------------

  static boolean sync(AdminContext ctx, Output out, TenantId tenantId, DemoOrganisation demo, Map<String, Object> json) {
    out.heading("8. A booking made in Outlook arrives through sync");
    List<BookingChange> changes = Collections.synchronizedList(new ArrayList<>());
    ctx.feed().listen((tenant, calendar, found) -> changes.addAll(found));
    try {
      SyncResult first = ctx.service().sync().syncNow(tenantId, DemoCommand.SYNC_ROOM);
      out.linef("First sync round of %s (no delta link yet): %d events already in the calendar.",
          DemoCommand.SYNC_ROOM, first.created());
      SyncCommands.printChanges(out, changes);
      List<BookingChange> baseline = List.copyOf(changes);
      changes.clear();

      Instant tomorrow = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
      Instant start = tomorrow.plus(Duration.ofHours(12));
      demo.tenant().addEvent(DemoCommand.SYNC_ROOM, "Board meeting prep", start, start.plus(Duration.ofHours(1)),
          DemoOrganisation.MEGAN.address());
      out.line("");
      out.line(DemoOrganisation.MEGAN.name() + " books " + DemoCommand.SYNC_ROOM + " in Outlook: 'Board meeting prep', "
          + out.span(start, start.plus(Duration.ofHours(1))) + ".");
      SyncResult second = ctx.service().sync().syncNow(tenantId, DemoCommand.SYNC_ROOM);
      out.linef("Next sync round (from the delta link): %d created, %d updated, %d deleted; the listener got:",
          second.created(), second.updated(), second.deleted());
      SyncCommands.printChanges(out, changes);
      boolean arrived =
          changes.stream().anyMatch(c -> !c.isOurs() && c.subject().filter("Board meeting prep"::equals).isPresent());
      json.put("sync", obj(
          "baseline", baseline.stream().map(Views::change).toList(),
          "changes", changes.stream().map(Views::change).toList(),
          "outlookBookingArrived", arrived));
      return arrived;
    } finally {
      ctx.feed().listen(null);
    }
  }
}
