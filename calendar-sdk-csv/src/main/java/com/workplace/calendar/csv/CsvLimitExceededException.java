package com.workplace.calendar.csv;

/**
 * The file exceeds one of the limits of {@link CsvImportOptions}. The import stopped at the point
 * the limit was reached; the message names the limit and says what to do (split the file, or raise
 * the limit).
 *
 * @since 0.1.0
 */
public class CsvLimitExceededException extends CsvException {
  private static final long serialVersionUID = 1L;

  /** Which limit was exceeded. */
  public enum Limit {
    /** {@link CsvImportOptions#maxFileBytes()}. */
    FILE_SIZE,
    /** {@link CsvImportOptions#maxRows()}. */
    ROW_COUNT,
    /** {@link CsvImportOptions#maxFieldLength()}. */
    FIELD_LENGTH,
    /** {@link CsvImportOptions#maxColumns()}. */
    COLUMN_COUNT
  }

  private final Limit limit;
  private final long maximum;

  /**
   * Creates the exception.
   *
   * @param limit the limit exceeded
   * @param maximum the value of the limit
   * @param message what is wrong and what to do about it
   * @param line the physical line where the limit was reached (1-based), or 0 if unknown
   * @param partialReport the rows handled before the limit was reached, or {@code null}
   */
  public CsvLimitExceededException(
      Limit limit, long maximum, String message, long line, ImportReport partialReport) {
    super(message, line, partialReport, null);
    if (limit == null) {
      throw new IllegalArgumentException("limit must not be null");
    }
    this.limit = limit;
    this.maximum = maximum;
  }

  /**
   * Which limit was exceeded.
   *
   * @return the limit
   */
  public Limit limit() {
    return limit;
  }

  /**
   * The value of the limit that was exceeded (bytes, rows, characters or columns).
   *
   * @return the maximum allowed
   */
  public long maximum() {
    return maximum;
  }
}
