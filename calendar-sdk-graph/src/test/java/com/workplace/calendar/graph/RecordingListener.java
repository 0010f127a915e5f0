package com.workplace.calendar.graph;

import com.workplace.calendar.sync.BookingChange;
import com.workplace.calendar.sync.SyncListener;
import com.workplace.calendar.tenant.TenantId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A host's listener that remembers every change and every call's time span. */
final class RecordingListener implements SyncListener {
  record Call(String owner, String calendar, long startNanos, long endNanos, int changes) {}

  final String owner;
  final List<BookingChange> changes = new CopyOnWriteArrayList<>();
  final List<Call> calls;

  RecordingListener(String owner, List<Call> sharedCalls) {
    this.owner = owner;
    this.calls = sharedCalls;
  }

  RecordingListener() {
    this("host", new CopyOnWriteArrayList<>());
  }

  @Override
  public void onChanges(TenantId tenantId, String calendarEmail, List<BookingChange> batch) {
    long start = System.nanoTime();
    changes.addAll(batch);
    calls.add(new Call(owner, calendarEmail, start, System.nanoTime(), batch.size()));
  }
}
