package com.workplace.calendar.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.booking.BookingConflictException;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.graph.SharedDatabase.Kind;
import com.workplace.calendar.testkit.FakeEvent;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two service instances on one H2 database, 16 threads at once, 8 pairs of overlapping requests
 * for one room: each contested slot ends with exactly one event, and every loser got a {@link
 * BookingConflictException} and left nothing behind. Repeated 20 times.
 */
@ExtendWith(SecretsInLogsExtension.class)
class RoomRaceIT {
  private static final int PAIRS = 8;
  private static FakeMicrosoft365 m365;
  private static SharedDatabase db;
  private static SharedLimitsIT.Cluster cluster;
  private static ExecutorService pool;

  @BeforeAll
  static void start() {
    m365 = FakeMicrosoft365.builder().latency(Duration.ofMillis(2)).build().start();
    db = SharedDatabase.open(Kind.H2);
    cluster = SharedLimitsIT.Cluster.start(m365, db, 2, "race", b -> {});
    pool = Executors.newFixedThreadPool(2 * PAIRS);
  }

  @AfterAll
  static void stop() throws Exception {
    pool.shutdownNow();
    cluster.close();
    db.close();
    m365.close();
  }

  @RepeatedTest(20)
  void overlappingRequestsFromTwoInstancesEndWithOneBookingPerSlot(RepetitionInfo repetition)
      throws Exception {
    Instant base =
        Instant.now().plus(repetition.getCurrentRepetition(), ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<String>> outcomes = new ArrayList<>();
    for (int pair = 0; pair < PAIRS; pair++) {
      Instant slot = base.plus(Duration.ofHours(2L * pair));
      for (int side = 0; side < 2; side++) {
        // the two sides of a pair overlap by 15 minutes and go through different instances
        BookingRequest request =
            cluster.request("r" + repetition.getCurrentRepetition() + "-" + pair + "-" + side, slot.plus(Duration.ofMinutes(15L * side)));
        CalendarService service = cluster.services.get((pair + side) % 2);
        outcomes.add(
            pool.submit(
                () -> {
                  go.await();
                  try {
                    return service.bookings().create(request).eventId();
                  } catch (BookingConflictException e) {
                    return "lost";
                  }
                }));
      }
    }
    go.countDown();
    List<String> won = new ArrayList<>();
    int lost = 0;
    for (Future<String> outcome : outcomes) {
      String result = outcome.get(2, TimeUnit.MINUTES);
      if (result.equals("lost")) {
        lost++;
      } else {
        won.add(result);
      }
    }

    assertThat(lost).as("one loser per contested slot").isEqualTo(PAIRS);
    for (int pair = 0; pair < PAIRS; pair++) {
      Instant slot = base.plus(Duration.ofHours(2L * pair));
      List<FakeEvent> inSlot = cluster.fake.calendarView(cluster.room, slot, slot.plus(Duration.ofMinutes(45)));
      assertThat(inSlot).as("events in contested slot %d", pair).hasSize(1);
      assertThat(won).contains(inSlot.get(0).id());
    }
    for (int pair = 0; pair < PAIRS; pair++) {
      for (int side = 0; side < 2; side++) {
        String key = "r" + repetition.getCurrentRepetition() + "-" + pair + "-" + side;
        boolean booked = cluster.services.get(0).bookings().get(cluster.id, key).isPresent();
        assertThat(booked).as("a booking link only for the winner of %s", key).isEqualTo(
            cluster.services.get(1).bookings().get(cluster.id, key).isPresent());
      }
    }
    assertThat(won).hasSize(PAIRS).doesNotHaveDuplicates();
  }
}
