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
 * @param showAs how the event shows the room's time (since 0.2.0)
 * @param isPrivate whether the event is marked private or confidential (since 0.2.0)
 * @param createdAt when the service created the event, if it said (since 0.2.0)
 * @param lastModifiedAt when the service last changed the event, if it said (since 0.2.0)
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
    boolean cancelled,
    FreeBusyStatus showAs,
    boolean isPrivate,
    Optional<Instant> createdAt,
    Optional<Instant> lastModifiedAt) {
  /** Validates the record. */
  public CalendarEvent {
    Objects.requireNonNull(showAs, "showAs");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(lastModifiedAt, "lastModifiedAt");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(iCalUId, "iCalUId");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(organizer, "organizer");
    attendees = List.copyOf(attendees);
    Objects.requireNonNull(transactionId, "transactionId");
  }

  /**
   * A busy, non-private event without service timestamps (the 0.1 shape).
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
   */
  public CalendarEvent(
      String id,
      Optional<String> iCalUId,
      Optional<String> subject,
      Instant start,
      Instant end,
      Optional<Attendee> organizer,
      List<Attendee> attendees,
      Optional<String> transactionId,
      boolean cancelled) {
    this(
        id,
        iCalUId,
        subject,
        start,
        end,
        organizer,
        attendees,
        transactionId,
        cancelled,
        FreeBusyStatus.BUSY,
        false,
        Optional.empty(),
        Optional.empty());
  }

  /**
   * Tells whether the event keeps the room from being booked at its time: it is neither cancelled
   * nor shown as free.
   *
   * @return {@code true} if it blocks its time
   * @since 0.2.0
   */
  public boolean blocksTime() {
    return !cancelled && showAs != FreeBusyStatus.FREE;
  }

  /**
   * Tells whether the event overlaps an interval; intervals that only touch (one ends when the
   * other starts) do not overlap.
   *
   * @param from the interval's start
   * @param to the interval's end
   * @return {@code true} if they share time
   * @since 0.2.0
   */
  public boolean overlaps(Instant from, Instant to) {
    return start.isBefore(to) && from.isBefore(end);
  }
}
