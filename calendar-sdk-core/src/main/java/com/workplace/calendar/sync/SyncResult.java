package com.workplace.calendar.sync;

import com.workplace.calendar.tenant.TenantId;
import java.util.Objects;

/**
 * What one sync round of a calendar found.
 *
 * @param tenantId the tenant
 * @param calendarEmail the calendar
 * @param created events reported as created
 * @param updated events reported as updated
 * @param deleted events reported as deleted
 * @param fullResync whether the round started over without a delta link
 * @since 0.1.0
 */
public record SyncResult(
    TenantId tenantId,
    String calendarEmail,
    int created,
    int updated,
    int deleted,
    boolean fullResync) {
  /** Validates the record. */
  public SyncResult {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(calendarEmail, "calendarEmail");
  }

  /**
   * Counts every change.
   *
   * @return created + updated + deleted
   */
  public int changes() {
    return created + updated + deleted;
  }
}
