package com.workplace.calendar.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MailboxGateTest {
  private static long later(Duration d) {
    return System.nanoTime() + d.toNanos();
  }

  @Test
  void admitsAtMostTheConcurrencyLimit() throws InterruptedException {
    MailboxGate gate = new MailboxGate("m", 4, 10_000, Duration.ofMinutes(10));
    for (int i = 0; i < 4; i++) {
      assertThat(gate.tryAcquire()).isTrue();
    }
    assertThat(gate.tryAcquire()).isFalse();
    assertThat(gate.acquire(later(Duration.ofMillis(20)))).as("blocked until the deadline").isFalse();
    gate.release(true);
    assertThat(gate.tryAcquire()).isTrue();
  }

  @Test
  void aPenaltyPausesEveryoneThenLetsOneProbeThrough() throws InterruptedException {
    MailboxGate gate = new MailboxGate("m", 4, 10_000, Duration.ofMinutes(10));
    gate.penalize(Duration.ofMinutes(5));
    assertThat(gate.tryAcquire()).isFalse();
    assertThat(gate.penaltyNanosLeft()).isPositive();

    MailboxGate shortPenalty = new MailboxGate("n", 4, 10_000, Duration.ofMinutes(10));
    shortPenalty.penalize(Duration.ofMillis(1));
    assertThat(shortPenalty.acquire(later(Duration.ofSeconds(5)))).isTrue();
    assertThat(shortPenalty.tryAcquire()).as("only the probe runs after a penalty").isFalse();
    shortPenalty.release(true);
    assertThat(shortPenalty.tryAcquire()).isTrue();
    assertThat(shortPenalty.tryAcquire()).isTrue();
  }

  @Test
  void theBudgetRunsOut() {
    MailboxGate gate = new MailboxGate("m", 64, 20, Duration.ofMinutes(10));
    int admitted = 0;
    for (int i = 0; i < 10; i++) {
      if (gate.tryAcquire()) {
        admitted++;
        gate.release(true);
      }
    }
    assertThat(admitted).as("20 per 10 minutes: 4 per 2.5-minute cycle").isEqualTo(4);
  }
}
