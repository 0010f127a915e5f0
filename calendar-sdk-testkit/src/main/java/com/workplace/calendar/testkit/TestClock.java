package com.workplace.calendar.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The testkit's settable clock: a test moves it by hand to exercise time-based behaviour without
 * sleeping, both of the fake (token expiry, request budgets, subscription expiry, delta token
 * age) and of the code under test (the SDK's consent state expiry, the store contract's lease
 * expiry, ...). It only moves forward by {@link #advance(Duration)}; {@link #set(Instant)} jumps
 * anywhere. Thread-safe.
 *
 * <pre>{@code
 * TestClock clock = TestClock.startingAt(Instant.parse("2025-01-06T09:00:00Z"));
 * FakeMicrosoft365 m365 = FakeMicrosoft365.builder().clock(clock).build().start();
 * clock.advance(Duration.ofHours(2)); // tokens issued before are now expired
 * }</pre>
 *
 * @since 0.1.0
 */
public final class TestClock extends Clock {

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private TestClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /**
   * Creates a clock standing at the given instant, in UTC.
   *
   * @param start the initial instant
   * @return the clock
   */
  public static TestClock startingAt(Instant start) {
    return new TestClock(new AtomicReference<>(Objects.requireNonNull(start, "start")),
        ZoneOffset.UTC);
  }

  /**
   * Creates a clock standing at the current system time, in UTC.
   *
   * @return the clock
   */
  public static TestClock startingNow() {
    return startingAt(Instant.now());
  }

  /**
   * Moves the clock forward.
   *
   * @param amount how far; not negative
   * @return the new instant
   * @throws IllegalArgumentException when {@code amount} is negative
   */
  public Instant advance(Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("cannot move a clock backwards: " + amount);
    }
    return now.updateAndGet(i -> i.plus(amount));
  }

  /**
   * Sets the clock to an instant.
   *
   * @param instant the new instant
   */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new TestClock(now, newZone);
  }

  @Override
  public Instant instant() {
    return now.get();
  }
}
