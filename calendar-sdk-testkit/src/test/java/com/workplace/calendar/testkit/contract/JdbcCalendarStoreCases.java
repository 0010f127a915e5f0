package com.workplace.calendar.testkit.contract;

import static com.workplace.calendar.testkit.contract.StoreFixtures.CONTOSO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.workplace.calendar.CalendarClientException;
import com.workplace.calendar.DuplicateRecordException;
import com.workplace.calendar.ResourceNotFoundException;
import com.workplace.calendar.StaleRecordException;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.store.BookingLink;
import com.workplace.calendar.store.JdbcCalendarStore;
import com.workplace.calendar.store.Lease;
import com.workplace.calendar.store.SyncState;
import com.workplace.calendar.tenant.Tenant;
import com.workplace.calendar.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the JDBC store promises beyond the contract: migrations, prefixes, connections, leases. */
abstract class JdbcCalendarStoreCases {
  static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  static final String ORCHARD = "orchard@contoso.onmicrosoft.com";

  final StoreFixtures fixtures = new StoreFixtures(START);
  final TestClock clock = TestClock.startingAt(START);

  abstract JdbcTestDatabase database();

  JdbcCalendarStore open(DataSource dataSource, String prefix) {
    return JdbcCalendarStore.builder(dataSource).tablePrefix(prefix).clock(clock).build();
  }

  @AfterEach
  void noConnectionIsLeft() {
    database().assertNoActiveConnections();
  }

  /**
   * The migrations the store ships: V1 (tables), V2 (booking links by transaction id), V3 (mailbox
   * coordination) and V4 (room booking rules).
   */
  private static final long MIGRATIONS = 4;

  @Test
  void instancesStartingTogetherMigrateOnce() throws Exception {
    String prefix = database().freshPrefix();
    int instances = 4;
    List<Callable<JdbcCalendarStore>> starts = new ArrayList<>();
    for (int i = 0; i < instances; i++) {
      DataSource pool = database().anotherPool(3);
      starts.add(() -> open(pool, prefix));
    }
    List<JdbcCalendarStore> stores = runTogether(starts);

    assertEquals(
        MIGRATIONS, database().count(prefix + "schema_version"), "each migration is recorded once");
    stores.get(0).insertTenant(fixtures.tenant(CONTOSO));
    for (JdbcCalendarStore store : stores) {
      assertTrue(store.findTenant(CONTOSO).isPresent(), "every instance sees the same tables");
      store.close();
    }
  }

  @Test
  void aRestartFindsTheDataAndMigratesNothing() throws Exception {
    String prefix = database().freshPrefix();
    Tenant stored;
    try (JdbcCalendarStore first = open(database().pool(), prefix)) {
      stored = first.insertTenant(fixtures.tenant(CONTOSO));
    }
    try (JdbcCalendarStore second = open(database().pool(), prefix)) {
      assertEquals(Optional.of(stored), second.findTenant(CONTOSO));
    }
    assertEquals(MIGRATIONS, database().count(prefix + "schema_version"));
  }

  @Test
  void tablePrefixesKeepStoresApart() {
    try (JdbcCalendarStore a = open(database().pool(), database().freshPrefix());
        JdbcCalendarStore b = open(database().pool(), database().freshPrefix())) {
      a.insertTenant(fixtures.tenant(CONTOSO));
      assertTrue(b.findTenant(CONTOSO).isEmpty());
      b.insertTenant(fixtures.tenant(CONTOSO));
      assertEquals(1, a.listTenants().size());
    }
  }

  @Test
  void invalidTablePrefixesAreRejected() {
    for (String prefix :
        List.of("Calendar_", "1cal_", "_cal", "cal-", "cal_; DROP TABLE x", "cal prefix", "a".repeat(25))) {
      assertThrows(
          IllegalArgumentException.class,
          () -> JdbcCalendarStore.builder(database().pool()).tablePrefix(prefix),
          prefix);
    }
    assertThrows(
        NullPointerException.class,
        () -> JdbcCalendarStore.builder(database().pool()).tablePrefix(null));
  }

