package com.workplace.calendar.booking;

import com.workplace.calendar.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A booking as it stands in the room's calendar.
 *
 * @param tenantId the tenant
 * @param bookingKey the host's key
 * @param calendarEmail the room calendar
 * @param eventId the calendar event's id
 * @param iCalUId the event's iCalendar UID, if the service gave one
 * @param subject the subject
 * @param start the start
 * @param end the end
 * @param organizer who organizes the event (the room mailbox for bookings made by the SDK)
 * @param attendees the attendees
 * @since 0.1.0
 */
public record Booking(
    TenantId tenantId,
    String bookingKey,
    String calendarEmail,
    String eventId,
    Optional<String> iCalUId,
    String subject,
    Instant start,
    Instant end,
    Optional<Attendee> organizer,
    List<Attendee> attendees) {
  /** Validates the record. */
  public Booking {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(bookingKey, "bookingKey");
    Objects.requireNonNull(calendarEmail, "calendarEmail");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(iCalUId, "iCalUId");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(organizer, "organizer");
    attendees = List.copyOf(Objects.requireNonNull(attendees, "attendees"));
  }
}
