package com.workplace.calendar.testkit;

/**
 * Lifecycle notifications the fake can send to a subscription's {@code
 * lifecycleNotificationUrl} with {@link FakeMicrosoft365#sendLifecycleNotification}.
 *
 * @since 0.1.0
 */
public enum LifecycleEvent {
  /** {@code reauthorizationRequired}: the client should reauthorize or renew. */
  REAUTHORIZATION_REQUIRED("reauthorizationRequired"),
  /** {@code subscriptionRemoved}: the subscription is gone (the fake removes it). */
  SUBSCRIPTION_REMOVED("subscriptionRemoved"),
  /** {@code missed}: notifications were lost; the client should resynchronise. */
  MISSED("missed");

  private final String wireName;

  LifecycleEvent(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The value sent in the {@code lifecycleEvent} property.
   *
   * @return the wire name
   */
  public String wireName() {
    return wireName;
  }
}
