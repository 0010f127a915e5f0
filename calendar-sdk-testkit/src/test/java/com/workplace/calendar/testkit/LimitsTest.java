package com.workplace.calendar.testkit;

import static com.workplace.calendar.testkit.Fixture.ROOM;
import static com.workplace.calendar.testkit.Fixture.ROOM2;
import static com.workplace.calendar.testkit.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LimitsTest {

  private TestClock clock;
  private FakeMicrosoft365 m365;
  private Fixture f;
  private final ExecutorService pool = Executors.newFixedThreadPool(8);

  @BeforeEach
  void setUp() {
    clock = TestClock.startingNow();
    m365 = FakeMicrosoft365.builder().clock(clock)
        .limits(FakeLimits.builder().requestBudget(5, Duration.ofSeconds(10)).build())
        .start();
    f = new Fixture(m365);
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(10, TimeUnit.SECONDS);
    m365.close();
  }

  private List<CompletableFuture<Http.Reply>> parallel(int n, String path) {
    List<CompletableFuture<Http.Reply>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      futures.add(CompletableFuture.supplyAsync(() -> f.http.get(path, f.token), pool));
    }
    return futures;
  }

  @Test
  void aFifthConcurrentRequestToAMailboxIsThrottled() throws Exception {
    m365.limits(FakeLimits.defaults());
    List<CompletableFuture<Http.Reply>> replies;
    try (MailboxHold hold = m365.faults().holdMailbox(ROOM)) {
      replies = parallel(5, user(ROOM) + "/calendar");
      assertThat(hold.awaitHeld(4, Duration.ofSeconds(20))).isTrue();
      CompletableFuture.anyOf(replies.toArray(CompletableFuture[]::new)).get(20,
          TimeUnit.SECONDS);
      Http.Reply rejected = replies.stream().filter(CompletableFuture::isDone)
          .map(CompletableFuture::join).findFirst().orElseThrow();
      assertThat(rejected.status()).isEqualTo(429);
      assertThat(rejected.errorCode()).isEqualTo("TooManyRequests");
      assertThat(rejected.header("Retry-After")).isEqualTo("1");
      assertThat(rejected.json().keySet()).isEqualTo(
          Fixture.fixtureJson("error-429-throttled.json").keySet());
      assertThat(f.http.get(user(ROOM2) + "/calendar", f.token).status()).isEqualTo(200);
    }
    for (CompletableFuture<Http.Reply> r : replies) {
      r.get(20, TimeUnit.SECONDS);
    }
    assertThat(replies.stream().filter(r -> r.join().status() == 200)).hasSize(4);
    FakeStats stats = m365.stats();
    assertThat(stats.peakConcurrency(ROOM)).isEqualTo(5);
    assertThat(stats.limitViolations(ROOM)).isEqualTo(1);
    assertThat(stats.limitViolations()).isEqualTo(1);
    assertThat(stats.throttledResponses()).isEqualTo(1);
    assertThat(stats.requests(ROOM)).isEqualTo(5);
    assertThat(stats.limitViolations(ROOM2)).isZero();
  }

  @Test
  void fourConcurrentRequestsAreFine() throws Exception {
    m365.limits(FakeLimits.defaults());
    List<CompletableFuture<Http.Reply>> replies;
    try (MailboxHold hold = m365.faults().holdMailbox(ROOM)) {
      replies = parallel(4, user(ROOM) + "/calendar");
      assertThat(hold.awaitHeld(4, Duration.ofSeconds(20))).isTrue();
    }
    for (CompletableFuture<Http.Reply> r : replies) {
      assertThat(r.get(20, TimeUnit.SECONDS).status()).isEqualTo(200);
    }
    assertThat(m365.stats().peakConcurrency(ROOM)).isEqualTo(4);
    assertThat(m365.stats().limitViolations()).isZero();
  }

  @Test
  void theRequestBudgetRollsOverTheWindow() {
    String path = user(ROOM) + "/calendar";
    for (int i = 0; i < 5; i++) {
      assertThat(f.http.get(path, f.token).status()).isEqualTo(200);
    }
    clock.advance(Duration.ofSeconds(4));

    Http.Reply sixth = f.http.get(path, f.token);
    assertThat(sixth.status()).isEqualTo(429);
    assertThat(sixth.header("Retry-After")).isEqualTo("6");
    assertThat(f.http.get(user(ROOM2) + "/calendar", f.token).status()).isEqualTo(200);

    Http.Reply impatient = f.http.get(path, f.token);
    assertThat(impatient.status()).isEqualTo(429);
    assertThat(m365.stats().retryAfterIgnored(ROOM)).isEqualTo(1);

    clock.advance(Duration.ofSeconds(6));
    assertThat(f.http.get(path, f.token).status()).isEqualTo(200);
    assertThat(m365.stats().limitViolations(ROOM)).isEqualTo(2);
    assertThat(m365.stats().throttledResponses(ROOM)).isEqualTo(2);
  }

  @Test
  void budgetsArePerApp() {
    FakeApp other = m365.registerApp();
    f.tenant.grantAdminConsent(other.clientId());
    String otherToken = f.http.token(f.tenant, other);
    String path = user(ROOM) + "/calendar";
    for (int i = 0; i < 5; i++) {
      f.http.get(path, f.token);
    }

    assertThat(f.http.get(path, f.token).status()).isEqualTo(429);
    assertThat(f.http.get(path, otherToken).status()).isEqualTo(200);
  }

  @Test
  void throttledMailboxesAnswer429UntilThePeriodEnds() {
    m365.faults().throttleMailbox(ROOM, Duration.ofSeconds(30));

    Http.Reply r = f.http.get(user(ROOM) + "/calendar", f.token);
    assertThat(r.status()).isEqualTo(429);
    assertThat(r.header("Retry-After")).isEqualTo("30");
    assertThat(f.http.get(user(ROOM2) + "/calendar", f.token).status()).isEqualTo(200);

    clock.advance(Duration.ofSeconds(20));
    assertThat(f.http.get(user(ROOM) + "/calendar", f.token).header("Retry-After"))
        .isEqualTo("10");
    clock.advance(Duration.ofSeconds(11));
    assertThat(f.http.get(user(ROOM) + "/calendar", f.token).status()).isEqualTo(200);
    assertThat(m365.stats().limitViolations()).isZero();
    assertThat(m365.stats().throttledResponses(ROOM)).isEqualTo(2);
  }

  @Test
  void resetStatsZeroesTheCounters() {
    f.http.get(user(ROOM) + "/calendar", f.token);
    assertThat(m365.stats().totalRequests()).isGreaterThan(0);

    m365.resetStats();

    assertThat(m365.stats().totalRequests()).isZero();
    assertThat(m365.stats().requests(ROOM)).isZero();
  }
}
