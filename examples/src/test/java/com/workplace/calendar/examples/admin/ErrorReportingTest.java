package com.workplace.calendar.examples.admin;

import static com.workplace.calendar.examples.admin.HelpfulErrors.assertHelpful;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The error paths that need no Microsoft 365: each says what to do, in the tool's words, and with
 * --json also as a JSON document on standard output with the same exit code.
 */
class ErrorReportingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CLIENT_ID = "3f1c9a52-7d4e-4b8a-9c61-2e5f0b7a8d14";

  @TempDir Path dataDir;

  static Stream<Arguments> errorPaths() {
    List<Arguments> paths = new ArrayList<>();
    paths.add(Arguments.of("unknown command", List.of("calenders", "list")));
    paths.add(Arguments.of("unknown option", List.of("calendars", "list", "--colour")));
    paths.add(Arguments.of("missing option", List.of("bookings", "create", "--space", "HH-1.01", "--start", "now")));
    paths.add(Arguments.of("malformed value", List.of("sync", "watch", "--interval", "soon")));
    paths.add(Arguments.of("end and duration", List.of("bookings", "create", "--room", "a@contoso.com", "--start",
        "now+1h", "--end", "now+2h", "--duration", "1h", "--booker", "b@contoso.com")));
    paths.add(Arguments.of("booking in the past", List.of("bookings", "create", "--room", "a@contoso.com",
        "--start", "2020-03-04T14:30", "--booker", "b@contoso.com")));
    paths.add(Arguments.of("availability of nothing", List.of("bookings", "availability")));
    paths.add(Arguments.of("search limit", List.of("spaces", "search", "--limit", "0")));
    paths.add(Arguments.of("tenant that is no tenant", List.of("-t", "contoso", "calendars", "list")));
    paths.add(Arguments.of("no client ID", List.of("--target", "microsoft365", "tenant", "list")));
    paths.add(Arguments.of("client ID not a GUID", List.of("--target", "microsoft365", "--client-id", "rooms-app",
        "--client-secret", "x", "tenant", "list")));
    paths.add(Arguments.of("no secret", List.of("--target", "microsoft365", "--client-id", CLIENT_ID, "tenant", "list")));
    paths.add(Arguments.of("secret and certificate", List.of("--target", "microsoft365", "--client-id", CLIENT_ID,
        "--client-secret", "x", "--certificate", "app.pem", "tenant", "list")));
    paths.add(Arguments.of("certificate missing", List.of("--target", "microsoft365", "--client-id", CLIENT_ID,
        "--certificate", "missing.pem", "tenant", "list")));
    paths.add(Arguments.of("secret file missing", List.of("--target", "microsoft365", "--client-id", CLIENT_ID,
        "--client-secret-file", "missing-secret.txt", "tenant", "list")));
    paths.add(Arguments.of("federated token file missing", List.of("--target", "microsoft365", "--client-id",
        CLIENT_ID, "--federated-token-file", "missing-token.txt", "tenant", "list")));
    paths.add(Arguments.of("federated token file and secret file", List.of("--target", "microsoft365",
        "--client-id", CLIENT_ID, "--federated-token-file", "token.txt", "--client-secret-file", "secret.txt",
        "tenant", "list")));
    paths.add(Arguments.of("authority host without TLS", List.of("--target", "microsoft365", "--client-id",
        CLIENT_ID, "--client-secret", "x", "--authority-host", "http://login.example.com/", "tenant", "list")));
    paths.add(Arguments.of("graph endpoint without TLS", List.of("--target", "microsoft365", "--client-id",
        CLIENT_ID, "--client-secret", "x", "--graph-endpoint", "http://graph.example.com/v1.0/", "tenant", "list")));
    paths.add(Arguments.of("redirect URI not on this machine", List.of("--target", "microsoft365", "--client-id",
        CLIENT_ID, "--client-secret", "x", "--redirect-uri", "https://app.example.com/consent", "tenant", "authorize",
        "customer.onmicrosoft.com")));
    paths.add(Arguments.of("demo on a real tenant", List.of("--target", "microsoft365", "demo")));
    paths.add(Arguments.of("unknown store driver", List.of("--jdbc-url", "jdbc:nosuchdb:rooms", "tenant", "list")));
    paths.add(Arguments.of("space directory missing", List.of("--spaces", "missing-spaces.csv", "spaces", "search")));
    paths.add(Arguments.of("import file missing", List.of("calendars", "import", "missing-rooms.csv")));
    paths.add(Arguments.of("output folder missing", List.of("calendars", "template", "nope/x.csv")));
    return paths.stream();
  }

  private Cli cli() {
    return new Cli(dataDir);
  }

  private String[] inDataDir(List<String> args) {
    // relative file names point into the test's folder
    return args.stream()
        .map(a -> a.endsWith(".csv") || a.endsWith(".pem") || a.endsWith(".txt") ? dataDir.resolve(a).toString() : a)
        .toArray(String[]::new);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errorPaths")
  void everyErrorSaysWhatToDoInTheToolsWords(String name, List<String> args) {
    assertHelpful(cli().run(inDataDir(args)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errorPaths")
  void withJsonAnErrorIsAJsonDocumentOnStandardOutput(String name, List<String> args) throws Exception {
    Cli.Result text = cli().run(inDataDir(args));
    List<String> withJson = new ArrayList<>(List.of("--json"));
    withJson.addAll(args);

    Cli.Result json = cli().run(inDataDir(withJson));

    assertThat(json.exitCode()).as("the same exit code: " + json).isEqualTo(text.exitCode()).isNotZero();
    JsonNode error = JSON.readTree(json.out());
    assertThat(error.path("error").asText()).as(json.toString()).isNotBlank();
    assertThat(error.path("message").asText()).isNotBlank();
    assertThat(error.path("whatToDo").asText()).isNotBlank();
    assertThat(error.path("exitCode").asInt()).isEqualTo(json.exitCode());
    assertThat(HelpfulErrors.sdkWords(error.path("message").asText() + " " + error.path("whatToDo").asText())).isEmpty();
  }

  @Test
  void theJsonErrorNamesItsKind() throws Exception {
    JsonNode usage = JSON.readTree(cli().run("--json", "calendars", "list", "--colour").out());
    assertThat(usage.path("error").asText()).isEqualTo("usage");
    assertThat(usage.path("exitCode").asInt()).isEqualTo(ExitCodes.USAGE);
    JsonNode configuration = JSON.readTree(cli().run("--json", "--target", "microsoft365", "tenant", "list").out());
    assertThat(configuration.path("error").asText()).isEqualTo("configuration");
    assertThat(configuration.path("message").asText()).contains("client) ID");
    assertThat(configuration.path("whatToDo").asText()).contains("CALENDAR_ADMIN_CLIENT_ID");
    assertThat(Files.exists(dataDir.resolve("microsoft365-store.mv.db"))).isFalse();
  }

  @Test
  void theChecksRecogniseTheSdksNames() {
    assertThat(HelpfulErrors.sdkWords("unlink it first or link with LinkMode.MOVE; authorityHost must be https"))
        .containsExactly("LinkMode.MOVE", "authorityHost");
    assertThat(HelpfulErrors.sdkWords("use a jdbc:h2: or PostgreSQL URL; the column roomID")).isEmpty();
    assertThat(ErrorReporter.inToolWords("link with LinkMode.MOVE; graphEndpoint and authorityHost"))
        .isEqualTo("link with --move; --graph-endpoint and --authority-host");
  }
}
