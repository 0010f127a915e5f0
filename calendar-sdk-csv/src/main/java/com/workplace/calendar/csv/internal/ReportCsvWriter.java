package com.workplace.calendar.csv.internal;

import com.workplace.calendar.csv.CsvIoException;
import com.workplace.calendar.csv.RowError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes an import report's failed rows as CSV, with formula cells neutralized. */
public final class ReportCsvWriter {
  private ReportCsvWriter() {}

  /**
   * Writes the rows.
   *
   * @param header the header row
   * @param errors the failed rows
   * @param omitted how many failed rows the report does not list
   * @param out where to write; flushed, not closed
   * @throws CsvIoException if the writer fails
   */
  public static void write(List<String> header, List<RowError> errors, long omitted, Writer out) {
    try {
      CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT);
      printer.printRecord(header);
      for (RowError error : errors) {
        printer.printRecord(
            Long.toString(error.line()),
            SpreadsheetCells.neutralize(error.email()),
            SpreadsheetCells.neutralize(error.roomId()),
            error.reason().name(),
            SpreadsheetCells.neutralize(error.message()));
      }
      if (omitted > 0) {
        out.write(
            String.format(
                Locale.ROOT,
                "# %d more failed rows are not listed (the report keeps the first %d)\r\n",
                omitted,
                errors.size()));
      }
      printer.flush();
    } catch (IOException e) {
      throw new CsvIoException("could not write the import report: " + e.getMessage(), null, e);
    } catch (UncheckedIOException e) {
      throw new CsvIoException(
          "could not write the import report: " + e.getCause().getMessage(), null, e.getCause());
    }
  }
}
