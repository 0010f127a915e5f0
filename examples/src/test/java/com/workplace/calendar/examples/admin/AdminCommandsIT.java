package com.workplace.calendar.examples.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands one by one against the embedded fake, each in a fresh context (like separate
 * processes) on one data directory: the store keeps the SDK's state, the fake starts afresh.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminCommandsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DOMAIN = "contoso.onmicrosoft.com";

  @TempDir static Path dataDir;

  private static Cli cli() {
    return new Cli(dataDir);
  }

  private static JsonNode json(Cli.Result result) throws Exception {
    return JSON.readTree(result.out());
  }

  @Test
  @Order(1)
  void commandsThatNeedAConsentSayWhatToDoFirst() {
    Cli.Result result = cli().run("rooms", "discover");
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.CONFIGURATION);
    assertThat(result.err()).contains("tenant " + DOMAIN + " is not known").contains("tenant authorize");
  }

  @Test
  @Order(2)
  void authorizeReachesAccountVerifiedThroughTheLoopbackRedirect() throws Exception {
    Cli.Result result = cli().run("tenant", "authorize", DOMAIN);
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).containsPattern(DOMAIN.replace(".", "\\.") + "\\s+VERIFIED\\s+Account Verified");

    JsonNode tenants = json(cli().run("--json", "tenant", "list")).get("tenants");
    assertThat(tenants).hasSize(1);
    assertThat(tenants.get(0).get("status").asText()).isEqualTo("VERIFIED");
    assertThat(tenants.get(0).get("directoryId").asText()).matches("[0-9a-f-]{36}");
  }

  @Test
  @Order(3)
  void discoverAndImportRoomsOfOneBuilding() throws Exception {
    Cli.Result discovered = cli().run("--json", "rooms", "discover", "--building", "North Campus");
    assertThat(discovered.exitCode()).as(discovered.toString()).isZero();
    JsonNode rooms = json(discovered).get("rooms");
    assertThat(rooms).hasSize(20);
    assertThat(rooms.get(0).get("roomLists").get(0).asText()).isEqualTo("nc-rooms@" + DOMAIN);
    assertThat(rooms.get(0).get("registered").asBoolean()).isFalse();

    Cli.Result imported = cli().run("rooms", "import", "--room-list", "nc-rooms@" + DOMAIN);
    assertThat(imported.exitCode()).as(imported.toString()).isZero();
    assertThat(imported.out()).contains("Registered 20 of 20 discovered rooms");
  }

  @Test
  @Order(4)
  void importACsvFileWithBadRows() throws Exception {
    Path csv = dataDir.resolve("rooms.csv");
    try (InputStream in = DemoCommand.class.getResourceAsStream(DemoCommand.CSV_RESOURCE)) {
      Files.copy(in, csv);
    }
    Cli.Result dryRun = cli().run("calendars", "import", "--dry-run", csv.toString());
    assertThat(dryRun.exitCode()).as(dryRun.toString()).isEqualTo(ExitCodes.FAILED);
    assertThat(dryRun.out()).contains("Rows not importable").contains("SPACE_NOT_FOUND");

    Path errors = dataDir.resolve("errors.csv");
    Cli.Result result = cli().run("--json", "calendars", "import", csv.toString(), "--errors-csv", errors.toString());
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILED);
    JsonNode report = json(result);
    assertThat(report.get("added").asInt()).isEqualTo(41);
    assertThat(report.get("failed").asInt()).isEqualTo(5);
    List<String> reasons = new ArrayList<>();
    report.get("errors").forEach(e -> reasons.add(e.get("reason").asText()));
    assertThat(reasons).containsExactly(
        "EMAIL_INVALID", "DUPLICATE_EMAIL", "SPACE_NOT_FOUND", "DUPLICATE_ROOM_ID", "EMAIL_MISSING");
    assertThat(Files.readAllLines(errors)).hasSize(6).first().asString().startsWith("line,email,roomID");
  }

  @Test
  @Order(5)
  void connectRecordsTheRealReasons() throws Exception {
    Cli.Result result = cli().run("--json", "calendars", "connect");
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILED);
    JsonNode report = json(result);
    assertThat(report.get("attempted").asInt()).isEqualTo(61);
    assertThat(report.get("connected").asInt()).isEqualTo(56);
    Map<String, String> failures = new TreeMap<>();
    report.get("outcomes").forEach(o -> {
      if (o.get("status").asText().equals("FAILED")) {
        failures.put(o.get("email").asText(), o.get("failureReason").asText());
      }
    });
    assertThat(failures).containsExactlyInAnyOrderEntriesOf(Map.of(
        "hh-0.01@" + DOMAIN, "NOT_IN_EXCHANGE_ONLINE",
        "hh-4.05@" + DOMAIN, "ACCESS_DENIED_BY_POLICY",
        "ms-4.05@" + DOMAIN, "ACCESS_DENIED_BY_POLICY",
        "nc-4.05@" + DOMAIN, "ACCESS_DENIED_BY_POLICY",
        "ms-3.05@" + DOMAIN, "MAILBOX_NOT_FOUND"));

    Cli.Result again = cli().run("calendars", "connect");
    assertThat(again.out()).contains("Connected 0 of 5 calendars");

    Cli.Result list = cli().run("calendars", "list", "--status", "failed");
    assertThat(list.exitCode()).isZero();
    assertThat(list.out()).containsPattern("ms-3\\.05@\\S+\\s+Quill\\s+FAILED\\s+MS-3\\.05\\s+MAILBOX_NOT_FOUND");
  }

  @Test
  @Order(6)
  void linkBookEndEarlyAndSyncInOneShell() {
    String script = String.join("\n",
        "spaces link nc-1.01@" + DOMAIN + " NC-1.01",
        "spaces link nc-1.02@" + DOMAIN + " NC-1.01",
        "bookings create --space NC-1.01 --start now-10m --duration 1h --subject 'Shell test' --booker megan.bowen@" + DOMAIN + " --key it-1",
        "bookings end-early it-1",
        "bookings availability --space NC-1.01 --from now-1h --to now+1h",
        "sync run nc-1.01@" + DOMAIN,
        "bookings cancel it-1",
        "bookings cancel it-1",
        "exit",
        "");
    Cli.Result result = cli().runWithInput(script, "shell");
    String out = result.out();
    assertThat(out).contains("Linked nc-1.01@" + DOMAIN + " to space NC-1.01 (Alder, North Campus, floor 1)");
    assertThat(result.err()).contains("space NC-1.01 is already linked").contains("add --move");
    assertThat(out).containsPattern("it-1\\s+nc-1\\.01@\\S+\\s+Shell test");
    assertThat(out).contains("Booking it-1 in nc-1.01@" + DOMAIN + " now ends at");
    assertThat(out).containsPattern("CREATED\\s+nc-1\\.01@\\S+\\s+Shell test\\s.*this product \\(it-1\\)");
    assertThat(out).contains("Cancelled booking it-1.").contains("No booking has the key it-1.");
    assertThat(result.exitCode()).as("the worst exit code of its commands").isEqualTo(ExitCodes.FAILED);
  }

  @Test
  @Order(7)
  void aBookingOfAnEarlierCommandIsGoneFromTheFreshFake() {
    Cli.Result created = cli().run("bookings", "create", "--room", "nc-2.01@" + DOMAIN, "--start", "now-5m",
        "--duration", "30m", "--booker", "lee.gu@" + DOMAIN, "--key", "it-2");
    assertThat(created.exitCode()).as(created.toString()).isZero();

    Cli.Result ended = cli().run("bookings", "end-early", "it-2");
    assertThat(ended.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(ended.err()).contains("starts afresh in every command").contains("calendar-admin shell");
    assertThat(cli().run("bookings", "cancel", "it-2").exitCode()).as("the key is released").isZero();
  }

  @Test
  @Order(7)
  void aWeeklySeriesIsBookedInItsZoneAndEveryOccurrenceIsBusy() throws Exception {
    java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
    java.time.LocalDate monday =
        java.time.LocalDate.now(berlin).with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY)).plusWeeks(3);
    java.time.Instant nine = monday.atTime(9, 0).atZone(berlin).toInstant();
    String[] create = {"bookings", "create", "--room", "nc-3.01@" + DOMAIN, "--start", monday + "T09:00", "--zone", "Europe/Berlin",
        "--duration", "30m", "--repeat", "weekly", "--days", "mon,THU", "--times", "4", "--booker", "lee.gu@" + DOMAIN,
        "--subject", "Stand-up", "--key", "it-series"};

    Cli.Result created = cli().run(java.util.stream.Stream.concat(java.util.stream.Stream.of("--json"), java.util.Arrays.stream(create)).toArray(String[]::new));

    assertThat(created.exitCode()).as(created.toString()).isZero();
    JsonNode booking = json(created);
    assertThat(booking.get("start").asText()).isEqualTo(nine.toString());
    assertThat(booking.get("recurring").asBoolean()).isTrue();
    JsonNode recurrence = booking.get("recurrence");
    assertThat(recurrence.get("frequency").asText()).isEqualTo("WEEKLY");
    assertThat(recurrence.get("days")).extracting(JsonNode::asText).containsExactly("MONDAY", "THURSDAY");
    assertThat(recurrence.get("times").asInt()).isEqualTo(4);
    assertThat(recurrence.get("zone").asText()).isEqualTo("Europe/Berlin");
    assertThat(cli().run("bookings", "cancel", "it-series").exitCode()).as("the key is released").isZero();

    String script =
        String.join(" ", create) + "\n"
            + "bookings availability nc-3.01@" + DOMAIN + " --from " + nine.minusSeconds(3600) + " --to " + nine.plus(java.time.Duration.ofDays(14)) + "\n"
            + "exit\n";
    Cli.Result shell = cli().runWithInput(script, "shell");
    assertThat(shell.out()).contains("Recurs every week on MONDAY, THURSDAY, 4 times in Europe/Berlin");
    assertThat(shell.out().lines().filter(l -> l.contains("nc-3.01@" + DOMAIN) && l.contains("busy")).count())
        .as(shell.toString()).isEqualTo(4);
  }

  @Test
  @Order(8)
  void searchSpacesAndExportCalendars() throws Exception {
    Cli.Result search = cli().run("--json", "spaces", "search", "north campus, floor 1");
    JsonNode spaces = json(search).get("spaces");
    assertThat(spaces).hasSize(5);
    assertThat(spaces.get(0).get("calendar").asText()).isEqualTo("nc-1.01@" + DOMAIN);

    Cli.Result export = cli().run("calendars", "export");
    assertThat(export.exitCode()).isZero();
    assertThat(export.out().lines().toList())
        .hasSize(62)
        .anyMatch(l -> l.startsWith("hh-4.05@" + DOMAIN + ",HH-4.05,FAILED,ACCESS_DENIED_BY_POLICY"));
  }

  @Test
  @Order(8)
  void importRoomRulesFromAGetCalendarProcessingExportAndListThem() throws Exception {
    Path export = dataDir.resolve("processing.csv");
    Files.writeString(export,
        "#TYPE Selected.Microsoft.Exchange.Data.Directory.SystemConfiguration.CalendarConfiguration\r\n"
            + "\"Identity\",\"BookingWindowInDays\",\"MaximumDurationInMinutes\",\"AllowConflicts\",\"AllowRecurringMeetings\"\r\n"
            + "\"nc-1.01@" + DOMAIN + "\",\"180\",\"240\",\"False\",\"True\"\r\n"
            + "\"Retired Boardroom\",\"30\",\"1440\",\"False\",\"False\"\r\n");
    Cli.Result imported = cli().run("calendars", "import-rules", export.toString());
    assertThat(imported.exitCode()).as(imported.toString()).isEqualTo(ExitCodes.FAILED);
    assertThat(imported.out()).containsPattern("Retired Boardroom\\s+-\\s+UNKNOWN_MAILBOX")
        .contains("2 rows: 1 applied, 0 unchanged, 1 not applied");

    Cli.Result listed = cli().run("calendars", "list");
    assertThat(listed.out()).containsPattern("nc-1\\.01@" + DOMAIN.replace(".", "\\.")
        + ".*BookingWindowInDays=180, MaximumDurationInMinutes=240");
  }

  @Test
  @Order(9)
  void syncWatchPrintsOutlookBookingsAsTheyArrive() throws Exception {
    Cli.Result result = cli().run("--json", "sync", "watch", "--interval", "1s", "--duration", "4s", "--simulate-outlook");
    assertThat(result.exitCode()).as(result.toString()).isZero();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : result.out().lines().toList()) {
      lines.add(JSON.readTree(line));
    }
    assertThat(lines).anyMatch(l -> l.path("subject").asText().equals("Booked in Outlook") && l.path("madeIn").asText().startsWith("Outlook"));
    assertThat(lines.get(lines.size() - 1).get("watched").asInt()).isEqualTo(56);
  }

  @Test
  @Order(10)
  void removeATenantWithItsCalendars() {
    Cli.Result refused = cli().run("tenant", "remove", DOMAIN);
    assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(refused.err()).contains("still has 61 registered calendar(s)").contains("--with-calendars");
    Cli.Result removed = cli().run("tenant", "remove", DOMAIN, "--with-calendars");
    assertThat(removed.exitCode()).isZero();
    assertThat(cli().run("tenant", "list").out()).contains("No tenants yet");
  }
}
