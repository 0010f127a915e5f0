package com.workplace.calendar.examples.admin;

import static com.workplace.calendar.examples.admin.Output.obj;

import com.workplace.calendar.booking.Attendee;
import com.workplace.calendar.booking.Availability;
import com.workplace.calendar.booking.Booking;
import com.workplace.calendar.booking.BookingRecurrence;
import com.workplace.calendar.csv.ImportReport;
import com.workplace.calendar.csv.RowError;
import com.workplace.calendar.registry.AddOutcome;
import com.workplace.calendar.registry.ConnectOutcome;
import com.workplace.calendar.registry.ConnectReport;
import com.workplace.calendar.registry.DiscoveredRoom;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.space.Space;
import com.workplace.calendar.space.SpaceLink;
import com.workplace.calendar.sync.BookingChange;
import com.workplace.calendar.sync.SyncResult;
import com.workplace.calendar.tenant.Tenant;
import com.workplace.calendar.tenant.VerificationResult;
import com.workplace.calendar.testkit.FakeStats;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The JSON shapes of the SDK's values in {@code --json} output. */
final class Views {
  private Views() {}

  static Map<String, Object> tenant(Tenant t) {
    return obj(
        "tenant", t.id().value(),
        "status", t.status(),
        "directoryId", t.directoryId(),
        "failureReason", t.failureReason(),
        "failureDetail", t.failureDetail(),
        "probeMailbox", t.probeMailbox(),
        "createdAt", t.createdAt(),
        "updatedAt", t.updatedAt());
  }

  static Map<String, Object> verification(VerificationResult r) {
    return obj(
        "tenant", r.tenantId().value(),
        "status", r.status(),
        "verified", r.verified(),
        "message", r.message(),
        "failureReason", r.failureReason(),
        "action", r.failureReason().map(f -> f.action()),
        "grantedPermissions", new TreeSet<>(r.grantedPermissions()),
        "probedMailbox", r.probedMailbox());
  }

  static Map<String, Object> room(DiscoveredRoom r, boolean registered) {
    return obj(
        "email", r.email(),
        "name", r.displayName(),
        "capacity", r.capacity(),
        "building", r.building(),
        "floor", r.floor(),
        "roomLists", r.roomLists(),
        "registered", registered);
  }

  static Map<String, Object> added(AddOutcome o) {
    return obj("input", o.input(), "email", o.email(), "result", o.result(), "message", o.message());
  }

  static Map<String, Object> calendar(RoomCalendar c, Optional<SpaceLink> link) {
    return obj(
        "email", c.email(),
        "name", c.displayName(),
        "status", c.status(),
        "space", link.map(l -> l.spaceId().value()),
        "failureReason", c.failureReason(),
        "action", c.failureReason().map(f -> f.action()),
        "failureDetail", c.failureDetail(),
        "addedAt", c.addedAt(),
        "checkedAt", c.checkedAt(),
        "bookingType", c.bookingType(),
        "bookingRules", c.bookingRules().describe());
  }

  /** A calendar's booking rules for a table: reserved rooms first, then the rules. */
  static String rules(RoomCalendar c) {
    String rules = c.bookingRules().isEmpty() ? "" : c.bookingRules().describe();
    if (c.bookingType() == com.workplace.calendar.registry.RoomBookingType.RESERVED) {
      return rules.isEmpty() ? "reserved" : "reserved; " + rules;
    }
    return rules;
  }

  static Map<String, Object> connect(ConnectReport report) {
    return obj(
        "tenant", report.tenantId().value(),
        "attempted", report.attempted(),
        "connected", report.connected(),
        "failed", report.failed(),
        "elapsedMillis", report.elapsed().toMillis(),
        "outcomes", report.outcomes().stream().map(Views::outcome).toList());
  }

  static Map<String, Object> outcome(ConnectOutcome o) {
    return obj(
        "email", o.email(),
        "status", o.status(),
        "failureReason", o.failureReason(),
        "description", o.failureReason().map(f -> f.description()),
        "action", o.failureReason().map(f -> f.action()),
        "detail", o.detail());
  }

  static Map<String, Object> importReport(ImportReport r) {
    return obj(
        "tenant", r.tenantId().value(),
        "dryRun", r.dryRun(),
        "rows", r.totalRows(),
        "added", r.added(),
        "linked", r.linked(),
        "unchanged", r.unchanged(),
        "failed", r.failed(),
        "omittedErrors", r.omittedErrors(),
        "errors", r.errors().stream().map(Views::rowError).toList());
  }

  static Map<String, Object> rowError(RowError e) {
    return obj("line", e.line(), "email", e.email(), "roomID", e.roomId(), "reason", e.reason(), "message", e.message());
  }

  static Map<String, Object> link(SpaceLink l, Optional<Space> space) {
    return obj(
        "space", l.spaceId().value(),
        "name", space.map(Space::name),
        "calendar", l.calendarEmail(),
        "linkedAt", l.linkedAt());
  }

  static Map<String, Object> space(Space s, Optional<SpaceLink> link) {
    return obj(
        "space", s.id().value(),
        "name", s.name(),
        "location", s.location(),
        "calendar", link.map(SpaceLink::calendarEmail));
  }

  static Map<String, Object> booking(Booking b) {
    return obj(
        "key", b.bookingKey(),
        "calendar", b.calendarEmail(),
        "eventId", b.eventId(),
        "subject", b.subject(),
        "start", b.start(),
        "end", b.end(),
        "organizer", b.organizer().map(Attendee::email),
        "attendees", b.attendees().stream().map(Attendee::email).toList(),
        "recurring", b.recurring(),
        "recurrence", b.recurrence().map(Views::recurrence));
  }

  static Map<String, Object> recurrence(BookingRecurrence r) {
    return obj(
        "frequency", r.pattern().frequency(),
        "interval", r.pattern().interval(),
        "days", r.pattern().daysOfWeek().stream().map(DayOfWeek::toString).toList(),
        "times", r.numberOfOccurrences(),
        "until", r.lastDate().map(Object::toString),
        "zone", r.zone().getId());
  }

  static Map<String, Object> availability(Availability a) {
    return obj(
        "calendar", a.calendarEmail(),
        "busy", a.busy().stream().map(i -> obj("start", i.start(), "end", i.end(), "status", i.status())).toList(),
        "error", a.error());
  }

  static Map<String, Object> change(BookingChange c) {
    return obj(
        "type", c.type(),
        "tenant", c.tenantId().value(),
        "calendar", c.calendarEmail(),
        "eventId", c.eventId(),
        "subject", c.subject(),
        "organizer", c.organizerEmail(),
        "start", c.start(),
        "end", c.end(),
        "bookingKey", c.bookingKey(),
        "madeIn", c.isOurs() ? "this product" : "Outlook or another app");
  }

  static Map<String, Object> syncResult(SyncResult r) {
    return obj(
        "calendar", r.calendarEmail(),
        "created", r.created(),
        "updated", r.updated(),
        "deleted", r.deleted(),
        "fullResync", r.fullResync());
  }

  static Map<String, Object> stats(FakeStats s, String mailbox) {
    return obj(
        "requests", s.totalRequests(),
        "requestsToMailbox", s.requests(mailbox),
        "throttledResponses", s.throttledResponses(),
        "limitViolations", s.limitViolations(),
        "peakConcurrency", s.peakConcurrency(mailbox),
        "retryAfterIgnored", s.retryAfterIgnored(mailbox));
  }
}
