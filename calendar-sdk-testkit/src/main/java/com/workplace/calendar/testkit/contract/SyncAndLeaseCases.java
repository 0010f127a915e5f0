package com.workplace.calendar.testkit.contract;

import static com.workplace.calendar.testkit.contract.StoreFixtures.CONTOSO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.workplace.calendar.DuplicateRecordException;
import com.workplace.calendar.ResourceNotFoundException;
import com.workplace.calendar.StaleRecordException;
import com.workplace.calendar.store.KnownInstance;
import com.workplace.calendar.store.Lease;
import com.workplace.calendar.store.SubscriptionState;
import com.workplace.calendar.store.SyncState;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sync state, subscriptions and leases. */
abstract class SyncAndLeaseCases extends CalendarAndLinkCases {

  @Test
  void syncStateIsInsertedOnceThenUpdatedByVersion() {
    givenTenants();
    store.insertCalendar(fixtures.calendar(CONTOSO, ORCHARD));
    SyncState v1 = store.saveSyncState(fixtures.sync(CONTOSO, ORCHARD, null, Set.of()));
    assertEquals(1, v1.version());
    assertThrows(
        DuplicateRecordException.class,
        () -> store.saveSyncState(fixtures.sync(CONTOSO, ORCHARD, "other", Set.of())));

    String link = "https://graph.microsoft.com/v1.0/users/x/calendarView/delta?$deltatoken=abc";
    SyncState changed =
        new SyncState(
            CONTOSO,
            ORCHARD,
            Optional.of(link),
            v1.windowStart(),
            v1.windowEnd(),
            Set.of("e1", "e2", "e3"),
            Optional.of(START.plusSeconds(30)),
            v1.version());
    SyncState v2 = store.saveSyncState(changed);
    assertEquals(2, v2.version());
    assertEquals(Optional.of(v2), store.findSyncState(CONTOSO, ORCHARD));
    assertEquals(Set.of("e1", "e2", "e3"), v2.knownEventIds());
    assertEquals(Optional.of(link), v2.deltaLink());

    assertThrows(StaleRecordException.class, () -> store.saveSyncState(changed));
    assertEquals(Optional.of(v2), store.findSyncState(CONTOSO, ORCHARD));
  }

  @Test
  void syncStateNeedsARegisteredCalendar() {
    givenTenants();
    assertThrows(
        ResourceNotFoundException.class,
        () -> store.saveSyncState(fixtures.sync(CONTOSO, ORCHARD, null, Set.of())));
  }

  @Test
  void largeKnownEventSetsSurvive() {
    givenTenants();
    store.insertCalendar(fixtures.calendar(CONTOSO, ORCHARD));
    Set<String> ids = new java.util.HashSet<>();
    for (int i = 0; i < 2000; i++) {
      ids.add("AAMkAGI2TG93AAA=" + i + "-" + "x".repeat(100));
    }
    store.saveSyncState(fixtures.sync(CONTOSO, ORCHARD, "d", ids));
    assertEquals(ids, store.findSyncState(CONTOSO, ORCHARD).orElseThrow().knownEventIds());
  }

  @Test
  void knownInstancesOfRecurringSeriesSurviveWithTheirSeriesAndFingerprints() {
    givenTenants();
    store.insertCalendar(fixtures.calendar(CONTOSO, ORCHARD));
    Map<String, KnownInstance> instances = new HashMap<>();
    Set<String> ids = new HashSet<>(Set.of("single-1", "single-2"));
    for (int series = 0; series < 20; series++) {
      String seriesId = "AAMkAGI2TG93AAA=series" + series + (series == 3 ? "\\S\n" : "");
      for (int i = 0; i < 40; i++) {
        String id = "AAMkAGI2TG93AAA=occ" + series + "-" + i + (i == 7 ? "\\I1:x\r\n" : "");
        ids.add(id);
        instances.put(id, new KnownInstance(seriesId, "fp_" + series + "-" + i));
      }
    }
    ids.add("\\Snot-a-series");
    SyncState state = fixtures.sync(CONTOSO, ORCHARD, "d", ids);
    SyncState withInstances =
        new SyncState(
            state.tenantId(),
            state.calendarEmail(),
            state.deltaLink(),
            state.windowStart(),
            state.windowEnd(),
            ids,
            instances,
            state.lastSyncAt(),
            0);

    SyncState saved = store.saveSyncState(withInstances);

    SyncState found = store.findSyncState(CONTOSO, ORCHARD).orElseThrow();
    assertEquals(saved, found);
    assertEquals(ids, found.knownEventIds());
    assertEquals(instances, found.knownInstances());

    SyncState fewer =
        new SyncState(
            found.tenantId(),
            found.calendarEmail(),
            found.deltaLink(),
            found.windowStart(),
            found.windowEnd(),
            Set.of("single-1"),
            Map.of(),
            found.lastSyncAt(),
            found.version());
    store.saveSyncState(fewer);
    assertEquals(Map.of(), store.findSyncState(CONTOSO, ORCHARD).orElseThrow().knownInstances());
  }

