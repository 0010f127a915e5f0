/**
 * Bookings in room calendars, and availability.
 *
 * <p>Start with {@link com.workplace.calendar.booking.RoomBookings}.
 */
package com.workplace.calendar.booking;
