package com.workplace.calendar.graph.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.ConflictException;
import com.workplace.calendar.booking.Booking;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.booking.ConflictPolicy;
import com.workplace.calendar.booking.BookingUpdate;
import com.workplace.calendar.graph.AuthorizedTenant;
import com.workplace.calendar.graph.GraphRetryOptions;
import com.workplace.calendar.graph.RecordingListener;
import com.workplace.calendar.graph.SecretsInLogsExtension;
import com.workplace.calendar.store.BookingLink;
import com.workplace.calendar.store.InMemoryCalendarStore;
import com.workplace.calendar.sync.BookingChange;
import com.workplace.calendar.sync.ChangeType;
import com.workplace.calendar.testkit.FakeEvent;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FaultKind;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

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
class ChaosIT {
  private static final int ROOMS = 24;
  private static final int OPERATIONS = 2_000;
  private static final int THREADS = 8;
  private static final int OPS_PER_SYNC_ROUND = 8;
  private static final int HOST_ATTEMPTS = 12;
  private static final long SEED = 20_240_909L;
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
  /** Quick backoff without Retry-After, so the suite stays short; Retry-After is still honoured. */
  private static final GraphRetryOptions RETRY =
      GraphRetryOptions.builder()
          .maxAttempts(8)
          .baseDelay(Duration.ofMillis(20))
          .maxDelay(Duration.ofSeconds(1))
          .deadline(Duration.ofSeconds(60))
          .build();

  private static FakeMicrosoft365 m365;

  @BeforeAll
  static void startFake() {
    m365 = FakeMicrosoft365.builder().latency(Duration.ofMillis(2)).seed(SEED).build().start();
  }

  @AfterAll
  static void stopFake() {
    m365.close();
  }

  @AfterEach
  void clearFaults() {
    m365.faults().clear();
  }

  /** A tenant with rooms, a service over its own store, and the host's listener and counters. */
  private static final class Host implements AutoCloseable {
    final InMemoryCalendarStore store = InMemoryCalendarStore.create();
    final RecordingListener listener = new RecordingListener();
    final GraphCounters counters = new GraphCounters();
    final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    final AuthorizedTenant tenant;

    Host(String name, int rooms) {
      tenant =
          AuthorizedTenant.create(
              m365, name, rooms, b -> b.store(store).syncListener(listener).eventListener(counters).retry(RETRY));
    }

    /**
     * Runs an operation the way a host would: a failure answered by the service (after the SDK's own
     * retries) is repeated with the same booking key; anything else fails the test.
     */
    <T> T attempt(String what, IntFunction<T> operation) {
      for (int attempt = 1; ; attempt++) {
        try {
          return operation.apply(attempt);
        } catch (CalendarServiceException e) {
          failures.computeIfAbsent(e.getClass().getSimpleName() + " " + e.statusCode(), k -> new LongAdder()).increment();
          if (attempt >= HOST_ATTEMPTS) {
            throw new AssertionError(what + " still failed after " + attempt + " attempts", e);
          }
        }
      }
    }

    long failures() {
      return failures.values().stream().mapToLong(LongAdder::sum).sum();
    }

    @Override
    public void close() {
      tenant.close();
    }
  }

  enum Step {
    CREATE,
    MOVE,
    RENAME,
    END_EARLY,
    CANCEL
  }

  /** One booking key: its script of operations and the state the host intends for it. */
  private static final class Intent {
    final String key;
    final String room;
    final List<Step> steps;
    int next;
    Instant start;
    Instant end;
    String subject;
    String eventId;
    boolean cancelled;

    Intent(String key, String room, List<Step> steps, Instant start, Instant end) {
      this.key = key;
      this.room = room;
      this.steps = steps;
      this.start = start;
      this.end = end;
      this.subject = "Booking " + key;
    }
  }

  /** The calendar state of one event as the checks compare it. */
  record Slot(Instant start, Instant end, String label) {}

