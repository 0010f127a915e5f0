package com.workplace.calendar.csv;

import com.workplace.calendar.CalendarClientException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Root of the exceptions of the CSV module: the file as a whole could not be imported, or a CSV
 * document could not be written. Problems with single rows are not exceptions; they are reported in
 * the {@link ImportReport}.
 *
 * <p>Every failure caused by the bytes of an imported file is one of the subclasses: {@link
 * CsvFormatException} (not a readable CSV file with the needed columns), {@link
 * CsvLimitExceededException} (too large) or {@link CsvIoException} (the stream failed).
 *
 * @since 0.1.0
 */
public abstract class CsvException extends CalendarClientException {
  private static final long serialVersionUID = 1L;

  private final long line;
  private final transient ImportReport partialReport;

  /**
   * Creates the exception.
   *
   * @param message what is wrong and what to do about it
   * @param line the physical line of the file (1-based) the problem was found on, or 0 if unknown
   * @param partialReport the rows handled before the problem, or {@code null} if none were
   * @param cause the underlying failure, or {@code null}
   */
  protected CsvException(String message, long line, ImportReport partialReport, Throwable cause) {
    super(message, cause);
    if (line < 0) {
      throw new IllegalArgumentException("line must not be negative");
    }
    this.line = line;
    this.partialReport = partialReport;
  }

  /**
   * The physical line of the file where the problem was found.
   *
   * @return the 1-based line number, if known
   */
  public OptionalLong line() {
    return line == 0 ? OptionalLong.empty() : OptionalLong.of(line);
  }

  /**
   * What happened to the rows before the problem was found. When importing from a stream (not a
   * file), rows before the problem may already have been applied, each of them completely; this
   * report says which. For a dry run it lists the problems found so far.
   *
   * @return the report of the rows handled before the problem, if any rows were handled
   */
  public Optional<ImportReport> partialReport() {
    return Optional.ofNullable(partialReport);
  }
}
