/**
 * The provider-neutral implementation of {@link com.workplace.calendar.booking.RoomBookings}. Not
 * API: anything here may change without notice.
 */
package com.workplace.calendar.internal.booking;
