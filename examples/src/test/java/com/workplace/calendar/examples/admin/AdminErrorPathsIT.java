package com.workplace.calendar.examples.admin;

import static com.workplace.calendar.examples.admin.HelpfulErrors.assertHelpful;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.workplace.calendar.store.JdbcCalendarStore;
import com.workplace.calendar.tenant.Tenant;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.tenant.TenantStatus;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool's error paths against the embedded fake: an unknown tenant, a pending tenant left
 * behind, an unreachable Microsoft 365, failures inside the shell, and the SDK's refusals, each
 * with a what-to-do line in the tool's words.
 */
class AdminErrorPathsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DOMAIN = "contoso.onmicrosoft.com";
  private static final String CLIENT_ID = "3f1c9a52-7d4e-4b8a-9c61-2e5f0b7a8d14";

  @TempDir Path dataDir;

  private Cli cli() {
    return new Cli(dataDir);
  }

  private Map<String, String> tenants() throws IOException {
    Map<String, String> statuses = new TreeMap<>();
    JSON.readTree(cli().run("--json", "tenant", "list").out())
        .get("tenants")
        .forEach(t -> statuses.put(t.get("tenant").asText(), t.get("status").asText()));
    return statuses;
  }

  /** Records a tenant in the fake target's store, as an earlier, interrupted command would have. */
  private void storeTenant(String tenant, TenantStatus status) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(StoreFactory.defaultUrl(dataDir, "fake"));
    try (JdbcCalendarStore store = JdbcCalendarStore.create(dataSource)) {
      Tenant pending = store.insertTenant(Tenant.pending(TenantId.parse(tenant), Instant.now()));
      if (status != TenantStatus.CONSENT_PENDING) {
        store.updateTenant(pending.withStatus(status, Instant.now()));
      }
    }
  }

  @Test
  void authorizingATenantTheFakeDoesNotKnowEndsWithTheIdentityPlatformsReasonAndLeavesNoTenantBehind()
      throws Exception {
    Cli.Result result = cli().run("tenant", "authorize", "fabrikam.onmicrosoft.com", "--timeout", "2m");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.CONFIGURATION);
    assertThat(result.err())
        .contains("AADSTS90002")
        .contains("fabrikam.onmicrosoft.com")
        .doesNotContain("no consent redirect arrived")
        .doesNotContain("redirect URI");
    assertThat(result.err()).containsPattern("What to do: .*" + DOMAIN.replace(".", "\\."));
    assertHelpful(result);
    assertThat(tenants()).as("no pending tenant left behind").isEmpty();

    Cli.Result json = cli().run("--json", "tenant", "authorize", "fabrikam.onmicrosoft.com", "--timeout", "2m");
    JsonNode error = JSON.readTree(json.out());
    assertThat(error.get("exitCode").asInt()).isEqualTo(ExitCodes.CONFIGURATION);
    assertThat(error.get("message").asText()).contains("AADSTS90002");

    Cli.Result demo = cli().run("tenant", "authorize", DOMAIN);
    assertThat(demo.exitCode()).as(demo.toString()).isZero();
    assertThat(cli().run("calendars", "list").exitCode()).as("the only tenant is chosen").isZero();
  }

  @Test
  void aPendingTenantOfAnAbandonedConsentDoesNotStandInTheWayOfTheOnlyAuthorizedOne() throws Exception {
    assertThat(cli().run("tenant", "authorize", DOMAIN).exitCode()).isZero();
    storeTenant("fabrikam.onmicrosoft.com", TenantStatus.CONSENT_PENDING);
    assertThat(tenants()).containsEntry("fabrikam.onmicrosoft.com", "CONSENT_PENDING").containsEntry(DOMAIN, "VERIFIED");

    Cli.Result list = cli().run("--json", "calendars", "list");
    assertThat(list.exitCode()).as(list.toString()).isZero();
    assertThat(JSON.readTree(list.out()).get("tenant").asText()).isEqualTo(DOMAIN);

    storeTenant("northwind.onmicrosoft.com", TenantStatus.VERIFIED);
    Cli.Result ambiguous = cli().run("calendars", "list");
    assertThat(ambiguous.exitCode()).as(ambiguous.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(ambiguous.err())
        .contains("several tenants are authorized")
        .contains(DOMAIN)
        .contains("northwind.onmicrosoft.com")
        .contains("--tenant");
    assertHelpful(ambiguous);
  }

  @Test
  void verifyingWhileMicrosoft365CannotBeReachedSaysSoAndLeavesTheTenantAsItWas() throws Exception {
    assertThat(cli().run("tenant", "authorize", DOMAIN).exitCode()).isZero();
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String nowhere = "https://127.0.0.1:" + closedPort + "/";

    Cli.Result result =
        cli().env("CALENDAR_ADMIN_CLIENT_SECRET", "not-used-here")
            .run("--target", "microsoft365", "--client-id", CLIENT_ID,
                "--jdbc-url", StoreFactory.defaultUrl(dataDir, "fake"),
                "--authority-host", nowhere, "--graph-endpoint", nowhere + "v1.0/",
                "tenant", "verify", DOMAIN, "--timeout", "2s");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILED);
    assertThat(result.err())
        .contains("verifying " + DOMAIN)
        .contains("could not be reached")
        .contains("stays VERIFIED");
    assertHelpful(result);
    assertThat(tenants()).containsEntry(DOMAIN, "VERIFIED");
  }

  @Test
  void theShellExitsWithTheWorstExitCodeOfItsCommands() {
    String script = String.join("\n",
        "tenant authorize",
        "bookings cancel no-such-booking",
        "calendars lst",
        "tenant list",
        "");
    Cli.Result result = cli().runWithInput(script, "shell");
    assertThat(result.err()).contains("(exit code 1)").contains("(exit code 2)");
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);

    Cli.Result fine = cli().runWithInput("tenant list\nexit\n", "shell");
    assertThat(fine.exitCode()).as(fine.toString()).isZero();
  }

  @Test
  void theSdksRefusalsSayWhatToDoInTheToolsWords() throws Exception {
    List<Cli.Result> results = new ArrayList<>();
    results.add(cli().run("rooms", "discover"));
    results.add(cli().run("tenant", "verify", "fabrikam.onmicrosoft.com"));
    assertThat(cli().run("tenant", "authorize", DOMAIN).exitCode()).isZero();
    assertThat(cli().run("calendars", "add", "hh-1.01@" + DOMAIN, "hh-1.02@" + DOMAIN).exitCode()).isZero();
    assertThat(cli().run("spaces", "link", "hh-1.01@" + DOMAIN, "HH-1.01").exitCode()).isZero();
    results.add(cli().run("spaces", "link", "hh-1.02@" + DOMAIN, "HH-1.01"));
    results.add(cli().run("spaces", "link", "nobody@" + DOMAIN, "HH-1.02"));
    results.add(cli().run("spaces", "link", "hh-1.02@" + DOMAIN, "XX-9.99"));
    results.add(cli().run("bookings", "end-early", "no-such-booking"));
    results.add(cli().run("bookings", "create", "--room", "hh-1.02@" + DOMAIN, "--start", "now+1h",
        "--booker", "megan.bowen@" + DOMAIN));
    results.add(cli().run("bookings", "availability", "--space", "HH-1.05"));
    results.add(cli().run("tenant", "remove", DOMAIN));
    results.add(cli().runWithInput("shell\n", "shell"));

    for (Cli.Result result : results) {
      assertHelpful(result);
    }
    assertThat(results.get(2).err()).contains("--move").doesNotContain("LinkMode");
  }
}
