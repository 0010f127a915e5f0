package com.workplace.calendar.booking;

import com.workplace.calendar.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A booking as it stands in the room's calendar.
 *
 * <p>A recurring booking is a series: its event is the series master, its start and end are those
 * of the series' first occurrence. {@link RoomBookings#endEarly} of a series answers with the
 * occurrence it shortened instead (that occurrence's own event id, start and end).
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
 * @param recurring whether the booking is a recurring series (since 0.2.0)
 * @param recurrence how the series recurs, when it does in a way {@link BookingRecurrence} can
 *     say (daily or weekly in a time zone, ending on a date or after a count), with the series'
 *     time zone as the calendar keeps it; empty for single bookings, and for series whose pattern
 *     was changed in Outlook to one it cannot say (since 0.2.0)
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
    List<Attendee> attendees,
    boolean recurring,
    Optional<BookingRecurrence> recurrence) {
  /**
   * Validates the record.
   *
   * @throws IllegalArgumentException if a booking that does not recur has a recurrence
   */
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
    Objects.requireNonNull(recurrence, "recurrence");
    if (!recurring && recurrence.isPresent()) {
      throw new IllegalArgumentException("a booking that does not recur has no recurrence");
    }
  }

  /**
   * A single booking (the shape before recurring bookings).
   *
   * @param tenantId the tenant
   * @param bookingKey the host's key
   * @param calendarEmail the room calendar
   * @param eventId the calendar event's id
   * @param iCalUId the event's iCalendar UID, if the service gave one
   * @param subject the subject
   * @param start the start
   * @param end the end
   * @param organizer who organizes the event
   * @param attendees the attendees
   * @since 0.2.0
   */
  public Booking(
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
    this(
        tenantId,
        bookingKey,
        calendarEmail,
        eventId,
        iCalUId,
        subject,
        start,
        end,
        organizer,
        attendees,
        false,
        Optional.empty());
  }
}
