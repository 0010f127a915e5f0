package com.workplace.calendar.csv;

import com.workplace.calendar.csv.internal.DefaultCalendarCsvImporter;
import com.workplace.calendar.registry.CalendarRegistry;
import com.workplace.calendar.space.SpaceMapper;
import com.workplace.calendar.tenant.TenantId;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Imports room calendars from a CSV file ({@code email,roomID}): registers each address and links
 * it to its space. The file is read as a stream, row by row; neither the file nor its rows are held
 * in memory (only the set of addresses and room IDs seen, to find duplicates, and the failed rows
 * up to {@link CsvImportOptions#maxReportedErrors()}).
 *
 * <h2>The file</h2>
 *
 * <ul>
 *   <li>UTF-8, with or without a byte order mark; lines end in CRLF or LF.
 *   <li>The first line that is neither blank nor a comment is the header. Column names are matched
 *       ignoring case, spaces, dashes, dots and underscores: the e-mail column may be called {@code
 *       email}, {@code E-mail}, {@code mail} or {@code emailAddress}; the optional room column
 *       {@code roomID}, {@code Room ID}, {@code room}, {@code space} or {@code spaceId}. Other
 *       columns are ignored.
 *   <li>Comma or semicolon delimited, whichever the header line uses (or a first line {@code sep=;}
 *       or {@code sep=,}, as spreadsheet programs write it, says). Values may be quoted (with
 *       delimiters, quotes doubled, and line breaks inside); whitespace around values, non-breaking
 *       spaces included, is removed.
 *   <li>Blank lines, comment lines (starting with {@code #}) and rows with neither an e-mail
 *       address nor a roomID are skipped; they are not rows of the report.
 *   <li>A leading apostrophe that protects a formula-like value ({@code '=…}, {@code '+…}, {@code
 *       '-…}, {@code '@…}), as written by {@link CalendarCsvExporter}, is removed.
 * </ul>
 *
 * <h2>Rows</h2>
 *
 * Each row is validated and, when applying, applied on its own and completely: its calendar is
 * registered and linked, or nothing of it is kept (a calendar registered for a row whose link then
 * fails is removed again). Row problems do not stop the import; they are reported as {@link
 * RowError}s. Re-running a file that was applied changes nothing: its rows come back unchanged.
 *
 * <h2>File problems</h2>
 *
 * Problems with the file as a whole stop the import with a {@link CsvException}: {@link
 * CsvFormatException}, {@link CsvLimitExceededException} or {@link CsvIoException}. No other
 * exception is thrown for any content of the file. The {@code Path} variants check the whole file
 * first, so such a problem changes nothing; the {@code InputStream} variant of {@link
 * #apply(TenantId, InputStream)} cannot look ahead, so rows before the problem may have been
 * applied (see {@link CsvException#partialReport()}); run {@link #dryRun(TenantId, InputStream)}
 * first, or save the upload to a file.
 *
 * <p>Implementations are immutable and thread-safe. Example:
 *
 * <pre>{@code
 * CalendarCsvImporter importer = CalendarCsvImporter.builder()
 *     .registry(calendars.calendars())
 *     .spaceMapper(calendars.spaces())
 *     .options(CsvImportOptions.builder()
 *         .existingCalendars(ExistingCalendarPolicy.UPDATE_LINK)
 *         .build())
 *     .build();
 * ImportReport preview = importer.dryRun(tenantId, upload);
 * }</pre>
 *
 * @since 0.1.0
 */
public interface CalendarCsvImporter {

  /**
   * Validates a file and reports what applying it would do, without changing anything.
   *
   * @param tenantId the tenant to import into
   * @param csv the file's bytes; read to the end, not closed
   * @return the report, with {@link ImportReport#dryRun()} set
   * @throws com.workplace.calendar.ResourceNotFoundException if the tenant is not known
   * @throws CsvFormatException if the file cannot be read as CSV with an e-mail column
   * @throws CsvLimitExceededException if the file exceeds a limit of the options
   * @throws CsvIoException if reading the stream fails
   */
  ImportReport dryRun(TenantId tenantId, InputStream csv);

  /**
   * Validates a file and reports what applying it would do, without changing anything.
   *
   * @param tenantId the tenant to import into
   * @param csv the file
   * @return the report, with {@link ImportReport#dryRun()} set
   * @throws com.workplace.calendar.ResourceNotFoundException if the tenant is not known
   * @throws CsvFormatException if the file cannot be read as CSV with an e-mail column
   * @throws CsvLimitExceededException if the file exceeds a limit of the options
   * @throws CsvIoException if the file cannot be read
   */
  ImportReport dryRun(TenantId tenantId, Path csv);

  /**
   * Imports a file from a stream: registers and links every valid row, each row completely or not
   * at all. A problem with the file as a whole found part-way stops the import; the rows before it
   * stay applied and are listed in the exception's {@link CsvException#partialReport()}.
   *
   * @param tenantId the tenant to import into
   * @param csv the file's bytes; read to the end, not closed
   * @return the report
   * @throws CsvFormatException if the file cannot be read as CSV with an e-mail column
   * @throws CsvLimitExceededException if the file exceeds a limit of the options
   * @throws CsvIoException if reading the stream fails
   * @throws com.workplace.calendar.ResourceNotFoundException if the tenant is not known
   */
  ImportReport apply(TenantId tenantId, InputStream csv);

  /**
   * Imports a file: checks the whole file's size, format and limits first, so that a problem with
   * the file as a whole changes nothing, then registers and links every valid row, each row
   * completely or not at all.
   *
   * @param tenantId the tenant to import into
   * @param csv the file
   * @return the report
   * @throws CsvFormatException if the file cannot be read as CSV with an e-mail column
   * @throws CsvLimitExceededException if the file exceeds a limit of the options
   * @throws CsvIoException if the file cannot be read
   * @throws com.workplace.calendar.ResourceNotFoundException if the tenant is not known
   */
  ImportReport apply(TenantId tenantId, Path csv);

  /**
   * The options this importer uses.
   *
   * @return the options
   */
  CsvImportOptions options();

  /**
   * Starts building an importer.
   *
   * @return a builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CalendarCsvImporter}. Registry and space mapper are required. */
  final class Builder {
    private CalendarRegistry registry;
    private SpaceMapper spaceMapper;
    private CsvImportOptions options = CsvImportOptions.defaults();

    private Builder() {}

    /**
     * Sets the registry the calendars are registered with.
     *
     * @param registry the registry, e.g. {@code CalendarService.calendars()}
     * @return this builder
     */
    public Builder registry(CalendarRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * Sets the mapper that checks room IDs and links calendars to spaces.
     *
     * @param spaceMapper the mapper, e.g. {@code CalendarService.spaces()}
     * @return this builder
     */
    public Builder spaceMapper(SpaceMapper spaceMapper) {
      this.spaceMapper = Objects.requireNonNull(spaceMapper, "spaceMapper");
      return this;
    }

    /**
     * Sets the options; default {@link CsvImportOptions#defaults()}.
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
     * @throws IllegalStateException if the registry or the space mapper is missing
     */
    public CalendarCsvImporter build() {
      if (registry == null) {
        throw new IllegalStateException("a CalendarRegistry is required: call registry(...)");
      }
      if (spaceMapper == null) {
        throw new IllegalStateException("a SpaceMapper is required: call spaceMapper(...)");
      }
      return new DefaultCalendarCsvImporter(registry, spaceMapper, options);
    }
  }
}
