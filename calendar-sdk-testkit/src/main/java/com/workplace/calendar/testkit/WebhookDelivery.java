package com.workplace.calendar.testkit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP POST the fake made to a client's endpoint: a validation request, a change
 * notification or a lifecycle notification, with its outcome.
 *
 * @param kind what was sent
 * @param subscriptionId the subscription it concerns; empty string for validation requests
 * @param url the URL POSTed to (for validation requests including {@code ?validationToken=})
 * @param event the change type ({@code created}, ...), the lifecycle event or {@code validation}
 * @param statusCode the HTTP status answered, or {@code -1} when no response arrived
 * @param failure why the delivery failed (connection error, timeout, wrong answer); empty string
 *     when it succeeded
 * @param sentAt when it was sent (fake clock)
 * @param body the body POSTed (empty for validation requests)
 * @since 0.1.0
 */
public record WebhookDelivery(
    Kind kind,
    String subscriptionId,
    String url,
    String event,
    int statusCode,
    String failure,
    Instant sentAt,
    String body) {

  /** What was delivered. */
  public enum Kind {
    /** The validation handshake of a subscription being created. */
    VALIDATION,
    /** A change notification. */
    NOTIFICATION,
    /** A lifecycle notification. */
    LIFECYCLE
  }

  /**
   * Validates the values.
   *
   * @throws NullPointerException when a value is null
   */
  public WebhookDelivery {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subscriptionId, "subscriptionId");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(sentAt, "sentAt");
    Objects.requireNonNull(body, "body");
  }

  /**
   * Whether the endpoint answered with a 2xx status and, for validation, echoed the token.
   *
   * @return whether it succeeded
   */
  public boolean succeeded() {
    return failure.isEmpty() && statusCode >= 200 && statusCode < 300;
  }

  /**
   * Why the delivery failed.
   *
   * @return the reason, or empty when it succeeded
   */
  public Optional<String> failureReason() {
    return failure.isEmpty() ? Optional.empty() : Optional.of(failure);
  }

  @Override
  public String toString() {
    return "WebhookDelivery{" + kind + " " + event + " -> " + statusCode
        + (failure.isEmpty() ? "" : " (" + failure + ")") + "}";
  }
}
