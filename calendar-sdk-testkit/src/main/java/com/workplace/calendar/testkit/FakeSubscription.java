package com.workplace.calendar.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A change-notification subscription held by the fake, as listed by {@link
 * FakeMicrosoft365#subscriptions()}.
 *
 * @param id the subscription id
 * @param tenantId the tenant the subscription belongs to
 * @param applicationId the client id of the app that created it
 * @param resource the resource as the client gave it, e.g. {@code users/room@contoso.com/events}
 * @param mailbox the subscribed mailbox's address
 * @param changeTypes the change types ({@code created}, {@code updated}, {@code deleted})
 * @param notificationUrl where notifications are POSTed
 * @param lifecycleNotificationUrl where lifecycle events are POSTed; empty string when not set
 * @param clientState the client state echoed in notifications; empty string when not set
 * @param expirationDateTime when the subscription expires
 * @since 0.1.0
 */
public record FakeSubscription(
    String id,
    String tenantId,
    String applicationId,
    String resource,
    String mailbox,
    List<String> changeTypes,
    String notificationUrl,
    String lifecycleNotificationUrl,
    String clientState,
    Instant expirationDateTime) {

  /**
   * Validates and copies the values.
   *
   * @throws NullPointerException when a value is null
   */
  public FakeSubscription {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(applicationId, "applicationId");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(mailbox, "mailbox");
    changeTypes = List.copyOf(changeTypes);
    Objects.requireNonNull(notificationUrl, "notificationUrl");
    Objects.requireNonNull(lifecycleNotificationUrl, "lifecycleNotificationUrl");
    Objects.requireNonNull(clientState, "clientState");
    Objects.requireNonNull(expirationDateTime, "expirationDateTime");
  }

  /**
   * The lifecycle notification URL, when one was given at creation.
   *
   * @return the URL or empty
   */
  public Optional<String> lifecycleUrl() {
    return lifecycleNotificationUrl.isEmpty() ? Optional.empty()
        : Optional.of(lifecycleNotificationUrl);
  }

  @Override
  public String toString() {
    return "FakeSubscription{id=" + id + ", resource=" + resource + ", changeTypes="
        + changeTypes + ", expires=" + expirationDateTime + "}";
  }
}
