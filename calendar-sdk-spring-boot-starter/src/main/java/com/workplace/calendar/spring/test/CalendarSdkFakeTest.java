package com.workplace.calendar.spring.test;

import com.workplace.calendar.testkit.ConsentMode;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * Runs a host's {@code @SpringBootTest} against the testkit's {@code FakeMicrosoft365} instead of
 * Microsoft 365: one annotation, no other change to the application.
 *
 * <pre>{@code
 * @SpringBootTest
 * @CalendarSdkFakeTest
 * class RoomBookingTest {
 *   @Autowired FakeMicrosoft365 m365;     // seed tenants, rooms, Outlook bookings, faults
 *   @Autowired FakeApp app;               // the app registration the SDK signs in as
 *   @Autowired CalendarService calendars;
 * }
 * }</pre>
 *
 * <p>Before the context starts, a fake is started (one per cached test context, closed with it)
 * with an app registration whose redirect URI is the application's {@code
 * workplace.calendar.redirect-uri} (or {@code http://localhost/calendar/consent} when it has
 * none); {@code workplace.calendar.client-id}, {@code client-secret}, {@code authority-host} and
 * {@code graph-endpoint} point the SDK at it, over the application's own values (its {@code
 * certificate.location} and {@code federated-token-file} are cleared), and the service trusts the
 * fake's certificate. The fake, its {@code FakeApp} and its tenants are beans to inject.
 * Needs {@code calendar-sdk-testkit} and {@code spring-boot-starter-test} at test scope.
 *
 * @since 0.2.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextCustomizerFactories(FakeMicrosoft365ContextCustomizerFactory.class)
public @interface CalendarSdkFakeTest {

  /**
   * Latency the fake adds to every Graph request, in milliseconds.
   *
   * @return the latency
   */
  long latencyMillis() default 0;

  /**
   * How the fake's administrators answer consent pages.
   *
   * @return the mode
   */
  ConsentMode consentMode() default ConsentMode.AUTO_ACCEPT;

  /**
   * Tenants (domains) to create in the fake with the app's admin consent already granted, as a
   * customer whose administrator consented long ago; rooms are added through the injected fake.
   *
   * @return the domains
   */
  String[] consentedTenants() default {};
}
