package com.workplace.calendar.csv;

import static com.workplace.calendar.csv.TestWorld.TENANT;
import static com.workplace.calendar.csv.TestWorld.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class ImportReportTest {
  private final TestWorld world = new TestWorld();

  @Test
  void failedRowsAreWrittenAsCsvWithFormulasNeutralized() throws IOException {
    ImportReport report =
        world
            .importer()
            .dryRun(
                TENANT,
                text(
                    "email,roomID\n"
                        + "\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",101\n"
                        + "room-2@contoso.com,@SUM(1)\n"
                        + "\"a,b\nc\",103\n"
                        + "-dup@contoso.com,\n"
                        + "-dup@contoso.com,\n"));

    StringWriter out = new StringWriter();
    report.writeCsv(out);

    List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(out.toString())).getRecords();
    assertThat(rows.get(0).toList()).isEqualTo(ImportReport.CSV_HEADER);
    assertThat(rows).hasSize(5);
    assertThat(rows.get(1).get(0)).isEqualTo("2");
    assertThat(rows.get(1).get(1)).isEqualTo("'=HYPERLINK(\"http://evil\",\"x\")");
    assertThat(rows.get(1).get(3)).isEqualTo("EMAIL_INVALID");
    assertThat(rows.get(1).get(4)).startsWith("'=hyperlink").contains("has no '@'");
    assertThat(rows.get(2).get(2)).isEqualTo("'@SUM(1)");
    assertThat(rows.get(2).get(3)).isEqualTo("SPACE_NOT_FOUND");
    assertThat(rows.get(3).get(1)).isEqualTo("a,b\nc");
    assertThat(rows.get(4).get(1)).isEqualTo("'-dup@contoso.com");
    assertThat(rows.get(4).get(4)).startsWith("'-dup@contoso.com already appears on line 6");
    for (CSVRecord row : rows) {
      for (String cell : row) {
        assertThat(cell)
            .doesNotStartWith("=")
            .doesNotStartWith("+")
            .doesNotStartWith("-")
            .doesNotStartWith("@");
      }
    }
  }

  @Test
  void omittedFailuresAreNoted() {
    ImportReport report =
        world
            .importer(CsvImportOptions.builder().maxReportedErrors(1).build())
            .dryRun(TENANT, text("email\nbad-1\nbad-2\nbad-3\n"));

    StringWriter out = new StringWriter();
    report.writeCsv(out);

    assertThat(out.toString())
        .contains("bad-1")
        .doesNotContain("bad-2")
        .endsWith("# 2 more failed rows are not listed (the report keeps the first 1)\r\n");
  }

  @Test
  void aFailingWriterIsACsvIoException() {
    ImportReport report = world.importer().dryRun(TENANT, text("email\nbad\n"));
    Writer broken =
        new Writer() {
          @Override
          public void write(char[] buffer, int offset, int length) throws IOException {
            throw new IOException("disk full");
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };

    assertThatThrownBy(() -> report.writeCsv(broken))
        .isInstanceOf(CsvIoException.class)
        .hasMessageContaining("disk full");
  }

  @Test
  void countsAreConsistent() {
    ImportReport report = world.importer().apply(TENANT, TestWorld.resource("excel-export.csv"));

    assertThat(report.applied() + report.unchanged() + report.failed())
        .isEqualTo(report.totalRows());
    assertThat(report.hasFailures()).isTrue();
    assertThat(report.toString())
        .isEqualTo(
            "ImportReport[tenant=contoso.onmicrosoft.com, dryRun=false, rows=7, added=4,"
                + " linked=3, unchanged=0, failed=3]");
  }

  @Test
  void inconsistentCountsAreRejected() {
    RowError error = new RowError(2, "x", "", RowError.Reason.EMAIL_INVALID, "bad");

    assertThatThrownBy(() -> new ImportReport(TENANT, true, 1, 0, 0, 0, 0, List.of(error)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ImportReport(TENANT, true, 1, 0, 0, 1, 1, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RowError(0, "x", "", RowError.Reason.EMAIL_INVALID, "bad"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
