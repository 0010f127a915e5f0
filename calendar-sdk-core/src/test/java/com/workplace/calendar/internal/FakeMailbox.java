package com.workplace.calendar.internal;

import com.workplace.calendar.booking.BusyInterval;
import com.workplace.calendar.spi.CalendarEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One room calendar of {@link InMemoryCalendarBackend}: its events and a log of every change. */
final class FakeMailbox {
  /** One change: the event's state afterwards, empty when it was removed. */
  record Change(long seq, String id, Optional<CalendarEvent> state) {}

  final Map<String, CalendarEvent> events = new LinkedHashMap<>();
  final List<Change> log = new ArrayList<>();
  long seq;

  void put(CalendarEvent event) {
    events.put(event.id(), event);
    log.add(new Change(++seq, event.id(), Optional.of(event)));
  }

  /** {@return the busy times in a window, cut to it} */
  List<BusyInterval> busy(Instant from, Instant to) {
    return events.values().stream()
        .filter(e -> e.type() != com.workplace.calendar.spi.EventType.SERIES_MASTER)
        .filter(e -> !e.cancelled() && FakeDelta.overlaps(e, from, to))
        .map(e -> new BusyInterval(later(e.start(), from), earlier(e.end(), to), "busy"))
        .sorted(Comparator.comparing(BusyInterval::start))
        .toList();
  }

  static CalendarEvent copy(
      CalendarEvent e, Optional<String> subject, Instant start, Instant end, boolean cancelled) {
    return new CalendarEvent(
        e.id(),
        e.iCalUId(),
        subject,
        start,
        end,
        e.organizer(),
        e.attendees(),
        e.transactionId(),
        cancelled);
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  boolean remove(String eventId) {
    if (events.remove(eventId) == null) {
      return false;
    }
    log.add(new Change(++seq, eventId, Optional.empty()));
    return true;
  }
}
