package com.workplace.calendar.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.graph.ClientCertificate;
import com.workplace.calendar.graph.CredentialExpiry;
import com.workplace.calendar.graph.GraphEventListener;
import com.workplace.calendar.testkit.TestCertificate;
import com.workplace.calendar.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Expiring certificates are reported when first seen, then once a day, and their renewal once. */
class CredentialExpiryWatchTest {
  private final TestClock clock = TestClock.startingAt(Instant.parse("2030-03-01T08:00:00Z"));
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final GraphEventListener listener = new GraphEventListener() {
    @Override
    public void credentialExpiring(CredentialExpiry expiry) {
      events.add((expiry.expired() ? "expired " : "expiring ") + expiry.remaining().toDays());
    }

    @Override
    public void credentialRenewed(CredentialExpiry expiry) {
      events.add("renewed " + expiry.remaining().toDays());
    }
  };
  private final CredentialExpiryWatch watch =
      new CredentialExpiryWatch(Duration.ofDays(30), clock, listener);

  @Test
  void anExpiringCertificateIsReportedOnceADayUntilItIsReplaced() {
    ClientCertificate expiring = certificate(Duration.ofDays(10));

    CredentialExpiry first = watch.check(expiring);
    watch.check(expiring);
    clock.advance(Duration.ofHours(23));
    watch.check(expiring);
    assertThat(events).containsExactly("expiring 10");
    assertThat(first.thumbprint()).isEqualTo(expiring.thumbprint()).matches("[0-9A-F]{40}");
    assertThat(first.subject()).isEqualTo("CN=app");

    clock.advance(Duration.ofHours(1));
    watch.check(expiring);
    assertThat(events).containsExactly("expiring 10", "expiring 9");

    watch.check(certificate(Duration.ofDays(365)));
    watch.check(certificate(Duration.ofDays(365)));
    assertThat(events).containsExactly("expiring 10", "expiring 9", "renewed 365");
  }

  @Test
  void aCertificateOutsideTheWindowIsNotReportedAndAnExpiredOneSaysSo() {
    watch.check(certificate(Duration.ofDays(31)));
    assertThat(events).isEmpty();

    ClientCertificate expired = certificate(Duration.ofDays(-2));
    CredentialExpiry expiry = watch.check(expired);
    assertThat(expiry.expired()).isTrue();
    assertThat(events).containsExactly("expired -2");
  }

  @Test
  void aListenerThatThrowsDoesNotStopTheCheck() {
    CredentialExpiryWatch failing = new CredentialExpiryWatch(Duration.ofDays(30), clock,
        new GraphEventListener() {
          @Override
          public void credentialExpiring(CredentialExpiry expiry) {
            throw new IllegalStateException("listener bug");
          }
        });
    assertThat(failing.check(certificate(Duration.ofDays(3))).remaining()).isEqualTo(Duration.ofDays(3));
  }

  private ClientCertificate certificate(Duration left) {
    Instant notAfter = clock.instant().plus(left);
    TestCertificate generated =
        TestCertificate.generate("app", notAfter.minus(Duration.ofDays(400)), notAfter);
    return new ClientCertificate(generated.privateKey(), List.of(generated.certificate()));
  }
}
