package com.workplace.calendar.internal;

import com.workplace.calendar.booking.Attendee;
import com.workplace.calendar.booking.BookingRecurrence;
import com.workplace.calendar.spi.CalendarEvent;
import com.workplace.calendar.spi.EventDraft;
import com.workplace.calendar.spi.EventType;
import com.workplace.calendar.spi.FreeBusyStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
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
        master(
            masterId,
            Optional.of(draft.subject()),
            draft.start(),
            draft.end(),
            room,
            draft.attendees(),
            Optional.of(draft.transactionId()),
            Optional.empty(),
            recurrence);
    box.put(master);
    putOccurrences(box, master);
    return master;
  }

  /**
   * Moves a series as Exchange does: the master takes the new times and recurrence, every
   * exception and cancellation is dropped and the occurrences follow the new pattern. Setting the
   * values the series already has changes nothing.
   */
  static CalendarEvent move(
      FakeMailbox box,
      CalendarEvent master,
      Optional<String> subject,
      Instant start,
      Instant end,
      BookingRecurrence recurrence,
      Instant now) {
    Optional<String> newSubject = subject.isPresent() ? subject : master.subject();
    if (master.start().equals(start)
        && master.end().equals(end)
        && master.recurrence().equals(Optional.of(recurrence))
        && master.subject().equals(newSubject)) {
      return master;
    }
    removeWithInstances(box, master.id());
    CalendarEvent moved =
        master(
            master.id(),
            newSubject,
            start,
            end,
            master.organizer(),
            master.attendees(),
            master.transactionId(),
            Optional.of(now),
            recurrence);
    box.put(moved);
    putOccurrences(box, moved);
    return moved;
  }

  private static CalendarEvent master(
      String id,
      Optional<String> subject,
      Instant start,
      Instant end,
      Optional<Attendee> organizer,
      List<Attendee> attendees,
      Optional<String> transactionId,
      Optional<Instant> lastModifiedAt,
      BookingRecurrence recurrence) {
    return new CalendarEvent(
        id,
        Optional.of("uid-" + id),
        subject,
        start,
        end,
        organizer,
        attendees,
        transactionId,
        false,
        EventType.SERIES_MASTER,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false,
        FreeBusyStatus.BUSY,
        false,
        Optional.empty(),
        lastModifiedAt,
        Optional.of(recurrence));
  }

  private static void putOccurrences(FakeMailbox box, CalendarEvent master) {
    Duration length = Duration.between(master.start(), master.end());
    for (Instant start : master.recurrence().orElseThrow().occurrenceStarts(master.start())) {
      box.put(instance(master, EventType.OCCURRENCE, master.subject(), start, start, start.plus(length)));
    }
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

  /** A master whose pattern reads as one the SDK cannot say (changed in Outlook). */
  static CalendarEvent withoutRecurrence(CalendarEvent m) {
    return new CalendarEvent(
        m.id(), m.iCalUId(), m.subject(), m.start(), m.end(), m.organizer(), m.attendees(),
        m.transactionId(), m.cancelled(), m.type(), m.seriesMasterId(), m.originalStart(),
        m.changeKey(), m.partial(), m.showAs(), m.isPrivate(), m.createdAt(), m.lastModifiedAt(),
        Optional.empty());
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
    // occurrences are named by their date in the series' zone, as the fake's ids are
    ZoneId zone = master.recurrence().map(BookingRecurrence::zone).orElse(ZoneOffset.UTC);
    return new CalendarEvent(
        master.id() + "." + slot.atZone(zone).toLocalDate(),
        master.iCalUId().map(u -> u + "." + slot.atZone(zone).toLocalDate()),
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
