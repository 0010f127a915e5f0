package com.workplace.calendar.csv;

import com.workplace.calendar.space.LinkMode;
import java.util.Objects;

/**
 * How {@link CalendarCsvImporter} treats a file: limits and what to do with registered calendars
 * and linked spaces. Immutable; create with {@link #builder()} or take {@link #defaults()}.
 *
 * <table>
 *   <caption>Options and defaults</caption>
 *   <tr><th>option</th><th>default</th><th>range</th></tr>
 *   <tr><td>{@link #maxFileBytes()}</td><td>10 MiB</td><td>1 byte or more</td></tr>
 *   <tr><td>{@link #maxRows()}</td><td>100,000</td><td>1 to 10,000,000</td></tr>
 *   <tr><td>{@link #maxFieldLength()}</td><td>320 characters</td><td>1 to 1,000,000</td></tr>
 *   <tr><td>{@link #maxColumns()}</td><td>1,000</td><td>1 to 100,000</td></tr>
 *   <tr><td>{@link #maxReportedErrors()}</td><td>10,000</td><td>0 or more</td></tr>
 *   <tr><td>{@link #existingCalendars()}</td><td>{@link ExistingCalendarPolicy#SKIP}</td>
 *       <td></td></tr>
 *   <tr><td>{@link #linkedSpaces()}</td><td>{@link LinkMode#FAIL_IF_LINKED}</td><td></td></tr>
 * </table>
 *
 * @since 0.1.0
 */
public final class CsvImportOptions {
  /** The default {@link #maxFileBytes()}: 10 MiB. */
  public static final long DEFAULT_MAX_FILE_BYTES = 10L * 1024 * 1024;

  /** The default {@link #maxRows()}. */
  public static final int DEFAULT_MAX_ROWS = 100_000;

  /** The default {@link #maxFieldLength()}: an e-mail address (254) with room to spare. */
  public static final int DEFAULT_MAX_FIELD_LENGTH = 320;

  /** The default {@link #maxColumns()}. */
  public static final int DEFAULT_MAX_COLUMNS = 1_000;

  /** The default {@link #maxReportedErrors()}. */
  public static final int DEFAULT_MAX_REPORTED_ERRORS = 10_000;

  private static final CsvImportOptions DEFAULTS = new Builder().build();

  private final long maxFileBytes;
  private final int maxRows;
  private final int maxFieldLength;
  private final int maxColumns;
  private final int maxReportedErrors;
  private final ExistingCalendarPolicy existingCalendars;
  private final LinkMode linkedSpaces;

  private CsvImportOptions(Builder builder) {
    this.maxFileBytes = builder.maxFileBytes;
    this.maxRows = builder.maxRows;
    this.maxFieldLength = builder.maxFieldLength;
    this.maxColumns = builder.maxColumns;
    this.maxReportedErrors = builder.maxReportedErrors;
    this.existingCalendars = builder.existingCalendars;
    this.linkedSpaces = builder.linkedSpaces;
  }

  /**
   * The default options.
   *
   * @return options with every default
   */
  public static CsvImportOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Starts options from the defaults.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a variant of these options.
   *
   * @return a builder holding these options
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * The largest file accepted, in bytes (a byte order mark included).
   *
   * @return the limit
   */
  public long maxFileBytes() {
    return maxFileBytes;
  }

  /**
   * The most data rows accepted (the header, blank rows and comment lines do not count).
   *
   * @return the limit
   */
  public int maxRows() {
    return maxRows;
  }

  /**
   * The longest value accepted in any cell of the file, ignored columns included, counted in
   * characters after surrounding whitespace is removed.
   *
   * @return the limit
   */
  public int maxFieldLength() {
    return maxFieldLength;
  }

  /**
   * The most cells accepted in one row, ignored columns included.
   *
   * @return the limit
   */
  public int maxColumns() {
    return maxColumns;
  }

  /**
   * The most failed rows kept in an {@link ImportReport} with their details; further failed rows
   * are only counted.
   *
   * @return the limit
   */
  public int maxReportedErrors() {
    return maxReportedErrors;
  }

  /**
   * What to do with rows whose calendar is already registered.
   *
   * @return the policy
   */
  public ExistingCalendarPolicy existingCalendars() {
    return existingCalendars;
  }

