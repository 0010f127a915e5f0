package com.workplace.calendar.graph.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.ConflictException;
import com.workplace.calendar.booking.Booking;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.booking.BookingUpdate;
import com.workplace.calendar.booking.ConflictPolicy;
import com.workplace.calendar.graph.AuthorizedTenant;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The host's script for the mixed-faults run: booking keys, the operations on each, and the state
 * the host intends for each; performing a step checks the booking the service answers and keeps
 * the intent in step with it.
 */
final class ChaosPlan {
  private ChaosPlan() {}

  /** An operation on a booking key. */
  enum Step {
    CREATE,
    MOVE,
    RENAME,
    END_EARLY,
    CANCEL
  }

  /** One booking key: its script of operations and the state the host intends for it. */
  static final class Intent {
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

  /**
   * Draws booking keys in random rooms, each with a script (a create, then renames or moves, an
   * early end for some that run now, sometimes a cancel), until the scripts hold {@code operations}
   * steps in all.
   */
  static List<Intent> plan(Random random, List<String> rooms, Instant now, int operations) {
    List<Intent> intents = new ArrayList<>();
    Instant today = now.truncatedTo(ChronoUnit.DAYS);
    int total = 0;
    for (int n = 0; total < operations; n++) {
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
      if (total + steps.size() > operations) {
        steps = new ArrayList<>(steps.subList(0, operations - total));
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

  /**
   * Performs one step through the host, checks the service's answer and records what is now
   * intended.
   */
  static void perform(ChaosHost host, Intent intent, Step step, Random random, Instant now) {
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
}
