package com.workplace.calendar.sync;

import com.workplace.calendar.tenant.TenantId;
import java.util.List;

/**
 * Receives the changes found in room calendars. The host implements it.
 *
 * <p>Delivery is at least once and in order per calendar: the SDK only records a sync round as done
 * after this method returned normally, so a listener that throws gets the same changes again in the
 * next round. Calls for different calendars may come from different threads at once.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface SyncListener {

  /**
   * Handles the changes of one sync round of one calendar.
   *
   * @param tenantId the tenant
   * @param calendarEmail the room calendar
   * @param changes the changes, in the order the service reported them; never empty
   */
  void onChanges(TenantId tenantId, String calendarEmail, List<BookingChange> changes);
}
