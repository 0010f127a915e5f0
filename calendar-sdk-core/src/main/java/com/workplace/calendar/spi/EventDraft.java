package com.workplace.calendar.spi;

import com.workplace.calendar.booking.Attendee;
import com.workplace.calendar.booking.BookingRecurrence;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An event to create in a room calendar; the room mailbox is the organizer.
 *
 * @param transactionId the idempotency key: the service creates one event per key
 * @param subject the subject
 * @param start the start
 * @param end the end
 * @param attendees the attendees (the booker)
 * @param body an optional plain-text body
 * @param recurrence how the event recurs, when it is a series: {@code start} and {@code end} are
 *     its first occurrence's, its dates and wall-clock time are those of the recurrence's zone, and
 *     the transaction id belongs to the series master (since 0.2.0)
 * @since 0.1.0
 */
public record EventDraft(
    String transactionId,
    String subject,
    Instant start,
    Instant end,
    List<Attendee> attendees,
    Optional<String> body,
    Optional<BookingRecurrence> recurrence) {
  /** Validates the record. */
  public EventDraft {
    Objects.requireNonNull(transactionId, "transactionId");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    attendees = List.copyOf(attendees);
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(recurrence, "recurrence");
  }

  /**
   * A single event (the shape before recurring events).
   *
   * @param transactionId the idempotency key
   * @param subject the subject
   * @param start the start
   * @param end the end
   * @param attendees the attendees
   * @param body an optional plain-text body
   * @since 0.2.0
   */
  public EventDraft(
      String transactionId,
      String subject,
      Instant start,
      Instant end,
      List<Attendee> attendees,
      Optional<String> body) {
    this(transactionId, subject, start, end, attendees, body, Optional.empty());
  }
}
