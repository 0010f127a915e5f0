package com.workplace.calendar.csv.internal;

import com.workplace.calendar.csv.CsvFormatException;
import com.workplace.calendar.csv.CsvImportOptions;
import com.workplace.calendar.csv.CsvLimitExceededException;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the data rows of an import file one at a time: decodes UTF-8 (dropping a byte order mark),
 * detects the delimiter from the header line, maps the columns, skips blank rows and comment lines,
 * and enforces the limits of the options. Every problem with the file as a whole is thrown as a
 * {@link FileProblem}.
 */
final class CsvRows implements Closeable {
  /**
   * A data row.
   *
   * @param line the physical line it starts on
   * @param email the e-mail cell as parsed
   * @param roomId the roomID cell as parsed; empty if the file has no roomID column
   */
  record Row(long line, String email, String roomId) {}

  /**
   * The values of a data row, in the order of the layout's columns.
   *
   * @param line the physical line it starts on
   * @param values the cells as parsed; empty for a column the file does not have
   */
  record Values(long line, List<String> values) {}

  /** Which columns a kind of file has, found from its header. */
  interface Layout {
    /**
     * Finds the columns.
     *
     * @param header the header cells as parsed
     * @param line the header's line
     * @return the index of each value's column, -1 for a column the file does not have
     * @throws FileProblem if a required column is missing or a value has two columns
     */
    int[] columns(List<String> header, long line);

    /**
     * An example header, for the message about an empty file.
     *
     * @return e.g. {@code email,roomID}
     */
    String exampleHeader();

    /**
     * What one row stands for, for the message about an empty file.
     *
     * @return e.g. {@code room mailbox}
     */
    String rowMeaning();
  }

  /** The {@code email,roomID} layout of the calendar import. */
  static final Layout CALENDARS =
      new Layout() {
        @Override
        public int[] columns(List<String> header, long line) {
          Columns columns = Columns.fromHeader(header, line);
          return new int[] {columns.email(), columns.roomId()};
        }

        @Override
        public String exampleHeader() {
          return "email,roomID";
        }

        @Override
        public String rowMeaning() {
          return "room mailbox";
        }
      };

  private final CsvImportOptions options;
  private final GuardReader guard;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final Layout layout;
  private List<String> header = List.of();
  private int[] columns;
  private long rows;

  private CsvRows(CsvImportOptions options, Layout layout, GuardReader guard, CSVParser parser) {
    this.options = options;
    this.layout = layout;
    this.guard = guard;
    this.parser = parser;
    this.records = parser.iterator();
  }

  /**
   * Opens a file and reads up to and including its header.
   *
   * @param in the bytes; not closed by {@link #close()}
   * @param options the limits
   * @return the rows after the header
   * @throws FileProblem if the file is empty, unreadable or lacks the e-mail column
   */
  static CsvRows open(InputStream in, CsvImportOptions options) {
    return open(in, options, CALENDARS);
  }

  /**
   * Opens a file of another layout and reads up to and including its header.
   *
   * @param in the bytes; not closed by {@link #close()}
   * @param options the limits
   * @param layout the columns the file has
   * @return the rows after the header
   * @throws FileProblem if the file is empty, unreadable or lacks a required column
   */
  static CsvRows open(InputStream in, CsvImportOptions options, Layout layout) {
    BufferedReader text =
        new BufferedReader(new Utf8Reader(new LimitedInputStream(in, options.maxFileBytes())), 8192);
    Dialect dialect = Dialect.detect(text);
    char delimiter = dialect.delimiter();
    GuardReader guard =
        new GuardReader(
            text,
            delimiter,
            dialect.separatorLine(),
            options.maxFieldLength(),
            options.maxColumns());
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(delimiter)
            .setQuote('"')
            .setEscape((Character) null)
            .setCommentMarker((Character) null)
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .setTrim(false)
            .get();
    CSVParser parser;
    try {
      parser = CSVParser.parse(guard, format);
    } catch (IOException e) {
      throw FileProblem.io("could not read the file: " + e.getMessage(), e);
    }
    CsvRows rows = new CsvRows(options, layout, guard, parser);
    rows.readHeader();
    return rows;
  }

  /**
   * Reads the next data row.
   *
   * @return the row, or {@code null} at the end of the file
   * @throws FileProblem if the file is malformed or exceeds a limit
   */
  Row next() {
    Values values = nextValues();
    return values == null
        ? null
        : new Row(values.line(), values.values().get(0), values.values().get(1));
  }

