package com.workplace.calendar.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.booking.Booking;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.tenant.ConsentRequest;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.tenant.VerificationResult;
import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeTenant;
import com.workplace.calendar.testkit.TestCertificate;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One tenant with one room and an app registered in the fake, for trying a credential form: build a
 * service with only the credential chosen, authorize, verify, book.
 */
final class CredentialTestSupport {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  final FakeMicrosoft365 m365;
  final FakeApp app;
  final FakeTenant fake;
  final TenantId tenantId;
  final String room;

  CredentialTestSupport(FakeMicrosoft365 m365, String name) {
    this.m365 = m365;
    this.app = GraphTestSupport.app(m365);
    this.fake = m365.tenant(GraphTestSupport.uniqueDomain(name));
    this.tenantId = TenantId.parse(fake.domain());
    this.room = "orchard@" + fake.domain();
    fake.addRoom(room, "Orchard");
  }

  CalendarService service(Consumer<GraphCalendarServiceBuilder> credential) {
    GraphCalendarServiceBuilder builder = GraphTestSupport.builderWithoutCredential(m365, app);
    credential.accept(builder);
    return builder.build();
  }

  /** Walks the admin consent and returns the verification. */
  VerificationResult authorize(CalendarService service) {
    ConsentRequest request = service.tenants().begin(tenantId);
    return service.tenants().complete(GraphTestSupport.consent(m365, request));
  }

  /** Authorizes, checks "Account Verified", registers the room and books it. */
  Booking verifiesAndBooks(CalendarService service) {
    VerificationResult result = authorize(service);
    assertThat(result.verified()).as(result.message()).isTrue();
    service.calendars().add(tenantId, room);
    assertThat(service.calendars().connect(tenantId).connected()).isEqualTo(1);
    return book(service, "first");
  }

  private final java.util.concurrent.atomic.AtomicInteger slots =
      new java.util.concurrent.atomic.AtomicInteger();

  Booking book(CalendarService service, String key) {
    // each booking its own slot: the SDK refuses a second booking of a taken one
    Instant start =
        Instant.now()
            .plus(1, ChronoUnit.DAYS)
            .truncatedTo(ChronoUnit.HOURS)
            .plus(Duration.ofHours(slots.getAndIncrement()));
    Booking booking =
        service.bookings().create(
            BookingRequest.builder(tenantId, key)
                .room(room)
                .subject("Planning " + key)
                .time(start, start.plus(Duration.ofMinutes(30)))
                .booker("alex@" + fake.domain(), "Alex Wilber")
                .build());
    assertThat(fake.events(room)).anyMatch(e -> e.id().equals(booking.eventId()));
    return booking;
  }

  /** Registers a key's beginning with the log scan: a PEM or key store dump would show it. */
  static void watchKey(TestCertificate certificate) {
    String encoded = Base64.getEncoder().encodeToString(certificate.privateKey().getEncoded());
    SecretsInLogsExtension.watch(encoded.substring(0, 48));
    SecretsInLogsExtension.watch(encoded.substring(encoded.length() - 48));
  }

  /**
   * Signs a client assertion with a certificate, as a host's HSM would: RS256, header {@code
   * x5t#S256}.
   */
  static String assertion(TestCertificate certificate, String clientId, String audience, long lifetimeSeconds, String jti) {
    long now = Instant.now().getEpochSecond();
    String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"x5t#S256\":\"" + thumbprint(certificate) + "\"}";
    String claims = "{\"aud\":\"" + audience + "\",\"iss\":\"" + clientId + "\",\"sub\":\"" + clientId
        + "\",\"jti\":\"" + jti + "\",\"nbf\":" + Math.min(now, now + lifetimeSeconds - 60)
        + ",\"exp\":" + (now + lifetimeSeconds) + "}";
    String input = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
        + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    try {
      Signature signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(certificate.privateKey());
      signer.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + B64.encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String assertion(TestCertificate certificate, String clientId, String audience) {
    return assertion(certificate, clientId, audience, 600, UUID.randomUUID().toString());
  }

  private static String thumbprint(TestCertificate certificate) {
    try {
      return B64.encodeToString(
          MessageDigest.getInstance("SHA-256").digest(certificate.certificate().getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
