package com.workplace.calendar.registry;

import java.util.List;
import java.util.Objects;

/**
 * The per-address outcome of adding many calendars at once, in input order.
 *
 * @param outcomes one outcome per input address
 * @since 0.1.0
 */
public record BulkAddReport(List<AddOutcome> outcomes) {
  /** Validates the record. */
  public BulkAddReport {
    outcomes = List.copyOf(Objects.requireNonNull(outcomes, "outcomes"));
  }

  /**
   * Counts the outcomes of one kind.
   *
   * @param result the kind
   * @return how many addresses had it
   */
  public long count(AddOutcome.Result result) {
    return outcomes.stream().filter(o -> o.result() == result).count();
  }

  /**
   * Counts the calendars registered by this call.
   *
   * @return the number added
   */
  public long added() {
    return count(AddOutcome.Result.ADDED);
  }
}
