package com.workplace.calendar.store.jdbc.internal;

import static com.workplace.calendar.store.jdbc.internal.Columns.micros;

import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.space.SpaceLink;
import com.workplace.calendar.store.BookingLink;
import com.workplace.calendar.store.SubscriptionState;
import com.workplace.calendar.store.SyncState;
import com.workplace.calendar.tenant.Tenant;

/**
 * Copies of records with their times cut to what the database keeps (microseconds), so that what a
 * write returns equals what a later read finds.
 */
final class Records {
  private Records() {}

  static Tenant exact(Tenant t) {
    return new Tenant(
        t.id(),
        t.directoryId(),
        t.status(),
        t.failureReason(),
        t.failureDetail(),
        t.probeMailbox(),
        micros(t.createdAt()),
        micros(t.updatedAt()),
        t.version());
  }

  static RoomCalendar exact(RoomCalendar c) {
    return new RoomCalendar(
        c.tenantId(),
        c.email(),
        c.displayName(),
        c.status(),
        c.failureReason(),
        c.failureDetail(),
        micros(c.addedAt()),
        micros(c.checkedAt()),
        c.version(),
        c.bookingType(),
        c.bookingRules());
  }

  static SpaceLink exact(SpaceLink l) {
    return new SpaceLink(l.tenantId(), l.spaceId(), l.calendarEmail(), micros(l.linkedAt()), l.version());
  }

  static BookingLink exact(BookingLink l) {
    return new BookingLink(
        l.tenantId(),
        l.bookingKey(),
        l.calendarEmail(),
        l.transactionId(),
        l.eventId(),
        micros(l.createdAt()),
        l.version());
  }

  static SyncState exact(SyncState s) {
    return new SyncState(
        s.tenantId(),
        s.calendarEmail(),
        s.deltaLink(),
        micros(s.windowStart()),
        micros(s.windowEnd()),
        s.knownEventIds(),
        s.knownInstances(),
        micros(s.lastSyncAt()),
        s.version());
  }

  static SubscriptionState exact(SubscriptionState s) {
    return new SubscriptionState(
        s.tenantId(),
        s.calendarEmail(),
        s.subscriptionId(),
        s.clientStateHash(),
        micros(s.expiresAt()),
        s.version());
  }
}
