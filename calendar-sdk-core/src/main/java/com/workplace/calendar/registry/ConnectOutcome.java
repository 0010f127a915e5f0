package com.workplace.calendar.registry;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of probing one room mailbox.
 *
 * @param email the mailbox
 * @param status {@link CalendarStatus#CONNECTED} or {@link CalendarStatus#FAILED}
 * @param failureReason why it failed
 * @param detail the service's error code or words, if any
 * @since 0.1.0
 */
public record ConnectOutcome(
    String email,
    CalendarStatus status,
    Optional<CalendarFailureReason> failureReason,
    Optional<String> detail) {

  /** Validates the record. */
  public ConnectOutcome {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(failureReason, "failureReason");
    Objects.requireNonNull(detail, "detail");
    if (status == CalendarStatus.ADDED) {
      throw new IllegalArgumentException("a connect outcome is CONNECTED or FAILED");
    }
    if ((status == CalendarStatus.FAILED) != failureReason.isPresent()) {
      throw new IllegalArgumentException("a failure reason is required for FAILED and only then");
    }
  }

  /**
   * A mailbox that answered.
   *
   * @param email the mailbox
   * @return the outcome
   */
  public static ConnectOutcome connected(String email) {
    return new ConnectOutcome(email, CalendarStatus.CONNECTED, Optional.empty(), Optional.empty());
  }

  /**
   * A mailbox that could not be reached.
   *
   * @param email the mailbox
   * @param reason why
   * @param detail the service's error code or words, or {@code null}
   * @return the outcome
   */
  public static ConnectOutcome failed(String email, CalendarFailureReason reason, String detail) {
    return new ConnectOutcome(
        email, CalendarStatus.FAILED, Optional.of(reason), Optional.ofNullable(detail));
  }
}
