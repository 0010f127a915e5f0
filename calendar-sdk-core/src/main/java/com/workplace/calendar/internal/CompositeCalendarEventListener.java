package com.workplace.calendar.internal;

import com.workplace.calendar.CalendarEventListener;
import com.workplace.calendar.registry.ConnectReport;
import com.workplace.calendar.sync.NotificationKind;
import com.workplace.calendar.sync.NotificationRejection;
import com.workplace.calendar.sync.SyncRound;
import com.workplace.calendar.tenant.ConsentRejection;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.tenant.VerificationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells several listeners of every event, in order; one that throws does not stop the others. */
public final class CompositeCalendarEventListener implements CalendarEventListener {
  private static final Logger LOG = LoggerFactory.getLogger(CompositeCalendarEventListener.class);

  private final CalendarEventListener[] listeners;
  private final Set<String> reported = ConcurrentHashMap.newKeySet();

  private CompositeCalendarEventListener(List<CalendarEventListener> listeners) {
    this.listeners = listeners.toArray(new CalendarEventListener[0]);
  }

  /**
   * Combines listeners.
   *
   * @param listeners the listeners
   * @return {@link CalendarEventListener#NONE} for none, a composite (guarding even a single
   *     listener) otherwise
   */
  public static CalendarEventListener of(List<? extends CalendarEventListener> listeners) {
    List<CalendarEventListener> kept = new ArrayList<>();
    for (CalendarEventListener l : Objects.requireNonNull(listeners, "listeners")) {
      Objects.requireNonNull(l, "listener");
      if (l != CalendarEventListener.NONE) {
        kept.add(l);
      }
    }
    if (kept.isEmpty()) {
      return CalendarEventListener.NONE;
    }
    return new CompositeCalendarEventListener(kept);
  }

  private void each(String event, Consumer<CalendarEventListener> call) {
    for (CalendarEventListener l : listeners) {
      try {
        call.accept(l);
      } catch (RuntimeException e) {
        String key = l.getClass().getName() + "#" + event + "#" + e.getClass().getName();
        if (reported.add(key)) {
          LOG.warn(
              "Calendar event listener {} failed on {} (reported once): {}",
              l.getClass().getName(),
              event,
              e.getClass().getName());
        }
      }
    }
  }

  @Override
  public void connectCompleted(ConnectReport report) {
    each("connectCompleted", l -> l.connectCompleted(report));
  }

  @Override
  public void syncRoundStarted(TenantId tenantId, String calendarEmail) {
    each("syncRoundStarted", l -> l.syncRoundStarted(tenantId, calendarEmail));
  }

  @Override
  public void syncRoundFinished(SyncRound round) {
    each("syncRoundFinished", l -> l.syncRoundFinished(round));
  }

  @Override
  public void notificationAccepted(TenantId tenantId, String calendarEmail, NotificationKind kind) {
    each("notificationAccepted", l -> l.notificationAccepted(tenantId, calendarEmail, kind));
  }

  @Override
  public void notificationRejected(NotificationRejection reason) {
    each("notificationRejected", l -> l.notificationRejected(reason));
  }

  @Override
  public void notificationHandshakeAnswered() {
    each("notificationHandshakeAnswered", CalendarEventListener::notificationHandshakeAnswered);
  }

  @Override
  public void consentCompleted(VerificationResult result) {
    each("consentCompleted", l -> l.consentCompleted(result));
  }

  @Override
  public void consentRejected(ConsentRejection reason) {
    each("consentRejected", l -> l.consentRejected(reason));
  }

  @Override
  public void tenantVerified(VerificationResult result) {
    each("tenantVerified", l -> l.tenantVerified(result));
  }
}
