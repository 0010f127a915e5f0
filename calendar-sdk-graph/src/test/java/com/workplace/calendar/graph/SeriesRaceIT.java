package com.workplace.calendar.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.booking.BookingConflictException;
import com.workplace.calendar.booking.BookingRecurrence;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.booking.BookingUpdate;
import com.workplace.calendar.graph.SharedDatabase.Kind;
import com.workplace.calendar.testkit.FakeEvent;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two service instances on one H2 database, pairs of weekly series whose occurrences overlap
 * booked at the same moment through different instances: each pair ends with exactly one series
 * in the room, the other refused with a {@link BookingConflictException} and nothing left behind.
 * The same for moves: an existing series moved onto slots another instance books at the same
 * moment ends either moved or where it was, never overlapping the other.
 */
@ExtendWith(SecretsInLogsExtension.class)
class SeriesRaceIT {
  private static final int PAIRS = 4;
  private static final int OCCURRENCES = 5;
  private static FakeMicrosoft365 m365;
  private static SharedDatabase db;
  private static SharedLimitsIT.Cluster cluster;
  private static ExecutorService pool;

  @BeforeAll
  static void start() {
    m365 = FakeMicrosoft365.builder().latency(Duration.ofMillis(2)).build().start();
    db = SharedDatabase.open(Kind.H2);
    cluster = SharedLimitsIT.Cluster.start(m365, db, 2, "seriesrace", b -> {});
    pool = Executors.newFixedThreadPool(2 * PAIRS);
  }

  @AfterAll
  static void stop() throws Exception {
    pool.shutdownNow();
    cluster.close();
    db.close();
    m365.close();
  }

  private static BookingRequest series(String key, Instant start) {
    return BookingRequest.builder(cluster.id, key)
        .room(cluster.room)
        .subject("Series " + key)
        .time(start, start.plus(Duration.ofMinutes(30)))
        .booker("alex@" + cluster.fake.domain(), "Alex Wilber")
        .recurrence(BookingRecurrence.weekly(1, start.atOffset(ZoneOffset.UTC).getDayOfWeek()).times(OCCURRENCES))
        .build();
  }

