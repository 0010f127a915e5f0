package com.workplace.calendar.testkit.contract;

import static com.workplace.calendar.testkit.contract.StoreFixtures.CONTOSO;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.workplace.calendar.DuplicateRecordException;
import com.workplace.calendar.StaleRecordException;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.store.Lease;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Many writers at once: no lost update, no duplicate, one lease holder. */
abstract class ConcurrencyCases extends SyncAndLeaseCases {
  private static final int THREADS = 8;

  @Test
  void concurrentOptimisticUpdatesLoseNothing() throws InterruptedException {
    givenTenants();
    store.insertCalendar(RoomCalendar.added(CONTOSO, ORCHARD, "0", START));
    int perThread = 25;
    runConcurrently(
        THREADS,
        i ->
            () -> {
              int done = 0;
              while (done < perThread) {
                RoomCalendar current = store.findCalendar(CONTOSO, ORCHARD).orElseThrow();
                int count = Integer.parseInt(current.displayName().orElseThrow());
                RoomCalendar next =
                    new RoomCalendar(
                        current.tenantId(),
                        current.email(),
                        Optional.of(Integer.toString(count + 1)),
                        current.status(),
                        current.failureReason(),
                        current.failureDetail(),
                        current.addedAt(),
                        current.checkedAt(),
                        current.version());
                try {
                  store.updateCalendar(next);
                  done++;
                } catch (StaleRecordException e) {
                  // lost the race: read again
                }
              }
              return done;
            });
    RoomCalendar last = store.findCalendar(CONTOSO, ORCHARD).orElseThrow();
    assertEquals(Optional.of(Integer.toString(THREADS * perThread)), last.displayName());
    assertEquals(1 + THREADS * perThread, last.version());
  }

  @Test
  void concurrentInsertsOfOneCalendarMakeOne() throws InterruptedException {
    givenTenants();
    List<Boolean> wins =
        runConcurrently(
            THREADS,
            i ->
                () -> {
                  try {
                    store.insertCalendar(RoomCalendar.added(CONTOSO, ORCHARD, "by " + i, START));
                    return true;
                  } catch (DuplicateRecordException e) {
                    return false;
                  }
                });
    assertEquals(1, wins.stream().filter(w -> w).count());
    assertEquals(1, store.countCalendars(CONTOSO));
  }

  @Test
  void concurrentBookingLinksOfOneKeyMakeOne() throws InterruptedException {
    givenTenants();
    store.insertCalendar(fixtures.calendar(CONTOSO, ORCHARD));
    List<Boolean> wins =
        runConcurrently(
            THREADS,
            i ->
                () -> {
                  try {
                    store.insertBookingLink(fixtures.booking(CONTOSO, "b-1", ORCHARD));
                    return true;
                  } catch (DuplicateRecordException e) {
                    return false;
                  }
                });
    assertEquals(1, wins.stream().filter(w -> w).count());
  }

  @Test
  void concurrentLinksOfOneSpaceLeaveOneWinner() throws InterruptedException {
    givenTenants();
    for (int i = 0; i < THREADS; i++) {
      store.insertCalendar(fixtures.calendar(CONTOSO, "room" + i + "@contoso.onmicrosoft.com"));
    }
    List<String> winners =
        runConcurrently(
            THREADS,
            i ->
                () -> {
                  String email = "room" + i + "@contoso.onmicrosoft.com";
                  try {
                    store.putSpaceLink(fixtures.link(CONTOSO, "S-1", email), false);
                    return email;
                  } catch (DuplicateRecordException e) {
                    return null;
                  }
                });
    List<String> won = winners.stream().filter(w -> w != null).toList();
    assertEquals(1, won.size());
    assertEquals(
        won.get(0),
        store.findSpaceLinkBySpace(CONTOSO, SpaceId.of("S-1")).orElseThrow().calendarEmail());
    assertEquals(1, store.listSpaceLinks(CONTOSO).size());
  }

  @Test
  void concurrentLeaseRequestsHaveOneWinner() throws InterruptedException {
    List<Optional<Lease>> results =
        runConcurrently(
            THREADS, i -> () -> store.tryAcquireLease("sync:orchard", "owner-" + i, Duration.ofMinutes(1)));
    List<Lease> held = results.stream().flatMap(Optional::stream).toList();
    assertEquals(1, held.size());
    assertEquals(Optional.of(held.get(0)), store.findLease("sync:orchard"));
  }

  @Test
  void concurrentTakeoversOfAnExpiredLeaseHaveOneWinner() throws InterruptedException {
    store.tryAcquireLease("l", "dead-instance", Duration.ofSeconds(10)).orElseThrow();
    clock.advance(Duration.ofSeconds(11));
    List<Optional<Lease>> results =
        runConcurrently(THREADS, i -> () -> store.tryAcquireLease("l", "owner-" + i, Duration.ofMinutes(1)));
    assertEquals(1, results.stream().flatMap(Optional::stream).count());
  }

  @Test
  void concurrentUsesOfOneConsentStateHaveOneWinner() throws InterruptedException {
    var state = fixtures.consent(CONTOSO, "state", Duration.ofMinutes(10));
    store.insertConsentState(state);
    List<Boolean> results =
        runConcurrently(THREADS, i -> () -> store.markConsentStateUsed(state.stateHash(), START));
    assertEquals(1, results.stream().filter(r -> r).count());
  }
}
