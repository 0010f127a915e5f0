package com.workplace.calendar.spi;

import com.workplace.calendar.booking.Attendee;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An event as the provider read it from a room calendar, with times in UTC.
 *
 * <p>Instances of recurring series ({@link EventType#OCCURRENCE}, {@link EventType#EXCEPTION})
 * name their series master and the slot of the pattern they belong to. A backend may send an
 * occurrence as a <em>partial</em> item (only its id, series, type and times): then subject,
 * organizer and attendees are absent because they were not sent, not because they are hidden, and
 * the caller takes them from the series master.
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
 * @param type what kind of item it is
 * @param seriesMasterId the id of the series master, for occurrences and exceptions only
 * @param originalStart for occurrences and exceptions, the start the series' pattern gives the
 *     instance (an exception may have moved away from it), if the backend sent it
 * @param changeKey the backend's version tag of the item, if sent; an item with another tag has
 *     changed (Graph's {@code changeKey}, as in {@code @odata.etag})
 * @param partial whether the backend left out subject, organizer and attendees
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
    EventType type,
    Optional<String> seriesMasterId,
    Optional<Instant> originalStart,
    Optional<String> changeKey,
    boolean partial) {
  /**
   * Validates the record.
   *
   * @throws IllegalArgumentException if an occurrence or exception names no series master, or
   *     another kind of item names one or an original start
   */
  public CalendarEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(iCalUId, "iCalUId");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(organizer, "organizer");
    attendees = List.copyOf(attendees);
    Objects.requireNonNull(transactionId, "transactionId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(seriesMasterId, "seriesMasterId");
    Objects.requireNonNull(originalStart, "originalStart");
    Objects.requireNonNull(changeKey, "changeKey");
    if (type.isSeriesInstance() && seriesMasterId.isEmpty()) {
      throw new IllegalArgumentException("an " + type + " must name its series master");
    }
    if (!type.isSeriesInstance() && (seriesMasterId.isPresent() || originalStart.isPresent())) {
      throw new IllegalArgumentException(
          "only occurrences and exceptions have a series master and an original start");
    }
  }

  /**
   * Creates a single-instance event with every property sent (the shape of 0.1).
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
        EventType.SINGLE_INSTANCE,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false);
  }

  /**
   * The start of the slot in the series this instance belongs to: the original start when sent,
   * else, for an occurrence (which has not moved), its start.
   *
   * @return the original start, empty for items that are not series instances and for exceptions
   *     whose original start was not sent
   * @since 0.2.0
   */
  public Optional<Instant> slotStart() {
    if (originalStart.isPresent()) {
      return originalStart;
    }
    return type == EventType.OCCURRENCE ? Optional.of(start) : Optional.empty();
  }
}
