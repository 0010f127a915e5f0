package com.workplace.calendar.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  @Test
  void readsWholeAndFractionalSeconds() {
    assertThat(RetryAfter.parse("2", NOW)).contains(Duration.ofSeconds(2));
    assertThat(RetryAfter.parse(" 2.128 ", NOW)).contains(Duration.ofMillis(2128));
    assertThat(RetryAfter.parse("0", NOW)).contains(Duration.ZERO);
  }

  @Test
  void readsHttpDates() {
    assertThat(RetryAfter.parse("Mon, 02 Mar 2026 09:00:05 GMT", NOW)).contains(Duration.ofSeconds(5));
    assertThat(RetryAfter.parse("Mon, 02 Mar 2026 08:59:00 GMT", NOW)).contains(Duration.ZERO);
  }

  @Test
  void capsAndRejectsNonsense() {
    assertThat(RetryAfter.parse("999999", NOW)).contains(RetryAfter.CAP);
    assertThat(RetryAfter.parse("-5", NOW)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
    assertThat(RetryAfter.parse("NaN", NOW)).isEmpty();
    assertThat(RetryAfter.parse("", NOW)).isEmpty();
    assertThat(RetryAfter.parse(null, NOW)).isEmpty();
  }
}
