package com.workplace.calendar.sync;

/**
 * Handles change notifications from Microsoft Graph at the host's HTTPS endpoint, independent of any
 * web framework: the host passes each request in and writes the response out.
 *
 * <p>It answers the validation handshake, rejects notifications with a wrong {@code clientState},
 * an unknown subscription or a tenant mismatch without touching anything, and accepts valid ones
 * quickly by only queueing a delta run for the calendar. Notifications are never trusted as data.
 *
 * @since 0.1.0
 */
public interface NotificationReceiver {

  /**
   * The largest request body a receiver accepts (1 MiB); a larger one is answered 413. A web
   * endpoint needs to read at most one byte more than this before passing the request in.
   *
   * @since 0.2.0
   */
  int MAX_BODY_BYTES = 1 << 20;

  /**
   * Handles one request to the notification (or lifecycle) endpoint.
   *
   * @param request the request
   * @return the response to send
   */
  NotificationResponse handle(NotificationRequest request);
}
