package com.workplace.calendar.graph.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** What the suites of hostile callers and hostile Graph answers share. */
final class HostileCalls {
  private HostileCalls() {}

  /** Runs a call that must fail and returns what it threw, naming the call when it did not. */
  static Throwable refused(String what, ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).as("%s is refused", what).isNotNull();
    return thrown;
  }

  /** {@return the given hour of tomorrow, UTC} */
  static Instant tomorrowAt(int hour) {
    return Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1)).plusSeconds(hour * 3600L);
  }
}
