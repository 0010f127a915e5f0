package com.workplace.calendar.graph.reliability;

import static com.workplace.calendar.graph.reliability.ChaosHost.SEED;
import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.graph.AuthorizedTenant;
import com.workplace.calendar.graph.SecretsInLogsExtension;
import com.workplace.calendar.graph.reliability.ChaosPlan.Intent;
import com.workplace.calendar.store.BookingLink;
import com.workplace.calendar.sync.BookingChange;
import com.workplace.calendar.sync.ChangeType;
import com.workplace.calendar.testkit.FakeEvent;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeMicrosoft365Extension;
import com.workplace.calendar.testkit.FaultKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bookings and sync under a Graph that fails one request in ten: throttling with and without
 * Retry-After, 503/504, connection resets, malformed JSON, slow answers, and answers lost after the
 * change was made. The host retries failed operations by the same booking key; afterwards the room
 * calendars hold exactly the intended bookings, the sync listener's view equals the calendars, and
 * the SDK never went over the per-mailbox limits. The random slots may overlap, so bookings here
 * allow overlaps ({@code ConflictPolicy.ALLOW}): this suite is about faults, {@code RoomTruthIT} and
 * {@code RoomRaceIT} are about conflicts.
 */
@ExtendWith(SecretsInLogsExtension.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ChaosMixedFaultsIT {
  private static final int ROOMS = 24;
  private static final int OPERATIONS = 2_000;
  private static final int THREADS = 8;
  private static final int OPS_PER_SYNC_ROUND = 8;
  private static final FaultKind[] MIX = {
    FaultKind.THROTTLE,
    FaultKind.THROTTLE_WITHOUT_RETRY_AFTER,
    FaultKind.SERVICE_UNAVAILABLE,
    FaultKind.SERVICE_UNAVAILABLE_WITHOUT_RETRY_AFTER,
    FaultKind.GATEWAY_TIMEOUT,
    FaultKind.CONNECTION_RESET,
    FaultKind.MALFORMED_JSON,
    FaultKind.SLOW,
    FaultKind.DROP_RESPONSE
  };

  @RegisterExtension
  static final FakeMicrosoft365Extension FAKE = ChaosHost.fake();

  /** The calendar state of one event as the checks compare it. */
  record Slot(Instant start, Instant end, String label) {}

  @Test
  void twoThousandOperationsUnderFaultsLeaveExactlyTheIntendedBookingsAndTheListenerInStep(FakeMicrosoft365 m365) throws Exception {
    try (ChaosHost host = new ChaosHost(m365, "chaos", ROOMS)) {
      AuthorizedTenant tenant = host.tenant;
      List<String> rooms = new ArrayList<>();
      for (int i = 0; i < ROOMS; i++) {
        rooms.add(tenant.room(i));
      }
      Instant now = Instant.now();
      Random random = new Random(SEED);
      List<Intent> intents = ChaosPlan.plan(random, rooms, now, OPERATIONS);
      for (String room : rooms) {
        tenant.service.sync().syncNow(tenant.id, room);
      }
      m365.resetStats();
      m365.faults().randomFaults(0.10, MIX);

      AtomicBoolean opsDone = new AtomicBoolean();
      AtomicInteger opsCompleted = new AtomicInteger();
      Semaphore roundsDue = new Semaphore(0);
      LongAdder rounds = new LongAdder();
      LongAdder failedRounds = new LongAdder();
      ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
      long started = System.nanoTime();
      try {
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          List<Intent> mine = new ArrayList<>();
          for (int i = t; i < intents.size(); i += THREADS) {
            mine.add(intents.get(i));
          }
          long threadSeed = SEED + t;
          workers.add(
              pool.submit(
                  () -> {
                    Random own = new Random(threadSeed);
                    List<Intent> open = new ArrayList<>(mine);
                    while (!open.isEmpty()) {
                      int pick = own.nextInt(open.size());
                      Intent intent = open.get(pick);
                      ChaosPlan.perform(host, intent, intent.steps.get(intent.next++), own, now);
                      if (intent.next == intent.steps.size()) {
                        open.set(pick, open.get(open.size() - 1));
                        open.remove(open.size() - 1);
                      }
                      if (opsCompleted.incrementAndGet() % OPS_PER_SYNC_ROUND == 0) {
                        roundsDue.release();
                      }
                    }
                    return null;
                  }));
        }
        Future<?> syncer =
            pool.submit(
                () -> {
                  int next = 0;
                  while (!opsDone.get()) {
                    if (!roundsDue.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                      continue;
                    }
                    String room = rooms.get(next++ % rooms.size());
                    try {
                      tenant.service.sync().syncNow(tenant.id, room);
                      rounds.increment();
                    } catch (CalendarServiceException e) {
                      failedRounds.increment();
                    }
                  }
                  return null;
                });
        for (Future<?> worker : workers) {
          worker.get(8, TimeUnit.MINUTES);
        }
        opsDone.set(true);
        syncer.get(1, TimeUnit.MINUTES);
      } finally {
        opsDone.set(true);
        pool.shutdownNow();
      }
      assertThat(opsCompleted).hasValue(OPERATIONS);

      for (String room : rooms) {
        host.attempt("the last sync round of " + room, a -> tenant.service.sync().syncNow(tenant.id, room));
      }
      long faultedRequests = m365.stats().throttledResponses();
      m365.faults().clear();
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      System.out.printf(
          "Chaos: %d operations on %d keys in %d rooms, %d sync rounds (%d failed), %d Graph requests,"
              + " %d operations failed and were repeated by the host %s, %d s%n",
          OPERATIONS, intents.size(), ROOMS, rounds.sum(), failedRounds.sum(), m365.stats().totalRequests(),
          host.failures(), new TreeMap<>(host.failures), elapsed.toSeconds());
      System.out.println("Chaos transport events: " + host.counters.snapshot());

      Map<String, Map<String, Slot>> intended = new TreeMap<>();
      Map<String, Map<String, Slot>> intendedTimes = new TreeMap<>();
      Map<String, String> keyOfEvent = new HashMap<>();
      rooms.forEach(r -> intended.put(r, new TreeMap<>()));
      rooms.forEach(r -> intendedTimes.put(r, new TreeMap<>()));
      for (Intent intent : intents) {
        keyOfEvent.put(intent.eventId, intent.key);
        Optional<BookingLink> link = host.store.findBookingLink(tenant.id, intent.key);
        if (intent.cancelled) {
          assertThat(link).as("the booking link of cancelled %s", intent.key).isEmpty();
          continue;
        }
        assertThat(link).as("the booking link of %s", intent.key).isPresent();
        assertThat(link.get().eventId()).as("the event of %s", intent.key).contains(intent.eventId);
        assertThat(link.get().calendarEmail()).isEqualTo(intent.room);
        intended.get(intent.room).put(intent.eventId, new Slot(intent.start, intent.end, intent.subject));
        intendedTimes.get(intent.room).put(intent.eventId, new Slot(intent.start, intent.end, ""));
      }

      List<String> transactionIds = new ArrayList<>();
      Map<String, Map<String, Slot>> calendars = new TreeMap<>();
      for (String room : rooms) {
        Map<String, Slot> events = new TreeMap<>();
        for (FakeEvent event : tenant.fake.events(room)) {
          assertThat(event.transaction()).as("event %s in %s has a transactionId", event.id(), room).isPresent();
          transactionIds.add(event.transactionId());
          events.put(event.id(), new Slot(event.start(), event.end(), event.subject()));
        }
        calendars.put(room, events);
      }
      assertThat(differences(intended, calendars)).as("the room calendars hold exactly the intended bookings").isEmpty();
      assertThat(transactionIds).as("no booking was made twice").doesNotHaveDuplicates();

      assertThat(differences(intendedTimes, listenerView(host.listener.changes)))
          .as("the sync listener's view of every calendar").isEmpty();
      List<String> misattributed = new ArrayList<>();
      List<String> unattributed = new ArrayList<>();
      // A round that read an event just before the SDK cancelled its booking may report it without
      // its key (the link is gone by the time the round names its changes); the deletion follows.
      Set<String> cancelledKeys = new HashSet<>();
      intents.stream().filter(i -> i.cancelled).forEach(i -> cancelledKeys.add(i.key));
      for (BookingChange change : host.listener.changes) {
        String ours = keyOfEvent.get(change.eventId());
        if (change.bookingKey().isPresent() && !change.bookingKey().get().equals(ours)) {
          misattributed.add(change.eventId() + " reported as " + change.bookingKey().get() + ", made for " + ours);
        } else if (change.bookingKey().isEmpty() && ours != null && change.type() != ChangeType.DELETED
            && !cancelledKeys.contains(ours)) {
          unattributed.add(change.type() + " " + change.eventId() + " (booking " + ours + ") at round of " + change.calendarEmail());
        }
      }
      assertThat(misattributed).as("changes reported with another booking's key").isEmpty();
      // Deletions of cancelled bookings carry no key by design: cancel removes the link first.
      assertThat(unattributed).as("creations or updates of SDK bookings reported without their key").isEmpty();
      for (String room : rooms) {
        assertThat(tenant.service.sync().syncNow(tenant.id, room).changes())
            .as("a further round of %s finds nothing new", room).isZero();
      }

      assertThat(m365.stats().limitViolations()).as("requests over the per-mailbox limits").isZero();
      assertThat(faultedRequests).as("429s sent by the fake").isPositive();
      assertThat(host.failures()).as("operations that failed after the SDK's retries").isPositive();
      assertThat(host.counters.count("retrying POST /v1.0/users/{m}/events 0"))
          .as("creates repeated after their answer was lost").isPositive();
      assertThat(host.counters.count("retrying PATCH /v1.0/users/{m}/events/{id} 0"))
          .as("updates repeated after their answer was lost").isPositive();
    }
  }

  /** Lists, per calendar, the events missing, unexpected or different in {@code actual}. */
  private static List<String> differences(Map<String, Map<String, Slot>> expected, Map<String, Map<String, Slot>> actual) {
    List<String> out = new ArrayList<>();
    for (String room : expected.keySet()) {
      Map<String, Slot> want = expected.get(room);
      Map<String, Slot> got = actual.getOrDefault(room, Map.of());
      want.forEach((id, slot) -> {
        if (!got.containsKey(id)) {
          out.add(room + ": missing " + slot);
        } else if (!got.get(id).equals(slot)) {
          out.add(room + ": " + id + " is " + got.get(id) + " instead of " + slot);
        }
      });
      got.forEach((id, slot) -> {
        if (!want.containsKey(id)) {
          out.add(room + ": unexpected " + id + " " + slot);
        }
      });
    }
    actual.keySet().stream().filter(r -> !expected.containsKey(r)).forEach(r -> out.add("unexpected calendar " + r));
    return out;
  }

  /** Folds the listener's changes, in order, into one view per calendar: event id to times. */
  private static Map<String, Map<String, Slot>> listenerView(List<BookingChange> changes) {
    Map<String, Map<String, Slot>> view = new TreeMap<>();
    for (BookingChange change : changes) {
      Map<String, Slot> calendar = view.computeIfAbsent(change.calendarEmail(), k -> new TreeMap<>());
      switch (change.type()) {
        case CREATED, UPDATED -> calendar.put(
            change.eventId(),
            new Slot(change.start().orElseThrow(), change.end().orElseThrow(), ""));
        case DELETED -> calendar.remove(change.eventId());
        default -> throw new IllegalStateException(change.type().toString());
      }
    }
    return view;
  }
}
