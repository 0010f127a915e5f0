/**
 * The Workplace Calendar SDK: connects a workplace booking product to the room calendars of its
 * customers' Microsoft 365 tenants.
 *
 * <p>Start from {@link com.workplace.calendar.CalendarService}, the one object a host builds and
 * keeps. Its parts: {@link com.workplace.calendar.tenant.TenantAuthorizer tenants}, {@link
 * com.workplace.calendar.registry.CalendarRegistry calendars}, {@link
 * com.workplace.calendar.space.SpaceMapper spaces}, {@link
 * com.workplace.calendar.booking.RoomBookings bookings} and {@link
 * com.workplace.calendar.sync.CalendarSync sync}. All exceptions are unchecked and extend {@link
 * com.workplace.calendar.CalendarSdkException}.
 */
package com.workplace.calendar;
