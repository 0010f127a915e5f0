package com.workplace.calendar.csv;

/**
 * Reading the file or writing a CSV document failed because the underlying stream failed (an {@link
 * java.io.IOException}, kept as the cause). Nothing is wrong with the CSV itself; retry when the
 * stream works.
 *
 * @since 0.1.0
 */
public class CsvIoException extends CsvException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed
   * @param partialReport the rows handled before the failure, or {@code null}
   * @param cause the I/O failure
   */
  public CsvIoException(String message, ImportReport partialReport, Throwable cause) {
    super(message, 0, partialReport, cause);
  }
}
