package com.workplace.calendar.graph.reliability;

import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.graph.AuthorizedTenant;
import com.workplace.calendar.graph.GraphRetryOptions;
import com.workplace.calendar.graph.RecordingListener;
import com.workplace.calendar.store.InMemoryCalendarStore;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeMicrosoft365Extension;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * The host of the chaos suites: a tenant with rooms, a service over its own store that retries
 * quickly, and the host's listener and counters. A failed operation is repeated the way a host
 * would, by the same booking key.
 */
final class ChaosHost implements AutoCloseable {
  /** The seed of the fake's faults and of the mixed-faults plan. */
  static final long SEED = 20_240_909L;
  /** Quick backoff without Retry-After, so the suites stay short; Retry-After is still honoured. */
  static final GraphRetryOptions RETRY =
      GraphRetryOptions.builder()
          .maxAttempts(8)
          .baseDelay(Duration.ofMillis(20))
          .maxDelay(Duration.ofSeconds(1))
          .deadline(Duration.ofSeconds(60))
          .build();
  private static final int HOST_ATTEMPTS = 12;

  final InMemoryCalendarStore store = InMemoryCalendarStore.create();
  final RecordingListener listener = new RecordingListener();
  final GraphCounters counters = new GraphCounters();
  final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
  final AuthorizedTenant tenant;

  ChaosHost(FakeMicrosoft365 m365, String name, int rooms) {
    tenant =
        AuthorizedTenant.create(
            m365, name, rooms, b -> b.store(store).syncListener(listener).eventListener(counters).retry(RETRY));
  }

  /**
   * {@return the fake of a chaos suite, for a static field: one per class, answering after 2 ms,
   * drawing its random faults from the seed, and reset after each test}
   */
  static FakeMicrosoft365Extension fake() {
    return FakeMicrosoft365Extension.newInstance()
        .configure(b -> b.latency(Duration.ofMillis(2)).seed(SEED))
        .build();
  }

  /**
   * Runs an operation the way a host would: a failure answered by the service (after the SDK's own
   * retries) is repeated with the same booking key; anything else fails the test.
   */
  <T> T attempt(String what, IntFunction<T> operation) {
    for (int attempt = 1; ; attempt++) {
      try {
        return operation.apply(attempt);
      } catch (CalendarServiceException e) {
        failures.computeIfAbsent(e.getClass().getSimpleName() + " " + e.statusCode(), k -> new LongAdder()).increment();
        if (attempt >= HOST_ATTEMPTS) {
          throw new AssertionError(what + " still failed after " + attempt + " attempts", e);
        }
      }
    }
  }

  long failures() {
    return failures.values().stream().mapToLong(LongAdder::sum).sum();
  }

  @Override
  public void close() {
    tenant.close();
  }
}