  @RepeatedTest(5)
  void overlappingSeriesFromTwoInstancesEndWithOneSeriesPerPair(RepetitionInfo repetition) throws Exception {
    Instant base =
        Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(repetition.getCurrentRepetition()));
    CountDownLatch go = new CountDownLatch(1);
    List<Future<String>> outcomes = new ArrayList<>();
    for (int pair = 0; pair < PAIRS; pair++) {
      Instant slot = base.plus(Duration.ofHours(2L * pair));
      for (int side = 0; side < 2; side++) {
        // the two series of a pair overlap by 15 minutes on every occurrence
        BookingRequest request = series(key(repetition, pair, side), slot.plus(Duration.ofMinutes(15L * side)));
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
    for (Future<String> outcome : outcomes) {
      String result = outcome.get(2, TimeUnit.MINUTES);
      if (!result.equals("lost")) {
        won.add(result);
      }
    }

    assertThat(won).as("one series per contested pair").hasSize(PAIRS).doesNotHaveDuplicates();
    for (int pair = 0; pair < PAIRS; pair++) {
      Instant slot = base.plus(Duration.ofHours(2L * pair));
      List<FakeEvent> inSlots = new ArrayList<>();
      for (int week = 0; week < OCCURRENCES; week++) {
        Instant occurrence = slot.plus(Duration.ofDays(7L * week));
        inSlots.addAll(cluster.fake.calendarView(cluster.room, occurrence, occurrence.plus(Duration.ofMinutes(45))));
      }
      assertThat(inSlots).as("occurrences in contested pair %d", pair).hasSize(OCCURRENCES);
      assertThat(inSlots).extracting(e -> e.seriesMasterId().orElseThrow()).containsOnly(
          inSlots.get(0).seriesMasterId().orElseThrow());
      String master = inSlots.get(0).seriesMasterId().orElseThrow();
      assertThat(won).contains(master);
      List<String> linked = new ArrayList<>();
      for (int side = 0; side < 2; side++) {
        cluster.services.get(side).bookings().get(cluster.id, key(repetition, pair, side))
            .ifPresent(b -> linked.add(b.eventId()));
      }
      assertThat(linked).as("a booking link only for the winner of pair %d", pair).containsExactly(master);
    }
  }

  @RepeatedTest(3)
  void aMoveAndACreateOfTheSameSlotsFromTwoInstancesEndWithOneSeriesThere(RepetitionInfo repetition)
      throws Exception {
    // each pair: a series two hours before its contested slots, moved onto them through one
    // instance while the other instance books a new series overlapping them by 15 minutes (weeks
    // after the other test's series, so that the two tests never meet)
    Instant base =
        Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(40L + repetition.getCurrentRepetition()));
    List<String> moverIds = new ArrayList<>();
    for (int pair = 0; pair < PAIRS; pair++) {
      Instant slot = base.plus(Duration.ofHours(3L * pair + 2));
      moverIds.add(cluster.services.get(0).bookings().create(series(moveKey(repetition, pair), slot.minus(Duration.ofHours(2)))).eventId());
    }
    CountDownLatch go = new CountDownLatch(1);
    List<Future<String>> moves = new ArrayList<>();
    List<Future<String>> creates = new ArrayList<>();
    for (int pair = 0; pair < PAIRS; pair++) {
      Instant slot = base.plus(Duration.ofHours(3L * pair + 2));
      String moveKey = moveKey(repetition, pair);
      BookingRequest rival = series(key(repetition, pair, 1) + "m", slot.plus(Duration.ofMinutes(15)));
      CalendarService mover = cluster.services.get(pair % 2);
      CalendarService booker = cluster.services.get((pair + 1) % 2);
      moves.add(
          pool.submit(
              () -> {
                go.await();
                try {
                  return mover.bookings().update(cluster.id, moveKey, BookingUpdate.time(slot, slot.plus(Duration.ofMinutes(30)))).eventId();
                } catch (BookingConflictException e) {
                  return "lost";
                }
              }));
      creates.add(
          pool.submit(
              () -> {
                go.await();
                try {
                  return booker.bookings().create(rival).eventId();
                } catch (BookingConflictException e) {
                  return "lost";
                }
              }));
    }
    go.countDown();
    for (int pair = 0; pair < PAIRS; pair++) {
      String moved = moves.get(pair).get(2, TimeUnit.MINUTES);
      String created = creates.get(pair).get(2, TimeUnit.MINUTES);
      assertThat(List.of(moved, created)).as("exactly one of the move and the create of pair %d won", pair)
          .filteredOn(r -> !r.equals("lost")).hasSize(1);
      Instant slot = base.plus(Duration.ofHours(3L * pair + 2));
      String moverId = moverIds.get(pair);
      for (int week = 0; week < OCCURRENCES; week++) {
        Instant occurrence = slot.plus(Duration.ofDays(7L * week));
        List<FakeEvent> contested = cluster.fake.calendarView(cluster.room, occurrence, occurrence.plus(Duration.ofMinutes(45)));
        List<FakeEvent> old = cluster.fake.calendarView(
            cluster.room, occurrence.minus(Duration.ofHours(2)), occurrence.minus(Duration.ofHours(2)).plus(Duration.ofMinutes(30)));
        assertThat(contested).as("pair %d, week %d: one series in the contested slot", pair, week).hasSize(1);
        if (created.equals("lost")) {
          assertThat(contested.get(0).seriesMasterId()).contains(moverId);
          assertThat(old).as("the moved series left its old slot").isEmpty();
        } else {
          assertThat(contested.get(0).seriesMasterId()).contains(created);
          assertThat(old).as("the refused move left the series where it was").singleElement()
              .satisfies(o -> assertThat(o.seriesMasterId()).contains(moverId));
        }
      }
      Instant start = cluster.services.get(0).bookings().get(cluster.id, moveKey(repetition, pair)).orElseThrow().start();
      assertThat(start).isEqualTo(created.equals("lost") ? slot : slot.minus(Duration.ofHours(2)));
    }
  }

  private static String moveKey(RepetitionInfo repetition, int pair) {
    return "mv" + repetition.getCurrentRepetition() + "-" + pair;
  }

  private static String key(RepetitionInfo repetition, int pair, int side) {
    return "s" + repetition.getCurrentRepetition() + "-" + pair + "-" + side;
  }
}
