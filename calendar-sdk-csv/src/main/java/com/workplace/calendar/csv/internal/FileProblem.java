package com.workplace.calendar.csv.internal;

import com.workplace.calendar.csv.CsvException;
import com.workplace.calendar.csv.CsvFormatException;
import com.workplace.calendar.csv.CsvIoException;
import com.workplace.calendar.csv.CsvLimitExceededException;
import com.workplace.calendar.csv.ImportReport;

/**
 * A problem with the file as a whole, found deep in the reading pipeline. It travels up to the
 * import run, which turns it into the public {@link CsvException} with the partial report.
 */
final class FileProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private enum Kind {
    FORMAT,
    LIMIT,
    IO
  }

  private final Kind kind;
  private final transient CsvFormatException.Problem problem;
  private final transient CsvLimitExceededException.Limit limit;
  private final long maximum;
  private final long line;

  private FileProblem(
      Kind kind,
      CsvFormatException.Problem problem,
      CsvLimitExceededException.Limit limit,
      long maximum,
      String message,
      long line,
      Throwable cause) {
    super(message, cause, false, false);
    this.kind = kind;
    this.problem = problem;
    this.limit = limit;
    this.maximum = maximum;
    this.line = Math.max(0, line);
  }

  static FileProblem format(
      CsvFormatException.Problem problem, String message, long line, Throwable cause) {
    return new FileProblem(Kind.FORMAT, problem, null, 0, message, line, cause);
  }

  static FileProblem limit(
      CsvLimitExceededException.Limit limit, long maximum, String message, long line) {
    return new FileProblem(Kind.LIMIT, null, limit, maximum, message, line, null);
  }

  static FileProblem io(String message, Throwable cause) {
    return new FileProblem(Kind.IO, null, null, 0, message, 0, cause);
  }

  /**
   * Makes the public exception.
   *
   * @param partialReport the rows handled before the problem, or {@code null}
   * @return the exception to throw
   */
  CsvException toException(ImportReport partialReport) {
    return switch (kind) {
      case FORMAT -> new CsvFormatException(problem, getMessage(), line, partialReport, getCause());
      case LIMIT ->
          new CsvLimitExceededException(limit, maximum, getMessage(), line, partialReport);
      case IO -> new CsvIoException(getMessage(), partialReport, getCause());
    };
  }
}
