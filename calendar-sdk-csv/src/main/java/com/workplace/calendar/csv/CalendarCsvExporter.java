package com.workplace.calendar.csv;

import com.workplace.calendar.PageRequest;
import com.workplace.calendar.csv.internal.DefaultCalendarCsvExporter;
import com.workplace.calendar.registry.CalendarRegistry;
import com.workplace.calendar.space.SpaceMapper;
import com.workplace.calendar.tenant.TenantId;
import java.io.OutputStream;
import java.io.Writer;
import java.util.List;
import java.util.Objects;

/**
 * Writes a tenant's room calendars as CSV: {@code email,roomID,status,failureReason,failureDetail},
 * one row per calendar in address order. The first two columns are the import format, so an
 * exported file can be edited and imported again.
 *
 * <p>Cells a spreadsheet would run as a formula (starting with {@code =}, {@code +}, {@code -},
 * {@code @}, tab or carriage return) are prefixed with an apostrophe; the importer removes it
 * again. Delimiters, quotes and line breaks inside values are quoted. Calendars are read page by
 * page, so the tenant's calendars are never all in memory.
 *
 * <p>Implementations are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public interface CalendarCsvExporter {

  /** The header row. */
  List<String> HEADER = List.of("email", "roomID", "status", "failureReason", "failureDetail");

  /**
   * Writes the tenant's calendars. The writer is flushed, not closed.
   *
   * @param tenantId the tenant
   * @param out where to write
   * @return the number of calendars written
   * @throws CsvIoException if the writer fails
   */
  long export(TenantId tenantId, Writer out);

  /**
   * Writes the tenant's calendars as UTF-8 with a byte order mark, so that spreadsheet programs
   * recognize the encoding. The stream is flushed, not closed.
   *
   * @param tenantId the tenant
   * @param out where to write
   * @return the number of calendars written
   * @throws CsvIoException if the stream fails
   */
  long export(TenantId tenantId, OutputStream out);

  /**
   * Starts building an exporter.
   *
   * @return a builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CalendarCsvExporter}. Registry and space mapper are required. */
  final class Builder {
    private CalendarRegistry registry;
    private SpaceMapper spaceMapper;
    private char delimiter = ',';
    private int pageSize = PageRequest.MAX_SIZE;

    private Builder() {}

    /**
     * Sets the registry the calendars are listed from.
     *
     * @param registry the registry
     * @return this builder
     */
    public Builder registry(CalendarRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * Sets the mapper the calendars' spaces are looked up in.
     *
     * @param spaceMapper the mapper
     * @return this builder
     */
    public Builder spaceMapper(SpaceMapper spaceMapper) {
      this.spaceMapper = Objects.requireNonNull(spaceMapper, "spaceMapper");
      return this;
    }

    /**
     * Sets the delimiter: a comma (default) or, for spreadsheets set up for languages that use the
     * comma as decimal separator, a semicolon.
     *
     * @param delimiter {@code ','} or {@code ';'}
     * @return this builder
     * @throws IllegalArgumentException for any other character
     */
    public Builder delimiter(char delimiter) {
      if (delimiter != ',' && delimiter != ';') {
        throw new IllegalArgumentException(
            "the delimiter must be ',' or ';', was '" + delimiter + "'");
      }
      this.delimiter = delimiter;
      return this;
    }

    /**
     * Sets how many calendars are read from the registry at a time.
     *
     * @param size 1 to {@value PageRequest#MAX_SIZE}; default {@value PageRequest#MAX_SIZE}
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder pageSize(int size) {
      if (size < 1 || size > PageRequest.MAX_SIZE) {
        throw new IllegalArgumentException(
            "pageSize must be between 1 and " + PageRequest.MAX_SIZE + ", was " + size);
      }
      this.pageSize = size;
      return this;
    }

    /**
     * Builds the exporter.
     *
     * @return the exporter
     * @throws IllegalStateException if the registry or the space mapper is missing
     */
    public CalendarCsvExporter build() {
      if (registry == null) {
        throw new IllegalStateException("a CalendarRegistry is required: call registry(...)");
      }
      if (spaceMapper == null) {
        throw new IllegalStateException("a SpaceMapper is required: call spaceMapper(...)");
      }
      return new DefaultCalendarCsvExporter(registry, spaceMapper, delimiter, pageSize);
    }
  }
}
