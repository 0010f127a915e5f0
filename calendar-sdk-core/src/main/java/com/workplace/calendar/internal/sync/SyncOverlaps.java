package com.workplace.calendar.internal.sync;

import com.workplace.calendar.CalendarServiceException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks the changes of a sync round that overlap other events blocking the room: the double
 * bookings the SDK's booking checks cannot prevent (an Outlook booking landing after the post-write
 * check of an SDK booking, or writes by other apps). A full round compares the window's events with
 * each other; an incremental round reads the span of its changed events once ({@code calendarView},
 * one call, or none when nothing that blocks the room changed).
 */
final class SyncOverlaps {
  /** The most overlapping events named per change. */
  static final int MAX_LISTED = 20;

  private static final Logger LOG = LoggerFactory.getLogger(SyncOverlaps.class);

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
      CalendarKey key,
      List<BookingChange> changes,
      Map<String, CalendarEvent> live,
      boolean full,
      SyncWindow window) {
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
      from = from.isBefore(window.start()) ? window.start() : from;
      to = to.isAfter(window.end()) ? window.end() : to;
      if (!to.isAfter(from)) {
        return changes;
      }
      Map<String, CalendarEvent> view = new HashMap<>();
      try {
        provider.eventsBetween(key.tenantId(), key.email(), from, to).forEach(e -> view.put(e.id(), e));
      } catch (CalendarServiceException e) {
        LOG.warn(
            "Could not read {} to find double bookings among this round's changes ({}); the changes"
                + " are delivered without them",
            key,
            e.getMessage());
        return changes;
      }
      view.putAll(live);
      around = view.values();
    }
    Index index = new Index(around);
    List<BookingChange> marked = new ArrayList<>(changes.size());
    for (BookingChange change : changes) {
      CalendarEvent event = live.get(change.eventId());
      if (change.type() == ChangeType.DELETED || event == null || !event.blocksTime()) {
        marked.add(change);
        continue;
      }
      List<ConflictingInterval> overlaps =
          index.overlapping(event).stream().map(o -> interval(key, o)).toList();
      marked.add(overlaps.isEmpty() ? change : change.withConflicts(overlaps));
    }
    return marked;
  }

  /**
   * The blocking events of a window sorted by start, with the latest end up to each position, so
   * that the events overlapping one interval are found without comparing every pair (a window may
   * hold tens of thousands of events, or, from a hostile service, thousands at the same time).
   */
  private static final class Index {
    private final List<CalendarEvent> sorted;
    private final Instant[] maxEnd;

    Index(Collection<CalendarEvent> events) {
      sorted =
          events.stream()
              .filter(CalendarEvent::blocksTime)
              .sorted(Comparator.comparing(CalendarEvent::start).thenComparing(CalendarEvent::id))
              .toList();
      maxEnd = new Instant[sorted.size()];
      Instant max = Instant.MIN;
      for (int i = 0; i < sorted.size(); i++) {
        Instant end = sorted.get(i).end();
        max = end.isAfter(max) ? end : max;
        maxEnd[i] = max;
      }
    }

    /** At most {@link #MAX_LISTED} other events overlapping the event, ordered by start. */
    List<CalendarEvent> overlapping(CalendarEvent event) {
      int low = 0;
      int high = sorted.size();
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (sorted.get(mid).start().isBefore(event.end())) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      List<CalendarEvent> found = new ArrayList<>();
      for (int i = low - 1; i >= 0 && maxEnd[i].isAfter(event.start()); i--) {
        CalendarEvent other = sorted.get(i);
        if (!other.id().equals(event.id()) && other.overlaps(event.start(), event.end())) {
          found.add(other);
          if (found.size() == MAX_LISTED) {
            break;
          }
        }
      }
      found.sort(Comparator.comparing(CalendarEvent::start).thenComparing(CalendarEvent::id));
      return found;
    }
  }

  private ConflictingInterval interval(CalendarKey key, CalendarEvent event) {
    Optional<String> bookingKey =
        store
            .findBookingLinkByEvent(key.tenantId(), key.email(), event.id())
            .or(
                () ->
                    event
                        .seriesMasterId()
                        .flatMap(m -> store.findBookingLinkByEvent(key.tenantId(), key.email(), m)))
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
