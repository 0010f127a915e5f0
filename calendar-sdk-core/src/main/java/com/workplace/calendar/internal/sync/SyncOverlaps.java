package com.workplace.calendar.internal.sync;

import com.workplace.calendar.booking.ConflictingInterval;
import com.workplace.calendar.spi.CalendarEvent;
import com.workplace.calendar.spi.CalendarProvider;
import com.workplace.calendar.store.BookingLink;
import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.sync.BookingChange;
import com.workplace.calendar.sync.ChangeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Marks the changes of a sync round that overlap other events blocking the room: the double
 * bookings the SDK's booking checks cannot prevent (an Outlook booking landing after the post-write
 * check of an SDK booking, or writes by other apps). A full round compares the window's events with
 * each other; an incremental round reads the span of its changed events once ({@code calendarView},
 * one call, or none when nothing that blocks the room changed).
 */
final class SyncOverlaps {
  private final CalendarStore store;
  private final CalendarProvider provider;

  SyncOverlaps(CalendarStore store, CalendarProvider provider) {
    this.store = store;
    this.provider = provider;
  }

  /**
   * Adds the overlapping events to the changes.
   *
   * @param key the calendar
   * @param changes the round's changes
   * @param live the round's live events by id
   * @param full whether the round read the whole window
   * @return the changes, conflicts filled in
   */
  List<BookingChange> mark(
      CalendarKey key, List<BookingChange> changes, Map<String, CalendarEvent> live, boolean full) {
    List<CalendarEvent> changed = new ArrayList<>();
    for (BookingChange change : changes) {
      CalendarEvent event = live.get(change.eventId());
      if (change.type() != ChangeType.DELETED && event != null && event.blocksTime()) {
        changed.add(event);
      }
    }
    if (changed.isEmpty()) {
      return changes;
    }
    Collection<CalendarEvent> around;
    if (full) {
      around = live.values();
    } else {
      Instant from = changed.stream().map(CalendarEvent::start).min(Comparator.naturalOrder()).orElseThrow();
      Instant to = changed.stream().map(CalendarEvent::end).max(Comparator.naturalOrder()).orElseThrow();
      if (!to.isAfter(from)) {
        return changes;
      }
      Map<String, CalendarEvent> view = new HashMap<>();
      provider.eventsBetween(key.tenantId(), key.email(), from, to).forEach(e -> view.put(e.id(), e));
      view.putAll(live);
      around = view.values();
    }
    List<BookingChange> marked = new ArrayList<>(changes.size());
    for (BookingChange change : changes) {
      CalendarEvent event = live.get(change.eventId());
      if (change.type() == ChangeType.DELETED || event == null || !event.blocksTime()) {
        marked.add(change);
        continue;
      }
      List<ConflictingInterval> overlaps =
          around.stream()
              .filter(o -> !o.id().equals(event.id()))
              .filter(CalendarEvent::blocksTime)
              .filter(o -> o.overlaps(event.start(), event.end()))
              .sorted(Comparator.comparing(CalendarEvent::start).thenComparing(CalendarEvent::id))
              .map(o -> interval(key, o))
              .toList();
      marked.add(overlaps.isEmpty() ? change : change.withConflicts(overlaps));
    }
    return marked;
  }

  private ConflictingInterval interval(CalendarKey key, CalendarEvent event) {
    Optional<String> bookingKey =
        store
            .findBookingLinkByEvent(key.tenantId(), key.email(), event.id())
            .or(
                () ->
                    event
                        .transactionId()
                        .flatMap(t -> store.findBookingLinkByTransaction(key.tenantId(), t))
                        .filter(link -> link.calendarEmail().equals(key.email())))
            .map(BookingLink::bookingKey);
    return new ConflictingInterval(
        event.start(), event.end(), event.isPrivate(), Optional.empty(), bookingKey);
  }
}
