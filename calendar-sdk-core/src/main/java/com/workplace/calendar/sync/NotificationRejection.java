package com.workplace.calendar.sync;

/**
 * Why the {@link NotificationReceiver} refused a notification request or one notification in it.
 * Nothing refused changes anything.
 *
 * @since 0.2.0
 */
public enum NotificationRejection {
  /** Not a {@code POST} (answered 405). */
  METHOD_NOT_ALLOWED,
  /** A validation handshake whose token is empty, too long, not URL-encoded or not printable. */
  INVALID_VALIDATION_TOKEN,
  /** The sync is shut down; the service delivers the notification again later (503). */
  SHUT_DOWN,
  /** The body is over the size limit (413). */
  BODY_TOO_LARGE,
  /** The body is empty (400). */
  EMPTY_BODY,
  /** The body is not a notification payload (400). */
  MALFORMED_BODY,
  /** The notification names a subscription this SDK does not know. */
  UNKNOWN_SUBSCRIPTION,
  /** The notification's {@code clientState} is missing or not the subscription's. */
  CLIENT_STATE_MISMATCH,
  /** The notification names another tenant than the subscription's. */
  TENANT_MISMATCH
}
