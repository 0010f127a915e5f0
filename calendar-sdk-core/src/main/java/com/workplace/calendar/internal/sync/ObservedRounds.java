package com.workplace.calendar.internal.sync;

import com.workplace.calendar.CalendarEventListener;
import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.store.SyncState;
import com.workplace.calendar.sync.SyncResult;
import com.workplace.calendar.sync.SyncRound;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs delta rounds and tells the {@link CalendarEventListener} of each: started, then finished
 * (with its result or failure, its duration and the age of the previous round) on the same
 * thread. Without a listener it only runs them.
 */
final class ObservedRounds {
  private final DeltaRound round;
  private final CalendarStore store;
  private final Clock clock;
  private final CalendarEventListener events;

  ObservedRounds(DeltaRound round, CalendarStore store, Clock clock, CalendarEventListener events) {
    this.round = Objects.requireNonNull(round, "round");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.events = Objects.requireNonNull(events, "events");
  }

  /**
   * Runs one round.
   *
   * @param key the calendar
   * @param keepAlive renews the caller's lease
   * @return what the round found
   */
  SyncResult run(CalendarKey key, Runnable keepAlive) {
    if (events == CalendarEventListener.NONE) {
      return round.run(key, keepAlive);
    }
    Instant now = clock.instant();
    Optional<Duration> lag =
        store
            .findSyncState(key.tenantId(), key.email())
            .flatMap(SyncState::lastSyncAt)
            .map(last -> last.isAfter(now) ? Duration.ZERO : Duration.between(last, now));
    long started = System.nanoTime();
    events.syncRoundStarted(key.tenantId(), key.email());
    SyncResult result;
    try {
      result = round.run(key, keepAlive);
    } catch (RuntimeException | Error e) {
      events.syncRoundFinished(
          SyncRound.failed(key.tenantId(), key.email(), e, since(started), lag));
      throw e;
    }
    events.syncRoundFinished(SyncRound.succeeded(result, since(started), lag));
    return result;
  }

  private static Duration since(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }
}
