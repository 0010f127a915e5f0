package com.workplace.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.DuplicateRecordException;
import com.workplace.calendar.PageRequest;
import com.workplace.calendar.ResourceNotFoundException;
import com.workplace.calendar.registry.AddOutcome;
import com.workplace.calendar.registry.BulkAddReport;
import com.workplace.calendar.registry.CalendarFailureReason;
import com.workplace.calendar.registry.CalendarQuery;
import com.workplace.calendar.registry.CalendarStatus;
import com.workplace.calendar.registry.ConnectReport;
import com.workplace.calendar.registry.DiscoveredRoom;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.space.SpaceLink;
import com.workplace.calendar.store.InMemoryCalendarStore;
import com.workplace.calendar.store.SubscriptionState;
import com.workplace.calendar.tenant.Tenant;
import com.workplace.calendar.tenant.TenantFailureReason;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.tenant.TenantStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DefaultCalendarRegistryTest {
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  private static final TenantId CONTOSO = TenantId.parse("contoso.onmicrosoft.com");

  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private InMemoryCalendarStore store;
  private ScriptedProvider provider;
  private DefaultCalendarRegistry registry;

  @BeforeEach
  void setUp() {
    store = InMemoryCalendarStore.create(clock);
    provider = new ScriptedProvider();
    registry = new DefaultCalendarRegistry(store, provider, clock);
    Tenant tenant = store.insertTenant(Tenant.pending(CONTOSO, NOW));
    store.updateTenant(tenant.withStatus(TenantStatus.VERIFIED, NOW));
  }

  @Test
  void everyCallRefusesANullTenant() {
    registry.add(CONTOSO, "orchard@contoso.onmicrosoft.com");
    assertThatThrownBy(() -> registry.get(null, "orchard@contoso.onmicrosoft.com"))
        .isInstanceOf(NullPointerException.class).hasMessage("tenantId");
    assertThatThrownBy(() -> registry.list(null, CalendarQuery.all()))
        .isInstanceOf(NullPointerException.class).hasMessage("tenantId");
    assertThatThrownBy(() -> registry.remove(null, "orchard@contoso.onmicrosoft.com"))
        .isInstanceOf(NullPointerException.class).hasMessage("tenantId");
    assertThat(registry.get(CONTOSO, "orchard@contoso.onmicrosoft.com")).isPresent();
  }

  @Test
  void addsANormalizedCalendar() {
    RoomCalendar added = registry.add(CONTOSO, " Orchard@Contoso.OnMicrosoft.com ");
    assertThat(added.email()).isEqualTo("orchard@contoso.onmicrosoft.com");
    assertThat(added.status()).isEqualTo(CalendarStatus.ADDED);
    assertThat(registry.get(CONTOSO, "ORCHARD@contoso.onmicrosoft.com")).contains(added);
  }

  @Test
  void addingTwiceIsRefusedAndInvalidInputChangesNothing() {
    registry.add(CONTOSO, "orchard@contoso.onmicrosoft.com");
    assertThatThrownBy(() -> registry.add(CONTOSO, "Orchard@contoso.onmicrosoft.com"))
        .isInstanceOf(DuplicateRecordException.class)
        .hasMessageContaining("already registered");
    assertThatThrownBy(() -> registry.add(CONTOSO, "not an address"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.countCalendars(CONTOSO)).isEqualTo(1);
  }

  @Test
  void unknownTenantsAreRefused() {
    TenantId unknown = TenantId.parse("fabrikam.com");
    assertThatThrownBy(() -> registry.add(unknown, "a@fabrikam.com"))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("authorize it first");
    assertThatThrownBy(() -> registry.connect(unknown)).isInstanceOf(ResourceNotFoundException.class);
    assertThat(store.countCalendars(unknown)).isZero();
  }

  @Test
  void bulkAddReportsEachAddressOnce() {
    registry.add(CONTOSO, "old@contoso.onmicrosoft.com");
    BulkAddReport report =
        registry.addAll(
            CONTOSO,
            List.of(
                "a@contoso.onmicrosoft.com",
                "A@contoso.onmicrosoft.com",
                "bad address",
                "old@contoso.onmicrosoft.com",
                "b@contoso.onmicrosoft.com"));
    assertThat(report.outcomes())
        .extracting(AddOutcome::result)
        .containsExactly(
            AddOutcome.Result.ADDED,
            AddOutcome.Result.DUPLICATE_IN_REQUEST,
            AddOutcome.Result.INVALID,
            AddOutcome.Result.ALREADY_REGISTERED,
            AddOutcome.Result.ADDED);
    assertThat(report.added()).isEqualTo(2);
    assertThat(report.outcomes().get(2).message().orElseThrow()).contains("no '@'");
    assertThat(store.countCalendars(CONTOSO)).isEqualTo(3);
  }

  @Test
  void listsWithStatusFilterAndPaging() {
    for (int i = 0; i < 7; i++) {
      registry.add(CONTOSO, "room" + i + "@contoso.onmicrosoft.com");
    }
    provider.failures.put("room3@contoso.onmicrosoft.com", CalendarFailureReason.MAILBOX_NOT_FOUND);
    registry.connect(CONTOSO);
    var failed = registry.list(CONTOSO, CalendarQuery.withStatus(CalendarStatus.FAILED));
    assertThat(failed.items()).extracting(RoomCalendar::email).containsExactly("room3@contoso.onmicrosoft.com");
    var firstPage = registry.list(CONTOSO, CalendarQuery.all().page(PageRequest.first(5)));
    assertThat(firstPage.items()).hasSize(5);
    var secondPage = registry.list(CONTOSO, CalendarQuery.all().page(PageRequest.first(5).next(firstPage)));
    assertThat(secondPage.items()).hasSize(2);
    assertThat(secondPage.hasNext()).isFalse();
  }

  @Test
  void connectRecordsEveryOutcomeWithItsReason() {
    List<String> emails = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      emails.add(String.format("room%04d@contoso.onmicrosoft.com", i));
    }
    registry.addAll(CONTOSO, emails);
    provider.failures.put("room0007@contoso.onmicrosoft.com", CalendarFailureReason.ACCESS_DENIED_BY_POLICY);
    provider.failures.put("room0300@contoso.onmicrosoft.com", CalendarFailureReason.MAILBOX_NOT_FOUND);

    ConnectReport report = registry.connect(CONTOSO);

    assertThat(report.attempted()).isEqualTo(1000);
    assertThat(report.connected()).isEqualTo(998);
    assertThat(report.failuresByReason())
        .isEqualTo(
            Map.of(
                CalendarFailureReason.ACCESS_DENIED_BY_POLICY, 1L,
                CalendarFailureReason.MAILBOX_NOT_FOUND, 1L));
    assertThat(provider.probeCalls).hasSize(2).allSatisfy(call -> assertThat(call.size()).isLessThanOrEqualTo(960));
    RoomCalendar denied = registry.get(CONTOSO, "room0007@contoso.onmicrosoft.com").orElseThrow();
    assertThat(denied.status()).isEqualTo(CalendarStatus.FAILED);
    assertThat(denied.failureReason()).contains(CalendarFailureReason.ACCESS_DENIED_BY_POLICY);
    assertThat(denied.checkedAt()).contains(NOW);
  }

  @Test
  void connectSkipsConnectedCalendarsAndRetriesFailedOnes() {
    registry.addAll(CONTOSO, List.of("a@contoso.onmicrosoft.com", "b@contoso.onmicrosoft.com"));
    provider.failures.put("b@contoso.onmicrosoft.com", CalendarFailureReason.THROTTLED_GIVE_UP);
    registry.connect(CONTOSO);
    provider.failures.clear();

    ConnectReport second = registry.connect(CONTOSO);

    assertThat(second.outcomes()).extracting(o -> o.email()).containsExactly("b@contoso.onmicrosoft.com");
    assertThat(registry.get(CONTOSO, "b@contoso.onmicrosoft.com").orElseThrow().status())
        .isEqualTo(CalendarStatus.CONNECTED);
  }

  @Test
  void connectWithoutAuthorizationFailsEveryCalendarWithoutCallingTheService() {
    Tenant tenant = store.findTenant(CONTOSO).orElseThrow();
    store.updateTenant(
        tenant.withFailure(TenantStatus.FAILED, TenantFailureReason.CLIENT_SECRET_EXPIRED, null, NOW));
    registry.add(CONTOSO, "a@contoso.onmicrosoft.com");

    ConnectReport report = registry.connect(CONTOSO);

    assertThat(report.failuresByReason()).isEqualTo(Map.of(CalendarFailureReason.TENANT_NOT_AUTHORIZED, 1L));
    assertThat(provider.probeCalls).isEmpty();
  }

  @Test
  void connectingNamedCalendarsRequiresThemRegistered() {
    registry.add(CONTOSO, "a@contoso.onmicrosoft.com");
    assertThatThrownBy(
            () -> registry.connect(CONTOSO, List.of("a@contoso.onmicrosoft.com", "zz@contoso.onmicrosoft.com")))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("zz@contoso.onmicrosoft.com");
    assertThat(provider.probeCalls).isEmpty();
    assertThat(registry.connect(CONTOSO, List.of("A@contoso.onmicrosoft.com")).connected()).isEqualTo(1);
  }

  @Test
  void removingACalendarUnlinksItAndDeletesItsSubscription() {
    registry.add(CONTOSO, "a@contoso.onmicrosoft.com");
    store.putSpaceLink(new SpaceLink(CONTOSO, SpaceId.of("S-1"), "a@contoso.onmicrosoft.com", NOW, 0), false);
    store.saveSubscription(
        new SubscriptionState(CONTOSO, "a@contoso.onmicrosoft.com", "sub-1", Hashing.sha256Hex("cs"), NOW, 0));

    assertThat(registry.remove(CONTOSO, "A@contoso.onmicrosoft.com")).isTrue();
    assertThat(registry.remove(CONTOSO, "a@contoso.onmicrosoft.com")).isFalse();

    assertThat(store.findSpaceLinkBySpace(CONTOSO, SpaceId.of("S-1"))).isEmpty();
    assertThat(provider.deletedSubscriptions).containsExactly("sub-1");
  }

  @Test
  void discoversRoomsSortedAndRegistersThemWithNames() {
    provider.rooms.add(
        new DiscoveredRoom("zeta@contoso.onmicrosoft.com", "Zeta", Optional.of(8), Optional.empty(), Optional.empty(), List.of()));
    provider.rooms.add(
        new DiscoveredRoom("alpha@contoso.onmicrosoft.com", "Alpha", Optional.empty(), Optional.of("HQ"), Optional.of("2"), List.of("hq@contoso.onmicrosoft.com")));
    List<DiscoveredRoom> rooms = registry.discoverRooms(CONTOSO);
    assertThat(rooms).extracting(DiscoveredRoom::displayName).containsExactly("Alpha", "Zeta");

    BulkAddReport report = registry.addDiscovered(CONTOSO, rooms);

    assertThat(report.added()).isEqualTo(2);
    assertThat(registry.get(CONTOSO, "alpha@contoso.onmicrosoft.com").orElseThrow().displayName()).contains("Alpha");
  }
}