  /**
   * Reads the next data row that has a value in any of the layout's columns.
   *
   * @return the row, or {@code null} at the end of the file
   * @throws FileProblem if the file is malformed or exceeds a limit
   */
  Values nextValues() {
    while (true) {
      CSVRecord record = nextRecord();
      if (record == null) {
        return null;
      }
      long line = lineOf(record);
      checkLengths(record, line);
      List<String> values = new ArrayList<>(columns.length);
      boolean blank = true;
      for (int column : columns) {
        String value = column < 0 ? "" : cell(record, column);
        blank &= SpreadsheetCells.trim(value).isEmpty();
        values.add(value);
      }
      if (blank) {
        continue;
      }
      rows++;
      if (rows > options.maxRows()) {
        throw FileProblem.limit(
            CsvLimitExceededException.Limit.ROW_COUNT,
            options.maxRows(),
            String.format(
                Locale.ROOT,
                "the file has more than %d rows (line %d is row %d), the most this import"
                    + " accepts; split it into smaller files or raise maxRows",
                options.maxRows(),
                line,
                rows),
            line);
      }
      return new Values(line, List.copyOf(values));
    }
  }

  /**
   * The index of each of the layout's columns in the file, -1 for a column it does not have.
   *
   * @return the indexes, in layout order
   */
  int[] columns() {
    return columns.clone();
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException | RuntimeException e) {
      // closing only releases buffers; the caller's stream stays open either way
    }
  }

  private void readHeader() {
    while (true) {
      CSVRecord record = nextRecord();
      if (record == null) {
        throw FileProblem.format(
            CsvFormatException.Problem.EMPTY_FILE,
            "the file is empty: it needs a header line such as "
                + layout.exampleHeader()
                + ", then one row per "
                + layout.rowMeaning(),
            0,
            null);
      }
      long line = lineOf(record);
      List<String> cells = new ArrayList<>(record.size());
      boolean blank = true;
      for (String value : record) {
        String name = SpreadsheetCells.trim(value);
        blank &= name.isEmpty();
        cells.add(name);
      }
      if (blank) {
        continue;
      }
      header = cells;
      checkLengths(record, line);
      columns = layout.columns(cells, line);
      return;
    }
  }

  private CSVRecord nextRecord() {
    try {
      return records.hasNext() ? records.next() : null;
    } catch (FileProblem e) {
      throw e;
    } catch (UncheckedIOException e) {
      throw malformed(e.getCause());
    } catch (RuntimeException e) {
      throw malformed(e);
    }
  }

  private FileProblem malformed(Throwable cause) {
    if (cause instanceof CharacterCodingException) {
      return GuardReader.notUtf8(guard.currentLine(), cause);
    }
    long openQuote = guard.openQuoteLine();
    if (openQuote > 0) {
      return FileProblem.format(
          CsvFormatException.Problem.MALFORMED,
          "the file is not valid CSV: the quoted value starting on line "
              + openQuote
              + " is never closed; add its closing quote (\") or remove the opening one",
          openQuote,
          cause);
    }
    long line = Math.max(1, parser.getCurrentLineNumber());
    String detail =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return FileProblem.format(
        CsvFormatException.Problem.MALFORMED,
        "the file is not valid CSV near line "
            + line
            + " ("
            + detail
            + "); check the quotes (\") there: a quoted value must be closed, and only the"
            + " delimiter or the end of the line may follow its closing quote",
        line,
        cause);
  }

  private long lineOf(CSVRecord record) {
    long start = guard.pollRecordStart();
    return start > 0 ? start : Math.max(1, parser.getCurrentLineNumber());
  }

  private void checkLengths(CSVRecord record, long line) {
    for (int i = 0; i < record.size(); i++) {
      int length = SpreadsheetCells.trim(record.get(i)).length();
      if (length > options.maxFieldLength()) {
        String column =
            i < header.size() && !header.get(i).isEmpty()
                ? " ('" + shorten(header.get(i)) + "')"
                : "";
        throw FileProblem.limit(
            CsvLimitExceededException.Limit.FIELD_LENGTH,
            options.maxFieldLength(),
            String.format(
                Locale.ROOT,
                "line %d, column %d%s: the value has %d characters, more than the %d a cell may"
                    + " hold; shorten it or raise maxFieldLength",
                line,
                i + 1,
                column,
                length,
                options.maxFieldLength()),
            line);
      }
    }
  }

  private static String shorten(String name) {
    String shown = name.length() > 40 ? name.substring(0, 40) + "..." : name;
    return shown.replaceAll("\\p{Cntrl}", "?");
  }

  private static String cell(CSVRecord record, int index) {
    return index < record.size() ? record.get(index) : "";
  }
}