  /**
   * What to do when a row's space is linked to another calendar: fail the row ({@link
   * LinkMode#FAIL_IF_LINKED}) or move the space to the row's calendar ({@link LinkMode#MOVE}).
   *
   * @return the mode
   */
  public LinkMode linkedSpaces() {
    return linkedSpaces;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CsvImportOptions o
        && maxFileBytes == o.maxFileBytes
        && maxRows == o.maxRows
        && maxFieldLength == o.maxFieldLength
        && maxColumns == o.maxColumns
        && maxReportedErrors == o.maxReportedErrors
        && existingCalendars == o.existingCalendars
        && linkedSpaces == o.linkedSpaces;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        maxFileBytes,
        maxRows,
        maxFieldLength,
        maxColumns,
        maxReportedErrors,
        existingCalendars,
        linkedSpaces);
  }

  @Override
  public String toString() {
    return "CsvImportOptions[maxFileBytes="
        + maxFileBytes
        + ", maxRows="
        + maxRows
        + ", maxFieldLength="
        + maxFieldLength
        + ", maxColumns="
        + maxColumns
        + ", maxReportedErrors="
        + maxReportedErrors
        + ", existingCalendars="
        + existingCalendars
        + ", linkedSpaces="
        + linkedSpaces
        + "]";
  }

  /** Builds {@link CsvImportOptions}. Setters reject values out of range at once. */
  public static final class Builder {
    private long maxFileBytes = DEFAULT_MAX_FILE_BYTES;
    private int maxRows = DEFAULT_MAX_ROWS;
    private int maxFieldLength = DEFAULT_MAX_FIELD_LENGTH;
    private int maxColumns = DEFAULT_MAX_COLUMNS;
    private int maxReportedErrors = DEFAULT_MAX_REPORTED_ERRORS;
    private ExistingCalendarPolicy existingCalendars = ExistingCalendarPolicy.SKIP;
    private LinkMode linkedSpaces = LinkMode.FAIL_IF_LINKED;

    private Builder() {}

    private Builder(CsvImportOptions options) {
      this.maxFileBytes = options.maxFileBytes;
      this.maxRows = options.maxRows;
      this.maxFieldLength = options.maxFieldLength;
      this.maxColumns = options.maxColumns;
      this.maxReportedErrors = options.maxReportedErrors;
      this.existingCalendars = options.existingCalendars;
      this.linkedSpaces = options.linkedSpaces;
    }

    /**
     * Sets the largest file accepted.
     *
     * @param bytes 1 or more
     * @return this builder
     * @throws IllegalArgumentException if {@code bytes} is less than 1
     */
    public Builder maxFileBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxFileBytes must be 1 or more, was " + bytes);
      }
      this.maxFileBytes = bytes;
      return this;
    }

    /**
     * Sets the most data rows accepted.
     *
     * @param rows 1 to 10,000,000
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxRows(int rows) {
      this.maxRows = inRange("maxRows", rows, 1, 10_000_000);
      return this;
    }

    /**
     * Sets the longest cell value accepted.
     *
     * @param characters 1 to 1,000,000
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxFieldLength(int characters) {
      this.maxFieldLength = inRange("maxFieldLength", characters, 1, 1_000_000);
      return this;
    }

    /**
     * Sets the most cells accepted in a row.
     *
     * @param columns 1 to 100,000
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxColumns(int columns) {
      this.maxColumns = inRange("maxColumns", columns, 1, 100_000);
      return this;
    }

    /**
     * Sets how many failed rows a report keeps in detail.
     *
     * @param errors 0 or more
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder maxReportedErrors(int errors) {
      this.maxReportedErrors = inRange("maxReportedErrors", errors, 0, Integer.MAX_VALUE);
      return this;
    }

    /**
     * Sets what to do with rows whose calendar is already registered.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder existingCalendars(ExistingCalendarPolicy policy) {
      this.existingCalendars = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets what to do when a row's space is linked to another calendar.
     *
     * @param mode {@link LinkMode#FAIL_IF_LINKED} to fail the row, {@link LinkMode#MOVE} to move
     *     the space
     * @return this builder
     */
    public Builder linkedSpaces(LinkMode mode) {
      this.linkedSpaces = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     */
    public CsvImportOptions build() {
      return new CsvImportOptions(this);
    }

    private static int inRange(String name, int value, int min, int max) {
      if (value < min || value > max) {
        throw new IllegalArgumentException(
            name + " must be between " + min + " and " + max + ", was " + value);
      }
      return value;
    }
  }
}
