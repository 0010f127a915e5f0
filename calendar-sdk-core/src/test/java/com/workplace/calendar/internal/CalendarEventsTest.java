package com.workplace.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.CalendarEventListener;
import com.workplace.calendar.registry.CalendarFailureReason;
import com.workplace.calendar.spi.TenantAccess;
import com.workplace.calendar.store.InMemoryCalendarStore;
import com.workplace.calendar.sync.NotificationRejection;
import com.workplace.calendar.tenant.ConsentCallback;
import com.workplace.calendar.tenant.ConsentRequest;
import com.workplace.calendar.tenant.InvalidConsentStateException;
import com.workplace.calendar.tenant.Tenant;
import com.workplace.calendar.tenant.TenantFailureReason;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.tenant.TenantStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The registry and the authorizer tell the core listener what happened, and only that. */
class CalendarEventsTest {
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  private static final TenantId CONTOSO = TenantId.parse("contoso.onmicrosoft.com");
  private static final String GUID = "72f988bf-86f1-41af-91ab-2d7cd011db47";

  private final MutableClock clock = new MutableClock(NOW);
  private InMemoryCalendarStore store;
  private ScriptedProvider provider;
  private RecordingEvents events;

  @BeforeEach
  void setUp() {
    store = InMemoryCalendarStore.create(clock);
    provider = new ScriptedProvider();
    events = new RecordingEvents();
  }

  private DefaultTenantAuthorizer authorizer() {
    return new DefaultTenantAuthorizer(
        store, provider, clock, Duration.ofMinutes(15), Duration.ZERO, d -> {},
        new TenantStatusCache(store, Duration.ZERO), events);
  }

  private static ConsentCallback callback(String state, String tenant) {
    return ConsentCallback.fromQuery(
        "admin_consent=True&tenant=" + tenant + "&state="
            + URLEncoder.encode(state, StandardCharsets.UTF_8));
  }

  @Test
  void connectReportsReachTheListenerWithEveryOutcome() {
    store.insertTenant(Tenant.pending(CONTOSO, NOW).withStatus(TenantStatus.VERIFIED, NOW));
    DefaultCalendarRegistry registry = new DefaultCalendarRegistry(store, provider, clock, events);
    registry.addAll(
        CONTOSO, List.of("a@contoso.onmicrosoft.com", "b@contoso.onmicrosoft.com", "c@contoso.onmicrosoft.com"));
    provider.failures.put("b@contoso.onmicrosoft.com", CalendarFailureReason.ACCESS_DENIED_BY_POLICY);

    registry.connect(CONTOSO);

    assertThat(events.lines).containsExactly("connect 2/3");
    assertThat(events.reports.get(0).failuresByReason())
        .containsOnlyKeys(CalendarFailureReason.ACCESS_DENIED_BY_POLICY);
  }

  @Test
  void consentOutcomesAndEveryRefusedCallbackAreReported() {
    provider.accessAnswers.add(TenantAccess.granted(GUID, Set.of("Calendars.ReadWrite")));
    DefaultTenantAuthorizer authorizer = authorizer();
    TenantId byGuid = TenantId.parse(GUID);

    assertThatThrownBy(() -> authorizer.complete(ConsentCallback.fromQuery("admin_consent=True")))
        .isInstanceOf(InvalidConsentStateException.class);
    assertThatThrownBy(() -> authorizer.complete(callback("forged", GUID)))
        .isInstanceOf(InvalidConsentStateException.class);
    ConsentRequest request = authorizer.begin(byGuid);
    assertThatThrownBy(
            () -> authorizer.complete(callback(request.state(), "11111111-2222-3333-4444-555555555555")))
        .isInstanceOf(InvalidConsentStateException.class);
    authorizer.complete(callback(request.state(), GUID));
    assertThatThrownBy(() -> authorizer.complete(callback(request.state(), GUID)))
        .isInstanceOf(InvalidConsentStateException.class);
    ConsentRequest late = authorizer.begin(byGuid);
    clock.advance(Duration.ofMinutes(16));
    assertThatThrownBy(() -> authorizer.complete(callback(late.state(), GUID)))
        .isInstanceOf(InvalidConsentStateException.class);

    assertThat(events.lines)
        .containsExactly(
            "consent rejected MISSING_STATE",
            "consent rejected UNKNOWN_STATE",
            "consent rejected TENANT_MISMATCH",
            "consent CONSENTED",
            "consent rejected USED_STATE",
            "consent rejected EXPIRED_STATE");
  }

  @Test
  void aRevokedConsentShowsInTheVerification() {
    store.insertTenant(Tenant.pending(CONTOSO, NOW).withStatus(TenantStatus.VERIFIED, NOW));
    provider.accessAnswers.add(
        TenantAccess.denied(TenantFailureReason.APP_NOT_CONSENTED, "AADSTS7000229", false));

    authorizer().verify(CONTOSO, "orchard@contoso.onmicrosoft.com");

    assertThat(events.lines).containsExactly("verified REVOKED");
  }

  @Test
  void aCompositeTellsEveryListenerEvenWhenOneThrows() {
    AtomicInteger throwing = new AtomicInteger();
    CalendarEventListener broken =
        new CalendarEventListener() {
          @Override
          public void notificationRejected(NotificationRejection reason) {
            throwing.incrementAndGet();
            throw new IllegalStateException("broken listener");
          }
        };
    RecordingEvents second = new RecordingEvents();
    CalendarEventListener both = CalendarEventListener.composite(broken, events, second);

    both.notificationRejected(NotificationRejection.EMPTY_BODY);
    both.notificationRejected(NotificationRejection.EMPTY_BODY);

    assertThat(throwing).hasValue(2);
    assertThat(events.lines).containsExactly("rejected EMPTY_BODY", "rejected EMPTY_BODY");
    assertThat(second.lines).isEqualTo(events.lines);
    assertThat(CalendarEventListener.composite(List.of())).isSameAs(CalendarEventListener.NONE);
    assertThat(CalendarEventListener.composite(CalendarEventListener.NONE))
        .isSameAs(CalendarEventListener.NONE);
  }
}
