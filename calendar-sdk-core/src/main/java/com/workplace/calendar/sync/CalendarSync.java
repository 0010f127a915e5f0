package com.workplace.calendar.sync;

import com.workplace.calendar.tenant.TenantId;

/**
 * Keeps the host in step with bookings made outside it (in Outlook): delta sync per calendar, with
 * change notifications as triggers.
 *
 * @since 0.1.0
 */
public interface CalendarSync extends AutoCloseable {

  /**
   * Runs one delta round for a connected calendar now and hands the changes to the listener.
   *
   * @param tenantId the tenant
   * @param calendarEmail the calendar
   * @return what the round found
   * @throws com.workplace.calendar.ResourceNotFoundException if the calendar is not registered
   */
  SyncResult syncNow(TenantId tenantId, String calendarEmail);

  /**
   * Starts scheduled sync rounds, subscription upkeep and connecting of new calendars. Work is handed
   * out through store leases, so several instances sharing one store split it.
   */
  void start();

  /**
   * The receiver for change and lifecycle notifications.
   *
   * @return the receiver the host wires into its web endpoint
   */
  NotificationReceiver notifications();

  /**
   * Tells whether this instance has no queued sync work waiting or running (rounds asked for by
   * notifications, subscription upkeep). For health checks, and for tests that wait until a
   * notification's round has run.
   *
   * @return {@code true} when nothing is queued or running
   * @since 0.2.0
   */
  boolean isIdle();

  /** Stops scheduled work and releases this instance's leases. */
  @Override
  void close();
}
