package com.workplace.calendar.csv.internal;

import com.workplace.calendar.csv.CsvFormatException;
import com.workplace.calendar.csv.CsvLimitExceededException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayDeque;
import java.util.Locale;

/**
 * Sits between the decoded text and the CSV parser and follows the CSV structure as the parser will
 * see it (same quoting rules: a quote opens a quoted value only as the first non-blank character of
 * a cell, a doubled quote inside stands for one quote). It
 *
 * <ul>
 *   <li>bounds memory before the parser buffers anything: a cell longer than the limit, or a row
 *       with too many cells, fails at once;
 *   <li>drops comment lines (a {@code #} as the first character of a row) and a leading {@code
 *       sep=} line, keeping their line break so that line numbers stay right and the parser sees a
 *       blank line;
 *   <li>counts physical lines (CR, LF or CRLF) and remembers on which line each row starts, in the
 *       order the parser will return the rows.
 * </ul>
 */
final class GuardReader extends Reader {
  /** Extra raw characters a cell may span beyond the value limit (quotes, spaces around it). */
  static final int SLACK = 1024;

  private static final int START = 0;
  private static final int UNQUOTED = 1;
  private static final int QUOTED = 2;
  private static final int QUOTE_IN_QUOTED = 3;
  private static final int AFTER_QUOTED = 4;

  private final Reader in;
  private final char delimiter;
  private final int maxFieldLength;
  private final int maxCellChars;
  private final int maxColumns;
  private final char[] buffer = new char[8192];
  private final ArrayDeque<Long> recordStarts = new ArrayDeque<>();
  private int position;
  private int limit;
  private boolean eof;

  private long line = 1;
  private boolean lastWasCr;
  private boolean atRecordStart = true;
  private boolean inComment;
  private int state = START;
  private int cellChars;
  private int columns;
  private long quoteStartLine;

  /**
   * Creates the reader.
   *
   * @param in the decoded text, without byte order mark
   * @param delimiter the delimiter
   * @param skipFirstLine whether the first line is to be dropped (a {@code sep=} line)
   * @param maxFieldLength the longest value allowed
   * @param maxColumns the most cells allowed in a row
   */
  GuardReader(
      Reader in, char delimiter, boolean skipFirstLine, int maxFieldLength, int maxColumns) {
    this.in = in;
    this.delimiter = delimiter;
    this.inComment = skipFirstLine;
    this.maxFieldLength = maxFieldLength;
    this.maxCellChars = maxFieldLength + SLACK;
    this.maxColumns = maxColumns;
  }

  /**
   * The line the next row returned by the parser starts on.
   *
   * @return the 1-based line, or 0 if unknown
   */
  long pollRecordStart() {
    Long start = recordStarts.poll();
    return start == null ? 0 : start;
  }

  /**
   * Tells where a quoted value that is still open at the end of the input started.
   *
   * @return the line, or 0 if no quoted value is open
   */
  long openQuoteLine() {
    return eof && (state == QUOTED) ? quoteStartLine : 0;
  }

  /**
   * The line the reader has reached; ahead of the parser by up to a buffer.
   *
   * @return the current physical line
   */
  long currentLine() {
    return line;
  }

  @Override
  public int read(char[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    int n = 0;
    while (n < length) {
      if (position == limit) {
        if (n > 0 || !fill()) {
          break;
        }
      }
      char c = buffer[position++];
      if (accept(c)) {
        target[offset + n++] = c;
      }
    }
    return n == 0 ? -1 : n;
  }

  private boolean fill() throws IOException {
    while (!eof) {
      int read;
      try {
        read = in.read(buffer, 0, buffer.length);
      } catch (CharacterCodingException e) {
        throw notUtf8(line, e);
      } catch (IOException e) {
        throw FileProblem.io("could not read the file: " + e.getMessage(), e);
      }
      if (read < 0) {
        eof = true;
        return false;
      }
      if (read > 0) {
        position = 0;
        limit = read;
        return true;
      }
    }
    return false;
  }

  static FileProblem notUtf8(long line, Throwable cause) {
    return FileProblem.format(
        CsvFormatException.Problem.NOT_UTF8,
        "the file is not UTF-8 text: an invalid byte on line "
            + line
            + "; save it as UTF-8, e.g. in Excel with \"Save As\" > \"CSV UTF-8 (Comma"
            + " delimited)\"",
        line,
        cause);
  }

  /** Follows one character; returns false if it is dropped (part of a comment line). */
  private boolean accept(char c) {
    boolean newline = c == '\n' || c == '\r';
    if (!newline) {
      lastWasCr = false;
    }
    if (inComment) {
      if (!newline) {
        return false;
      }
      inComment = false;
    }
    if (state == QUOTED) {
      if (c == '"') {
        state = QUOTE_IN_QUOTED;
      } else {
        if (newline) {
          countLine(c);
        }
        addCellChar();
      }
      return true;
    }
    if (state == QUOTE_IN_QUOTED) {
      if (c == '"') {
        state = QUOTED;
        addCellChar();
        return true;
      }
      state = AFTER_QUOTED;
    }
    if (newline) {
      boolean secondHalfOfCrLf = c == '\n' && lastWasCr;
      countLine(c);
      if (!secondHalfOfCrLf) {
        atRecordStart = true;
        state = START;
        cellChars = 0;
      }
      return true;
    }
    if (atRecordStart) {
      if (c == '#') {
        inComment = true;
        return false;
      }
      atRecordStart = false;
      recordStarts.add(line);
      columns = 1;
    }
    if (c == delimiter) {
      columns++;
      if (columns > maxColumns) {
        throw FileProblem.limit(
            CsvLimitExceededException.Limit.COLUMN_COUNT,
            maxColumns,
            String.format(
                Locale.ROOT,
                "line %d has more than %d cells, the most a row may have; remove the extra"
                    + " columns or raise maxColumns",
                line,
                maxColumns),
            line);
      }
      state = START;
      cellChars = 0;
      return true;
    }
    switch (state) {
      case START -> {
        if (c == '"') {
          state = QUOTED;
          quoteStartLine = line;
        } else if (!Character.isWhitespace(c)) {
          state = UNQUOTED;
          addCellChar();
        }
      }
      default -> addCellChar();
    }
    return true;
  }

  /** Counts a line break: CR, LF, or the LF of a CRLF (which does not count again). */
  private void countLine(char c) {
    if (c == '\r') {
      line++;
      lastWasCr = true;
    } else {
      if (!lastWasCr) {
        line++;
      }
      lastWasCr = false;
    }
  }

  private void addCellChar() {
    cellChars++;
    if (cellChars > maxCellChars) {
      String message =
          state == QUOTED
              ? String.format(
                  Locale.ROOT,
                  "a quoted value starting on line %d is longer than %d characters, the most a"
                      + " cell may hold; is its closing quote (\") missing?",
                  quoteStartLine,
                  maxFieldLength)
              : String.format(
                  Locale.ROOT,
                  "a value on line %d is longer than %d characters, the most a cell may hold;"
                      + " shorten it or raise maxFieldLength",
                  line,
                  maxFieldLength);
      throw FileProblem.limit(
          CsvLimitExceededException.Limit.FIELD_LENGTH,
          maxFieldLength,
          message,
          state == QUOTED ? quoteStartLine : line);
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
