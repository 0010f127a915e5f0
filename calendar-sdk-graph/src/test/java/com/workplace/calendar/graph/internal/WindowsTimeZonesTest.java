package com.workplace.calendar.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
  void unknownNamesAreEmpty() {
    assertThat(WindowsTimeZones.resolve("Middle Earth Standard Time")).isEmpty();
    assertThat(WindowsTimeZones.resolve("")).isEmpty();
    assertThat(WindowsTimeZones.resolve(null)).isEmpty();
  }
}
