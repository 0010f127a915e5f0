package com.workplace.calendar.csv;

import com.workplace.calendar.csv.internal.DefaultCalendarProcessingImporter;
import com.workplace.calendar.registry.CalendarRegistry;
import com.workplace.calendar.tenant.TenantId;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Imports rooms' own booking rules from the CSV an Exchange administrator exports with
 *
 * <pre>
 * Get-CalendarProcessing -Identity &lt;room&gt; |
 *   Select Identity, BookingWindowInDays, MaximumDurationInMinutes, AllowConflicts,
 *     AllowRecurringMeetings |
 *   Export-Csv rooms.csv
 * </pre>
 *
 * <p>The file is read with the same dialect and limits as {@link CalendarCsvImporter} (UTF-8 with or
 * without byte order mark, comma or semicolon, quoted values, {@link CsvImportOptions} limits): the
 * {@code #TYPE ...} line Windows PowerShell writes first is a comment line and skipped. Columns are
 * found by their PowerShell names (case, spaces, dashes and underscores ignored); {@code Identity}
 * and at least one rule column are required, the other rule columns are optional: a rule whose
 * column the file does not have keeps the value the room has, an empty cell removes the rule.
 * Booleans are {@code True}/{@code False} (also {@code $true}/{@code $false}, any case).
 *
 * <p><b>Identity.</b> Real exports carry the mailbox's name or alias rather than its address. A row
 * is matched to a registered calendar of the tenant by, in this order: its address; the last part
 * of an identity path ({@code contoso.onmicrosoft.com/Rooms/Orchard}); the display name; the
 * alias (the address before {@code @}), all ignoring case. An identity that matches no calendar, or
 * more than one, is reported and changes nothing; so is a row naming a calendar an earlier row
 * named.
 *
 * <p>The whole file is read and checked before anything is applied, so a problem with the file as a
 * whole ({@link CsvException}) changes nothing. Rows are applied one by one through {@link
 * CalendarRegistry#setBookingRules}. Implementations are immutable and thread-safe.
 *
 * @since 0.2.0
 */
public interface CalendarProcessingImporter {

  /**
   * Reads a file and reports what importing it would do, without changing anything.
   *
   * @param tenantId the tenant whose calendars the rows name
   * @param csv the file's bytes; read to the end, not closed
   * @return the report, with {@link RulesImportReport#dryRun()} set
   * @throws CsvFormatException if the file cannot be read as CSV with the required columns
   * @throws CsvLimitExceededException if the file exceeds a limit of the options
   * @throws CsvIoException if reading fails
   * @throws com.workplace.calendar.ResourceNotFoundException if the tenant is not known
   */
  RulesImportReport dryRun(TenantId tenantId, InputStream csv);

  /**
   * Imports a file: sets the rules of every calendar a valid row names.
   *
   * @param tenantId the tenant whose calendars the rows name
   * @param csv the file's bytes; read to the end, not closed
   * @return the report
   * @throws CsvFormatException if the file cannot be read as CSV with the required columns
   * @throws CsvLimitExceededException if the file exceeds a limit of the options
   * @throws CsvIoException if reading fails
   * @throws com.workplace.calendar.ResourceNotFoundException if the tenant is not known
   */
  RulesImportReport apply(TenantId tenantId, InputStream csv);

  /**
   * Imports a file: sets the rules of every calendar a valid row names.
   *
   * @param tenantId the tenant whose calendars the rows name
   * @param csv the file
   * @return the report
   * @throws CsvFormatException if the file cannot be read as CSV with the required columns
   * @throws CsvLimitExceededException if the file exceeds a limit of the options
   * @throws CsvIoException if the file cannot be read
   * @throws com.workplace.calendar.ResourceNotFoundException if the tenant is not known
   */
  RulesImportReport apply(TenantId tenantId, Path csv);

  /**
   * Starts building an importer.
   *
   * @return a builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CalendarProcessingImporter}. The registry is required. */
  final class Builder {
    private CalendarRegistry registry;
    private CsvImportOptions options = CsvImportOptions.defaults();

    private Builder() {}

    /**
     * Sets the registry whose calendars get the rules.
     *
     * @param registry the registry, e.g. {@code CalendarService.calendars()}
     * @return this builder
     */
    public Builder registry(CalendarRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * Sets the file limits; default {@link CsvImportOptions#defaults()} (its calendar policies do
     * not apply here).
     *
     * @param options the options
     * @return this builder
     */
    public Builder options(CsvImportOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Builds the importer.
     *
     * @return the importer
     * @throws IllegalStateException if the registry is missing
     */
    public CalendarProcessingImporter build() {
      if (registry == null) {
        throw new IllegalStateException("a CalendarRegistry is required: call registry(...)");
      }
      return new DefaultCalendarProcessingImporter(registry, options);
    }
  }
}
