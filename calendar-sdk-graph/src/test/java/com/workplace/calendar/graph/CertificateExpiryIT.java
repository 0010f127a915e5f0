package com.workplace.calendar.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.TestCertificate;
import com.workplace.calendar.testkit.TestClock;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A certificate close to its expiry is reported to the event listener and in the log while the
 * service keeps working, once a day, until a renewed certificate replaces it.
 */
@ExtendWith(SecretsInLogsExtension.class)
class CertificateExpiryIT {
  private static final char[] PASSWORD = "expiry-store-password".toCharArray();
  private static FakeMicrosoft365 m365;

  @TempDir Path dir;

  @BeforeAll
  static void startFake() {
    m365 = FakeMicrosoft365.builder().build().start();
    SecretsInLogsExtension.watch(new String(PASSWORD));
  }

  @AfterAll
  static void stopFake() {
    m365.close();
  }

  /** What a metrics binder or a health check would keep. */
  private static final class ExpiryEvents implements GraphEventListener {
    final List<CredentialExpiry> expiring = new CopyOnWriteArrayList<>();
    final List<CredentialExpiry> renewed = new CopyOnWriteArrayList<>();

    @Override
    public void credentialExpiring(CredentialExpiry expiry) {
      expiring.add(expiry);
    }

    @Override
    public void credentialRenewed(CredentialExpiry expiry) {
      renewed.add(expiry);
    }
  }

  @Test
  void aCertificateExpiringInTenDaysIsReportedOnceADayAndItsRenewalOnce() {
    CredentialTestSupport world = new CredentialTestSupport(m365, "expiring");
    TestClock clock = TestClock.startingAt(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    Instant notAfter = clock.instant().plus(Duration.ofDays(10));
    TestCertificate expiring =
        TestCertificate.generate("booking-expiring", notAfter.minus(Duration.ofDays(365)), notAfter);
    CredentialTestSupport.watchKey(expiring);
    world.app.registerCertificate(expiring.certificate());
    Path store = expiring.writePkcs12(dir.resolve("app.p12"), PASSWORD);
    ExpiryEvents events = new ExpiryEvents();
    String log;

    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(new Both(original, captured), true, StandardCharsets.UTF_8));
    try (CalendarService service = world.service(b -> b
        .clientCertificate(ClientCertificateSource.fromPkcs12(store, PASSWORD))
        .eventListener(events)
        .clock(clock))) {
      assertThat(events.expiring).as("reported when the service starts").hasSize(1);
      CredentialExpiry first = events.expiring.get(0);
      assertThat(first.remaining()).isEqualTo(Duration.ofDays(10));
      assertThat(first.expired()).isFalse();
      assertThat(first.subject()).isEqualTo("CN=booking-expiring");
      assertThat(first.thumbprint()).matches("[0-9A-F]{40}");

      world.verifiesAndBooks(service); // it still works, and token requests look again
      assertThat(events.expiring).as("not again on the same day").hasSize(1);

      clock.advance(Duration.ofDays(1));
      assertThat(service.tenants().verify(world.tenantId).verified()).isTrue();
      assertThat(events.expiring).hasSize(2);
      assertThat(events.expiring.get(1).remaining()).isEqualTo(Duration.ofDays(9));

      TestCertificate renewed = TestCertificate.generate("booking-renewed", Duration.ofDays(730));
      CredentialTestSupport.watchKey(renewed);
      world.app.registerCertificate(renewed.certificate());
      renewed.writePkcs12(store, PASSWORD);
      assertThat(service.tenants().verify(world.tenantId).verified()).isTrue();
      assertThat(events.renewed).singleElement()
          .satisfies(e -> assertThat(e.subject()).isEqualTo("CN=booking-renewed"));
      assertThat(events.expiring).hasSize(2);
    } finally {
      System.setErr(original);
      log = captured.toString(StandardCharsets.UTF_8);
    }
    assertThat(log.lines().filter(l -> l.contains("CN=booking-expiring") && l.contains("expires at")))
        .as("a log warning each day it was reported").hasSize(2)
        .allMatch(l -> l.contains("WARN") && l.contains("upload a new certificate to the app registration"));
  }

  /** Writes to the console and to a buffer. */
  private static final class Both extends OutputStream {
    private final OutputStream console;
    private final ByteArrayOutputStream buffer;

    Both(OutputStream console, ByteArrayOutputStream buffer) {
      this.console = console;
      this.buffer = buffer;
    }

    @Override
    public synchronized void write(int b) {
      buffer.write(b);
      try {
        console.write(b);
      } catch (java.io.IOException e) {
        // the buffer still has it
      }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      buffer.write(b, off, len);
      try {
        console.write(b, off, len);
      } catch (java.io.IOException e) {
        // the buffer still has it
      }
    }
  }
}
