package com.workplace.calendar.internal;

import com.workplace.calendar.CalendarEventListener;
import com.workplace.calendar.registry.ConnectReport;
import com.workplace.calendar.sync.NotificationKind;
import com.workplace.calendar.sync.NotificationRejection;
import com.workplace.calendar.sync.SyncRound;
import com.workplace.calendar.tenant.ConsentRejection;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.tenant.VerificationResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every core event, each as a short line, and the events' values. */
public final class RecordingEvents implements CalendarEventListener {
  /** One line per event, in order, e.g. {@code "rejected UNKNOWN_SUBSCRIPTION"}. */
  public final List<String> lines = new CopyOnWriteArrayList<>();

  /** The finished rounds. */
  public final List<SyncRound> rounds = new CopyOnWriteArrayList<>();

  /** The connect reports. */
  public final List<ConnectReport> reports = new CopyOnWriteArrayList<>();

  /** The thread each round started and finished on, in order. */
  public final List<Thread> roundThreads = new CopyOnWriteArrayList<>();

  @Override
  public void connectCompleted(ConnectReport report) {
    reports.add(report);
    lines.add("connect " + report.connected() + "/" + report.attempted());
  }

  @Override
  public void syncRoundStarted(TenantId tenantId, String calendarEmail) {
    roundThreads.add(Thread.currentThread());
    lines.add("round started " + calendarEmail);
  }

  @Override
  public void syncRoundFinished(SyncRound round) {
    roundThreads.add(Thread.currentThread());
    rounds.add(round);
    lines.add("round " + (round.succeeded() ? "succeeded " : "failed ") + round.calendarEmail());
  }

  @Override
  public void notificationAccepted(TenantId tenantId, String calendarEmail, NotificationKind kind) {
    lines.add("accepted " + kind + " " + calendarEmail);
  }

  @Override
  public void notificationRejected(NotificationRejection reason) {
    lines.add("rejected " + reason);
  }

  @Override
  public void notificationHandshakeAnswered() {
    lines.add("handshake");
  }

  @Override
  public void consentCompleted(VerificationResult result) {
    lines.add("consent " + result.status());
  }

  @Override
  public void consentRejected(ConsentRejection reason) {
    lines.add("consent rejected " + reason);
  }

  @Override
  public void tenantVerified(VerificationResult result) {
    lines.add("verified " + result.status());
  }
}
