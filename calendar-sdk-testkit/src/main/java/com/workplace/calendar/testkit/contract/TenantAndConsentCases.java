package com.workplace.calendar.testkit.contract;

import static com.workplace.calendar.testkit.contract.StoreFixtures.CONTOSO;
import static com.workplace.calendar.testkit.contract.StoreFixtures.FABRIKAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.workplace.calendar.DuplicateRecordException;
import com.workplace.calendar.ResourceNotFoundException;
import com.workplace.calendar.StaleRecordException;
import com.workplace.calendar.store.ConsentState;
import com.workplace.calendar.tenant.Tenant;
import com.workplace.calendar.tenant.TenantFailureReason;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.tenant.TenantStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tenants and consent states. */
abstract class TenantAndConsentCases extends StoreContractSupport {

  @Test
  void insertedTenantIsFoundWithVersionOne() {
    Tenant stored = store.insertTenant(fixtures.tenant(CONTOSO));
    assertEquals(1, stored.version());
    assertEquals(Optional.of(stored), store.findTenant(CONTOSO));
    assertEquals(Optional.empty(), store.findTenant(FABRIKAM));
  }

  @Test
  void insertingAnExistingTenantFailsAndKeepsTheFirst() {
    Tenant first = store.insertTenant(fixtures.tenant(CONTOSO).withDirectoryId("first"));
    assertThrows(
        DuplicateRecordException.class,
        () -> store.insertTenant(fixtures.tenant(CONTOSO).withDirectoryId("second")));
    assertEquals(Optional.of(first), store.findTenant(CONTOSO));
  }

  @Test
  void updateStoresAllFieldsAndTheNextVersion() {
    Tenant stored = store.insertTenant(fixtures.tenant(CONTOSO));
    Tenant changed =
        stored
            .withDirectoryId("72f988bf-86f1-41af-91ab-2d7cd011db47")
            .withProbeMailbox("orchard@contoso.onmicrosoft.com")
            .withFailure(
                TenantStatus.FAILED,
                TenantFailureReason.CLIENT_SECRET_EXPIRED,
                "AADSTS7000222",
                StoreContractSupport.START.plusSeconds(60));
    Tenant updated = store.updateTenant(changed);
    assertEquals(2, updated.version());
    assertEquals(changed.withVersion(2), updated);
    assertEquals(Optional.of(updated), store.findTenant(CONTOSO));
  }

  @Test
  void staleTenantUpdateFailsAndChangesNothing() {
    Tenant v1 = store.insertTenant(fixtures.tenant(CONTOSO));
    Tenant v2 = store.updateTenant(v1.withStatus(TenantStatus.CONSENTED, StoreContractSupport.START));
    assertThrows(
        StaleRecordException.class,
        () -> store.updateTenant(v1.withStatus(TenantStatus.VERIFIED, StoreContractSupport.START)));
    assertEquals(Optional.of(v2), store.findTenant(CONTOSO));
  }

  @Test
  void updatingAMissingTenantFails() {
    assertThrows(
        ResourceNotFoundException.class,
        () -> store.updateTenant(fixtures.tenant(CONTOSO).withVersion(1)));
    assertTrue(store.listTenants().isEmpty());
  }

  @Test
  void tenantsAreListedInIdOrder() {
    store.insertTenant(fixtures.tenant(CONTOSO));
    store.insertTenant(fixtures.tenant(FABRIKAM));
    store.insertTenant(fixtures.tenant(TenantId.parse("adatum.com")));
    assertEquals(
        List.of("8c3dd1e5-6f3a-4a2b-9d1e-3c4b5a6d7e8f", "adatum.com", "contoso.onmicrosoft.com"),
        store.listTenants().stream().map(t -> t.id().value()).toList());
  }

