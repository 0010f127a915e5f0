package com.workplace.calendar.sync;

import com.workplace.calendar.booking.Attendee;
import com.workplace.calendar.booking.ConflictingInterval;
import com.workplace.calendar.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A change in a room calendar, as reported to the host's {@link SyncListener}.
 *
 * <p><b>Recurring meetings.</b> Each occurrence of a series in the sync window is a booking of its
 * own, with its own {@code eventId}, the series' subject, organizer and attendees, the series'
 * id in {@link #seriesId()} and the start its slot has in the series' pattern in {@link
 * #originalStart()}. An occurrence changed on its own (moved, renamed) is an {@link
 * ChangeType#UPDATED} of that occurrence; a cancelled occurrence is a {@link ChangeType#DELETED};
 * a deleted series is a deletion of each of its occurrences the host was told about; a change of
 * the whole series is an update of each occurrence it changed. Deletions carry the series id when
 * the SDK knew the occurrence as part of a series.
 *
 * @param type what happened
 * @param tenantId the tenant
 * @param calendarEmail the room calendar
 * @param eventId the event's id (for a recurring meeting: the occurrence's)
 * @param iCalUId the event's iCalendar UID, if visible
 * @param subject the subject, if visible (rooms often hide it)
 * @param organizerEmail the organizer's address, if visible
 * @param start the start, absent for deletions
 * @param end the end, absent for deletions
 * @param bookingKey the host's key when the event is a booking made through the SDK; a change read
 *     just before the SDK cancelled that booking may come without it (its deletion follows)
 * @param attendees the attendees, if visible; empty for deletions
 * @param seriesId for an occurrence of a recurring meeting, the id of its series (the series
 *     master's event id)
 * @param originalStart for an occurrence of a recurring meeting, the start of its slot in the
 *     series' pattern (it differs from {@code start} when the occurrence was moved); absent for
 *     deletions
 * @param conflicts the other events (neither free nor cancelled) this event overlaps, when it
 *     blocks the room's time itself: a double booking the host can act on, e.g. an Outlook booking
 *     that landed on an SDK booking after the SDK's checks (see {@code ConflictingInterval}; subjects
 *     are not given; the booking keys of SDK bookings are; at most 20 are named). Empty for
 *     deletions and for events without overlaps (since 0.2.0)
 * @since 0.1.0
 */
public record BookingChange(
    ChangeType type,
    TenantId tenantId,
    String calendarEmail,
    String eventId,
    Optional<String> iCalUId,
    Optional<String> subject,
    Optional<String> organizerEmail,
    Optional<Instant> start,
    Optional<Instant> end,
    Optional<String> bookingKey,
    List<Attendee> attendees,
    Optional<String> seriesId,
    Optional<Instant> originalStart,
    List<ConflictingInterval> conflicts) {
  /** Validates the record. */
  public BookingChange {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(calendarEmail, "calendarEmail");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(iCalUId, "iCalUId");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(organizerEmail, "organizerEmail");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(bookingKey, "bookingKey");
    attendees = List.copyOf(attendees);
    Objects.requireNonNull(seriesId, "seriesId");
    Objects.requireNonNull(originalStart, "originalStart");
    conflicts = List.copyOf(conflicts);
  }

  /**
   * Creates a change of an event that is not part of a recurring series, without attendees (the
   * shape of 0.1).
   *
   * @param type what happened
   * @param tenantId the tenant
   * @param calendarEmail the room calendar
   * @param eventId the event's id
   * @param iCalUId the event's iCalendar UID, if visible
   * @param subject the subject, if visible
   * @param organizerEmail the organizer's address, if visible
   * @param start the start, absent for deletions
   * @param end the end, absent for deletions
   * @param bookingKey the host's key when the event is a booking made through the SDK
   */
  public BookingChange(
      ChangeType type,
      TenantId tenantId,
      String calendarEmail,
      String eventId,
      Optional<String> iCalUId,
      Optional<String> subject,
      Optional<String> organizerEmail,
      Optional<Instant> start,
      Optional<Instant> end,
      Optional<String> bookingKey) {
    this(
        type,
        tenantId,
        calendarEmail,
        eventId,
        iCalUId,
        subject,
        organizerEmail,
        start,
        end,
        bookingKey,
        List.of(),
        Optional.empty(),
        Optional.empty(),
        List.of());
  }

  /**
   * Creates a change of a recurring meeting's occurrence or a single event, without conflicts.
   *
   * @param type what happened
   * @param tenantId the tenant
   * @param calendarEmail the room calendar
   * @param eventId the event's id
   * @param iCalUId the event's iCalendar UID, if visible
   * @param subject the subject, if visible
   * @param organizerEmail the organizer's address, if visible
   * @param start the start, absent for deletions
   * @param end the end, absent for deletions
   * @param bookingKey the host's key when the event is a booking made through the SDK
   * @param attendees the attendees, if visible
   * @param seriesId for an occurrence, its series' id
   * @param originalStart for an occurrence, the start of its slot
   * @since 0.2.0
   */
  public BookingChange(
      ChangeType type,
      TenantId tenantId,
      String calendarEmail,
      String eventId,
      Optional<String> iCalUId,
      Optional<String> subject,
      Optional<String> organizerEmail,
      Optional<Instant> start,
      Optional<Instant> end,
      Optional<String> bookingKey,
      List<Attendee> attendees,
      Optional<String> seriesId,
      Optional<Instant> originalStart) {
    this(
        type,
        tenantId,
        calendarEmail,
        eventId,
        iCalUId,
        subject,
        organizerEmail,
        start,
        end,
        bookingKey,
        attendees,
        seriesId,
        originalStart,
        List.of());
  }

  /**
   * Tells whether the event is a booking made through the SDK.
   *
   * @return {@code true} when a host booking key is linked to the event
   */
  public boolean isOurs() {
    return bookingKey.isPresent();
  }

  /**
   * Tells whether the event is an occurrence of a recurring meeting.
   *
   * @return {@code true} when the change names a series
   * @since 0.2.0
   */
  public boolean isOccurrence() {
    return seriesId.isPresent();
  }

  /**
   * Tells whether the event overlaps other events that block the room: a double booking.
   *
   * @return {@code true} when {@link #conflicts()} is not empty
   * @since 0.2.0
   */
  public boolean isConflict() {
    return !conflicts.isEmpty();
  }

  /**
   * A copy with the overlapping events.
   *
   * @param overlapping the other events it overlaps
   * @return the copy
   * @since 0.2.0
   */
  public BookingChange withConflicts(List<ConflictingInterval> overlapping) {
    return new BookingChange(
        type,
        tenantId,
        calendarEmail,
        eventId,
        iCalUId,
        subject,
        organizerEmail,
        start,
        end,
        bookingKey,
        attendees,
        seriesId,
        originalStart,
        overlapping);
  }
}
