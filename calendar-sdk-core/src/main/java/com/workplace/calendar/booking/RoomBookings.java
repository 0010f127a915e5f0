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
 * @since 0.1.0
 */
public interface RoomBookings {

  /**
   * Creates a booking, or returns the existing one for the same key.
   *
   * @param request what to book
   * @return the booking as it stands in the calendar
   * @throws com.workplace.calendar.ResourceNotFoundException if the calendar or space is unknown
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
