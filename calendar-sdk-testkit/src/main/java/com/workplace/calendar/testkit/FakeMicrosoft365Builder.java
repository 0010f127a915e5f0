package com.workplace.calendar.testkit;

import com.workplace.calendar.testkit.internal.FakeEngine;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Configures a {@link FakeMicrosoft365}; every setter validates its argument. Get one with
 * {@link FakeMicrosoft365#builder()}.
 *
 * @since 0.1.0
 */
public final class FakeMicrosoft365Builder {
  private Duration latency = Duration.ZERO;
  private long seed = 42;
  private FakeLimits limits = FakeLimits.defaults();
  private ConsentMode consentMode = ConsentMode.AUTO_ACCEPT;
  private Clock clock = Clock.systemUTC();
  private Duration tokenLifetime = Duration.ofSeconds(3599);
  private Duration maxSubscriptionLifetime = Duration.ofMinutes(10_080);
  private Duration deltaTokenMaxAge;
  private Duration subscriptionValidationTimeout = Duration.ofSeconds(10);
  private SSLContext webhookSslContext;
  private int containerThreads = 256;
  private SeriesDeltaBehaviour seriesDeltaBehaviour = SeriesDeltaBehaviour.defaults();

  FakeMicrosoft365Builder() {}

  /**
   * Latency added to every Graph request, slept while it holds its concurrency slot (default
   * none).
   *
   * @param value not negative
   * @return this
   */
  public FakeMicrosoft365Builder latency(Duration value) {
    this.latency = nonNegative(value, "latency");
    return this;
  }

  /**
   * Seed of ids and random faults (default 42).
   *
   * @param value the seed
   * @return this
   */
  public FakeMicrosoft365Builder seed(long value) {
    this.seed = value;
    return this;
  }

  /**
   * Service limits and page sizes (default {@link FakeLimits#defaults()}).
   *
   * @param value the limits
   * @return this
   */
  public FakeMicrosoft365Builder limits(FakeLimits value) {
    this.limits = Objects.requireNonNull(value, "limits");
    return this;
  }

  /**
   * How administrators answer consent pages (default {@link ConsentMode#AUTO_ACCEPT}).
   *
   * @param value the mode
   * @return this
   */
  public FakeMicrosoft365Builder consentMode(ConsentMode value) {
    this.consentMode = Objects.requireNonNull(value, "consentMode");
    return this;
  }

  /**
   * The clock for tokens, budgets, timestamps and expiry (default system UTC; see {@link
   * TestClock}).
   *
   * @param value the clock
   * @return this
   */
  public FakeMicrosoft365Builder clock(Clock value) {
    this.clock = Objects.requireNonNull(value, "clock");
    return this;
  }

  /**
   * Access token lifetime, reported as {@code expires_in} (default 3599 seconds).
   *
   * @param value at least one second
   * @return this
   */
  public FakeMicrosoft365Builder tokenLifetime(Duration value) {
    this.tokenLifetime = atLeastASecond(value, "tokenLifetime");
    return this;
  }

  /**
   * The furthest a subscription may expire in the future (default 10,080 minutes; e.g.
   * 4,230 minutes as older service versions enforced).
   *
   * @param value at least one minute
   * @return this
   */
  public FakeMicrosoft365Builder maxSubscriptionLifetime(Duration value) {
    if (Objects.requireNonNull(value, "maxSubscriptionLifetime").toMinutes() < 1) {
      throw new IllegalArgumentException("maxSubscriptionLifetime must be at least a minute");
    }
    this.maxSubscriptionLifetime = value;
    return this;
  }

  /**
   * Expires delta and skip tokens older than this (default: they never expire by age).
   *
   * @param value positive
   * @return this
   */
  public FakeMicrosoft365Builder deltaTokenMaxAge(Duration value) {
    this.deltaTokenMaxAge = atLeastASecond(value, "deltaTokenMaxAge");
    return this;
  }

  /**
   * How long a notification endpoint may take to answer the validation request (default
   * 10 seconds, as Graph).
   *
   * @param value positive
   * @return this
   */
  public FakeMicrosoft365Builder subscriptionValidationTimeout(Duration value) {
    this.subscriptionValidationTimeout = nonNegative(value, "subscriptionValidationTimeout");
    return this;
  }

  /**
   * The SSL context for calls to HTTPS notification URLs (default: the JVM's default trust).
   *
   * @param value the context
   * @return this
   */
  public FakeMicrosoft365Builder webhookSslContext(SSLContext value) {
    this.webhookSslContext = Objects.requireNonNull(value, "webhookSslContext");
    return this;
  }

  /**
   * How {@code calendarView/delta} reports recurring series where Microsoft leaves it open
   * (default {@link SeriesDeltaBehaviour#defaults()}: occurrences as stubs, a changed series
   * re-sent whole, removed occurrences not reported).
   *
   * @param value the behaviour
   * @return this
   */
  public FakeMicrosoft365Builder seriesDeltaBehaviour(SeriesDeltaBehaviour value) {
    this.seriesDeltaBehaviour = Objects.requireNonNull(value, "seriesDeltaBehaviour");
    return this;
  }

  /**
   * Server threads (default 256); each request in processing, latency included, holds one.
   *
   * @param value at least 16
   * @return this
   */
  public FakeMicrosoft365Builder containerThreads(int value) {
    if (value < 16) {
      throw new IllegalArgumentException("containerThreads must be at least 16");
    }
    this.containerThreads = value;
    return this;
  }

  /**
   * Creates the fake (not started; see {@link FakeMicrosoft365#start()}).
   *
   * @return the fake
   */
  public FakeMicrosoft365 build() {
    return new FakeMicrosoft365(new FakeEngine.Config(latency, seed, limits, consentMode, clock,
        tokenLifetime, maxSubscriptionLifetime, deltaTokenMaxAge,
        subscriptionValidationTimeout, webhookSslContext, seriesDeltaBehaviour),
        containerThreads);
  }

  /**
   * Creates the fake and starts it: {@code build().start()}.
   *
   * @return the running fake
   */
  public FakeMicrosoft365 start() {
    return build().start();
  }

  private static Duration nonNegative(Duration value, String name) {
    if (Objects.requireNonNull(value, name).isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative");
    }
    return value;
  }

  private static Duration atLeastASecond(Duration value, String name) {
    if (Objects.requireNonNull(value, name).getSeconds() < 1) {
      throw new IllegalArgumentException(name + " must be at least one second");
    }
    return value;
  }
}
