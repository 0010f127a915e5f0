package com.workplace.calendar.csv;

import static com.workplace.calendar.csv.TestWorld.TENANT;
import static com.workplace.calendar.csv.TestWorld.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.workplace.calendar.csv.RowError.Reason;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The file shapes the importer reads: encodings, line ends, delimiters, quoting, headers. */
class FileShapesTest {
  private final TestWorld world = new TestWorld();

  @Test
  void basicFileRegistersAndLinksEveryRow() {
    ImportReport report = world.importer().apply(TENANT, resource("basic.csv"));

    assertThat(report.totalRows()).isEqualTo(3);
    assertThat(report.added()).isEqualTo(3);
    assertThat(report.linked()).isEqualTo(2);
    assertThat(report.failed()).isZero();
    assertThat(world.spaceOf("room-101@contoso.com")).contains("101");
    assertThat(world.spaceOf("room-102@contoso.com")).contains("102");
    assertThat(world.isRegistered("room-lobby@contoso.com")).isTrue();
    assertThat(world.spaceOf("room-lobby@contoso.com")).isEmpty();
  }

  @Test
  void byteOrderMarkAndCrLfAreHandled() {
    ImportReport report = world.importer().apply(TENANT, resource("bom-crlf.csv"));

    assertThat(report.added()).isEqualTo(2);
    assertThat(report.linked()).isEqualTo(2);
    assertThat(report.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(4);
              assertThat(e.email()).isEqualTo("not-an-address");
              assertThat(e.roomId()).isEqualTo("103");
              assertThat(e.reason()).isEqualTo(Reason.EMAIL_INVALID);
              assertThat(e.message()).contains("has no '@'");
            });
  }

  @Test
  void semicolonDelimiterIsDetectedFromTheHeader() {
    ImportReport report = world.importer().apply(TENANT, resource("semicolon.csv"));

    assertThat(report.failed()).isZero();
    assertThat(report.added()).isEqualTo(2);
    assertThat(world.spaceOf("room-101@contoso.com")).contains("101");
    assertThat(world.spaceOf("room-102@contoso.com")).contains("102");
  }

  @Test
  void aSeparatorLineNamesTheDelimiterAndIsSkipped() {
    ImportReport report = world.importer().apply(TENANT, resource("excel-sep-line.csv"));

    assertThat(report.totalRows()).isEqualTo(2);
    assertThat(world.spaceOf("room-101@contoso.com")).contains("101");
    assertThat(report.errors()).extracting(RowError::line).containsExactly(4L);
  }

  @Test
  void quotedValuesMayHoldDelimitersQuotesAndLineBreaks() {
    ImportReport report = world.importer().apply(TENANT, resource("quoted-newline.csv"));

    assertThat(report.totalRows()).isEqualTo(5);
    assertThat(report.added()).isEqualTo(3);
    assertThat(world.spaceOf("room-102@contoso.com")).contains("102");
    assertThat(world.spaceOf("room-104@contoso.com")).contains("104");
    // line numbers are physical lines where the record starts, counting the line breaks in quotes
    assertThat(report.errors()).extracting(RowError::line).containsExactly(5L, 9L);
    assertThat(report.errors())
        .extracting(RowError::email)
        .containsExactly("broken-address", "also-broken");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "alias-mail-space.csv",
        "alias-emailaddress-spaceid.csv",
        "alias-e-mail-room.csv",
        "alias-email-roomid.csv",
        "alias-room_id.csv"
      })
  void headerAliasesAreMatchedIgnoringCaseAndSpaces(String file) {
    ImportReport report = world.importer().apply(TENANT, resource(file));

    assertThat(report.failed()).isZero();
    assertThat(report.added()).isEqualTo(2);
    assertThat(report.linked()).isEqualTo(2);
    assertThat(world.spaceOf("room-101@contoso.com")).contains("101");
    assertThat(world.spaceOf("room-102@contoso.com")).contains("102");
  }

  @Test
  void blankLinesEmptyRowsAndCommentsAreSkippedAndLinesStayRight() {
    ImportReport report = world.importer().apply(TENANT, resource("blank-lines.csv"));

    assertThat(report.totalRows()).isEqualTo(3);
    assertThat(report.added()).isEqualTo(2);
    assertThat(report.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(10);
              assertThat(e.reason()).isEqualTo(Reason.EMAIL_INVALID);
            });
  }

  @Test
  void messyExcelExportIsImported() {
    ImportReport report = world.importer().apply(TENANT, resource("excel-export.csv"));

    assertThat(report.totalRows()).isEqualTo(7);
    assertThat(report.added()).isEqualTo(4);
    assertThat(report.linked()).isEqualTo(3);
    assertThat(report.failed()).isEqualTo(3);
    assertThat(world.spaceOf("kilimanjaro@contoso.com")).contains("101");
    assertThat(world.spaceOf("matterhorn@contoso.com")).contains("102");
    assertThat(world.spaceOf("everest@contoso.com")).contains("103");
    assertThat(world.isRegistered("aconcagua@contoso.com")).isTrue();
    assertThat(report.errors())
        .extracting(RowError::line, RowError::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(6L, Reason.EMAIL_INVALID),
            org.assertj.core.groups.Tuple.tuple(7L, Reason.SPACE_NOT_FOUND),
            org.assertj.core.groups.Tuple.tuple(9L, Reason.DUPLICATE_EMAIL));
    assertThat(report.errors().get(0).message()).contains("domain needs a dot");
    assertThat(report.errors().get(1).message()).contains("'#N/A'");
    assertThat(report.errors().get(2).message()).contains("line 2");
  }

  @Test
  void theTemplateImportsAsAnEmptyFile() {
    ImportReport report = world.importer().apply(TENANT, TestWorld.text(CsvTemplate.text()));

    assertThat(report.totalRows()).isZero();
    assertThat(world.snapshot().calendars()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"empty.csv", "only-comments.csv"})
  void aFileWithoutHeaderIsOneClearError(String file) {
    CsvFormatException e =
        catchThrowableOfType(
            CsvFormatException.class, () -> world.importer().dryRun(TENANT, resource(file)));

    assertThat(e.problem()).isEqualTo(CsvFormatException.Problem.EMPTY_FILE);
    assertThat(e.getMessage()).contains("email,roomID");
    assertThat(e.partialReport()).isEmpty();
  }

  @Test
  void aMissingEmailColumnNamesTheColumnsFound() {
    TestWorld.Snapshot before = world.snapshot();

    CsvFormatException e =
        catchThrowableOfType(
            CsvFormatException.class,
            () -> world.importer().apply(TENANT, resource("missing-email-column.csv")));

    assertThat(e.problem()).isEqualTo(CsvFormatException.Problem.MISSING_COLUMN);
    assertThat(e.getMessage())
        .contains("no e-mail column")
        .contains("'Name', 'Room ID', 'Capacity'")
        .contains("email,roomID");
    assertThat(e.line()).hasValue(1);
    assertThat(world.snapshot()).isEqualTo(before);
  }

  @Test
  void aFileWithoutHeaderLineIsToldSo() {
    CsvFormatException e =
        catchThrowableOfType(
            CsvFormatException.class,
            () -> world.importer().dryRun(TENANT, resource("no-header.csv")));

    assertThat(e.problem()).isEqualTo(CsvFormatException.Problem.MISSING_COLUMN);
    assertThat(e.getMessage()).contains("looks like data");
  }

  @Test
  void twoEmailColumnsAreRejected() {
    CsvFormatException e =
        catchThrowableOfType(
            CsvFormatException.class,
            () -> world.importer().dryRun(TENANT, resource("duplicate-columns.csv")));

    assertThat(e.problem()).isEqualTo(CsvFormatException.Problem.DUPLICATE_COLUMN);
    assertThat(e.getMessage()).contains("'email' (column 1)").contains("'mail' (column 2)");
  }

  @Test
  void bytesThatAreNotUtf8AreOneClearError() {
    CsvFormatException e =
        catchThrowableOfType(
            CsvFormatException.class,
            () -> world.importer().dryRun(TENANT, resource("not-utf8.csv")));

    assertThat(e.problem()).isEqualTo(CsvFormatException.Problem.NOT_UTF8);
    assertThat(e.getMessage()).contains("not UTF-8").contains("CSV UTF-8");
    assertThat(e.line()).as("the invalid byte is on line 2").hasValue(2);
    assertThat(e.getMessage()).contains("line 2;").doesNotContain("line 1");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 7, 3002})
  void anInvalidByteIsReportedOnItsOwnLine(int badLine) {
    // line 3002 lies beyond the part read ahead to find the delimiter
    StringBuilder text = new StringBuilder(badLine == 1 ? "" : "email,roomID\r\n");
    int line = 2;
    while (line < badLine) {
      if (line % 50 == 0 && line + 1 < badLine) {
        // one row on two lines: a quoted value with a line break
        text.append("\"Room ").append(line).append("\nsecond line\",").append(line).append('\n');
        line += 2;
      } else {
        text.append("room-").append(line).append("@contoso.com,").append(line).append('\n');
        line++;
      }
    }
    String badText = badLine == 1 ? "\u00c4mail,roomID\n" : "besprechung@contoso.com,\u00c4quator\n";
    byte[] head = text.toString().getBytes(StandardCharsets.UTF_8);
    byte[] bad = badText.getBytes(StandardCharsets.ISO_8859_1);
    byte[] file = Arrays.copyOf(head, head.length + bad.length);
    System.arraycopy(bad, 0, file, head.length, bad.length);

    CsvFormatException e =
        catchThrowableOfType(
            CsvFormatException.class,
            () -> world.importer().dryRun(TENANT, new ByteArrayInputStream(file)));

    assertThat(e.problem()).isEqualTo(CsvFormatException.Problem.NOT_UTF8);
    assertThat(e.line()).hasValue(badLine);
    assertThat(e.getMessage()).contains("line " + badLine + ";");
  }

  @Test
  void anUnclosedQuoteNamesTheLineItStartsOn() {
    CsvFormatException e =
        catchThrowableOfType(
            CsvFormatException.class,
            () -> world.importer().dryRun(TENANT, resource("unclosed-quote.csv")));

    assertThat(e.problem()).isEqualTo(CsvFormatException.Problem.MALFORMED);
    assertThat(e.getMessage()).contains("starting on line 3").contains("never closed");
    assertThat(e.line()).hasValue(3);
    assertThat(e.partialReport()).hasValueSatisfying(r -> assertThat(r.totalRows()).isEqualTo(1));
  }

  @Test
  void textAfterAClosingQuoteIsMalformed() {
    CsvFormatException e =
        catchThrowableOfType(
            CsvFormatException.class,
            () -> world.importer().dryRun(TENANT, resource("garbage-after-quote.csv")));

    assertThat(e.problem()).isEqualTo(CsvFormatException.Problem.MALFORMED);
    assertThat(e.getMessage()).contains("line 3").contains("closing quote");
  }
}