  @Test
  void subscriptionIsOnePerCalendarWithAUniqueId() {
    givenTenants();
    store.insertCalendar(fixtures.calendar(CONTOSO, ORCHARD));
    store.insertCalendar(fixtures.calendar(CONTOSO, MARINA));
    SubscriptionState v1 =
        store.saveSubscription(fixtures.subscription(CONTOSO, ORCHARD, "sub-1", Duration.ofHours(2)));
    assertEquals(1, v1.version());
    assertEquals(Optional.of(v1), store.findSubscription(CONTOSO, ORCHARD));
    assertEquals(Optional.of(v1), store.findSubscriptionById("sub-1"));

    assertThrows(
        DuplicateRecordException.class,
        () ->
            store.saveSubscription(
                fixtures.subscription(CONTOSO, ORCHARD, "sub-2", Duration.ofHours(2))));
    assertThrows(
        DuplicateRecordException.class,
        () ->
            store.saveSubscription(
                fixtures.subscription(CONTOSO, MARINA, "sub-1", Duration.ofHours(2))));
    assertEquals(Optional.empty(), store.findSubscription(CONTOSO, MARINA));

    SubscriptionState renewed =
        new SubscriptionState(
            CONTOSO, ORCHARD, "sub-1", v1.clientStateHash(), START.plus(Duration.ofDays(3)), 1);
    SubscriptionState v2 = store.saveSubscription(renewed);
    assertEquals(2, v2.version());
    assertEquals(START.plus(Duration.ofDays(3)), v2.expiresAt());
    assertThrows(StaleRecordException.class, () -> store.saveSubscription(renewed));

    assertTrue(store.deleteSubscription(CONTOSO, ORCHARD));
    assertFalse(store.deleteSubscription(CONTOSO, ORCHARD));
    assertEquals(Optional.empty(), store.findSubscriptionById("sub-1"));
  }

  @Test
  void subscriptionsExpiringSoonAreListedSoonestFirst() {
    givenTenants();
    for (int i = 0; i < 5; i++) {
      String email = "room" + i + "@contoso.onmicrosoft.com";
      store.insertCalendar(fixtures.calendar(CONTOSO, email));
      store.saveSubscription(
          fixtures.subscription(CONTOSO, email, "sub-" + i, Duration.ofHours(10 - i)));
    }
    List<SubscriptionState> soon =
        store.listSubscriptionsExpiringBefore(START.plus(Duration.ofHours(8)).plusSeconds(1), 2);
    assertEquals(List.of("sub-4", "sub-3"), soon.stream().map(SubscriptionState::subscriptionId).toList());
    assertEquals(
        3,
        store.listSubscriptionsExpiringBefore(START.plus(Duration.ofHours(8)).plusSeconds(1), 10).size());
  }

