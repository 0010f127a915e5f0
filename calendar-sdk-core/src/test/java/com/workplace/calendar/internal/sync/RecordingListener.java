package com.workplace.calendar.internal.sync;

import com.workplace.calendar.sync.BookingChange;
import com.workplace.calendar.sync.SyncListener;
import com.workplace.calendar.tenant.TenantId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A host listener that records every call and can be told to fail. */
final class RecordingListener implements SyncListener {
  /** One call. */
  record Call(TenantId tenantId, String calendarEmail, List<BookingChange> changes) {}

  final List<Call> calls = new CopyOnWriteArrayList<>();
  private final AtomicInteger failures = new AtomicInteger();

  /** The next {@code n} calls throw after being recorded. */
  void failNext(int n) {
    failures.set(n);
  }

  @Override
  public void onChanges(TenantId tenantId, String calendarEmail, List<BookingChange> changes) {
    calls.add(new Call(tenantId, calendarEmail, List.copyOf(changes)));
    if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new IllegalStateException("the host's database is down");
    }
  }

  /** {@return the changes of the last call} */
  List<BookingChange> last() {
    return calls.get(calls.size() - 1).changes();
  }

  /** {@return every change of a calendar, in order} */
  List<BookingChange> all(String calendarEmail) {
    return calls.stream()
        .filter(c -> c.calendarEmail().equals(calendarEmail))
        .flatMap(c -> c.changes().stream())
        .toList();
  }
}
