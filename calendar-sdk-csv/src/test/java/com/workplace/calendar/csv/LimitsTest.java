package com.workplace.calendar.csv;

import static com.workplace.calendar.csv.TestWorld.TENANT;
import static com.workplace.calendar.csv.TestWorld.resource;
import static com.workplace.calendar.csv.TestWorld.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.workplace.calendar.csv.CsvLimitExceededException.Limit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The limits: each is one typed error naming the limit and the line. */
class LimitsTest {
  private final TestWorld world = new TestWorld();

  @TempDir Path dir;

  @Test
  void defaultsAreSensible() {
    CsvImportOptions options = CsvImportOptions.defaults();

    assertThat(options.maxFileBytes()).isEqualTo(10L * 1024 * 1024);
    assertThat(options.maxRows()).isEqualTo(100_000);
    assertThat(options.maxFieldLength()).isEqualTo(320);
    assertThat(options.maxReportedErrors()).isEqualTo(10_000);
  }

  @Test
  void tooManyRowsStopsAtTheFirstRowOverTheLimit() {
    CsvImportOptions options = CsvImportOptions.builder().maxRows(5).build();

    CsvLimitExceededException e =
        catchThrowableOfType(
            CsvLimitExceededException.class,
            () -> world.importer(options).dryRun(TENANT, resource("too-many-rows.csv")));

    assertThat(e.limit()).isEqualTo(Limit.ROW_COUNT);
    assertThat(e.maximum()).isEqualTo(5);
    assertThat(e.line()).hasValue(7);
    assertThat(e.getMessage()).contains("more than 5 rows").contains("split");
    assertThat(e.partialReport()).hasValueSatisfying(r -> assertThat(r.totalRows()).isEqualTo(5));
  }

  @Test
  void aTooLongCellNamesLineAndColumn() {
    CsvLimitExceededException e =
        catchThrowableOfType(
            CsvLimitExceededException.class,
            () -> world.importer().dryRun(TENANT, resource("long-field.csv")));

    assertThat(e.limit()).isEqualTo(Limit.FIELD_LENGTH);
    assertThat(e.maximum()).isEqualTo(320);
    assertThat(e.line()).hasValue(3);
    assertThat(e.getMessage()).contains("line 3, column 3 ('notes')").contains("400 characters");
  }

  @Test
  void aHugeCellFailsBeforeTheParserBuffersIt() {
    String huge = "x".repeat(5_000_000);

    CsvLimitExceededException e =
        catchThrowableOfType(
            CsvLimitExceededException.class,
            () -> world.importer().dryRun(TENANT, text("email,roomID\nroom@contoso.com," + huge)));

    assertThat(e.limit()).isEqualTo(Limit.FIELD_LENGTH);
    assertThat(e.line()).hasValue(2);
  }

  @Test
  void anUnclosedQuoteOverAHugeFileSuspectsTheMissingQuote() {
    StringBuilder csv = new StringBuilder("email,roomID\n\"room-1@contoso.com,101\n");
    for (int i = 0; i < 2_000; i++) {
      csv.append("room-").append(i).append("@contoso.com,101\n");
    }

    CsvLimitExceededException e =
        catchThrowableOfType(
            CsvLimitExceededException.class,
            () -> world.importer().dryRun(TENANT, text(csv.toString())));

    assertThat(e.limit()).isEqualTo(Limit.FIELD_LENGTH);
    assertThat(e.line()).hasValue(2);
    assertThat(e.getMessage())
        .contains("quoted value starting on line 2")
        .contains("closing quote");
  }

  @Test
  void tooManyColumnsIsALimit() {
    CsvImportOptions options = CsvImportOptions.builder().maxColumns(3).build();

    CsvLimitExceededException e =
        catchThrowableOfType(
            CsvLimitExceededException.class,
            () -> world.importer(options).dryRun(TENANT, resource("many-columns.csv")));

    assertThat(e.limit()).isEqualTo(Limit.COLUMN_COUNT);
    assertThat(e.line()).hasValue(1);
  }

  @Test
  void aTooLargeStreamIsStoppedWhileReading() {
    CsvImportOptions options = CsvImportOptions.builder().maxFileBytes(40).build();

    CsvLimitExceededException e =
        catchThrowableOfType(
            CsvLimitExceededException.class,
            () -> world.importer(options).dryRun(TENANT, resource("basic.csv")));

    assertThat(e.limit()).isEqualTo(Limit.FILE_SIZE);
    assertThat(e.maximum()).isEqualTo(40);
    assertThat(e.getMessage()).contains("larger than 40 bytes");
  }

  @Test
  void aFileOfExactlyTheLimitIsAccepted() {
    byte[] bytes = TestWorld.resourceBytes("basic.csv");
    CsvImportOptions options = CsvImportOptions.builder().maxFileBytes(bytes.length).build();

    ImportReport report =
        world.importer(options).dryRun(TENANT, new java.io.ByteArrayInputStream(bytes));

    assertThat(report.totalRows()).isEqualTo(3);
  }

  @Test
  void aTooLargeFileIsRejectedBeforeAnythingIsRead() throws IOException {
    Path file = dir.resolve("basic.csv");
    Files.write(file, TestWorld.resourceBytes("basic.csv"));
    CsvImportOptions options = CsvImportOptions.builder().maxFileBytes(40).build();

    CsvLimitExceededException e =
        catchThrowableOfType(
            CsvLimitExceededException.class, () -> world.importer(options).apply(TENANT, file));

    assertThat(e.limit()).isEqualTo(Limit.FILE_SIZE);
    assertThat(e.partialReport()).isEmpty();
    assertThat(world.snapshot().calendars()).isEmpty();
  }

  @Test
  void applyingAFileChecksItWholeFirstSoALimitChangesNothing() throws IOException {
    Path file = dir.resolve("too-many-rows.csv");
    Files.write(file, TestWorld.resourceBytes("too-many-rows.csv"));
    CsvImportOptions options = CsvImportOptions.builder().maxRows(5).build();

    CsvLimitExceededException e =
        catchThrowableOfType(
            CsvLimitExceededException.class, () -> world.importer(options).apply(TENANT, file));

    assertThat(e.limit()).isEqualTo(Limit.ROW_COUNT);
    assertThat(world.snapshot().calendars()).isEmpty();
  }

  @Test
  void applyingAStreamReportsTheRowsAppliedBeforeTheLimit() {
    CsvImportOptions options = CsvImportOptions.builder().maxRows(5).build();

    CsvLimitExceededException e =
        catchThrowableOfType(
            CsvLimitExceededException.class,
            () -> world.importer(options).apply(TENANT, resource("too-many-rows.csv")));

    assertThat(e.partialReport())
        .hasValueSatisfying(
            r -> {
              assertThat(r.dryRun()).isFalse();
              assertThat(r.added()).isEqualTo(5);
            });
    assertThat(world.snapshot().calendars()).hasSize(5);
  }

  @Test
  void onlyTheFirstFailuresAreKeptButAllAreCounted() {
    CsvImportOptions options = CsvImportOptions.builder().maxReportedErrors(2).build();

    ImportReport report = world.importer(options).dryRun(TENANT, resource("invalid-rows.csv"));

    assertThat(report.failed()).isEqualTo(6);
    assertThat(report.errors()).extracting(RowError::line).containsExactly(2L, 3L);
    assertThat(report.omittedErrors()).isEqualTo(4);
  }
}
