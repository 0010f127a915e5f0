package com.workplace.calendar.examples.web;

import com.workplace.calendar.sync.BookingChange;
import com.workplace.calendar.sync.ChangeType;
import com.workplace.calendar.sync.SyncListener;
import com.workplace.calendar.tenant.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The product's {@link SyncListener}: what sync found in the room calendars (bookings made, moved or
 * cancelled in Outlook, and the echoes of the product's own bookings), kept per tenant as a feed the
 * Bookings page shows and polls, the latest {@value #KEPT} changes of each tenant. Changes to the
 * product's own bookings also update them ({@link ProductBookings#applyOutlookChange}).
 */
@Component
public final class OutlookChanges implements SyncListener {
  static final int KEPT = 200;

  /**
   * One change as the page shows it.
   *
   * @param sequence increases by one per change over all tenants; the page asks for those after
   *     the last it has
   * @param receivedAt when sync delivered it
   * @param type created, updated or deleted
   * @param calendarEmail the room
   * @param subject the subject, if the room shows it
   * @param organizer who organized the meeting, if visible
   * @param start the start, absent for deletions
   * @param end the end, absent for deletions
   * @param bookingKey the product's booking key when the event is one of its bookings
   */
  public record Entry(
      long sequence,
      Instant receivedAt,
      ChangeType type,
      String calendarEmail,
      Optional<String> subject,
      Optional<String> organizer,
      Optional<Instant> start,
      Optional<Instant> end,
      Optional<String> bookingKey) {}

  private final Map<TenantId, Deque<Entry>> byTenant = new HashMap<>();
  private final ProductBookings bookings;
  private final Clock clock;
  private long sequence;

  OutlookChanges(ProductBookings bookings) {
    this.bookings = bookings;
    this.clock = Clock.systemUTC();
  }

  @Override
  public void onChanges(TenantId tenantId, String calendarEmail, List<BookingChange> changes) {
    for (BookingChange change : changes) {
      change.bookingKey().ifPresent(key -> bookings.applyOutlookChange(tenantId, key, change));
    }
    synchronized (this) {
      Deque<Entry> feed = byTenant.computeIfAbsent(tenantId, t -> new ArrayDeque<>());
      for (BookingChange change : changes) {
        feed.addLast(
            new Entry(
                ++sequence,
                clock.instant(),
                change.type(),
                calendarEmail,
                change.subject(),
                change.organizerEmail(),
                change.start(),
                change.end(),
                change.bookingKey()));
        if (feed.size() > KEPT) {
          feed.removeFirst();
        }
      }
    }
  }

  /** The tenant's changes after a sequence number, oldest first. */
  synchronized List<Entry> after(TenantId tenantId, long after) {
    List<Entry> entries = new ArrayList<>();
    for (Entry entry : byTenant.getOrDefault(tenantId, new ArrayDeque<>())) {
      if (entry.sequence() > after) {
        entries.add(entry);
      }
    }
    return entries;
  }

  /** Forgets a removed tenant's changes. */
  synchronized void forget(TenantId tenantId) {
    byTenant.remove(tenantId);
  }
}
