package com.workplace.calendar.graph;

import com.workplace.calendar.sync.BookingChange;
import com.workplace.calendar.sync.SyncListener;
import com.workplace.calendar.tenant.TenantId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A host's listener that remembers every change and every call's time span. */
public final class RecordingListener implements SyncListener {
  public record Call(String owner, String calendar, long startNanos, long endNanos, int changes) {}

  public final String owner;
  public final List<BookingChange> changes = new CopyOnWriteArrayList<>();
  public final List<Call> calls;

  public RecordingListener(String owner, List<Call> sharedCalls) {
    this.owner = owner;
    this.calls = sharedCalls;
  }

  public RecordingListener() {
    this("host", new CopyOnWriteArrayList<>());
  }

  @Override
  public void onChanges(TenantId tenantId, String calendarEmail, List<BookingChange> batch) {
    long start = System.nanoTime();
    changes.addAll(batch);
    calls.add(new Call(owner, calendarEmail, start, System.nanoTime(), batch.size()));
  }
}
