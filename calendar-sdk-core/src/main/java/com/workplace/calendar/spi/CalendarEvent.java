package com.workplace.calendar.spi;

import com.workplace.calendar.booking.Attendee;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An event as the provider read it from a room calendar, with times in UTC.
 *
 * @param id the event id
 * @param iCalUId the iCalendar UID, if given
 * @param subject the subject, if visible
 * @param start the start
 * @param end the end
 * @param organizer the organizer, if visible
 * @param attendees the attendees
 * @param transactionId the idempotency key it was created with, if any
 * @param cancelled whether the event is cancelled
 * @since 0.1.0
 */
public record CalendarEvent(
    String id,
    Optional<String> iCalUId,
    Optional<String> subject,
    Instant start,
    Instant end,
    Optional<Attendee> organizer,
    List<Attendee> attendees,
    Optional<String> transactionId,
    boolean cancelled) {
  /** Validates the record. */
  public CalendarEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(iCalUId, "iCalUId");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(organizer, "organizer");
    attendees = List.copyOf(attendees);
    Objects.requireNonNull(transactionId, "transactionId");
  }
}
