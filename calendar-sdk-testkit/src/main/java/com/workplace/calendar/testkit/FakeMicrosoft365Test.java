package com.workplace.calendar.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against one {@link FakeMicrosoft365}, started before the first test and
 * closed after the last; tests and constructors receive it as a parameter. After each test the
 * fake is {@link FakeMicrosoft365#reset() reset}, so every test starts from an empty fake
 * (opt out with {@code resetBetweenTests = false}).
 *
 * <pre>{@code
 * @FakeMicrosoft365Test(failOnLimitViolation = true)
 * class BookingTest {
 *   @Test
 *   void books(FakeMicrosoft365 m365) { ... }
 * }
 * }</pre>
 *
 * <p>For more options use {@link FakeMicrosoft365Extension#newInstance()} with
 * {@code @RegisterExtension}; {@link FakeMicrosoft365Extension} describes both options in
 * detail.
 *
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FakeMicrosoft365Extension.class)
public @interface FakeMicrosoft365Test {

  /**
   * Whether to forget all state ({@link FakeMicrosoft365#reset()}) after each test (default
   * true). Set false to keep state built in {@code @BeforeAll} for every test of the class.
   *
   * @return whether to reset
   */
  boolean resetBetweenTests() default true;

  /**
   * Whether a test fails when a client broke the fake's limits during it: a request over the
   * concurrency limit or the request budget, or a request sent before a 429's {@code
   * Retry-After} expired (default false). The failure names each mailbox and its counts.
   *
   * @return whether to fail
   */
  boolean failOnLimitViolation() default false;

  /**
   * Latency added to every Graph request, in milliseconds.
   *
   * @return the latency
   */
  long latencyMillis() default 0;

  /**
   * How administrators answer consent pages.
   *
   * @return the mode
   */
  ConsentMode consentMode() default ConsentMode.AUTO_ACCEPT;

  /**
   * Seed of generated ids and random faults.
   *
   * @return the seed
   */
  long seed() default 42;
}
