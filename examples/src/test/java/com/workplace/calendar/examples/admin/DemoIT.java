package com.workplace.calendar.examples.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code calendar-admin demo} end to end, in this process, and reads what it printed. */
class DemoIT {
  private static final String DOMAIN = "@contoso.onmicrosoft.com";

  @TempDir Path dataDir;

  @Test
  void theDemoTellsTheWholeStoryWellUnderAMinute() {
    Instant start = Instant.now();
    Cli.Result result = new Cli(dataDir).run("demo");
    Duration took = Duration.between(start, Instant.now());

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(took).isLessThan(Duration.ofSeconds(60));
    String out = result.out();
    assertThat(out).doesNotContain("Exception");

    // 1. authorized to "Account Verified"
    assertThat(out).containsPattern("contoso\\.onmicrosoft\\.com\\s+VERIFIED\\s+Account Verified");

    // 2. discovery
    assertThat(out).contains("59 rooms in 3 room lists");

    // 3. the CSV report with its bad rows
    assertThat(out).containsPattern("(?m)^\\s+46\\s+41\\s+41\\s+0\\s+5\\s*$");
    assertThat(out).containsPattern("(?m)^\\s+10\\s+Meeting room Compass\\s+-\\s+EMAIL_INVALID\\s");
    assertThat(out).containsPattern("(?m)^\\s+20\\s+hh-2\\.02" + DOMAIN + "\\s+HH-2\\.02\\s+DUPLICATE_EMAIL\\s");
    assertThat(out).containsPattern("(?m)^\\s+29\\s+hh-lobby" + DOMAIN + "\\s+HH-0\\.99\\s+SPACE_NOT_FOUND\\s");
    assertThat(out).containsPattern("(?m)^\\s+34\\s+ms-canteen" + DOMAIN + "\\s+MS-1\\.01\\s+DUPLICATE_ROOM_ID\\s");
    assertThat(out).containsPattern("(?m)^\\s+42\\s+-\\s+MS-2\\.04\\s+EMAIL_MISSING\\s");

    // 4. connect, with the real reasons of the failures
    assertThat(out).contains("Connected 56 of 61 calendars");
    for (String blocked : List.of("hh-4.05", "ms-4.05", "nc-4.05")) {
      assertThat(out).containsPattern(blocked + DOMAIN + "\\s+ACCESS_DENIED_BY_POLICY\\s+Add the mailbox");
    }
    assertThat(out).containsPattern("ms-3\\.05" + DOMAIN + "\\s+MAILBOX_NOT_FOUND\\s.*ErrorInvalidUser");
    assertThat(out).containsPattern("hh-0\\.01" + DOMAIN + "\\s+NOT_IN_EXCHANGE_ONLINE\\s");

    // 5. links
    assertThat(out).containsPattern("North Campus\\s+20\\s+19\\s+1\\s+20");

    // 6./7. booking, refusal, end early
    assertThat(out).contains("demo-standup").contains("Project stand-up");
    assertThat(out).contains("Booking space HH-4.05 is refused").contains("ACCESS_DENIED_BY_POLICY");
    assertThat(out).containsPattern("demo-standup now ends at .* instead of ");

    String truth = out.substring(out.indexOf("6b. No double bookings"));
    assertThat(truth).containsPattern("tries to book hh-2\\.01" + DOMAIN + " during the stand-up: refused");
    assertThat(truth).contains("is already booked at").contains("choose another time or room");
    assertThat(truth).containsPattern("Retired Boardroom\\s+-\\s+UNKNOWN_MAILBOX");
    assertThat(truth).containsPattern("BookingWindowInDays=180, MaximumDurationInMinutes=240");
    assertThat(truth).contains("200 days ahead: refused by the room's window")
        .contains("can be booked at most 180 days ahead (BookingWindowInDays)");

    // 8. the booking made in Outlook arrives through sync
    String afterOutlook = out.substring(out.indexOf("Next sync round"));
    assertThat(afterOutlook).startsWith("Next sync round (from the delta link): 1 created, 0 updated, 0 deleted");
    assertThat(afterOutlook).containsPattern("CREATED\\s+hh-2\\.01" + DOMAIN + "\\s+Board meeting prep\\s.*megan\\.bowen" + DOMAIN + "\\s+Outlook");

    // 9. the throttling burst: everything succeeded, 429s were sent, no limit was broken
    assertThat(out).containsPattern("(?m)^\\s+32\\s+32\\s+0\\s+\\d+\\.\\d s\\s*$");
    Matcher stats = Pattern.compile("(?m)^\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*$")
        .matcher(out.substring(out.indexOf("What Microsoft 365 saw")));
    assertThat(stats.find()).as("the fake's counters are printed").isTrue();
    long requests = Long.parseLong(stats.group(1));
    long throttled = Long.parseLong(stats.group(3));
    long violations = Long.parseLong(stats.group(4));
    int peak = Integer.parseInt(stats.group(5));
    assertThat(requests).isGreaterThanOrEqualTo(32);
    assertThat(throttled).as("429s sent").isBetween(1L, 10L);
    assertThat(violations).as("limit violations").isZero();
    assertThat(peak).as("peak concurrency").isBetween(1, 4);
    assertThat(out).contains("0 limit violations");
  }

  @Test
  void theDemoRunsAgainOnItsOwnStateAndSpeaksJson() throws Exception {
    Cli cli = new Cli(dataDir);
    assertThat(cli.run("demo").exitCode()).isZero();

    Cli.Result again = cli.run("--json", "demo");

    assertThat(again.exitCode()).as(again.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(again.out());
    assertThat(json.at("/authorization/message").asText()).isEqualTo("Account Verified");
    assertThat(json.at("/csvImport/failed").asInt()).isEqualTo(5);
    assertThat(json.at("/csvImport/errors")).hasSize(5);
    assertThat(json.at("/connect/failed").asInt()).isEqualTo(5);
    assertThat(json.at("/sync/outlookBookingArrived").asBoolean()).isTrue();
    assertThat(json.at("/throttling/failed").asInt()).isZero();
    assertThat(json.at("/throttling/stats/limitViolations").asLong()).isZero();
    assertThat(json.at("/throttling/stats/throttledResponses").asLong()).isPositive();

    Cli.Result list = cli.run("--json", "calendars", "list", "--status", "FAILED");
    assertThat(list.exitCode()).isZero();
    assertThat(new ObjectMapper().readTree(list.out()).get("calendars")).hasSize(5);
  }
}
