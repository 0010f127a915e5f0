package com.workplace.calendar.spi;

import com.workplace.calendar.booking.Attendee;
import com.workplace.calendar.booking.BookingRecurrence;
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
 * @param showAs how the event shows the room's time (since 0.2.0)
 * @param isPrivate whether the event is marked private or confidential (since 0.2.0)
 * @param createdAt when the service created the event, if it said (since 0.2.0)
 * @param lastModifiedAt when the service last changed the event, if it said (since 0.2.0)
 * @param recurrence for a series master, its pattern when {@link BookingRecurrence} can say it
 *     (daily or weekly in a time zone, ending on a date or after a count) and the backend sent it;
 *     empty for every other item (since 0.2.0)
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
    boolean partial,
    FreeBusyStatus showAs,
    boolean isPrivate,
    Optional<Instant> createdAt,
    Optional<Instant> lastModifiedAt,
    Optional<BookingRecurrence> recurrence) {
  /**
   * Validates the record.
   *
   * @throws IllegalArgumentException if an occurrence or exception names no series master,
   *     another kind of item names one or an original start, or an item that is not a series
   *     master has a recurrence
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
    Objects.requireNonNull(showAs, "showAs");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(lastModifiedAt, "lastModifiedAt");
    Objects.requireNonNull(recurrence, "recurrence");
    if (recurrence.isPresent() && type != EventType.SERIES_MASTER) {
      throw new IllegalArgumentException("only a series master has a recurrence");
    }
    if (type.isSeriesInstance() && seriesMasterId.isEmpty()) {
      throw new IllegalArgumentException("an " + type + " must name its series master");
    }
    if (!type.isSeriesInstance() && (seriesMasterId.isPresent() || originalStart.isPresent())) {
      throw new IllegalArgumentException(
          "only occurrences and exceptions have a series master and an original start");
    }
  }

  /**
   * Creates an event without a recurrence the SDK can say (every item but series masters, and
   * masters whose pattern is unknown or was not sent).
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
   * @param seriesMasterId the series master's id, for occurrences and exceptions
   * @param originalStart the slot's start, for occurrences and exceptions, if sent
   * @param changeKey the version tag, if sent
   * @param partial whether subject, organizer and attendees were left out
   * @param showAs how the event shows the room's time
   * @param isPrivate whether the event is private
   * @param createdAt when the service created it, if it said
   * @param lastModifiedAt when the service last changed it, if it said
   * @since 0.2.0
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
      boolean cancelled,
      EventType type,
      Optional<String> seriesMasterId,
      Optional<Instant> originalStart,
      Optional<String> changeKey,
      boolean partial,
      FreeBusyStatus showAs,
      boolean isPrivate,
      Optional<Instant> createdAt,
      Optional<Instant> lastModifiedAt) {
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
        type,
        seriesMasterId,
        originalStart,
        changeKey,
        partial,
        showAs,
        isPrivate,
        createdAt,
        lastModifiedAt,
        Optional.empty());
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
        false,
        FreeBusyStatus.BUSY,
        false,
        Optional.empty(),
        Optional.empty());
  }

  /**
   * Creates an instance of a series or a single event as sync reads it, busy and not private,
   * without the service's timestamps.
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
   * @param seriesMasterId the series master's id, for occurrences and exceptions
   * @param originalStart the slot's start, for occurrences and exceptions, if sent
   * @param changeKey the version tag, if sent
   * @param partial whether subject, organizer and attendees were left out
   * @since 0.2.0
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
      boolean cancelled,
      EventType type,
      Optional<String> seriesMasterId,
      Optional<Instant> originalStart,
      Optional<String> changeKey,
      boolean partial) {
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
        type,
        seriesMasterId,
        originalStart,
        changeKey,
        partial,
        FreeBusyStatus.BUSY,
        false,
        Optional.empty(),
        Optional.empty());
  }

  /**
   * Creates a single event as a conflict check reads it: how it shows the room's time, whether it
   * is private, and the service's timestamps.
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
   * @param showAs how the event shows the room's time
   * @param isPrivate whether the event is private
   * @param createdAt when the service created it, if it said
   * @param lastModifiedAt when the service last changed it, if it said
   * @since 0.2.0
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
      boolean cancelled,
      FreeBusyStatus showAs,
      boolean isPrivate,
      Optional<Instant> createdAt,
      Optional<Instant> lastModifiedAt) {
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
        false,
        showAs,
        isPrivate,
        createdAt,
        lastModifiedAt);
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
