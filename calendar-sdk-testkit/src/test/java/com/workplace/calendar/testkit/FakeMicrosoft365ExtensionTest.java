package com.workplace.calendar.testkit;

import static com.workplace.calendar.testkit.Fixture.ROOM;
import static com.workplace.calendar.testkit.Fixture.ROOM2;
import static com.workplace.calendar.testkit.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.time.Duration;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The JUnit extension's behaviour between tests: the fake is reset by default and kept on
 * request, and {@code failOnLimitViolation} fails exactly the tests whose client broke a limit.
 * The scenario classes below are run by {@link EngineTestKit}, not by the build directly.
 */
class FakeMicrosoft365ExtensionTest {

  // ------------------------------------------------------------------ reset between tests

  @Test
  void theDeclarativeFakeForgetsEachTestsStateAndSettingsByDefault() {
    assertThat(outcomes(run(ResetByDefault.class)))
        .containsExactly(Map.entry("changesTheFake", "passed"),
            Map.entry("findsItAsBuilt", "passed"));
  }

  @Test
  void theProgrammaticFakeForgetsEachTestsStateByDefault() {
    assertThat(outcomes(run(ProgrammaticResetByDefault.class)))
        .containsExactly(Map.entry("addsATenant", "passed"),
            Map.entry("findsNoTenant", "passed"));
  }

  @Test
  void optingOutKeepsStateBuiltBeforeAllAndByEarlierTests() {
    assertThat(outcomes(run(DeclarativeKeepsState.class)))
        .containsExactly(Map.entry("addsAnEvent", "passed"),
            Map.entry("seesTheTenantAndTheEvent", "passed"));
    assertThat(outcomes(run(ProgrammaticKeepsState.class)))
        .containsExactly(Map.entry("addsAnEvent", "passed"),
            Map.entry("seesTheTenantAndTheEvent", "passed"));
  }

  // ------------------------------------------------------------ fail on limit violation

  @Test
  void aTestOverTheRequestBudgetFailsNamingTheMailboxAndTheCounts() {
    EngineExecutionResults results = run(OverTheBudget.class);

    assertThat(outcomes(results)).containsExactly(
        Map.entry("sendsThreeRequestsWithABudgetOfOne",
            "failed: The client broke the fake's limits: orchard@contoso.onmicrosoft.com: 2"
                + " requests over the concurrency limit or request budget, 1 request sent"
                + " before Retry-After expired (see FakeMicrosoft365.stats())"),
        Map.entry("staysWithinTheLimitsAfterwards", "passed"));
  }

  @Test
  void aTestThatIgnoresTheRetryAfterOfAThrottledMailboxFails() {
    EngineExecutionResults results = run(IgnoresRetryAfter.class);

    assertThat(outcomes(results)).containsExactly(
        Map.entry("retriesAThrottledMailboxAtOnce",
            "failed: The client broke the fake's limits: birch@contoso.onmicrosoft.com: 1"
                + " request sent before Retry-After expired (see FakeMicrosoft365.stats())"));
  }

  @Test
  void withoutTheOptionBrokenLimitsFailNothing() {
    assertThat(outcomes(run(ViolatesWithoutTheOption.class)))
        .containsExactly(Map.entry("sendsThreeRequestsWithABudgetOfOne", "passed"));
  }

  @Test
  void whatTheSharedFakeCountsAfterTheLastTestFailsTheClass() {
    EngineExecutionResults results = run(ViolatesAfterAll.class);

    assertThat(outcomes(results)).containsExactly(Map.entry("staysWithinTheLimits", "passed"));
    List<Event> failedClasses = results.containerEvents().failed().list();
    assertThat(failedClasses).hasSize(1);
    assertThat(message(failedClasses.get(0))).isEqualTo("failed: The client broke the fake's"
        + " limits: orchard@contoso.onmicrosoft.com: 1 request over the concurrency limit or"
        + " request budget (see FakeMicrosoft365.stats())");
  }

  // ------------------------------------------------------------------------------ helpers

