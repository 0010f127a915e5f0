package com.workplace.calendar.examples.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line without Microsoft 365: usage errors, configuration errors, help, parsing. */
class CommandLineTest {
  @TempDir Path dataDir;

  private Cli cli() {
    return new Cli(dataDir);
  }

  @Test
  void unknownCommandIsAUsageErrorWithASuggestion() {
    Cli.Result result = cli().run("calenders", "list");
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("Unmatched argument").contains("calendars");
  }

  @Test
  void unknownOptionIsAUsageError() {
    Cli.Result result = cli().run("calendars", "list", "--colour");
    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("--colour").contains("calendar-admin calendars list --help");
  }

  @Test
  void missingRequiredOptionIsAUsageError() {
    Cli.Result result = cli().run("bookings", "create", "--space", "HH-1.01", "--start", "now");
    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("--booker");
  }

  @Test
  void malformedValuesAreUsageErrors() {
    assertThat(cli().run("sync", "watch", "--interval", "soon").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(cli().run("--target", "exchange2010", "tenant", "list").exitCode()).isEqualTo(ExitCodes.USAGE);
    Cli.Result badTime = cli().run("bookings", "availability", "--from", "tomorrow-ish", "a@b.com");
    assertThat(badTime.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(badTime.err()).contains("is not a time");
  }

  @Test
  void exclusiveOptionsAreAUsageError() {
    Cli.Result result = cli().run("spaces", "unlink", "--space", "HH-1.01", "--calendar", "a@b.com");
    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("mutually exclusive");
  }

  @Test
  void noCommandShowsTheCommandsAndIsAUsageError() {
    Cli.Result result = cli().run();
    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("demo").contains("tenant").contains("Exit codes");
    Cli.Result group = cli().run("bookings");
    assertThat(group.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(group.err()).contains("end-early").contains("availability");
  }

  @Test
  void helpAndVersionSucceed() {
    Cli.Result help = cli().run("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("calendar-admin").contains("CALENDAR_ADMIN_CLIENT_SECRET");
    assertThat(cli().run("bookings", "create", "--help").out()).contains("--space").contains("--booker");
    assertThat(cli().run("calendars", "import", "--help").out()).contains("--dry-run").doesNotContain("--client-secret");
    assertThat(cli().run("help", "calendars").out()).contains("import").contains("connect");
    assertThat(cli().run("--version").out()).startsWith("calendar-admin ");
  }

  @Test
  void aRealTenantWithoutAnAppRegistrationIsAConfigurationProblem() {
    Cli.Result result = cli().run("--target", "microsoft365", "tenant", "list");
    assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIGURATION);
    assertThat(result.err()).contains("client) ID").contains("CALENDAR_ADMIN_CLIENT_ID");
    assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void environmentVariablesSetOptions() {
    Cli.Result result =
        cli()
            .env("CALENDAR_ADMIN_TARGET", "microsoft365")
            .env("CALENDAR_ADMIN_CLIENT_ID", "3f1c9a52-7d4e-4b8a-9c61-2e5f0b7a8d14")
            .run("tenant", "list");
    assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIGURATION);
    assertThat(result.err()).contains("needs the app's credential").contains("--federated-token-file");
  }

  @Test
  void aSecretAndACertificateTogetherAreAConfigurationProblem() {
    Cli.Result result =
        cli()
            .env("CALENDAR_ADMIN_CLIENT_SECRET", "s3cret-value")
            .run("--target", "microsoft365", "--client-id", "3f1c9a52-7d4e-4b8a-9c61-2e5f0b7a8d14",
                "--certificate", "app.pem", "tenant", "list");
    assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIGURATION);
    assertThat(result.out() + result.err()).doesNotContain("s3cret-value");
  }

  @Test
  void theDemoRefusesARealTenant() {
    Cli.Result result = cli().run("--target", "microsoft365", "demo");
    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("embedded Microsoft 365 fake");
  }

  @Test
  void aSpaceDirectoryThatDoesNotExistIsAConfigurationProblem() {
    Cli.Result result = cli().run("--spaces", dataDir.resolve("nope.csv").toString(), "spaces", "search");
    assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIGURATION);
    assertThat(result.err()).contains("does not exist").contains("spaceId,name,location");
  }

  @Test
  void theTemplateGoesToStandardOutputOrAFile() throws Exception {
    Cli.Result result = cli().run("calendars", "template");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("email,roomID");
    Path file = dataDir.resolve("rooms.csv");
    assertThat(cli().run("calendars", "template", file.toString()).exitCode()).isZero();
    assertThat(Files.readString(file)).startsWith("email,roomID");
    assertThat(Files.exists(dataDir.resolve("fake-store.mv.db"))).as("no store needed").isFalse();
  }

  @Test
  void durationsAndTimesReadLikePeopleWriteThem() {
    assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("3d")).isEqualTo(Duration.ofDays(3));
    assertThat(Durations.parse("PT45M")).isEqualTo(Duration.ofMinutes(45));
    assertThatThrownBy(() -> Durations.parse("0m")).isInstanceOf(CommandLine.TypeConversionException.class);
    assertThatThrownBy(() -> Durations.parse("soon")).isInstanceOf(CommandLine.TypeConversionException.class);
    Instant now = Instant.parse("2025-03-04T10:00:00Z");
    assertThat(Times.parse("now+30m", ZoneOffset.UTC, now)).isEqualTo(Instant.parse("2025-03-04T10:30:00Z"));
    assertThat(Times.parse("2025-03-04T14:30", ZoneOffset.ofHours(1), now)).isEqualTo(Instant.parse("2025-03-04T13:30:00Z"));
    assertThat(Times.parse("2025-03-04T14:30Z", ZoneOffset.ofHours(1), now)).isEqualTo(Instant.parse("2025-03-04T14:30:00Z"));
  }

