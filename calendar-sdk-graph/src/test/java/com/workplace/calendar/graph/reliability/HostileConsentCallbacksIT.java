package com.workplace.calendar.graph.reliability;

import static com.workplace.calendar.graph.reliability.HostileCalls.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.graph.GraphTestSupport;
import com.workplace.calendar.graph.SecretsInLogsExtension;
import com.workplace.calendar.store.InMemoryCalendarStore;
import com.workplace.calendar.tenant.ConsentCallback;
import com.workplace.calendar.tenant.ConsentRequest;
import com.workplace.calendar.tenant.InvalidConsentStateException;
import com.workplace.calendar.tenant.Tenant;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.tenant.TenantStatus;
import com.workplace.calendar.tenant.VerificationResult;
import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeMicrosoft365Extension;
import com.workplace.calendar.testkit.FakeTenant;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Consent callbacks that lie: forged, replayed, or naming another tenant than the one being
 * authorized. Each is refused with a typed error that does not repeat the {@code state}, neither
 * the store nor the calendars change, and the administrator's genuine callback still works.
 */
@ExtendWith(SecretsInLogsExtension.class)
@Timeout(120)
class HostileConsentCallbacksIT {
  @RegisterExtension
  static final FakeMicrosoft365Extension FAKE = FakeMicrosoft365Extension.newInstance().build();

  private static String query(String... pairs) {
    StringBuilder q = new StringBuilder();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      q.append(q.length() == 0 ? "" : "&").append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return q.toString();
  }

  @Test
  void forgedConsentCallbacksAreRefusedAndChangeNothing(FakeMicrosoft365 m365) {
    WriteCountingStore counting = new WriteCountingStore(InMemoryCalendarStore.create());
    FakeApp app = GraphTestSupport.app(m365);
    FakeTenant contoso = m365.tenant(GraphTestSupport.uniqueDomain("forged"));
    contoso.addRoom("room@" + contoso.domain(), "Room");
    FakeTenant other = m365.tenant(GraphTestSupport.uniqueDomain("elsewhere"));
    TenantId byGuid = TenantId.parse(contoso.id());
    try (CalendarService service = GraphTestSupport.service(m365, app, b -> b.store(counting.store));
        CalendarService anotherInstance = GraphTestSupport.service(m365, app, b -> {})) {
      ConsentRequest request = service.tenants().begin(byGuid);
      ConsentCallback real = GraphTestSupport.consent(m365, request);
      String state = real.state().orElseThrow();
      String foreign = anotherInstance.tenants().begin(byGuid).state();
      SecretsInLogsExtension.watch(foreign);
      String guid = contoso.id();
      counting.drain();
      WorldSnapshot before = WorldSnapshot.take(m365, counting.store, List.of(contoso, other), List.of());

      Map<String, ThrowingCallable> forgeries = new LinkedHashMap<>();
      forgeries.put("an unknown state", () -> service.tenants().complete(ConsentCallback.fromQuery(
          query("admin_consent", "True", "tenant", guid, "state", "Xq" + state.substring(2)))));
      forgeries.put("no state", () -> service.tenants().complete(ConsentCallback.fromQuery(query("admin_consent", "True", "tenant", guid))));
      forgeries.put("an empty state", () -> service.tenants().complete(ConsentCallback.fromQuery("admin_consent=True&state=&tenant=" + guid)));
      forgeries.put("a state in other letter case", () -> service.tenants().complete(ConsentCallback.fromQuery(
          query("admin_consent", "True", "tenant", guid, "state", state.toUpperCase(java.util.Locale.ROOT)))));
      forgeries.put("a state with a suffix", () -> service.tenants().complete(ConsentCallback.fromQuery(
          query("admin_consent", "True", "tenant", guid, "state", state + "x"))));
      forgeries.put("a state of 600 characters", () -> service.tenants().complete(ConsentCallback.fromQuery(
          query("admin_consent", "True", "tenant", guid, "state", state.repeat(20).substring(0, 600)))));
      forgeries.put("another instance's state", () -> service.tenants().complete(ConsentCallback.fromQuery(
          query("admin_consent", "True", "tenant", guid, "state", foreign))));
      forgeries.put("the state with another tenant", () -> service.tenants().complete(ConsentCallback.fromQuery(
          query("admin_consent", "True", "tenant", other.id(), "state", state))));
      forgeries.put("the state with a tenant that is no GUID", () -> service.tenants().complete(ConsentCallback.fromQuery(
          query("admin_consent", "True", "tenant", "../../" + guid, "state", state))));
      forgeries.put("a query that is not URL-encoded", () -> service.tenants().complete(ConsentCallback.fromQuery("admin_consent=True&state=%zz" + state)));
      forgeries.put("a query over the length limit", () -> service.tenants().complete(ConsentCallback.fromQuery(
          query("admin_consent", "True", "state", state, "pad", "p".repeat(ConsentCallback.MAX_QUERY_LENGTH)))));
      forgeries.put("no query at all", () -> service.tenants().complete(ConsentCallback.fromQuery(null)));

      forgeries.forEach((what, forgery) ->
          assertThat(refused(what, forgery))
              .as(what)
              .isInstanceOfAny(InvalidConsentStateException.class, IllegalArgumentException.class)
              .hasMessageNotContaining(state)
              .hasMessageNotContaining(foreign));

      assertThat(WorldSnapshot.take(m365, counting.store, List.of(contoso, other), List.of())).isEqualTo(before);
      assertThat(counting.drain()).as("store writes").isEmpty();
      assertThat(service.tenants().complete(real).verified()).as("the real callback still works").isTrue();
    }
  }