  @Test
  void twoThousandOperationsUnderFaultsLeaveExactlyTheIntendedBookingsAndTheListenerInStep() throws Exception {
    try (Host host = new Host("chaos", ROOMS)) {
      AuthorizedTenant tenant = host.tenant;
      List<String> rooms = new ArrayList<>();
      for (int i = 0; i < ROOMS; i++) {
        rooms.add(tenant.room(i));
      }
      Instant now = Instant.now();
      Random random = new Random(SEED);
      List<Intent> intents = plan(random, rooms, now);
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
                      perform(host, intent, intent.steps.get(intent.next++), own, now);
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

  private static List<Intent> plan(Random random, List<String> rooms, Instant now) {
    List<Intent> intents = new ArrayList<>();
    Instant today = now.truncatedTo(ChronoUnit.DAYS);
    int total = 0;
    for (int n = 0; total < OPERATIONS; n++) {
      boolean running = random.nextInt(5) == 0;
      List<Step> steps = new ArrayList<>();
      steps.add(Step.CREATE);
      int updates = random.nextInt(3);
      for (int i = 0; i < updates; i++) {
        steps.add(running || random.nextBoolean() ? Step.RENAME : Step.MOVE);
      }
      if (running && random.nextInt(10) < 7) {
        steps.add(Step.END_EARLY);
      }
      if (random.nextInt(10) < 3) {
        steps.add(Step.CANCEL);
      }
      if (total + steps.size() > OPERATIONS) {
        steps = new ArrayList<>(steps.subList(0, OPERATIONS - total));
      }
      total += steps.size();
      Instant start;
      Instant end;
      if (running) {
        start = now.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(30));
        end = start.plus(Duration.ofHours(4));
      } else {
        start = futureSlot(random, today);
        end = start.plus(Duration.ofMinutes(15L * (1 + random.nextInt(8))));
      }
      intents.add(new Intent("chaos-" + n, rooms.get(random.nextInt(rooms.size())), steps, start, end));
    }
    return intents;
  }

  private static Instant futureSlot(Random random, Instant today) {
    return today
        .plus(Duration.ofDays(2 + random.nextInt(28)))
        .plus(Duration.ofHours(6 + random.nextInt(12)))
        .plus(Duration.ofMinutes(15L * random.nextInt(4)));
  }

  private static void perform(Host host, Intent intent, Step step, Random random, Instant now) {
    AuthorizedTenant tenant = host.tenant;
    switch (step) {
      case CREATE -> {
        BookingRequest request =
            BookingRequest.builder(tenant.id, intent.key)
                .room(intent.room)
                .subject(intent.subject)
                .time(intent.start, intent.end)
                .booker("booker" + random.nextInt(50) + "@" + tenant.fake.domain(), "Booker")
                .conflictPolicy(ConflictPolicy.ALLOW)
                .build();
        Booking booking = host.attempt("create " + intent.key, a -> tenant.service.bookings().create(request));
        assertThat(booking.start()).isEqualTo(intent.start);
        assertThat(booking.end()).isEqualTo(intent.end);
        intent.eventId = booking.eventId();
      }
      case MOVE -> {
        Instant start = futureSlot(random, now.truncatedTo(ChronoUnit.DAYS));
        Instant end = start.plus(Duration.ofMinutes(15L * (1 + random.nextInt(8))));
        Booking booking =
            host.attempt("move " + intent.key, a -> tenant.service.bookings().update(tenant.id, intent.key, BookingUpdate.time(start, end).withConflictPolicy(ConflictPolicy.ALLOW)));
        assertThat(booking.eventId()).isEqualTo(intent.eventId);
        assertThat(booking.start()).isEqualTo(start);
        assertThat(booking.end()).isEqualTo(end);
        intent.start = start;
        intent.end = end;
      }
      case RENAME -> {
        String subject = "Booking " + intent.key + " v" + intent.next;
        Booking booking =
            host.attempt("rename " + intent.key, a -> tenant.service.bookings().update(tenant.id, intent.key, BookingUpdate.subject(subject)));
        assertThat(booking.subject()).isEqualTo(subject);
        intent.subject = subject;
      }
      case END_EARLY -> {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Booking booking =
            host.attempt(
                "end " + intent.key,
                a -> {
                  try {
                    return tenant.service.bookings().endEarly(tenant.id, intent.key);
                  } catch (ConflictException e) {
                    if (a > 1 && e.getMessage().contains("has already ended")) {
                      // an earlier attempt ended it, but its answer was lost: the calendar knows when
                      return tenant.service.bookings().get(tenant.id, intent.key)
                          .orElseThrow(() -> new AssertionError("ended booking " + intent.key + " vanished"));
                    }
                    throw e;
                  }
                });
        assertThat(booking.end()).isBetween(before, Instant.now()).isBefore(intent.end);
        intent.end = booking.end();
      }
      case CANCEL -> {
        boolean cancelled =
            host.attempt("cancel " + intent.key, a -> tenant.service.bookings().cancel(tenant.id, intent.key, "Plans changed"));
        assertThat(cancelled).as("cancel found booking %s", intent.key).isTrue();
        intent.cancelled = true;
      }
      default -> throw new IllegalStateException(step.toString());
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

  @Test
  void aCreateWhoseAnswersAreAllLostIsRepeatedByTheHostIntoOneEvent() {
    try (Host host = new Host("lostcreate", 1)) {
      AuthorizedTenant tenant = host.tenant;
      Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(3));
      BookingRequest request =
          BookingRequest.builder(tenant.id, "lost-1")
              .room(tenant.room(0))
              .subject("Lost answers")
              .time(start, start.plus(Duration.ofHours(1)))
              .booker("alex@" + tenant.fake.domain(), "Alex")
              .conflictPolicy(ConflictPolicy.ALLOW)
                .build();
      m365.faults().dropResponseNext(RETRY.maxAttempts());

      assertThatThrownBy(() -> tenant.service.bookings().create(request))
          .isInstanceOfSatisfying(CalendarServiceException.class, e -> assertThat(e.statusCode()).isZero());
      assertThat(tenant.fake.events(tenant.room(0))).as("every attempt reached the calendar").hasSize(1);
      assertThat(host.counters.count("retrying POST /v1.0/users/{m}/events 0")).isEqualTo(RETRY.maxAttempts() - 1);

      Booking booking = tenant.service.bookings().create(request);

      assertThat(tenant.fake.events(tenant.room(0))).extracting(FakeEvent::id).containsExactly(booking.eventId());
      assertThat(tenant.service.bookings().get(tenant.id, "lost-1")).map(Booking::start).contains(start);
    }
  }

  @Test
  void aRoundBeforeTheCreateCompletedStillNamesTheBooking() {
    try (Host host = new Host("earlyround", 1)) {
      AuthorizedTenant tenant = host.tenant;
      Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(5));
      BookingRequest request =
          BookingRequest.builder(tenant.id, "early-1")
              .room(tenant.room(0))
              .subject("Read early")
              .time(start, start.plus(Duration.ofHours(1)))
              .booker("alex@" + tenant.fake.domain(), "Alex")
              .conflictPolicy(ConflictPolicy.ALLOW)
                .build();
      tenant.service.sync().syncNow(tenant.id, tenant.room(0));
      m365.faults().dropResponseNext(RETRY.maxAttempts());
      assertThatThrownBy(() -> tenant.service.bookings().create(request)).isInstanceOf(CalendarServiceException.class);

      tenant.service.sync().syncNow(tenant.id, tenant.room(0));
      Booking booking = tenant.service.bookings().create(request);
      tenant.service.sync().syncNow(tenant.id, tenant.room(0));

      assertThat(host.listener.changes).filteredOn(c -> c.eventId().equals(booking.eventId()))
          .last().satisfies(c -> assertThat(c.bookingKey()).contains("early-1"));
    }
  }

  @Test
  void anEndEarlyWhoseAnswersAreAllLostIsSeenAsEndedWhenRepeated() {
    try (Host host = new Host("lostend", 1)) {
      AuthorizedTenant tenant = host.tenant;
      Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(20));
      Booking running =
          tenant.service.bookings().create(
              BookingRequest.builder(tenant.id, "lost-2")
                  .room(tenant.room(0))
                  .subject("Running")
                  .time(start, start.plus(Duration.ofHours(2)))
                  .booker("alex@" + tenant.fake.domain(), "Alex")
                  .conflictPolicy(ConflictPolicy.ALLOW)
                .build());
      // the read before the change gets through (a zero delay), every attempt of the change is lost
      m365.faults().slowNext(1, Duration.ZERO).dropResponseNext(RETRY.maxAttempts());

      assertThatThrownBy(() -> tenant.service.bookings().endEarly(tenant.id, "lost-2"))
          .isInstanceOf(CalendarServiceException.class);
      Instant endedAt = tenant.fake.events(tenant.room(0)).get(0).end();
      assertThat(endedAt).isBefore(running.end());

      assertThatThrownBy(() -> tenant.service.bookings().endEarly(tenant.id, "lost-2"))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining("has already ended");
      assertThat(tenant.service.bookings().get(tenant.id, "lost-2")).map(Booking::end).contains(endedAt);
    }
  }

