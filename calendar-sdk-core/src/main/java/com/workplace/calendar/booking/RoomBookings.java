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
   * @throws BookingRuleException if the room's own rules refuse it, or the room is reserved
   */
  Booking create(BookingRequest request);

  /**
   * Changes a booking's time or subject.
   *
   * @param tenantId the tenant
   * @param bookingKey the host's key
   * @param update the changes
   * @return the booking afterwards
   * @throws com.workplace.calendar.ResourceNotFoundException if no booking has that key
   * @throws BookingConflictException if a new time overlaps another event; the booking stays as
   *     it was
   * @throws BookingRuleException if the room's own rules refuse the new time
   */
  Booking update(TenantId tenantId, String bookingKey, BookingUpdate update);

  /**
   * Cancels a booking: the room's cancellation when it organizes the event, a delete otherwise.
   *
   * @param tenantId the tenant
   * @param bookingKey the host's key
   * @param comment a comment for the attendees, or {@code null}
   * @return {@code true} if a booking was cancelled, {@code false} if none had that key
   */
  boolean cancel(TenantId tenantId, String bookingKey, String comment);

  /**
   * Ends a booking now, freeing the room.
   *
   * @param tenantId the tenant
   * @param bookingKey the host's key
   * @return the shortened booking
   * @throws com.workplace.calendar.ConflictException if the booking has not started or has ended
   */
  Booking endEarly(TenantId tenantId, String bookingKey);

  /**
   * Reads a booking from the room's calendar.
   *
   * @param tenantId the tenant
   * @param bookingKey the host's key
   * @return the booking, if it exists
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
