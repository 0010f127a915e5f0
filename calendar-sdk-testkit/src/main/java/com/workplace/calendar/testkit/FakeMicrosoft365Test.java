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
 * closed after the last; tests and constructors receive it as a parameter.
 *
 * <pre>{@code
 * @FakeMicrosoft365Test
 * class BookingTest {
 *   @Test
 *   void books(FakeMicrosoft365 m365) { ... }
 * }
 * }</pre>
 *
 * <p>For more options use {@link FakeMicrosoft365Extension#newInstance()} with
 * {@code @RegisterExtension}.
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
   * Whether to forget all state ({@link FakeMicrosoft365#reset()}) after each test.
   *
   * @return whether to reset
   */
  boolean resetBetweenTests() default false;

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
