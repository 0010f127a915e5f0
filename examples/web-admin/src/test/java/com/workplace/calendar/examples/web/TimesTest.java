package com.workplace.calendar.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimesTest {
  final Times london = new Times("Europe/London");

  @Test
  void readsADatetimeLocalValueInTheConfiguredZone() {
    assertThat(london.parseInput("2025-07-01T09:30")).contains(Instant.parse("2025-07-01T08:30:00Z"));
    assertThat(london.parseInput(" 2025-01-15T09:30 ")).contains(Instant.parse("2025-01-15T09:30:00Z"));
  }

  @Test
  void refusesWhatIsNotADatetimeLocalValue() {
    assertThat(london.parseInput("")).isEmpty();
    assertThat(london.parseInput(null)).isEmpty();
    assertThat(london.parseInput("tomorrow at nine")).isEmpty();
    assertThat(london.parseInput("2025-02-30T09:30")).isEmpty();
    assertThat(london.parseInput("2025-07-01T25:00")).isEmpty();
  }

  @Test
  void showsInstantsInTheZoneToTheMinute() {
    assertThat(london.format(Instant.parse("2025-07-01T08:30:59Z"))).isEqualTo("2025-07-01 09:30");
    assertThat(london.format(Optional.empty())).isEmpty();
    assertThat(london.inputValue(Instant.parse("2025-01-15T09:30:00Z"))).isEqualTo("2025-01-15T09:30");
  }

  @Test
  void anUnknownZoneIsAConfigurationErrorThatNamesTheProperty() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Times("Mars/Olympus"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("workplace.example.time-zone");
  }

  @Test
  void usesTheSystemZoneWhenNoneIsConfigured() {
    assertThat(new Times("").zone()).isEqualTo(java.time.ZoneId.systemDefault());
  }
}