  @Test
  void aCancelWhoseAnswersAreAllLostEndsWithTheBookingGoneWhenRepeated() {
    try (Host host = new Host("lostcancel", 1)) {
      AuthorizedTenant tenant = host.tenant;
      Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(4));
      tenant.service.bookings().create(
          BookingRequest.builder(tenant.id, "lost-3")
              .room(tenant.room(0))
              .subject("To cancel")
              .time(start, start.plus(Duration.ofHours(1)))
              .booker("alex@" + tenant.fake.domain(), "Alex")
              .conflictPolicy(ConflictPolicy.ALLOW)
                .build());
      m365.faults().slowNext(1, Duration.ZERO).dropResponseNext(RETRY.maxAttempts());

      assertThatThrownBy(() -> tenant.service.bookings().cancel(tenant.id, "lost-3", null))
          .isInstanceOf(CalendarServiceException.class);
      assertThat(tenant.fake.events(tenant.room(0))).as("the first attempt cancelled it").isEmpty();
      assertThat(host.store.findBookingLink(tenant.id, "lost-3")).as("the host still holds the key").isPresent();

      assertThat(tenant.service.bookings().cancel(tenant.id, "lost-3", null)).isTrue();

      assertThat(host.store.findBookingLink(tenant.id, "lost-3")).isEmpty();
      assertThat(tenant.service.bookings().get(tenant.id, "lost-3")).isEmpty();
    }
  }
}
