package com.workplace.calendar.booking;

import com.workplace.calendar.tenant.TenantId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Creates, changes and cancels bookings in room calendars, and reads availability.
 *
 * <p>A booking is an event in the room's calendar, organized by the room mailbox, with the booker as
 * attendee. Bookings are addressed by the host's own booking key; creating the same key twice, or
 * retrying a create after a timeout, yields one event.
 *
 * <p><b>Room truth (since 0.2.0).</b> A create, and an update that changes the time, are checked
 * before anything is written: the room's own rules ({@link
 * com.workplace.calendar.registry.RoomBookingRules}, reserved rooms) and overlaps with other events
 * that are neither free nor cancelled (touching intervals do not overlap). Races between the SDK's
 * own writers, on any instance sharing the store, end with one booking; a race with an Outlook
 * booking that lands between the check and the write is found by a check after the write, and the
 * booking that came second is withdrawn. An Outlook booking that lands after that second check
 * cannot be seen here: the next sync round reports it to the {@code SyncListener} as a change whose
 * {@code conflicts()} name the overlapping bookings.
 *
 * <p><b>Recurring bookings (since 0.2.0).</b> A request with a {@link BookingRecurrence} makes one
 * series under the booking key (one event, the series master, created with the key's {@code
 * transactionId}, so retries never make two series). The room must accept recurring meetings
 * ({@code AllowRecurringMeetings}), and the checks above apply to every occurrence: the series'
 * span is read once and a refusal names the occurrences in conflict. The whole series must lie in
 * the sync window (its last occurrence ends at most {@code SyncOptions.windowDaysAhead()} days
 * after the start of today, UTC), where the SDK checks every occurrence and sync watches them.
 * A series recurs in its {@link BookingRecurrence#zone() time zone}: its occurrences keep their
 * wall-clock time there across clock changes. {@link #cancelOccurrence} cancels one occurrence,
 * {@link #cancel} the series, {@link #endEarly} the occurrence running now, {@link #update} moves
 * the whole series.
 *
 * @since 0.1.0
 */
public interface RoomBookings {

  /**
   * Creates a booking, or returns the existing one for the same key.
   *
   * @param request what to book
   * @return the booking as it stands in the calendar
   * @throws com.workplace.calendar.ResourceNotFoundException if the calendar or space is unknown
   * @throws BookingConflictException if the time overlaps another event (and the request's {@link
   *     ConflictPolicy} refuses that), or another booking of the slot came first
   * @throws BookingRuleException if the room's own rules refuse it, or the room is reserved; for
   *     a recurring request also when the room does not accept recurring meetings or the last
   *     occurrence ends beyond the room's booking window
   * @throws IllegalArgumentException if a recurring request's last occurrence ends after the sync
   *     window, or the service cannot store its recurrence (e.g. a time zone Microsoft 365 has no
   *     name for); nothing is written then
   */
  Booking create(BookingRequest request);

  /**
   * Changes a booking's time or subject; for a recurring booking also its recurrence.
   *
   * <p><b>Moving a series.</b> For a recurring booking, the update's start and end are those of
   * the series' first occurrence, and {@link BookingUpdate#recurrence()} may give it a new
   * pattern, range or zone (it keeps its own otherwise): every occurrence moves. The move is
   * checked like a new series: the room's rules for series, the sync window, and every new
   * occurrence against the room (everything but the series' own occurrences is in the way; one
   * read of the new span before writing, one after), with the room's write lock. <b>A moved series
   * loses its exceptions</b>, as Exchange drops them whenever a series' time or pattern changes:
   * occurrences changed one by one (moved, ended early, renamed) go back to the pattern, and
   * cancelled occurrences come back (and were checked like the others). A move that loses a race
   * with an Outlook booking after writing is moved back, its cancelled and changed occurrences
   * restored. Repeating an update with the same values (after a lost answer) finds the series
   * already moved and changes nothing.
   *
   * @param tenantId the tenant
   * @param bookingKey the host's key
   * @param update the changes
   * @return the booking afterwards
   * @throws com.workplace.calendar.ResourceNotFoundException if no booking has that key
   * @throws BookingConflictException if a new time (of any occurrence, for a series) overlaps
   *     another event, or another booking came first; the booking stays as it was
   * @throws BookingRuleException if the room's own rules refuse the new time
   * @throws UnresolvedConflictException if a change that lost a race after writing could not be
   *     undone: the booking stands as changed, overlapping the bookings that came first
   * @throws com.workplace.calendar.ConflictException if the update gives a recurrence to a booking
   *     that does not recur, or moves a series whose pattern was changed in Outlook to one the SDK
   *     cannot say
   * @throws IllegalArgumentException if a series' new time does not fit its pattern, it would end
   *     after the sync window, or the service cannot store its recurrence (e.g. its time zone)
   */
  Booking update(TenantId tenantId, String bookingKey, BookingUpdate update);

  /**
   * Cancels a booking: the room's cancellation when it organizes the event, a delete otherwise. A
   * recurring booking is cancelled as a whole series.
   *
   * @param tenantId the tenant
   * @param bookingKey the host's key
   * @param comment a comment for the attendees, or {@code null}
   * @return {@code true} if a booking was cancelled, {@code false} if none had that key
   */
  boolean cancel(TenantId tenantId, String bookingKey, String comment);

  /**
   * Cancels one occurrence of a recurring booking; the series and its booking key stay. The
   * occurrence is named by the start the series' pattern gives it (its original start, also when
   * it was moved since), as sync reports it in {@code BookingChange.originalStart()}.
   *
   * @param tenantId the tenant
   * @param bookingKey the host's key of the series
   * @param originalStart the occurrence's original start
   * @param comment a comment for the attendees, or {@code null}
   * @return {@code true} if the occurrence was cancelled, {@code false} if the series has no such
   *     occurrence any more (it was cancelled or deleted before)
   * @throws com.workplace.calendar.ResourceNotFoundException if no booking has that key, or its
   *     series is no longer in the calendar
   * @throws com.workplace.calendar.ConflictException if the booking does not recur
   * @throws IllegalArgumentException if the series' pattern has no occurrence at that start
   * @since 0.2.0
   */
  boolean cancelOccurrence(
      TenantId tenantId, String bookingKey, Instant originalStart, String comment);

  /**
   * Ends a booking now, freeing the room. For a recurring booking, the occurrence running now ends
   * (it becomes an exception of the series); the other occurrences stay.
   *
   * @param tenantId the tenant
   * @param bookingKey the host's key
   * @return the shortened booking; for a recurring booking, the shortened occurrence
   * @throws com.workplace.calendar.ConflictException if the booking has not started or has ended,
   *     or no occurrence of a recurring booking is running now
   */
  Booking endEarly(TenantId tenantId, String bookingKey);

  /**
   * Reads a booking from the room's calendar.
   *
   * @param tenantId the tenant
   * @param bookingKey the host's key
   * @return the booking, if it exists; a recurring booking says so ({@link Booking#recurring()})
   */
  Optional<Booking> get(TenantId tenantId, String bookingKey);

  /**
   * Reads when rooms are busy.
   *
   * @param tenantId the tenant
   * @param calendarEmails the rooms, any number
   * @param from the window's start
   * @param to the window's end
   * @return one availability per room, in input order
   */
  List<Availability> availability(
      TenantId tenantId, Collection<String> calendarEmails, Instant from, Instant to);
}
