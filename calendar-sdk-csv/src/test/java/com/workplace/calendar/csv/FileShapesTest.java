package com.workplace.calendar.csv;

import static com.workplace.calendar.csv.TestWorld.TENANT;
import static com.workplace.calendar.csv.TestWorld.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.workplace.calendar.csv.RowError.Reason;
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
