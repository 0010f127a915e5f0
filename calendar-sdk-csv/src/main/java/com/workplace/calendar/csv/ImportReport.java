package com.workplace.calendar.csv;

import com.workplace.calendar.csv.internal.ReportCsvWriter;
import com.workplace.calendar.tenant.TenantId;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What an import did (or, for a dry run, would do), row by row.
 *
 * <p>Every data row of the file is counted once in {@code totalRows} and ends in exactly one of
 * three ways: applied (it {@code added} a calendar, {@code linked} a space, or both), {@code
 * unchanged} (nothing to do), or {@code failed}. Blank rows and comment lines are not rows.
 *
 * <p>Only failed rows are kept, each as a {@link RowError}, up to {@link
 * CsvImportOptions#maxReportedErrors()}; {@link #omittedErrors()} counts the failed rows beyond
 * that.
 *
 * @param tenantId the tenant imported into
 * @param dryRun {@code true} if nothing was changed: the counts say what applying would do
 * @param totalRows the data rows read
 * @param added the calendars registered
 * @param linked the rows whose calendar was linked to its space (new links and moved links)
 * @param unchanged the rows that needed no change (e.g. already registered and linked)
 * @param failed the rows not applied
 * @param errors the first failed rows, in file order
 * @since 0.1.0
 */
public record ImportReport(
    TenantId tenantId,
    boolean dryRun,
    long totalRows,
    long added,
    long linked,
    long unchanged,
    long failed,
    List<RowError> errors) {

  /** The header of {@link #writeCsv(Writer)}. */
  public static final List<String> CSV_HEADER =
      List.of("line", "email", "roomID", "reason", "message");

  /** Validates the record and copies the errors. */
  public ImportReport {
    Objects.requireNonNull(tenantId, "tenantId");
    errors = List.copyOf(Objects.requireNonNull(errors, "errors"));
    if (totalRows < 0 || added < 0 || linked < 0 || unchanged < 0 || failed < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
    if (errors.size() > failed) {
      throw new IllegalArgumentException("more errors than failed rows");
    }
    if (unchanged + failed > totalRows || added > totalRows || linked > totalRows) {
      throw new IllegalArgumentException("counts exceed the number of rows");
    }
  }

  /**
   * The rows that were applied: they added a calendar, linked a space, or both.
   *
   * @return {@code totalRows - unchanged - failed}
   */
  public long applied() {
    return totalRows - unchanged - failed;
  }

  /**
   * Tells whether any row failed.
   *
   * @return {@code true} if {@code failed > 0}
   */
  public boolean hasFailures() {
    return failed > 0;
  }

  /**
   * The failed rows not listed in {@link #errors()} because of {@link
   * CsvImportOptions#maxReportedErrors()}.
   *
   * @return how many failed rows have no {@link RowError}
   */
  public long omittedErrors() {
    return failed - errors.size();
  }

  /**
   * Writes the failed rows as CSV for an administrator: {@code line,email,roomID,reason,message},
   * one row per {@link RowError}, and a final comment line when some were omitted. Cells a
   * spreadsheet would run as a formula are prefixed with an apostrophe. The writer is flushed, not
   * closed.
   *
   * @param out where to write
   * @throws CsvIoException if the writer fails
   */
  public void writeCsv(Writer out) {
    Objects.requireNonNull(out, "out");
    ReportCsvWriter.write(CSV_HEADER, errors, omittedErrors(), out);
  }


  /**
   * Summarizes the counts; the errors are left out.
   *
   * @return a one-line summary
   */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "ImportReport[tenant=%s, dryRun=%s, rows=%d, added=%d, linked=%d, unchanged=%d, failed=%d]",
        tenantId,
        dryRun,
        totalRows,
        added,
        linked,
        unchanged,
        failed);
  }
}
