package com.workplace.calendar.sync;

import java.util.Locale;
import java.util.Optional;

/**
 * What an accepted notification says, from a small fixed set.
 *
 * @since 0.2.0
 */
public enum NotificationKind {
  /** Something changed in the calendar: a delta round is queued. */
  CHANGE,
  /** The subscription must be renewed ({@code reauthorizationRequired}). */
  REAUTHORIZATION_REQUIRED,
  /** The service removed the subscription ({@code subscriptionRemoved}): it is created again. */
  SUBSCRIPTION_REMOVED,
  /** The service dropped notifications ({@code missed}): a delta round is queued. */
  MISSED,
  /** A lifecycle event this SDK does not act on. */
  OTHER_LIFECYCLE_EVENT;

  /**
   * Classifies a notification by its lifecycle event.
   *
   * @param lifecycleEvent the event as the service wrote it, or empty for a change notification
   * @return the kind
   */
  public static NotificationKind of(Optional<String> lifecycleEvent) {
    if (lifecycleEvent.isEmpty()) {
      return CHANGE;
    }
    switch (lifecycleEvent.get().toLowerCase(Locale.ROOT)) {
      case "reauthorizationrequired":
        return REAUTHORIZATION_REQUIRED;
      case "subscriptionremoved":
        return SUBSCRIPTION_REMOVED;
      case "missed":
        return MISSED;
      default:
        return OTHER_LIFECYCLE_EVENT;
    }
  }
}
