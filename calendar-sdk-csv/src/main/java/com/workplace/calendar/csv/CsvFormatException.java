package com.workplace.calendar.csv;

/**
 * The file is not a CSV file the importer can read: it is empty, not UTF-8 text, not valid CSV
 * (e.g. a quote that is never closed), or it lacks a required column. The message says what is
 * wrong and how to fix the file.
 *
 * @since 0.1.0
 */
public class CsvFormatException extends CsvException {
  private static final long serialVersionUID = 1L;

  /** What is wrong with the file. */
  public enum Problem {
    /** The file has no header line (it is empty or holds only blank and comment lines). */
    EMPTY_FILE,
    /** The bytes are not UTF-8 text. */
    NOT_UTF8,
    /** The text is not valid CSV, e.g. a quoted value is not closed. */
    MALFORMED,
    /** The header has no column for a required value (the e-mail address). */
    MISSING_COLUMN,
    /** The header names the same value twice (e.g. both {@code email} and {@code mail}). */
    DUPLICATE_COLUMN
  }

  private final Problem problem;

  /**
   * Creates the exception.
   *
   * @param problem what is wrong
   * @param message what is wrong and what to do about it
   * @param line the physical line of the problem (1-based), or 0 if unknown
   * @param partialReport the rows handled before the problem, or {@code null}
   * @param cause the underlying failure, or {@code null}
   */
  public CsvFormatException(
      Problem problem, String message, long line, ImportReport partialReport, Throwable cause) {
    super(message, line, partialReport, cause);
    if (problem == null) {
      throw new IllegalArgumentException("problem must not be null");
    }
    this.problem = problem;
  }

  /**
   * What is wrong with the file.
   *
   * @return the problem
   */
  public Problem problem() {
    return problem;
  }
}
