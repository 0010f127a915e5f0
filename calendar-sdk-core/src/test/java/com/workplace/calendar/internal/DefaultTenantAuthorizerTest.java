package com.workplace.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.spi.TenantAccess;
import com.workplace.calendar.store.InMemoryCalendarStore;
import com.workplace.calendar.tenant.ConsentCallback;
import com.workplace.calendar.tenant.ConsentRequest;
import com.workplace.calendar.tenant.InvalidConsentStateException;
import com.workplace.calendar.tenant.TenantFailureReason;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.tenant.TenantStatus;
import com.workplace.calendar.tenant.VerificationResult;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DefaultTenantAuthorizerTest {
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  private static final TenantId CONTOSO = TenantId.parse("contoso.onmicrosoft.com");
  private static final String GUID = "72f988bf-86f1-41af-91ab-2d7cd011db47";

  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private InMemoryCalendarStore store;
  private ScriptedProvider provider;

  @BeforeEach
  void setUp() {
    store = InMemoryCalendarStore.create(clock);
    provider = new ScriptedProvider();
  }

  private DefaultTenantAuthorizer authorizer(Duration verificationBudget) {
    return new DefaultTenantAuthorizer(
        store,
        provider,
        clock,
        Duration.ofMinutes(15),
        verificationBudget,
        waits::add,
        new TenantStatusCache(store, Duration.ZERO));
  }

  private static ConsentCallback callback(ConsentRequest request) {
    return ConsentCallback.fromQuery(
        "admin_consent=True&tenant=" + GUID + "&state="
            + URLEncoder.encode(request.state(), StandardCharsets.UTF_8));
  }

  @Test
  void aNewConsentThatIsStillPropagatingIsRetriedWithGrowingWaits() {
    store.insertTenant(com.workplace.calendar.tenant.Tenant.pending(CONTOSO, NOW));
    store.insertCalendar(RoomCalendar.added(CONTOSO, "orchard@contoso.onmicrosoft.com", null, NOW));
    provider.accessAnswers.add(TenantAccess.denied(TenantFailureReason.APP_NOT_CONSENTED, "AADSTS7000229", true));
    provider.accessAnswers.add(TenantAccess.denied(TenantFailureReason.APP_NOT_CONSENTED, "AADSTS7000229", true));
    provider.accessAnswers.add(TenantAccess.granted(GUID, Set.of("Calendars.ReadWrite")));
    DefaultTenantAuthorizer authorizer = authorizer(Duration.ofMinutes(2));

    ConsentRequest request = authorizer.begin(CONTOSO);
    VerificationResult result = authorizer.complete(callback(request));

    assertThat(result.status()).isEqualTo(TenantStatus.VERIFIED);
    assertThat(result.message()).isEqualTo("Account Verified");
    assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(provider.accessProbes).containsOnly(Optional.of("orchard@contoso.onmicrosoft.com"));
    assertThat(store.findTenant(CONTOSO).orElseThrow().directoryId()).contains(GUID);
  }

  @Test
  void verificationProbesACalendarThatConnectedRatherThanOneThatFailed() {
    store.insertTenant(com.workplace.calendar.tenant.Tenant.pending(CONTOSO, NOW));
    RoomCalendar onPremises =
        store.insertCalendar(RoomCalendar.added(CONTOSO, "aaa-on-premises@contoso.onmicrosoft.com", null, NOW));
    store.updateCalendar(
        onPremises.failed(
            com.workplace.calendar.registry.CalendarFailureReason.NOT_IN_EXCHANGE_ONLINE, "HTTP 404", NOW));
    RoomCalendar orchard =
        store.insertCalendar(RoomCalendar.added(CONTOSO, "orchard@contoso.onmicrosoft.com", null, NOW));
    store.updateCalendar(orchard.connected(NOW));
    provider.accessAnswers.add(TenantAccess.granted(GUID, Set.of("Calendars.ReadWrite")));

    VerificationResult result = authorizer(Duration.ZERO).verify(CONTOSO);

    assertThat(provider.accessProbes).containsExactly(Optional.of("orchard@contoso.onmicrosoft.com"));
    assertThat(result.status()).isEqualTo(TenantStatus.VERIFIED);
  }

  @Test
  void retriesStopAtTheBoundAndNeverForPermanentFailures() {
    store.insertTenant(com.workplace.calendar.tenant.Tenant.pending(CONTOSO, NOW));
    provider.accessAnswers.add(TenantAccess.denied(TenantFailureReason.APP_NOT_CONSENTED, "AADSTS7000229", true));
    VerificationResult bounded = authorizer(Duration.ofSeconds(4)).verify(CONTOSO, "orchard@contoso.onmicrosoft.com");
    assertThat(bounded.failureReason()).contains(TenantFailureReason.APP_NOT_CONSENTED);
    assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));

    waits.clear();
    provider.accessAnswers.clear();
    provider.accessAnswers.add(TenantAccess.denied(TenantFailureReason.CLIENT_SECRET_EXPIRED, "AADSTS7000222", false));
    VerificationResult permanent = authorizer(Duration.ofMinutes(2)).verify(CONTOSO, "orchard@contoso.onmicrosoft.com");
    assertThat(permanent.failureReason()).contains(TenantFailureReason.CLIENT_SECRET_EXPIRED);
    assertThat(permanent.message()).contains("expired").contains("AADSTS7000222");
    assertThat(waits).isEmpty();
  }

  @Test
  void theStateIsSingleUseAndAnErrorIsRecordedAsDeclined() {
    DefaultTenantAuthorizer authorizer = authorizer(Duration.ZERO);
    ConsentRequest request = authorizer.begin(CONTOSO);
    assertThat(store.findConsentState(Hashing.sha256Hex(request.state()))).isPresent();
    ConsentCallback declined =
        ConsentCallback.fromQuery(
            "error=access_denied&error_description=AADSTS65004%3A+declined&state="
                + URLEncoder.encode(request.state(), StandardCharsets.UTF_8));

    VerificationResult result = authorizer.complete(declined);

    assertThat(result.failureReason()).contains(TenantFailureReason.CONSENT_DECLINED);
    assertThat(provider.accessProbes).as("a declined consent proves nothing").isEmpty();
    assertThatThrownBy(() -> authorizer.complete(declined))
        .isInstanceOf(InvalidConsentStateException.class)
        .hasMessageContaining("already used")
        .hasMessageNotContaining(request.state());
  }

  @Test
  void aServiceThatCannotBeReachedLeavesTheTenantAsItWas() {
    com.workplace.calendar.tenant.Tenant pending =
        store.insertTenant(com.workplace.calendar.tenant.Tenant.pending(CONTOSO, NOW));
    store.updateTenant(pending.withStatus(TenantStatus.VERIFIED, NOW));
    provider.accessAnswers.add(
        TenantAccess.denied(TenantFailureReason.SERVICE_UNAVAILABLE, "could not get a token (no route)", true));

    assertThatThrownBy(() -> authorizer(Duration.ofSeconds(4)).verify(CONTOSO, "orchard@contoso.onmicrosoft.com"))
        .isInstanceOfSatisfying(
            CalendarServiceException.class, e -> assertThat(e.statusCode()).as("no answer").isZero())
        .hasMessageContaining("could not be reached")
        .hasMessageContaining("no route");

    assertThat(waits).as("retried within its bound").containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(store.findTenant(CONTOSO).orElseThrow().status()).isEqualTo(TenantStatus.VERIFIED);
    assertThat(store.findTenant(CONTOSO).orElseThrow().failureReason()).isEmpty();
  }

  @Test
  void aConsentWhoseVerificationCannotReachTheServiceStaysConsented() {
    provider.accessAnswers.add(
        TenantAccess.denied(TenantFailureReason.SERVICE_UNAVAILABLE, "could not get a token (no route)", true));
    DefaultTenantAuthorizer authorizer = authorizer(Duration.ZERO);
    ConsentRequest request = authorizer.begin(CONTOSO);

    assertThatThrownBy(() -> authorizer.complete(callback(request))).isInstanceOf(CalendarServiceException.class);

    assertThat(store.findTenant(CONTOSO).orElseThrow().status()).isEqualTo(TenantStatus.CONSENTED);
  }
}