  @Test
  void aReplayedCallbackIsRefusedByEveryInstanceAndChangesNothing(FakeMicrosoft365 m365) {
    WriteCountingStore counting = new WriteCountingStore(InMemoryCalendarStore.create());
    FakeApp app = GraphTestSupport.app(m365);
    FakeTenant contoso = m365.tenant(GraphTestSupport.uniqueDomain("replayed"));
    contoso.addRoom("room@" + contoso.domain(), "Room");
    TenantId tenantId = TenantId.parse(contoso.domain());
    try (CalendarService first = GraphTestSupport.service(m365, app, b -> b.store(counting.store));
        CalendarService second = GraphTestSupport.service(m365, app, b -> b.store(counting.store))) {
      ConsentCallback callback = GraphTestSupport.consent(m365, first.tenants().begin(tenantId));
      assertThat(first.tenants().complete(callback).verified()).isTrue();
      counting.drain();
      WorldSnapshot before = WorldSnapshot.take(m365, counting.store, List.of(contoso), List.of());

      for (CalendarService instance : List.of(first, second, first)) {
        assertThatThrownBy(() -> instance.tenants().complete(callback))
            .isInstanceOf(InvalidConsentStateException.class)
            .hasMessageContaining("already used");
      }

      assertThat(WorldSnapshot.take(m365, counting.store, List.of(contoso), List.of())).isEqualTo(before);
      assertThat(counting.drain()).isEmpty();
      assertThat(first.tenants().get(tenantId).orElseThrow().status()).isEqualTo(TenantStatus.VERIFIED);
    }
  }

  /**
   * A callback naming another tenant than the one being authorized is refused before its state is
   * used, whether the tenant was begun by domain (its GUID is looked up when consent begins) or by
   * GUID: the tenant's record stays as it was, and the administrator's genuine callback, with the
   * same state, still ends "Account Verified".
   */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aCallbackNamingAnotherTenantIsRefusedBeforeItsStateIsUsed(boolean byDomain, FakeMicrosoft365 m365) {
    FakeApp app = GraphTestSupport.app(m365);
    FakeTenant contoso = m365.tenant(GraphTestSupport.uniqueDomain("swap"));
    contoso.addRoom("room@" + contoso.domain(), "Room");
    FakeTenant other = m365.tenant(GraphTestSupport.uniqueDomain("intruder"));
    TenantId tenantId = TenantId.parse(byDomain ? contoso.domain() : contoso.id());
    try (CalendarService service = GraphTestSupport.service(m365, app, b -> {})) {
      ConsentCallback real = GraphTestSupport.consent(m365, service.tenants().begin(tenantId));
      Tenant before = service.tenants().get(tenantId).orElseThrow();
      if (byDomain) {
        assertThat(before.directoryId()).contains(contoso.id());
      }
      ConsentCallback swapped =
          ConsentCallback.fromQuery(
              query("admin_consent", "True", "tenant", other.id(), "state", real.state().orElseThrow()));

      assertThatThrownBy(() -> service.tenants().complete(swapped))
          .isInstanceOf(InvalidConsentStateException.class)
          .hasMessageContaining("another tenant");

      assertThat(service.tenants().get(tenantId)).contains(before);
      VerificationResult genuine = service.tenants().complete(real);
      assertThat(genuine.verified()).isTrue();
      assertThat(service.tenants().get(tenantId).orElseThrow().directoryId()).contains(contoso.id());
    }
  }
}
