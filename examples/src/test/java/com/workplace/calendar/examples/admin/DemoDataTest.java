package com.workplace.calendar.examples.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.PageRequest;
import com.workplace.calendar.space.Space;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.tenant.TenantId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's data fits together: spaces, the CSV's roomIDs, the seeded rooms. */
class DemoDataTest {
  private static final TenantId TENANT = TenantId.parse(DemoOrganisation.DOMAIN);

  @Test
  void everyRoomOfTheDemoOrganisationHasASpace() {
    CsvSpaceDirectory spaces = CsvSpaceDirectory.demo();
    for (DemoOrganisation.Building building : DemoOrganisation.BUILDINGS) {
      for (String email : DemoOrganisation.roomsOf(building)) {
        SpaceId id = SpaceId.of(DemoOrganisation.spaceIdOf(email));
        assertThat(spaces.find(TENANT, id)).as(email).isPresent();
      }
    }
    assertThat(spaces.find(TENANT, SpaceId.of(DemoOrganisation.spaceIdOf(DemoOrganisation.ON_PREMISES_ROOM)))).isPresent();
    assertThat(spaces.size()).isEqualTo(61);
  }

  @Test
  void theRoomsBookedNowHaveNoMeetingOfTheOrganisationTodayOrTomorrow() {
    // late in the day, so that "now" plus an hour reaches into tomorrow's meetings too
    TestClock clock = TestClock.startingAt(Instant.parse("2026-03-02T23:30:00Z"));
    try (FakeMicrosoft365 m365 = FakeMicrosoft365.builder().clock(clock).build().start()) {
      DemoOrganisation demo = DemoOrganisation.seed(m365, clock);
      Instant from = clock.instant().minus(Duration.ofHours(24));
      Instant to = clock.instant().plus(Duration.ofHours(2));
      for (String room : List.of("hh-1.03", "hh-2.01", "nc-1.01", "nc-2.01")) {
        assertThat(demo.tenant().events(room + "@" + DemoOrganisation.DOMAIN))
            .as("meetings in %s within a day of now", room)
            .noneMatch(e -> e.start().isBefore(to) && e.end().isAfter(from));
      }
      assertThat(demo.tenant().events("nc-1.05@" + DemoOrganisation.DOMAIN)).isNotEmpty();
    }
  }

  @Test
  void theCsvsGoodRowsNameExistingSpaces() throws IOException {
    CsvSpaceDirectory spaces = CsvSpaceDirectory.demo();
    List<String> lines;
    try (InputStream in = DemoCommand.class.getResourceAsStream(DemoCommand.CSV_RESOURCE)) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    long good =
        lines.stream()
            .filter(l -> l.matches("[a-z]{2}-\\d\\.\\d{2}@contoso\\.onmicrosoft\\.com,[A-Z]{2}-\\d\\.\\d{2}"))
            .peek(l -> assertThat(spaces.find(TENANT, SpaceId.of(l.substring(l.indexOf(',') + 1)))).as(l).isPresent())
            .count();
    assertThat(good).as("41 good rows and one repeated address").isEqualTo(42);
  }

  @Test
  void searchPagesThroughTheSpaces(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("spaces.csv");
    Files.writeString(file, "# ours\nSpace ID;Name;Location\n".replace(';', ',') + "A-1,Alpha,\"North, 1\"\nB-2,Beta,\nC-3,Gamma,North\n");
    CsvSpaceDirectory spaces = CsvSpaceDirectory.load(file);
    assertThat(spaces.size()).isEqualTo(3);
    var first = spaces.search(TENANT, "north", PageRequest.first(1));
    assertThat(first.items()).extracting(Space::name).containsExactly("Alpha");
    var second = spaces.search(TENANT, "north", PageRequest.first(1).next(first));
    assertThat(second.items()).extracting(Space::name).containsExactly("Gamma");
    assertThat(second.hasNext()).isFalse();
    assertThat(spaces.find(TENANT, SpaceId.of("B-2")).orElseThrow().location()).isEmpty();
  }

  @Test
  void tablesLineUp() {
    java.io.StringWriter text = new java.io.StringWriter();
    Table.of("a", "long header").row("value", java.util.Optional.empty()).print(new java.io.PrintWriter(text), "");
    assertThat(text.toString().lines()).containsExactly("a      long header", "-----  -----------", "value  -");
  }
}