  @Test
  void deletingATenantRemovesEverythingOfItsOwnOnly() {
    store.insertTenant(fixtures.tenant(CONTOSO));
    store.insertTenant(fixtures.tenant(FABRIKAM));
    for (TenantId tenant : List.of(CONTOSO, FABRIKAM)) {
      store.insertCalendar(fixtures.calendar(tenant, "orchard@rooms.example.com"));
      store.putSpaceLink(fixtures.link(tenant, "S-1", "orchard@rooms.example.com"), false);
      store.insertBookingLink(fixtures.booking(tenant, "b-1", "orchard@rooms.example.com"));
      store.saveSyncState(fixtures.sync(tenant, "orchard@rooms.example.com", "d", java.util.Set.of()));
      store.saveSubscription(
          fixtures.subscription(
              tenant, "orchard@rooms.example.com", "sub-" + tenant.value(), Duration.ofDays(1)));
      store.insertConsentState(fixtures.consent(tenant, "state-" + tenant.value(), Duration.ofMinutes(10)));
    }

    assertTrue(store.deleteTenant(CONTOSO));
    assertFalse(store.deleteTenant(CONTOSO));

    assertEquals(Optional.empty(), store.findTenant(CONTOSO));
    assertEquals(0, store.countCalendars(CONTOSO));
    assertTrue(store.listSpaceLinks(CONTOSO).isEmpty());
    assertEquals(Optional.empty(), store.findBookingLink(CONTOSO, "b-1"));
    assertEquals(Optional.empty(), store.findSyncState(CONTOSO, "orchard@rooms.example.com"));
    assertEquals(Optional.empty(), store.findSubscriptionById("sub-" + CONTOSO.value()));
    assertEquals(
        Optional.empty(),
        store.findConsentState(StoreFixtures.hash("state-" + CONTOSO.value())));

    assertEquals(1, store.countCalendars(FABRIKAM));
    assertEquals(1, store.listSpaceLinks(FABRIKAM).size());
    assertTrue(store.findBookingLink(FABRIKAM, "b-1").isPresent());
    assertTrue(store.findSyncState(FABRIKAM, "orchard@rooms.example.com").isPresent());
    assertTrue(store.findSubscriptionById("sub-" + FABRIKAM.value()).isPresent());
    assertTrue(
        store.findConsentState(StoreFixtures.hash("state-" + FABRIKAM.value())).isPresent());
  }

  @Test
  void consentStateIsFoundByItsHash() {
    ConsentState state = fixtures.consent(CONTOSO, "abc", Duration.ofMinutes(10));
    store.insertConsentState(state);
    assertEquals(Optional.of(state), store.findConsentState(state.stateHash()));
    assertEquals(Optional.empty(), store.findConsentState(StoreFixtures.hash("other")));
  }

  @Test
  void insertingTheSameConsentStateTwiceFails() {
    ConsentState state = fixtures.consent(CONTOSO, "abc", Duration.ofMinutes(10));
    store.insertConsentState(state);
    assertThrows(
        DuplicateRecordException.class,
        () -> store.insertConsentState(fixtures.consent(FABRIKAM, "abc", Duration.ofMinutes(20))));
    assertEquals(Optional.of(state), store.findConsentState(state.stateHash()));
  }

  @Test
  void consentStateCanBeUsedOnlyOnce() {
    ConsentState state = fixtures.consent(CONTOSO, "abc", Duration.ofMinutes(10));
    store.insertConsentState(state);
    assertTrue(store.markConsentStateUsed(state.stateHash(), START.plusSeconds(5)));
    assertFalse(store.markConsentStateUsed(state.stateHash(), START.plusSeconds(6)));
    assertEquals(
        Optional.of(START.plusSeconds(5)),
        store.findConsentState(state.stateHash()).orElseThrow().usedAt());
  }

  @Test
  void usingAnUnknownConsentStateFails() {
    assertFalse(store.markConsentStateUsed(StoreFixtures.hash("nope"), START));
    assertEquals(Optional.empty(), store.findConsentState(StoreFixtures.hash("nope")));
  }

  @Test
  void expiredConsentStatesAreDeleted() {
    store.insertConsentState(fixtures.consent(CONTOSO, "short", Duration.ofMinutes(5)));
    store.insertConsentState(fixtures.consent(CONTOSO, "long", Duration.ofMinutes(30)));
    assertEquals(1, store.deleteConsentStatesExpiredBefore(START.plus(Duration.ofMinutes(10))));
    assertEquals(Optional.empty(), store.findConsentState(StoreFixtures.hash("short")));
    assertTrue(store.findConsentState(StoreFixtures.hash("long")).isPresent());
  }
}
