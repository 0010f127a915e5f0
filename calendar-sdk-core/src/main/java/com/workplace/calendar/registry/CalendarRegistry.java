package com.workplace.calendar.registry;

import com.workplace.calendar.Page;
import com.workplace.calendar.tenant.TenantId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Registers room calendars of a tenant, connects them and removes them.
 *
 * <p>Addresses are validated and normalized (trimmed, lower-cased) at this boundary; an invalid
 * address is rejected with an {@link IllegalArgumentException} and changes nothing.
 *
 * @since 0.1.0
 */
public interface CalendarRegistry {

  /**
   * Registers one room mailbox.
   *
   * @param tenantId a known tenant
   * @param email the room mailbox address
   * @return the registered calendar in {@link CalendarStatus#ADDED}
   * @throws com.workplace.calendar.ResourceNotFoundException if the tenant is not known
   * @throws com.workplace.calendar.DuplicateRecordException if the address is already registered
   */
  RoomCalendar add(TenantId tenantId, String email);

  /**
   * Registers many room mailboxes; each address gets its own outcome, duplicates are reported and
   * not added twice, and invalid addresses do not stop the others.
   *
   * @param tenantId a known tenant
   * @param emails the addresses
   * @return one outcome per address, in input order
   * @throws com.workplace.calendar.ResourceNotFoundException if the tenant is not known
   */
  BulkAddReport addAll(TenantId tenantId, Collection<String> emails);

  /**
   * Looks a calendar up.
   *
   * @param tenantId the tenant
   * @param email the address
   * @return the calendar, if registered
   */
  Optional<RoomCalendar> get(TenantId tenantId, String email);

  /**
   * Lists a tenant's calendars, ordered by address.
   *
   * @param tenantId the tenant
   * @param query the status filter and page
   * @return one page
   * @throws com.workplace.calendar.ResourceNotFoundException if the tenant is not known
   */
  Page<RoomCalendar> list(TenantId tenantId, CalendarQuery query);

  /**
   * Removes a calendar: unlinks its space, stops its sync, deletes its subscription.
   *
   * @param tenantId the tenant
   * @param email the address
   * @return {@code true} if it was registered
   */
  boolean remove(TenantId tenantId, String email);

  /**
   * Connects every calendar of the tenant that is not connected yet, probing each mailbox.
   *
   * @param tenantId the tenant
   * @return what happened to each calendar
   * @throws com.workplace.calendar.ResourceNotFoundException if the tenant is not known
   */
  ConnectReport connect(TenantId tenantId);

  /**
   * Connects (or re-checks) the given registered calendars.
   *
   * @param tenantId the tenant
   * @param emails registered addresses
   * @return what happened to each calendar
   * @throws com.workplace.calendar.ResourceNotFoundException if the tenant or a calendar is unknown
   */
  ConnectReport connect(TenantId tenantId, Collection<String> emails);

  /**
   * Lists the rooms of the tenant's directory, with their room lists.
   *
   * @param tenantId an authorized tenant
   * @return the rooms, ordered by address
   */
  List<DiscoveredRoom> discoverRooms(TenantId tenantId);

  /**
   * Registers discovered rooms, keeping their names.
   *
   * @param tenantId a known tenant
   * @param rooms rooms from {@link #discoverRooms(TenantId)}
   * @return one outcome per room
   */
  BulkAddReport addDiscovered(TenantId tenantId, Collection<DiscoveredRoom> rooms);

  /**
   * Sets a room's own booking rules, which the SDK enforces on every create and time-changing
   * update (see {@link RoomBookingRules}); {@link RoomBookingRules#none()} removes them.
   *
   * @param tenantId the tenant
   * @param email a registered calendar
   * @param rules the rules
   * @return the calendar afterwards
   * @throws com.workplace.calendar.ResourceNotFoundException if the calendar is not registered
   * @since 0.2.0
   */
  RoomCalendar setBookingRules(TenantId tenantId, String email, RoomBookingRules rules);

  /**
   * Sets how a room is booked, for rooms registered without discovery (discovery stores the type
   * Places reports). A {@link RoomBookingType#RESERVED} room is not booked by the SDK.
   *
   * @param tenantId the tenant
   * @param email a registered calendar
   * @param type the booking type
   * @return the calendar afterwards
   * @throws com.workplace.calendar.ResourceNotFoundException if the calendar is not registered
   * @since 0.2.0
   */
  RoomCalendar setBookingType(TenantId tenantId, String email, RoomBookingType type);
}