  @Test
  void theShellSplitsLinesLikeAShell() {
    assertThat(ShellCommand.tokenize("bookings create --subject 'Team meeting' --booker \"a b\"@x.com"))
        .containsExactly("bookings", "create", "--subject", "Team meeting", "--booker", "a b@x.com");
    assertThat(ShellCommand.tokenize("  spaces   search  ")).containsExactly("spaces", "search");
    assertThatThrownBy(() -> ShellCommand.tokenize("say 'hello")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void environmentNamesFollowTheOptions() {
    assertThat(CalendarAdmin.environmentName("--client-secret")).isEqualTo("CALENDAR_ADMIN_CLIENT_SECRET");
    assertThat(CalendarAdmin.environmentName("--federated-token-file")).isEqualTo("CALENDAR_ADMIN_FEDERATED_TOKEN_FILE");
    assertThat(CalendarAdmin.ENVIRONMENT_OPTIONS).contains("--client-secret-file", "--federated-token-file");
    assertThat(CalendarAdmin.ENVIRONMENT_OPTIONS).contains("--jdbc-url", "--data-dir");
  }

  @Test
  void anOutputFileInAFolderThatDoesNotExistIsRefusedBeforeAnyWork() throws Exception {
    Path rooms = Files.writeString(dataDir.resolve("rooms.csv"), "email,roomID\nroom-1@contoso.onmicrosoft.com,HH-1.01\n");
    Path folder = dataDir.resolve("nope");
    String nowhere = folder.resolve("x.csv").toString();
    List<String[]> commands =
        List.of(
            new String[] {"calendars", "template", nowhere},
            new String[] {"calendars", "export", nowhere},
            new String[] {"calendars", "import", rooms.toString(), "--errors-csv", nowhere});
    for (String[] command : commands) {
      Cli.Result result = cli().run(command);
      assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
      assertThat(result.err())
          .contains("the folder " + folder + " does not exist")
          .contains("What to do:")
          .doesNotContain("unexpected")
          .doesNotContain("report it");
    }
    assertThat(Files.exists(folder)).isFalse();
    assertThat(Files.exists(dataDir.resolve("fake-store.mv.db")))
        .as("refused before the store was opened: nothing imported")
        .isFalse();
  }

  @Test
  void aFolderIsNotAnOutputFile() {
    Cli.Result result = cli().run("calendars", "template", dataDir.toString());
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains(dataDir + " is a folder").contains("What to do:");
  }

  @Test
  void aDataDirectoryThatIsAFileIsAConfigurationProblemWithoutAStackTrace() throws Exception {
    Path file = Files.writeString(dataDir.resolve("not-a-folder"), "x");
    ByteArrayOutputStream processErr = new ByteArrayOutputStream();
    PrintStream original = System.err;
    Cli.Result result;
    System.setErr(new PrintStream(processErr, true, StandardCharsets.UTF_8));
    try {
      result = new Cli(file).run("tenant", "list");
    } finally {
      System.setErr(original);
    }
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.CONFIGURATION);
    assertThat(result.err()).contains("--data-dir " + file + " is a file, not a folder").contains("What to do:");
    assertThat(result.err() + processErr).doesNotContain("\tat ").doesNotContain("Exception");

    Cli.Result verbose = new Cli(file).run("--verbose", "tenant", "list");
    assertThat(verbose.exitCode()).isEqualTo(ExitCodes.CONFIGURATION);
    assertThat(verbose.err()).as("the details with --verbose").contains("\tat ");
  }

  @Test
  void aBookingThatEndsInThePastIsRefusedWithItsDateAndYear() {
    Cli.Result result =
        cli().run("bookings", "create", "--room", "room-1@contoso.onmicrosoft.com", "--start", "2020-03-04T14:30Z",
            "--duration", "1h", "--booker", "megan@contoso.onmicrosoft.com");
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("in the past").contains("2020").contains("What to do:");
    assertThat(Files.exists(dataDir.resolve("fake-store.mv.db"))).as("refused before any work").isFalse();
  }

  @Test
  void recurrenceOptionsAreCheckedBeforeAnyWorkWithWhatIsWrong() {
    java.time.LocalDate tuesday =
        java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.TUESDAY));
    String start = tuesday + "T09:00";
    String[][] cases = {
      {"--repeat monthly --times 3", "--repeat must be daily or weekly, was 'monthly'"},
      {"--repeat weekly", "a recurring series needs an end: --times N or --until DATE"},
      {"--repeat daily --times 3 --until 2099-01-01", "give --times or --until, not both"},
      {"--repeat weekly --days TUE,XYZ --times 3", "'XYZ' is not a day of the week"},
      {"--repeat weekly --zone Mars/Olympus --times 3", "'Mars/Olympus' is not a time zone"},
      {"--times 3", "--times describes a recurring series, and this booking does not recur"},
      {"--interval 2 --until 2099-01-01", "--interval, --until describe a recurring series"},
      {"--zone Europe/Berlin", "--zone sets the time zone a recurring series keeps its time in"},
      {"--repeat daily --days MON --times 3", "--days belongs to a weekly series"},
      {"--repeat daily --interval 0 --times 3", "--interval must be between 1 and 999, was 0"},
      {"--repeat daily --times 1000", "--times must be between 1 and 999, was 1000"},
      {"--repeat daily --until soon", "'soon' is not a date"},
      {"--repeat weekly --days MON,THU --times 3 --zone Europe/Berlin",
        "the booking starts on a TUESDAY (Europe/Berlin), which is not one of the recurrence's days (MONDAY, THURSDAY)"},
      {"--repeat daily --times 3 --duration 25h", "cannot recur every day: each occurrence must end before the next one starts"},
    };
    for (String[] c : cases) {
      List<String> args = new java.util.ArrayList<>(List.of("bookings", "create", "--room", "room-1@contoso.onmicrosoft.com",
          "--start", start, "--booker", "megan@contoso.onmicrosoft.com"));
      args.addAll(List.of(c[0].split(" ")));
      Cli.Result result = cli().run(args.toArray(String[]::new));
      assertThat(result.exitCode()).as(c[0] + "\n" + result).isEqualTo(ExitCodes.USAGE);
      assertThat(result.err()).as(c[0]).contains(c[1]).contains("What to do:");
    }
    assertThat(Files.exists(dataDir.resolve("fake-store.mv.db"))).as("refused before any work").isFalse();
    assertThat(cli().run("bookings", "create", "--help").out()).contains("--repeat").contains("--days").contains("--zone");
  }

  @Test
  void datesArePrintedWithTheirYear() {
    Output output =
        new Output(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false, false, false, ZoneOffset.UTC);
    assertThat(output.time(Instant.parse("2027-03-04T14:30:00Z"))).isEqualTo("Thu 4 Mar 2027 14:30");
    assertThat(output.span(Instant.parse("2027-03-04T14:30:00Z"), Instant.parse("2027-03-04T15:00:00Z")))
        .isEqualTo("Thu 4 Mar 2027 14:30-15:00");
    assertThat(output.span(Instant.parse("2027-12-31T23:30:00Z"), Instant.parse("2028-01-01T00:30:00Z")))
        .isEqualTo("Fri 31 Dec 2027 23:30 - Sat 1 Jan 2028 00:30");
  }

  @Test
  void aClientIdThatIsNotAGuidIsAUsageErrorSayingWhatOneLooksLike() {
    Cli.Result option =
        cli().env("CALENDAR_ADMIN_CLIENT_SECRET", "s3cret-value")
            .run("--target", "microsoft365", "--client-id", "my-app", "tenant", "list");
    assertThat(option.exitCode()).as(option.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(option.err()).doesNotContain("my-app").contains("GUID").contains("3f1c9a52-").contains("What to do:");

    Cli.Result environment =
        cli().env("CALENDAR_ADMIN_CLIENT_SECRET", "s3cret-value")
            .env("CALENDAR_ADMIN_CLIENT_ID", "Contoso Rooms")
            .run("--target", "microsoft365", "tenant", "list");
    assertThat(environment.exitCode()).as(environment.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(environment.err()).doesNotContain("Contoso Rooms").contains("CALENDAR_ADMIN_CLIENT_ID");
    assertThat(option.err() + environment.err()).doesNotContain("s3cret-value");
  }
}
