package com.workplace.calendar;

import com.workplace.calendar.booking.RoomBookings;
import com.workplace.calendar.registry.CalendarRegistry;
import com.workplace.calendar.space.SpaceMapper;
import com.workplace.calendar.sync.CalendarSync;
import com.workplace.calendar.tenant.TenantAuthorizer;

/**
 * The one object a host builds and keeps: tenants, calendars, spaces, bookings and sync of one
 * product installation. Thread-safe; close it when the host shuts down.
 *
 * <p>Build one for Microsoft 365 with {@code GraphCalendarService.builder()} from the graph module.
 *
 * @since 0.1.0
 */
public interface CalendarService extends AutoCloseable {

  /**
   * Tenant authorization.
   *
   * @return the authorizer
   */
  TenantAuthorizer tenants();

  /**
   * Room calendar registration and connection.
   *
   * @return the registry
   */
  CalendarRegistry calendars();

  /**
   * Links between room calendars and the product's spaces.
   *
   * @return the mapper
   */
  SpaceMapper spaces();

  /**
   * Bookings and availability.
   *
   * @return the bookings
   */
  RoomBookings bookings();

  /**
   * Sync of bookings made outside the product.
   *
   * @return the sync
   */
  CalendarSync sync();

  /** Stops background work and releases connections and threads. */
  @Override
  void close();
}
