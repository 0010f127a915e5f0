package com.workplace.calendar.examples.admin;

import com.workplace.calendar.sync.BookingChange;
import com.workplace.calendar.sync.SyncListener;
import com.workplace.calendar.tenant.TenantId;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The tool's {@link SyncListener}: the service is built with it once, and the command that syncs
 * decides where the changes go (a table, JSON lines, the demo's story).
 */
final class ChangeFeed implements SyncListener {
  private static final SyncListener NOBODY = (tenant, calendar, changes) -> {};

  private final AtomicReference<SyncListener> target = new AtomicReference<>(NOBODY);

  /** Sends the changes of later rounds to a listener; {@code null} to drop them. */
  void listen(SyncListener listener) {
    target.set(listener == null ? NOBODY : listener);
  }

  @Override
  public void onChanges(TenantId tenantId, String calendarEmail, List<BookingChange> changes) {
    target.get().onChanges(tenantId, calendarEmail, changes);
  }
}