  @Test
  void aFreeLeaseIsTakenAndBlocksOtherOwners() {
    Lease lease = store.tryAcquireLease("sync:orchard", "instance-a", Duration.ofSeconds(30)).orElseThrow();
    assertEquals("instance-a", lease.owner());
    assertEquals(START.plusSeconds(30), lease.expiresAt());
    assertEquals(Optional.empty(), store.tryAcquireLease("sync:orchard", "instance-b", Duration.ofSeconds(30)));
    assertEquals(Optional.of(lease), store.findLease("sync:orchard"));
    assertTrue(store.tryAcquireLease("sync:marina", "instance-b", Duration.ofSeconds(30)).isPresent());
  }

  @Test
  void theHolderReacquiresItsOwnLeaseAsARenewal() {
    Lease first = store.tryAcquireLease("l", "a", Duration.ofSeconds(30)).orElseThrow();
    clock.advance(Duration.ofSeconds(10));
    Lease again = store.tryAcquireLease("l", "a", Duration.ofSeconds(30)).orElseThrow();
    assertEquals(first.token(), again.token());
    assertEquals(START.plusSeconds(40), again.expiresAt());
  }

  @Test
  void anExpiredLeaseIsTakenOverAndTheOldHolderLosesIt() {
    Lease old = store.tryAcquireLease("l", "a", Duration.ofSeconds(30)).orElseThrow();
    clock.advance(Duration.ofSeconds(29));
    assertEquals(Optional.empty(), store.tryAcquireLease("l", "b", Duration.ofSeconds(30)));
    clock.advance(Duration.ofSeconds(1));
    assertEquals(Optional.empty(), store.findLease("l"), "a lease is gone at its expiry instant");
    Lease taken = store.tryAcquireLease("l", "b", Duration.ofSeconds(30)).orElseThrow();
    assertEquals("b", taken.owner());
    assertTrue(taken.token() > old.token(), "a lease changing hands gets a bigger token");

    assertEquals(Optional.empty(), store.renewLease(old, Duration.ofSeconds(30)));
    assertFalse(store.releaseLease(old));
    assertEquals(Optional.of(taken), store.findLease("l"));
  }

  @Test
  void renewingExtendsAndReleasingFrees() {
    Lease lease = store.tryAcquireLease("l", "a", Duration.ofSeconds(30)).orElseThrow();
    clock.advance(Duration.ofSeconds(20));
    Lease renewed = store.renewLease(lease, Duration.ofSeconds(30)).orElseThrow();
    assertEquals(START.plusSeconds(50), renewed.expiresAt());
    clock.advance(Duration.ofSeconds(20));
    assertEquals(Optional.empty(), store.tryAcquireLease("l", "b", Duration.ofSeconds(30)));

    assertTrue(store.releaseLease(renewed));
    assertEquals(Optional.empty(), store.findLease("l"));
    assertFalse(store.releaseLease(renewed));
    assertEquals(Optional.empty(), store.renewLease(renewed, Duration.ofSeconds(30)));
    assertTrue(store.tryAcquireLease("l", "b", Duration.ofSeconds(30)).isPresent());
  }

  @Test
  void anExpiredLeaseCannotBeRenewed() {
    Lease lease = store.tryAcquireLease("l", "a", Duration.ofSeconds(30)).orElseThrow();
    clock.advance(Duration.ofSeconds(31));
    assertEquals(Optional.empty(), store.renewLease(lease, Duration.ofSeconds(30)));
  }

  @Test
  void leaseTimeToLiveMustBePositive() {
    assertThrows(
        IllegalArgumentException.class, () -> store.tryAcquireLease("l", "a", Duration.ZERO));
    assertThrows(
        IllegalArgumentException.class,
        () -> store.tryAcquireLease("l", "a", Duration.ofSeconds(-1)));
    assertEquals(Optional.empty(), store.findLease("l"));
  }

  @Test
  void leaseTokensDifferBetweenHolders() {
    Lease a = store.tryAcquireLease("l", "a", Duration.ofSeconds(5)).orElseThrow();
    assertTrue(store.releaseLease(a));
    Lease b = store.tryAcquireLease("l", "b", Duration.ofSeconds(5)).orElseThrow();
    assertNotEquals(a.token(), b.token());
    assertFalse(store.releaseLease(a), "a released lease's old token must not free the new holder");
    assertEquals(Optional.of(b), store.findLease("l"));
  }
}
