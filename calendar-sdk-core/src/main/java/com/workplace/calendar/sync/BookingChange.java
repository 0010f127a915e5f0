package com.workplace.calendar.sync;

import com.workplace.calendar.booking.ConflictingInterval;
import com.workplace.calendar.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A change in a room calendar, as reported to the host's {@link SyncListener}.
 *
 * @param type what happened
 * @param tenantId the tenant
 * @param calendarEmail the room calendar
 * @param eventId the event's id
 * @param iCalUId the event's iCalendar UID, if visible
 * @param subject the subject, if visible (rooms often hide it)
 * @param organizerEmail the organizer's address, if visible
 * @param start the start, absent for deletions
 * @param end the end, absent for deletions
 * @param bookingKey the host's key when the event is a booking made through the SDK; a change read
 *     just before the SDK cancelled that booking may come without it (its deletion follows)
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
    conflicts = List.copyOf(conflicts);
  }

  /**
   * A change without conflicts (the 0.1 shape).
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
        List.of());
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
        overlapping);
  }

  /**
   * Tells whether the event is a booking made through the SDK.
   *
   * @return {@code true} when a host booking key is linked to the event
   */
  public boolean isOurs() {
    return bookingKey.isPresent();
  }
}
