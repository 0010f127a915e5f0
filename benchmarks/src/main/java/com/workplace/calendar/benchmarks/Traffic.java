package com.workplace.calendar.benchmarks;

import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeStats;
import java.util.Collections;

/** What the fake counted during one measured stretch: reset before, read after. */
record Traffic(long requests, long throttled, long violations, int peakConcurrency) {

  static Traffic of(FakeMicrosoft365 m365) {
    FakeStats s = m365.stats();
    int peak =
        s.peakConcurrencyPerMailbox().isEmpty()
            ? 0
            : Collections.max(s.peakConcurrencyPerMailbox().values());
    return new Traffic(s.totalRequests(), s.throttledResponses(), s.limitViolations(), peak);
  }
}
