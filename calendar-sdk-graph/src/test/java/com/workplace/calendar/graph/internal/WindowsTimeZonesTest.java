package com.workplace.calendar.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WindowsTimeZonesTest {

  @Test
  void mapsWindowsNamesToIanaZones() {
    assertThat(WindowsTimeZones.resolve("Pacific Standard Time")).contains(ZoneId.of("America/Los_Angeles"));
    assertThat(WindowsTimeZones.resolve("W. Europe Standard Time")).contains(ZoneId.of("Europe/Berlin"));
    assertThat(WindowsTimeZones.resolve("india standard time")).contains(ZoneId.of("Asia/Calcutta"));
    assertThat(WindowsTimeZones.resolve("AUS Eastern Standard Time")).contains(ZoneId.of("Australia/Sydney"));
    assertThat(WindowsTimeZones.size()).isGreaterThan(130);
  }

  @Test
  void passesIanaAndUtcThrough() {
    assertThat(WindowsTimeZones.resolve("UTC")).contains(ZoneId.of("Etc/UTC"));
    assertThat(WindowsTimeZones.resolve("Europe/Zurich")).contains(ZoneId.of("Europe/Zurich"));
    assertThat(WindowsTimeZones.resolve("Z")).contains(ZoneOffset.UTC);
  }

  @Test
  void aZoneIsWrittenAsTheWindowsZoneOfItsPlaceOrOfTheSameClock() {
    assertThat(WindowsTimeZones.windowsName(ZoneId.of("Europe/Berlin"))).contains("W. Europe Standard Time");
    assertThat(WindowsTimeZones.windowsName(ZoneId.of("America/New_York"))).contains("Eastern Standard Time");
    assertThat(WindowsTimeZones.windowsName(ZoneOffset.UTC)).contains("UTC");
    assertThat(WindowsTimeZones.windowsName(ZoneId.of("Etc/UTC"))).contains("UTC");
    // an alias of a primary location
    assertThat(WindowsTimeZones.windowsName(ZoneId.of("Asia/Kolkata"))).contains("India Standard Time");
    // another place with the same clock: the first such Windows zone in Windows' order
    assertThat(WindowsTimeZones.windowsName(ZoneId.of("Europe/Amsterdam"))).contains("W. Europe Standard Time");
    assertThat(WindowsTimeZones.windowsName(ZoneId.of("America/Toronto"))).contains("Eastern Standard Time");
    // every primary location is written as its own Windows zone and reads back as itself
    for (String name : java.util.List.of("Pacific Standard Time", "Tokyo Standard Time", "AUS Eastern Standard Time", "Romance Standard Time")) {
      assertThat(WindowsTimeZones.windowsName(WindowsTimeZones.resolve(name).orElseThrow())).contains(name);
    }
  }

  @Test
  void aZoneWhoseClockNoWindowsZoneKeepsIsRefusedWithWhatToDo() {
    ZoneId odd = ZoneOffset.ofHoursMinutes(5, 17);

    assertThat(WindowsTimeZones.windowsName(odd)).isEmpty();
    assertThatThrownBy(() -> WindowsTimeZones.requireWindowsName(odd))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no Windows time zone keeps the clock of +05:17")
        .hasMessageContaining("use the zone of a place with the same clock that Windows knows");
  }

  @Test
  void unknownNamesAreEmpty() {
    assertThat(WindowsTimeZones.resolve("Middle Earth Standard Time")).isEmpty();
    assertThat(WindowsTimeZones.resolve("")).isEmpty();
    assertThat(WindowsTimeZones.resolve(null)).isEmpty();
  }
}
