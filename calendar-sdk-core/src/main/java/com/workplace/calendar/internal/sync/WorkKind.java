package com.workplace.calendar.internal.sync;

/** What a queued run of a calendar has to do. */
enum WorkKind {
  /** Scheduled upkeep: keep the subscription alive and run a round unless one ran very recently. */
  POLL,
  /** A round was asked for (change notification, {@code missed}, {@code subscriptionRemoved}). */
  DELTA,
  /** Renew the subscription ({@code reauthorizationRequired}). */
  RENEW_SUBSCRIPTION,
  /** Replace the subscription ({@code subscriptionRemoved}). */
  RECREATE_SUBSCRIPTION;

  /**
   * {@return whether the run was asked for, so it must not be dropped when the calendar is busy}
   */
  boolean triggered() {
    return this != POLL;
  }
}
