package com.workplace.calendar.csv;

import static com.workplace.calendar.csv.TestWorld.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.ResourceNotFoundException;
import com.workplace.calendar.csv.RulesImportRow.Result;
import com.workplace.calendar.registry.DiscoveredRoom;
import com.workplace.calendar.registry.RoomBookingRules;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.tenant.TenantId;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing the rooms' booking rules from a Get-CalendarProcessing export. */
class CalendarProcessingImportTest {
  private static final String ORCHARD = "orchard@contoso.onmicrosoft.com";
  private static final String MARINA = "marina@contoso.onmicrosoft.com";
  private static final String HARBOUR = "harbour@contoso.onmicrosoft.com";

  /** As Windows PowerShell 5.1 writes it: a #TYPE line, every header and value quoted, CRLF. */
  private static final String EXPORT =
      "#TYPE Selected.Microsoft.Exchange.Data.Directory.SystemConfiguration.CalendarConfiguration\r\n"
          + "\"Identity\",\"BookingWindowInDays\",\"MaximumDurationInMinutes\",\"AllowConflicts\",\"AllowRecurringMeetings\"\r\n"
          + "\"Orchard\",\"180\",\"1440\",\"False\",\"True\"\r\n"
          + "\"marina@contoso.onmicrosoft.com\",\"30\",\"60\",\"False\",\"False\"\r\n"
          + "\"contoso.onmicrosoft.com/Rooms/Harbour View\",\"90\",\"0\",\"True\",\"True\"\r\n"
          + "\"Boardroom 9\",\"180\",\"1440\",\"False\",\"True\"\r\n"
          + "\"orchard\",\"365\",\"120\",\"False\",\"True\"\r\n"
          + "\"Marina\",\"soon\",\"60\",\"False\",\"False\"\r\n";

  private TestWorld world;
  private CalendarProcessingImporter importer;

  @BeforeEach
  void setUp() {
    world = new TestWorld();
    world.registry.addDiscovered(
        TENANT,
        List.of(
            new DiscoveredRoom(ORCHARD, "Orchard", Optional.empty(), Optional.empty(), Optional.empty(), List.of()),
            new DiscoveredRoom(MARINA, "Marina", Optional.empty(), Optional.empty(), Optional.empty(), List.of()),
            new DiscoveredRoom(HARBOUR, "Harbour View", Optional.empty(), Optional.empty(), Optional.empty(), List.of())));
    importer = CalendarProcessingImporter.builder().registry(world.registry).build();
  }

  private static ByteArrayInputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private RoomBookingRules rules(String email) {
    return world.registry.get(TENANT, email).map(RoomCalendar::bookingRules).orElseThrow();
  }

  @Test
  void aRealShapedExportSetsTheRulesAndReportsWhatItCouldNotMatch() {
    RulesImportReport report = importer.apply(TENANT, bytes(EXPORT));

    assertThat(report.rows()).extracting(RulesImportRow::result)
        .containsExactly(Result.APPLIED, Result.APPLIED, Result.APPLIED, Result.UNKNOWN_MAILBOX, Result.DUPLICATE, Result.DUPLICATE);
    assertThat(report.rows()).extracting(RulesImportRow::line).containsExactly(3L, 4L, 5L, 6L, 7L, 8L);
    assertThat(rules(ORCHARD))
        .isEqualTo(RoomBookingRules.none().withBookingWindowInDays(180).withMaximumDurationInMinutes(1440)
            .withAllowConflicts(false).withAllowRecurringMeetings(true));
    assertThat(rules(MARINA))
        .isEqualTo(RoomBookingRules.none().withBookingWindowInDays(30).withMaximumDurationInMinutes(60)
            .withAllowConflicts(false).withAllowRecurringMeetings(false));
    assertThat(rules(HARBOUR).maximumDurationInMinutes()).contains(0);
    assertThat(report.rows().get(0).message()).contains("matched by display name");
    assertThat(report.rows().get(2).calendarEmail()).contains(HARBOUR);
    assertThat(report.problems()).hasSize(3);
    assertThat(report.rows().get(3).message().orElseThrow()).contains("Boardroom 9").contains("register the room first");
    assertThat(report.rows().get(4).message().orElseThrow()).contains("already set by line 3");

    RulesImportReport again = importer.apply(TENANT, bytes(EXPORT));
    assertThat(again.count(Result.UNCHANGED)).isEqualTo(3);
  }

  @Test
  void unreadableValuesAndAmbiguousNamesChangeNothingForTheirRow() {
    world.registry.addDiscovered(
        TENANT,
        List.of(new DiscoveredRoom(
            "orchard-2@contoso.onmicrosoft.com", "Orchard", Optional.empty(), Optional.empty(), Optional.empty(), List.of())));
    String file =
        "Identity;BookingWindowInDays;AllowConflicts\n"
            + "Orchard;180;False\n"
            + "marina;soon;False\n"
            + "harbour;90;maybe\n";

    RulesImportReport report = importer.apply(TENANT, bytes(file));

    assertThat(report.rows()).extracting(RulesImportRow::result)
        .containsExactly(Result.AMBIGUOUS, Result.INVALID_VALUE, Result.INVALID_VALUE);
    assertThat(report.rows().get(0).message().orElseThrow()).contains("-Identity <address>");
    assertThat(report.rows().get(1).message().orElseThrow()).contains("BookingWindowInDays must be a whole number");
    assertThat(report.rows().get(2).message().orElseThrow()).contains("AllowConflicts must be True or False");
    assertThat(rules(ORCHARD).isEmpty()).isTrue();
    assertThat(rules(MARINA).isEmpty()).isTrue();
  }

  @Test
  void aRuleColumnTheFileLacksKeepsTheRoomsValueAndAnEmptyCellRemovesIt() {
    world.registry.setBookingRules(TENANT, ORCHARD,
        RoomBookingRules.none().withBookingWindowInDays(10).withMaximumDurationInMinutes(30));
    importer.apply(TENANT, bytes("Identity,BookingWindowInDays\r\norchard@contoso.onmicrosoft.com,\r\n"));

    assertThat(rules(ORCHARD)).isEqualTo(RoomBookingRules.none().withMaximumDurationInMinutes(30));
  }

  @Test
  void aDryRunChangesNothing() {
    RulesImportReport preview = importer.dryRun(TENANT, bytes(EXPORT));

    assertThat(preview.dryRun()).isTrue();
    assertThat(preview.count(Result.APPLIED)).isEqualTo(3);
    assertThat(rules(ORCHARD).isEmpty()).isTrue();
  }

  @Test
  void aFileWithoutTheColumnsIsRefusedWithTheCommandThatMakesIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("rooms.csv");
    Files.writeString(file, "email,roomID\r\norchard@contoso.onmicrosoft.com,4.12\r\n");

    assertThatThrownBy(() -> importer.apply(TENANT, file))
        .isInstanceOfSatisfying(CsvFormatException.class, e -> {
          assertThat(e.problem()).isEqualTo(CsvFormatException.Problem.MISSING_COLUMN);
          assertThat(e.getMessage()).contains("Get-CalendarProcessing");
        });
    assertThat(rules(ORCHARD).isEmpty()).isTrue();
  }

  @Test
  void anUnknownTenantIsRefused() {
    assertThatThrownBy(() -> importer.apply(TenantId.parse("fabrikam.onmicrosoft.com"), bytes(EXPORT)))
        .isInstanceOf(ResourceNotFoundException.class);
  }
}
