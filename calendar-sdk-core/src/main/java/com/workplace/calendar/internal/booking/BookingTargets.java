package com.workplace.calendar.internal.booking;

import com.workplace.calendar.ConflictException;
import com.workplace.calendar.ResourceNotFoundException;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.registry.CalendarStatus;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.space.SpaceLink;
import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.tenant.TenantId;

/** Which room calendar a booking goes to, and whether that calendar can be booked now. */
final class BookingTargets {
  private BookingTargets() {}

  /**
   * The calendar a request names: its room, or the calendar linked to its space.
   *
   * @throws ResourceNotFoundException if the space is not linked
   */
  static String resolveCalendar(CalendarStore store, BookingRequest request) {
    if (request.calendarEmail().isPresent()) {
      return request.calendarEmail().get();
    }
    return store
        .findSpaceLinkBySpace(request.tenantId(), request.spaceId().orElseThrow())
        .map(SpaceLink::calendarEmail)
        .orElseThrow(
            () ->
                new ResourceNotFoundException(
                    "space "
                        + request.spaceId().orElseThrow()
                        + " is not linked to a room calendar of tenant "
                        + request.tenantId()));
  }

  /**
   * The registered calendar, if it is connected.
   *
   * @throws ResourceNotFoundException if it is not registered
   * @throws ConflictException if it is not connected (yet, or connecting it failed)
   */
  static RoomCalendar requireBookable(CalendarStore store, TenantId tenantId, String email) {
    RoomCalendar calendar =
        store
            .findCalendar(tenantId, email)
            .orElseThrow(
                () ->
                    new ResourceNotFoundException(
                        "calendar " + email + " is not registered for tenant " + tenantId));
    if (calendar.status() == CalendarStatus.FAILED) {
      throw new ConflictException(
          "calendar "
              + email
              + " cannot be booked: connecting it failed ("
              + calendar.failureReason().orElseThrow()
              + "); fix that and connect it again");
    }
    if (calendar.status() != CalendarStatus.CONNECTED) {
      throw new ConflictException(
          "calendar "
              + email
              + " cannot be booked yet: it is "
              + calendar.status()
              + "; connect it first");
    }
    return calendar;
  }
}
