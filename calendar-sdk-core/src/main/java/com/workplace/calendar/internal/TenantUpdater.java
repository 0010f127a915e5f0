package com.workplace.calendar.internal;

import com.workplace.calendar.ResourceNotFoundException;
import com.workplace.calendar.StaleRecordException;
import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.tenant.Tenant;
import com.workplace.calendar.tenant.TenantId;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Changes stored tenants for the {@link DefaultTenantAuthorizer}: a change that meets a record
 * changed meanwhile is applied again to the fresh record, and every change is told to the status
 * cache.
 */
final class TenantUpdater {
  private final CalendarStore store;
  private final TenantStatusCache statuses;

  TenantUpdater(CalendarStore store, TenantStatusCache statuses) {
    this.store = store;
    this.statuses = statuses;
  }

  /**
   * Reads a stored tenant.
   *
   * @throws ResourceNotFoundException if the tenant is not known
   */
  Tenant require(TenantId tenantId) {
    return store.findTenant(Objects.requireNonNull(tenantId, "tenantId"))
        .orElseThrow(() -> new ResourceNotFoundException(
            "tenant " + tenantId + " is not known; authorize it first"));
  }

  /**
   * Stores a change of a tenant, applied again on the fresh record while other writers get there
   * first (ten times at most).
   *
   * @throws StaleRecordException if the tenant kept changing
   */
  Tenant update(TenantId tenantId, UnaryOperator<Tenant> change) {
    for (int attempt = 0; attempt < 10; attempt++) {
      Tenant current = require(tenantId);
      try {
        Tenant updated = store.updateTenant(change.apply(current));
        statuses.invalidate(tenantId);
        return updated;
      } catch (StaleRecordException e) {
        // changed meanwhile: apply again on the fresh record
      }
    }
    throw new StaleRecordException("tenant " + tenantId + " kept changing; try again");
  }
}
