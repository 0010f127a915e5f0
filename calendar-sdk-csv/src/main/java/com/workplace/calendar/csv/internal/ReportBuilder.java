package com.workplace.calendar.csv.internal;

import com.workplace.calendar.csv.ImportReport;
import com.workplace.calendar.csv.RowError;
import com.workplace.calendar.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;

/** Counts row outcomes and keeps the first failed rows, up to a cap. */
final class ReportBuilder {
  private final TenantId tenantId;
  private final boolean dryRun;
  private final int maxErrors;
  private final List<RowError> errors = new ArrayList<>();
  private long total;
  private long added;
  private long linked;
  private long unchanged;
  private long failed;

  ReportBuilder(TenantId tenantId, boolean dryRun, int maxErrors) {
    this.tenantId = tenantId;
    this.dryRun = dryRun;
    this.maxErrors = maxErrors;
  }

  void applied(boolean addedCalendar, boolean linkedSpace) {
    total++;
    if (addedCalendar) {
      added++;
    }
    if (linkedSpace) {
      linked++;
    }
  }

  void unchanged() {
    total++;
    unchanged++;
  }

  void failed(RowError error) {
    total++;
    failed++;
    if (errors.size() < maxErrors) {
      errors.add(error);
    }
  }

  long rows() {
    return total;
  }

  ImportReport build() {
    return new ImportReport(tenantId, dryRun, total, added, linked, unchanged, failed, errors);
  }
}
