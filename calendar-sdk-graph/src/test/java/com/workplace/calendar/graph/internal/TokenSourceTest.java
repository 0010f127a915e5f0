package com.workplace.calendar.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.tenant.TenantFailureReason;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.testkit.TestClock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The token keeping that both token paths (msal4j and the host's provider) share. */
class TokenSourceTest {
  private static final TenantId TENANT = TenantId.parse("contoso.onmicrosoft.com");

  private final TestClock clock = TestClock.startingNow();

  /** Answers from a script: a token valid for the given time, or a failure. */
  private final class Scripted implements TokenIssuer {
    final Deque<Object> answers = new ArrayDeque<>();
    final List<Boolean> asked = new ArrayList<>();

    @Override
    public BearerToken issue(TenantId tenant, boolean fresh) {
      asked.add(fresh);
      Object next = answers.removeFirst();
      if (next instanceof TokenException e) {
        throw e;
      }
      return new BearerToken("token-" + asked.size(), "guid", Set.of(), clock.instant().plus((Duration) next));
    }
  }

  @Test
  void keepsATokenUntilFiveMinutesBeforeItExpires() {
    Scripted issuer = new Scripted();
    issuer.answers.add(Duration.ofMinutes(60));
    issuer.answers.add(Duration.ofMinutes(60));
    TokenSource source = new TokenSource(issuer, clock);

    BearerToken first = source.token(TENANT, false);
    clock.advance(Duration.ofMinutes(54));
    assertThat(source.token(TENANT, false)).isSameAs(first);
    clock.advance(Duration.ofMinutes(1).plusSeconds(1));
    assertThat(source.token(TENANT, false).value()).isEqualTo("token-2");
    assertThat(issuer.asked).containsExactly(false, false);
  }

  @Test
  void aForcedRefreshAsksForAFreshToken() {
    Scripted issuer = new Scripted();
    issuer.answers.add(Duration.ofMinutes(60));
    issuer.answers.add(Duration.ofMinutes(60));
    TokenSource source = new TokenSource(issuer, clock);

    source.token(TENANT, false);
    assertThat(source.token(TENANT, true).value()).isEqualTo("token-2");
    assertThat(issuer.asked).containsExactly(false, true);
  }

  @Test
  void aTransientFailureAheadOfExpiryKeepsTheCurrentTokenAndAPermanentOneDropsIt() {
    Scripted issuer = new Scripted();
    issuer.answers.add(Duration.ofMinutes(60));
    issuer.answers.add(failure(true));
    issuer.answers.add(failure(false));
    TokenSource source = new TokenSource(issuer, clock);
    BearerToken first = source.token(TENANT, false);
    clock.advance(Duration.ofMinutes(57));

    assertThat(source.token(TENANT, false)).as("outage: the old token still has 3 minutes").isSameAs(first);
    assertThatThrownBy(() -> source.token(TENANT, false)).isInstanceOf(TokenException.class);
    issuer.answers.add(failure(true));
    assertThatThrownBy(() -> source.token(TENANT, false))
        .as("the dropped token is not served again").isInstanceOf(TokenException.class);
  }

  @Test
  void oneThreadAsksPerTenantAndTheOthersGetItsToken() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    TokenIssuer slow = (tenant, fresh) -> {
      calls.incrementAndGet();
      inside.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new BearerToken("only", "guid", Set.of(), clock.instant().plus(Duration.ofHours(1)));
    };
    TokenSource source = new TokenSource(slow, clock);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<BearerToken>> answers = new ArrayList<>();
      answers.add(threads.submit(() -> source.token(TENANT, false)));
      assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < 3; i++) {
        answers.add(threads.submit(() -> source.token(TENANT, false)));
      }
      release.countDown();
      for (Future<BearerToken> answer : answers) {
        assertThat(answer.get(10, TimeUnit.SECONDS).value()).isEqualTo("only");
      }
      assertThat(calls).hasValue(1);
    } finally {
      threads.shutdownNow();
    }
  }

  private static TokenException failure(boolean retryable) {
    return new TokenException("refused", 0, null,
        retryable ? TenantFailureReason.SERVICE_UNAVAILABLE : TenantFailureReason.APP_NOT_CONSENTED,
        retryable, null);
  }
}
