package com.workplace.calendar;

import com.workplace.calendar.internal.CompositeCalendarEventListener;
import com.workplace.calendar.registry.ConnectReport;
import com.workplace.calendar.sync.NotificationKind;
import com.workplace.calendar.sync.NotificationRejection;
import com.workplace.calendar.sync.SyncRound;
import com.workplace.calendar.tenant.ConsentRejection;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.tenant.VerificationResult;
import java.util.List;

/**
 * Hooks for metrics, tracing and the host's own monitoring on what the provider-neutral core does:
 * connecting calendars, sync rounds, change notifications and consent. The Microsoft 365 module
 * adds its own hooks for single HTTP requests ({@code GraphEventListener}).
 *
 * <p>Every method does nothing by default. Implementations must be fast and thread-safe and should
 * not throw: they run on the thread doing the work (a request thread for notifications and
 * consent, a sync worker for rounds). Register one with {@link
 * CalendarServices.Builder#eventListener(CalendarEventListener)}; combine several with {@link
 * #composite(List)}, which also keeps one that throws from disturbing the others or the SDK.
 *
 * <p><b>Personal data.</b> Calendar e-mail addresses and tenant IDs are passed for the host's own
 * use; a metrics or tracing integration must not turn them into tags or attributes unless the host
 * asks for it. Nothing passed here carries a token, a secret, a consent {@code state} or a
 * notification's {@code clientState}.
 *
 * @since 0.2.0
 */
public interface CalendarEventListener {

  /** A listener that ignores everything. */
  CalendarEventListener NONE = new CalendarEventListener() {};

  /**
   * Combines listeners: each is told of every event in the order given. A listener that throws is
   * logged (once per kind of failure) and the others are still told.
   *
   * @param listeners the listeners
   * @return one listener telling them all; {@link #NONE} for none
   */
  static CalendarEventListener composite(List<? extends CalendarEventListener> listeners) {
    return CompositeCalendarEventListener.of(listeners);
  }

  /**
   * Combines listeners, see {@link #composite(List)}.
   *
   * @param listeners the listeners
   * @return one listener telling them all
   */
  static CalendarEventListener composite(CalendarEventListener... listeners) {
    return composite(List.of(listeners));
  }

  /**
   * Calendars were probed and their outcomes recorded ({@code calendars().connect(..)}, or the
   * background connector).
   *
   * @param report the outcome of every calendar probed, connected or failed with its reason
   */
  default void connectCompleted(ConnectReport report) {}

  /**
   * A sync round of one calendar starts, on the thread that runs it; {@link #syncRoundFinished}
   * follows on the same thread.
   *
   * @param tenantId the tenant
   * @param calendarEmail the calendar
   */
  default void syncRoundStarted(TenantId tenantId, String calendarEmail) {}

  /**
   * A sync round of one calendar ended, successfully or not.
   *
   * @param round what it found, how long it took and how far behind the calendar was
   */
  default void syncRoundFinished(SyncRound round) {}

  /**
   * A change or lifecycle notification passed every check (known subscription, matching {@code
   * clientState} and tenant); the work it asks for is queued.
   *
   * @param tenantId the tenant of the subscription
   * @param calendarEmail the calendar of the subscription
   * @param kind what the notification says
   */
  default void notificationAccepted(TenantId tenantId, String calendarEmail, NotificationKind kind) {}

  /**
   * A notification request, or one notification in it, was refused and changed nothing.
   *
   * @param reason why
   */
  default void notificationRejected(NotificationRejection reason) {}

  /** A subscription's validation handshake was answered. */
  default void notificationHandshakeAnswered() {}

  /**
   * An administrator came back from the consent page with a valid {@code state}; the tenant's
   * new status is in the result (verified, consented, or failed with a reason).
   *
   * @param result the outcome
   */
  default void consentCompleted(VerificationResult result) {}

  /**
   * A consent callback was refused before it changed anything (forged, replayed, expired or for
   * another tenant).
   *
   * @param reason why
   */
  default void consentRejected(ConsentRejection reason) {}

  /**
   * A tenant's access was verified again ({@code tenants().verify(..)}); a revoked consent shows
   * here as {@code REVOKED}.
   *
   * @param result the outcome
   */
  default void tenantVerified(VerificationResult result) {}
}
