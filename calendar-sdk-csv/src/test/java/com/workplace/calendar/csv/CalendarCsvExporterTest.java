package com.workplace.calendar.csv;

import static com.workplace.calendar.csv.TestWorld.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.registry.CalendarFailureReason;
import com.workplace.calendar.registry.RoomCalendar;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CalendarCsvExporterTest {
  private final TestWorld world = new TestWorld();

  private CalendarCsvExporter.Builder exporter() {
    return CalendarCsvExporter.builder().registry(world.registry).spaceMapper(world.mapper);
  }

  @Test
  void exportsEveryCalendarWithSpaceAndStatus() throws IOException {
    world.registerAndLink("room-b@contoso.com", "102");
    world.register("room-a@contoso.com");
    fail("room-a@contoso.com", CalendarFailureReason.MAILBOX_NOT_FOUND, "ErrorInvalidUser");

    StringWriter out = new StringWriter();
    long written = exporter().build().export(TENANT, out);

    assertThat(written).isEqualTo(2);
    List<CSVRecord> rows = parse(out.toString());
    assertThat(rows.get(0).toList()).isEqualTo(CalendarCsvExporter.HEADER);
    assertThat(rows.get(1).toList())
        .containsExactly(
            "room-a@contoso.com", "", "FAILED", "MAILBOX_NOT_FOUND", "ErrorInvalidUser");
    assertThat(rows.get(2).toList()).containsExactly("room-b@contoso.com", "102", "ADDED", "", "");
  }

  @Test
  void formulaCellsAreNeutralizedAndSpecialCharactersQuoted() throws IOException {
    world.directory.add("-1");
    world.registerAndLink("-room@contoso.com", "-1");
    world.register("+room@contoso.com");
    fail(
        "+room@contoso.com",
        CalendarFailureReason.ACCESS_DENIED_BY_POLICY,
        "=cmd|' /C calc'!A0, \"x\"\nnext");

    StringWriter out = new StringWriter();
    exporter().build().export(TENANT, out);

    List<CSVRecord> rows = parse(out.toString());
    assertThat(rows.get(1).toList())
        .containsExactly(
            "'+room@contoso.com",
            "",
            "FAILED",
            "ACCESS_DENIED_BY_POLICY",
            "'=cmd|' /C calc'!A0, \"x\"\nnext");
    assertThat(rows.get(2).get(0)).isEqualTo("'-room@contoso.com");
    assertThat(rows.get(2).get(1)).isEqualTo("'-1");
  }

  @Test
  void pagesThroughTheRegistry() throws IOException {
    for (int i = 0; i < 7; i++) {
      world.register("room-" + i + "@contoso.com");
    }

    StringWriter out = new StringWriter();
    long written = exporter().pageSize(3).build().export(TENANT, out);

    assertThat(written).isEqualTo(7);
    assertThat(parse(out.toString())).hasSize(8);
  }

  @Test
  void streamExportIsUtf8WithByteOrderMarkAndMayUseSemicolons() {
    world.registerAndLink("room-a@contoso.com", "101");
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    exporter().delimiter(';').build().export(TENANT, out);

    byte[] bytes = out.toByteArray();
    assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .isEqualTo(
            "\uFEFFemail;roomID;status;failureReason;failureDetail\r\n"
                + "room-a@contoso.com;101;ADDED;;\r\n");
  }

  @Test
  void anExportImportsBackUnchanged() {
    world.directory.add("-1");
    world.registerAndLink("-room@contoso.com", "-1");
    world.registerAndLink("room-a@contoso.com", "101");
    world.register("room-b@contoso.com");
    fail("room-b@contoso.com", CalendarFailureReason.MAILBOX_NOT_FOUND, "a, \"b\"\nc");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    exporter().delimiter(';').build().export(TENANT, out);
    TestWorld.Snapshot before = world.snapshot();

    ImportReport report =
        world
            .importer(
                CsvImportOptions.builder()
                    .existingCalendars(ExistingCalendarPolicy.UPDATE_LINK)
                    .build())
            .apply(TENANT, new ByteArrayInputStream(out.toByteArray()));

    assertThat(report.totalRows()).isEqualTo(3);
    assertThat(report.unchanged()).isEqualTo(3);
    assertThat(world.snapshot()).isEqualTo(before);
  }

  private void fail(String email, CalendarFailureReason reason, String detail) {
    RoomCalendar calendar = world.registry.get(TENANT, email).orElseThrow();
    world.store.updateCalendar(calendar.failed(reason, detail, world.clock.instant()));
  }

  private static List<CSVRecord> parse(String csv) throws IOException {
    return CSVFormat.DEFAULT.parse(new StringReader(csv)).getRecords();
  }
}
