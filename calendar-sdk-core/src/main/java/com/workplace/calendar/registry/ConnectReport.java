package com.workplace.calendar.registry;

import com.workplace.calendar.tenant.TenantId;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a connect run did.
 *
 * @param tenantId the tenant
 * @param outcomes one outcome per probed calendar, ordered by e-mail
 * @param elapsed how long the run took
 * @since 0.1.0
 */
public record ConnectReport(TenantId tenantId, List<ConnectOutcome> outcomes, Duration elapsed) {
  /** Validates the record. */
  public ConnectReport {
    Objects.requireNonNull(tenantId, "tenantId");
    outcomes = List.copyOf(Objects.requireNonNull(outcomes, "outcomes"));
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /**
   * Counts the calendars probed.
   *
   * @return the number of outcomes
   */
  public int attempted() {
    return outcomes.size();
  }

  /**
   * Counts the calendars connected by this run.
   *
   * @return the number connected
   */
  public long connected() {
    return outcomes.stream().filter(o -> o.status() == CalendarStatus.CONNECTED).count();
  }

  /**
   * Counts the calendars that failed.
   *
   * @return the number failed
   */
  public long failed() {
    return outcomes.size() - connected();
  }

  /**
   * Counts the failures by reason.
   *
   * @return reason → count, only reasons that occurred
   */
  public Map<CalendarFailureReason, Long> failuresByReason() {
    Map<CalendarFailureReason, Long> counts = new EnumMap<>(CalendarFailureReason.class);
    for (ConnectOutcome outcome : outcomes) {
      outcome.failureReason().ifPresent(r -> counts.merge(r, 1L, Long::sum));
    }
    return counts;
  }
}
