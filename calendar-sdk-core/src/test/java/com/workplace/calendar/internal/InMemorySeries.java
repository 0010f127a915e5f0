package com.workplace.calendar.internal;

import com.workplace.calendar.booking.Attendee;
import com.workplace.calendar.booking.BookingRecurrence;
import com.workplace.calendar.spi.CalendarEvent;
import com.workplace.calendar.spi.EventDraft;
import com.workplace.calendar.spi.EventType;
import com.workplace.calendar.spi.FreeBusyStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Recurring series in {@link InMemoryCalendarBackend}: a master (holding the recurrence and the
 * transaction id) and its occurrences, each stored as an entry of the mailbox, as Graph shows them
 * (calendar views list the instances, never the master; instances carry no transaction id).
 */
final class InMemorySeries {
  private InMemorySeries() {}

  /** Stores a series from a draft and returns its master. */
  static CalendarEvent create(FakeMailbox box, String masterId, String mailbox, EventDraft draft) {
    BookingRecurrence recurrence = draft.recurrence().orElseThrow();
    Optional<Attendee> room = Optional.of(Attendee.of(mailbox, null));
    CalendarEvent master =
        new CalendarEvent(
            masterId,
            Optional.of("uid-" + masterId),
            Optional.of(draft.subject()),
            draft.start(),
            draft.end(),
            room,
            draft.attendees(),
            Optional.of(draft.transactionId()),
            false,
            EventType.SERIES_MASTER,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            false,
            FreeBusyStatus.BUSY,
            false,
            Optional.empty(),
            Optional.empty(),
            Optional.of(recurrence));
    box.put(master);
    Duration length = Duration.between(draft.start(), draft.end());
    for (Instant start : recurrence.occurrenceStarts(draft.start())) {
      box.put(instance(master, EventType.OCCURRENCE, master.subject(), start, start, start.plus(length)));
    }
    return master;
  }

  /** The instances of a master overlapping a window, by start; empty if the id is no master. */
  static Optional<List<CalendarEvent>> instances(FakeMailbox box, String masterId, Instant from, Instant to) {
    CalendarEvent master = box.events.get(masterId);
    if (master == null) {
      return Optional.empty();
    }
    return Optional.of(
        box.events.values().stream()
            .filter(e -> e.seriesMasterId().filter(masterId::equals).isPresent())
            .filter(e -> e.overlaps(from, to))
            .sorted(Comparator.comparing(CalendarEvent::start))
            .toList());
  }

  /** An instance changed on its own: it becomes an exception. */
  static CalendarEvent changedInstance(CalendarEvent e, Optional<String> subject, Instant start, Instant end) {
    return new CalendarEvent(
        e.id(),
        e.iCalUId(),
        subject,
        start,
        end,
        e.organizer(),
        e.attendees(),
        Optional.empty(),
        e.cancelled(),
        EventType.EXCEPTION,
        e.seriesMasterId(),
        e.originalStart(),
        Optional.empty(),
        false);
  }

  /** A master renamed: it and its occurrences (not its exceptions) take the new subject. */
  static CalendarEvent rename(FakeMailbox box, CalendarEvent master, Optional<String> subject) {
    CalendarEvent renamed =
        new CalendarEvent(
            master.id(),
            master.iCalUId(),
            subject,
            master.start(),
            master.end(),
            master.organizer(),
            master.attendees(),
            master.transactionId(),
            master.cancelled(),
            EventType.SERIES_MASTER,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            false,
            master.showAs(),
            master.isPrivate(),
            master.createdAt(),
            master.lastModifiedAt(),
            master.recurrence());
    box.put(renamed);
    for (CalendarEvent e : List.copyOf(box.events.values())) {
      if (e.type() == EventType.OCCURRENCE && e.seriesMasterId().filter(master.id()::equals).isPresent()) {
        box.put(instance(renamed, EventType.OCCURRENCE, subject, e.originalStart().orElseThrow(), e.start(), e.end()));
      }
    }
    return renamed;
  }

  /** Removes a master and its instances. */
  static void removeWithInstances(FakeMailbox box, String masterId) {
    for (CalendarEvent e : List.copyOf(box.events.values())) {
      if (e.seriesMasterId().filter(masterId::equals).isPresent()) {
        box.remove(e.id());
      }
    }
  }

  private static CalendarEvent instance(
      CalendarEvent master, EventType type, Optional<String> subject, Instant slot, Instant start, Instant end) {
    return new CalendarEvent(
        master.id() + "." + slot.atOffset(ZoneOffset.UTC).toLocalDate(),
        master.iCalUId().map(u -> u + "." + slot.atOffset(ZoneOffset.UTC).toLocalDate()),
        subject,
        start,
        end,
        master.organizer(),
        master.attendees(),
        Optional.empty(),
        false,
        type,
        Optional.of(master.id()),
        Optional.of(slot),
        Optional.empty(),
        false);
  }
}