  @Test
  void aChangedMigrationIsRefused() throws Exception {
    String prefix = database().freshPrefix();
    open(database().pool(), prefix).close();
    database().execute("UPDATE " + prefix + "schema_version SET checksum = 'edited' WHERE version = 1");
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> open(database().pool(), prefix));
    assertTrue(e.getMessage().contains("V1"), e.getMessage());
  }

  @Test
  void aNewerSchemaIsAccepted() throws Exception {
    String prefix = database().freshPrefix();
    open(database().pool(), prefix).close();
    database()
        .execute(
            "INSERT INTO "
                + prefix
                + "schema_version (version, description, checksum, installed_at)"
                + " VALUES (99, 'from a newer sdk', 'x', CURRENT_TIMESTAMP)");
    try (JdbcCalendarStore store = open(database().pool(), prefix)) {
      store.insertTenant(fixtures.tenant(CONTOSO));
    }
  }

  @Test
  void everyOperationRestoresAutoCommitAndClosesItsConnection() {
    JdbcConnectionTracker tracker = new JdbcConnectionTracker(database().pool());
    try (JdbcCalendarStore store = open(tracker.dataSource(), database().freshPrefix())) {
      Tenant tenant = store.insertTenant(fixtures.tenant(CONTOSO));
      assertThrows(DuplicateRecordException.class, () -> store.insertTenant(tenant));
      store.updateTenant(tenant);
      assertThrows(StaleRecordException.class, () -> store.updateTenant(tenant));
      assertThrows(
          ResourceNotFoundException.class,
          () -> store.insertBookingLink(fixtures.booking(CONTOSO, "b-1", ORCHARD)));
      store.insertCalendar(fixtures.calendar(CONTOSO, ORCHARD));
      store.tryAcquireLease("l", "a", Duration.ofSeconds(5));
      store.listTenants();
    }
    assertTrue(tracker.opened() > 8);
    assertEquals(tracker.opened(), tracker.closed(), "every connection is closed");
    assertEquals(List.of(), tracker.problems());
  }

  @Test
  void aClosedStoreRefusesCalls() {
    JdbcCalendarStore store = open(database().pool(), database().freshPrefix());
    store.close();
    assertThrows(IllegalStateException.class, () -> store.findTenant(CONTOSO));
  }

  @Test
  void aValueTooLongForItsColumnIsAnIllegalArgumentAndStoresNothing() {
    try (JdbcCalendarStore store = open(database().pool(), database().freshPrefix())) {
      store.insertTenant(fixtures.tenant(CONTOSO));
      store.insertCalendar(fixtures.calendar(CONTOSO, ORCHARD));
      String key = "k".repeat(600);
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> store.insertBookingLink(fixtures.booking(CONTOSO, key, ORCHARD)));
      assertFalse(e.getMessage().contains(key), "the message names no values");
      assertEquals(Optional.empty(), store.findBookingLink(CONTOSO, key));
    }
  }

  @Test
  void databaseFailuresBecomeSdkExceptionsThatNameNoValues() throws Exception {
    String prefix = database().freshPrefix();
    try (JdbcCalendarStore store = open(database().pool(), prefix)) {
      database().execute("DROP TABLE " + prefix + "consent_states");
      String hash = StoreFixtures.hash("state");
      CalendarClientException e =
          assertThrows(CalendarClientException.class, () -> store.findConsentState(hash));
      assertTrue(e.getMessage().contains("find a consent state"), e.getMessage());
      assertTrue(e.getMessage().contains("SQLState"), e.getMessage());
      assertFalse(e.getMessage().contains(hash));
    }
  }

  @Test
  void eventIdsWithLineBreaksAndBackslashesSurvive() {
    try (JdbcCalendarStore store = open(database().pool(), database().freshPrefix())) {
      store.insertTenant(fixtures.tenant(CONTOSO));
      store.insertCalendar(fixtures.calendar(CONTOSO, ORCHARD));
      Set<String> ids = Set.of("a\nb", "c\\nd", "e\\", "\r\n", "", "plain", "ünïcødé ✓");
      SyncState saved = store.saveSyncState(fixtures.sync(CONTOSO, ORCHARD, null, ids));
      assertEquals(ids, store.findSyncState(CONTOSO, ORCHARD).orElseThrow().knownEventIds());
      SyncState empty = store.saveSyncState(fixtures.sync(CONTOSO, ORCHARD, "d", Set.of()).withVersion(saved.version()));
      assertEquals(Optional.of(empty), store.findSyncState(CONTOSO, ORCHARD));
    }
  }

  @Test
  void timesAreKeptToTheMicrosecondAndWritesReturnWhatIsStored() {
    try (JdbcCalendarStore store = open(database().pool(), database().freshPrefix())) {
      store.insertTenant(fixtures.tenant(CONTOSO));
      Instant precise = Instant.parse("2026-03-02T09:00:00.123456789Z");
      RoomCalendar stored = store.insertCalendar(RoomCalendar.added(CONTOSO, ORCHARD, "O", precise));
      assertEquals(Instant.parse("2026-03-02T09:00:00.123456Z"), stored.addedAt());
      assertEquals(Optional.of(stored), store.findCalendar(CONTOSO, ORCHARD));
      BookingLink link =
          store.insertBookingLink(
              new BookingLink(CONTOSO, "b", ORCHARD, "tx", Optional.empty(), precise, 0));
      assertEquals(Optional.of(link), store.findBookingLink(CONTOSO, "b"));
    }
  }

  @Test
  void addressesAreOrderedByCodePointAsInJava() {
    try (JdbcCalendarStore store = open(database().pool(), database().freshPrefix())) {
      store.insertTenant(fixtures.tenant(CONTOSO));
      List<String> emails =
          new ArrayList<>(List.of("ab@x.com", "a-b@x.com", "a.c@x.com", "a_b@x.com", "aa@x.com", "b@x.com"));
      emails.forEach(e -> store.insertCalendar(fixtures.calendar(CONTOSO, e)));
      emails.sort(String::compareTo);
      assertEquals(
          emails,
          store.listCalendars(CONTOSO, com.workplace.calendar.registry.CalendarQuery.all()).items().stream()
              .map(RoomCalendar::email)
              .toList());
    }
  }

  @Test
  void leasesAreSharedBetweenInstances() {
    String prefix = database().freshPrefix();
    try (JdbcCalendarStore a = open(database().anotherPool(2), prefix);
        JdbcCalendarStore b = open(database().anotherPool(2), prefix)) {
      Lease held = a.tryAcquireLease("sync:orchard", "instance-a", Duration.ofSeconds(30)).orElseThrow();
      assertEquals(Optional.empty(), b.tryAcquireLease("sync:orchard", "instance-b", Duration.ofSeconds(30)));
      assertEquals(Optional.of(held), b.findLease("sync:orchard"));

      clock.advance(Duration.ofSeconds(30));
      Lease taken = b.tryAcquireLease("sync:orchard", "instance-b", Duration.ofSeconds(30)).orElseThrow();
      assertTrue(taken.token() > held.token());
      assertEquals(Optional.empty(), a.renewLease(held, Duration.ofSeconds(30)));
      assertFalse(a.releaseLease(held));
      assertTrue(b.releaseLease(taken));
      Lease again = a.tryAcquireLease("sync:orchard", "instance-a", Duration.ofSeconds(30)).orElseThrow();
      assertTrue(again.token() > taken.token(), "the token never goes back after a release");
    }
  }

  @Test
  void concurrentLeaseRequestsFromManyInstancesHaveOneWinner() throws Exception {
    String prefix = database().freshPrefix();
    List<JdbcCalendarStore> stores = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      stores.add(open(database().anotherPool(2), prefix));
    }
    String name = "sync:orchard";
    long lastToken = 0;
    for (int round = 0; round < 10; round++) {
      // round 0 races to create the lease; later rounds race to take it over once it expired
      List<Callable<Optional<Lease>>> requests = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        JdbcCalendarStore store = stores.get(i % stores.size());
        String owner = "round-" + round + "-owner-" + i;
        requests.add(() -> store.tryAcquireLease(name, owner, Duration.ofMinutes(1)));
      }
      List<Lease> winners = runTogether(requests).stream().flatMap(Optional::stream).toList();
      assertEquals(1, winners.size(), "round " + round);
      assertEquals(Optional.of(winners.get(0)), stores.get(round % stores.size()).findLease(name));
      assertEquals(lastToken + 1, winners.get(0).token(), "each change of hands adds one");
      lastToken = winners.get(0).token();
      clock.advance(Duration.ofMinutes(2));
    }
    stores.forEach(JdbcCalendarStore::close);
  }

  static <T> List<T> runTogether(List<Callable<T>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return task.call();
                }));
      }
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
