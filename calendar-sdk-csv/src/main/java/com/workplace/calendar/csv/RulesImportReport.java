package com.workplace.calendar.csv;

import com.workplace.calendar.tenant.TenantId;
import java.util.List;
import java.util.Objects;

/**
 * What an import of a {@code Get-CalendarProcessing} export did, row by row.
 *
 * @param tenantId the tenant
 * @param dryRun whether nothing was changed
 * @param rows one entry per data row, in file order
 * @since 0.2.0
 */
public record RulesImportReport(TenantId tenantId, boolean dryRun, List<RulesImportRow> rows) {
  /** Validates the record. */
  public RulesImportReport {
    Objects.requireNonNull(tenantId, "tenantId");
    rows = List.copyOf(rows);
  }

  /**
   * Counts the rows with a result.
   *
   * @param result the result
   * @return how many rows had it
   */
  public long count(RulesImportRow.Result result) {
    return rows.stream().filter(r -> r.result() == result).count();
  }

  /**
   * The rows that were not applied: unknown, ambiguous or duplicate mailboxes and unreadable values.
   *
   * @return those rows, in file order
   */
  public List<RulesImportRow> problems() {
    return rows.stream().filter(r -> !r.succeeded()).toList();
  }
}