  private static EngineExecutionResults run(Class<?> scenario) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(scenario)).execute();
  }

  /** Test method name to "passed" or "failed: message", in execution order. */
  private static Map<String, String> outcomes(EngineExecutionResults results) {
    Map<String, String> outcomes = new LinkedHashMap<>();
    results.testEvents().finished().stream().forEach(e -> outcomes.put(
        e.getTestDescriptor().getSource().map(s -> ((MethodSource) s).getMethodName())
            .orElseThrow(), message(e)));
    return outcomes;
  }

  private static String message(Event finished) {
    TestExecutionResult result = finished.getRequiredPayload(TestExecutionResult.class);
    if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
      return "passed";
    }
    return result.getStatus().name().toLowerCase(Locale.ROOT) + ": "
        + result.getThrowable().map(Throwable::getMessage).orElse("(no exception)");
  }

  /** Three GETs to a mailbox with a request budget of one: two 429s, the last one too early. */
  private static Fixture sendThreeRequestsWithABudgetOfOne(FakeMicrosoft365 m365) {
    Fixture f = new Fixture(m365);
    m365.limits(FakeLimits.builder().requestBudget(1, Duration.ofMinutes(10)).build());
    assertThat(f.http.get(user(ROOM) + "/calendar", f.token).status()).isEqualTo(200);
    assertThat(f.http.get(user(ROOM) + "/calendar", f.token).status()).isEqualTo(429);
    assertThat(f.http.get(user(ROOM) + "/calendar", f.token).status()).isEqualTo(429);
    return f;
  }

  // ---------------------------------------------------------------------------- scenarios

  @FakeMicrosoft365Test
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class ResetByDefault {
    @Test
    @Order(1)
    void changesTheFake(FakeMicrosoft365 m365) {
      m365.tenant("contoso.onmicrosoft.com");
      m365.limits(FakeLimits.builder().maxConcurrentPerMailbox(1).build());
    }

    @Test
    @Order(2)
    void findsItAsBuilt(FakeMicrosoft365 m365) {
      assertThat(m365.findTenant("contoso.onmicrosoft.com")).isEmpty();
      assertThat(m365.limits().maxConcurrentPerMailbox()).isEqualTo(4);
      Fixture f = new Fixture(m365);
      assertThat(f.http.get(user(ROOM) + "/calendar", f.token).status()).isEqualTo(200);
      assertThat(m365.stats().requests(ROOM)).isEqualTo(1);
    }
  }

  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class ProgrammaticResetByDefault {
    @RegisterExtension
    static final FakeMicrosoft365Extension EXT = FakeMicrosoft365Extension.newInstance().build();

    @Test
    @Order(1)
    void addsATenant() {
      EXT.get().tenant("contoso.onmicrosoft.com");
    }

    @Test
    @Order(2)
    void findsNoTenant() {
      assertThat(EXT.get().findTenant("contoso.onmicrosoft.com")).isEmpty();
    }
  }

  @FakeMicrosoft365Test(resetBetweenTests = false)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class DeclarativeKeepsState {
    @BeforeAll
    static void buildTheScenario(FakeMicrosoft365 m365) {
      m365.tenant(Fixture.DOMAIN).addRoom(ROOM, "Orchard");
    }

    @Test
    @Order(1)
    void addsAnEvent(FakeMicrosoft365 m365) {
      m365.findTenant(Fixture.DOMAIN).orElseThrow().addEvent(ROOM, "Standup",
          java.time.Instant.parse("2030-01-07T09:00:00Z"),
          java.time.Instant.parse("2030-01-07T09:15:00Z"));
    }

    @Test
    @Order(2)
    void seesTheTenantAndTheEvent(FakeMicrosoft365 m365) {
      assertThat(m365.findTenant(Fixture.DOMAIN).orElseThrow().events(ROOM)).hasSize(1);
    }
  }

  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class ProgrammaticKeepsState {
    @RegisterExtension
    static final FakeMicrosoft365Extension EXT =
        FakeMicrosoft365Extension.newInstance().resetBetweenTests(false).build();

    @BeforeAll
    static void buildTheScenario() {
      EXT.get().tenant(Fixture.DOMAIN).addRoom(ROOM, "Orchard");
    }

    @Test
    @Order(1)
    void addsAnEvent() {
      EXT.get().findTenant(Fixture.DOMAIN).orElseThrow().addEvent(ROOM, "Standup",
          java.time.Instant.parse("2030-01-07T09:00:00Z"),
          java.time.Instant.parse("2030-01-07T09:15:00Z"));
    }

    @Test
    @Order(2)
    void seesTheTenantAndTheEvent() {
      assertThat(EXT.get().findTenant(Fixture.DOMAIN).orElseThrow().events(ROOM)).hasSize(1);
    }
  }

  /** Without reset: the second test is judged only on what happened during it. */
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class OverTheBudget {
    @RegisterExtension
    static final FakeMicrosoft365Extension EXT = FakeMicrosoft365Extension.newInstance()
        .resetBetweenTests(false).failOnLimitViolation(true).build();
    private static Fixture f;

    @Test
    @Order(1)
    void sendsThreeRequestsWithABudgetOfOne() {
      f = sendThreeRequestsWithABudgetOfOne(EXT.get());
    }

    @Test
    @Order(2)
    void staysWithinTheLimitsAfterwards() {
      EXT.get().limits(FakeLimits.defaults());
      assertThat(f.http.get(user(ROOM2) + "/calendar", f.token).status()).isEqualTo(200);
      assertThat(EXT.get().stats().limitViolations()).isEqualTo(2);
    }
  }

  /** A mailbox throttle is no violation, but a request before its Retry-After is. */
  @FakeMicrosoft365Test(failOnLimitViolation = true)
  static class IgnoresRetryAfter {
    @Test
    void retriesAThrottledMailboxAtOnce(FakeMicrosoft365 m365) {
      Fixture f = new Fixture(m365);
      m365.faults().throttleMailbox(ROOM2, Duration.ofMinutes(1));
      assertThat(f.http.get(user(ROOM2) + "/calendar", f.token).status()).isEqualTo(429);
      assertThat(f.http.get(user(ROOM2) + "/calendar", f.token).status()).isEqualTo(429);
      assertThat(m365.stats().limitViolations()).isZero();
    }
  }

  @FakeMicrosoft365Test
  static class ViolatesWithoutTheOption {
    @Test
    void sendsThreeRequestsWithABudgetOfOne(FakeMicrosoft365 m365) {
      sendThreeRequestsWithABudgetOfOne(m365);
      assertThat(m365.stats().limitViolations(ROOM)).isEqualTo(2);
    }
  }

  @FakeMicrosoft365Test(failOnLimitViolation = true, resetBetweenTests = false)
  static class ViolatesAfterAll {
    private static Fixture f;

    @Test
    void staysWithinTheLimits(FakeMicrosoft365 m365) {
      f = new Fixture(m365);
      m365.limits(FakeLimits.builder().requestBudget(1, Duration.ofMinutes(10)).build());
      assertThat(f.http.get(user(ROOM) + "/calendar", f.token).status()).isEqualTo(200);
    }

    @AfterAll
    static void sendsOneMoreRequest() {
      assertThat(f.http.get(user(ROOM) + "/calendar", f.token).status()).isEqualTo(429);
    }
  }
}
