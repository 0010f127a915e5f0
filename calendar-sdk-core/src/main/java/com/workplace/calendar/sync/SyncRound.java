package com.workplace.calendar.sync;

import com.workplace.calendar.tenant.TenantId;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One finished sync round of one calendar, as {@link
 * com.workplace.calendar.CalendarEventListener#syncRoundFinished} learns of it.
 *
 * @param tenantId the tenant
 * @param calendarEmail the calendar
 * @param result what the round found; empty when it failed
 * @param failure the simple class name of the exception that ended a failed round (never its
 *     message, which may name mailboxes); empty when it succeeded
 * @param duration how long the round took
 * @param lag how long before the round started the calendar's previous round had finished; empty
 *     for its first round
 * @since 0.2.0
 */
public record SyncRound(
    TenantId tenantId,
    String calendarEmail,
    Optional<SyncResult> result,
    Optional<String> failure,
    Duration duration,
    Optional<Duration> lag) {
  /** Validates the record. */
  public SyncRound {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(calendarEmail, "calendarEmail");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(lag, "lag");
    if (result.isPresent() == failure.isPresent()) {
      throw new IllegalArgumentException("a sync round has either a result or a failure");
    }
  }

  /**
   * A round that succeeded.
   *
   * @param result what it found
   * @param duration how long it took
   * @param lag the age of the previous round when it started
   * @return the round
   */
  public static SyncRound succeeded(SyncResult result, Duration duration, Optional<Duration> lag) {
    return new SyncRound(
        result.tenantId(), result.calendarEmail(), Optional.of(result), Optional.empty(), duration,
        lag);
  }

  /**
   * A round that failed.
   *
   * @param tenantId the tenant
   * @param calendarEmail the calendar
   * @param failure what ended it
   * @param duration how long it took
   * @param lag the age of the previous round when it started
   * @return the round
   */
  public static SyncRound failed(
      TenantId tenantId,
      String calendarEmail,
      Throwable failure,
      Duration duration,
      Optional<Duration> lag) {
    return new SyncRound(
        tenantId, calendarEmail, Optional.empty(),
        Optional.of(failure.getClass().getSimpleName()), duration, lag);
  }

  /**
   * Tells whether the round succeeded.
   *
   * @return {@code true} when it handed its changes to the listener and saved its state
   */
  public boolean succeeded() {
    return result.isPresent();
  }
}
