package com.workplace.calendar.internal;

import com.workplace.calendar.booking.Attendee;
import com.workplace.calendar.spi.CalendarEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What people do to the rooms of {@link InMemoryCalendarBackend} in Outlook, outside the SDK: book
 * a room, rename, move, cancel or delete an event, change a series to a pattern the SDK cannot
 * say.
 */
public final class FakeOutlook {
  private final FakeRooms rooms;

  FakeOutlook(FakeRooms rooms) {
    this.rooms = rooms;
  }

  /** Books a room "in Outlook": another person organizes, the room is an attendee. */
  public CalendarEvent addExternalEvent(
      String mailbox, String organizer, String subject, Instant start, Instant end) {
    synchronized (rooms.lock) {
      long id = rooms.nextId();
      CalendarEvent event =
          new CalendarEvent(
              "evt-" + id,
              Optional.of("uid-" + id),
              Optional.of(subject),
              start,
              end,
              Optional.of(Attendee.of(organizer, null)),
              List.of(Attendee.of(mailbox, null)),
              Optional.empty(),
              false);
      rooms.box(mailbox).put(event);
      return event;
    }
  }

  /** Changes an event's subject "in Outlook". */
  public void renameExternal(String mailbox, String eventId, String subject) {
    synchronized (rooms.lock) {
      FakeMailbox box = rooms.box(mailbox);
      CalendarEvent e = FakeRooms.require(box, eventId);
      box.put(FakeMailbox.copy(e, Optional.of(subject), e.start(), e.end(), e.cancelled()));
    }
  }

  /** Moves an event "in Outlook". */
  public void moveExternal(String mailbox, String eventId, Instant start, Instant end) {
    synchronized (rooms.lock) {
      FakeMailbox box = rooms.box(mailbox);
      CalendarEvent e = FakeRooms.require(box, eventId);
      box.put(FakeMailbox.copy(e, e.subject(), start, end, e.cancelled()));
    }
  }

  /** Marks an event cancelled "in Outlook" (it stays in the calendar as cancelled). */
  public void cancelExternal(String mailbox, String eventId) {
    synchronized (rooms.lock) {
      FakeMailbox box = rooms.box(mailbox);
      CalendarEvent e = FakeRooms.require(box, eventId);
      box.put(FakeMailbox.copy(e, e.subject(), e.start(), e.end(), true));
    }
  }

  /** Deletes an event "in Outlook". */
  public void deleteExternal(String mailbox, String eventId) {
    synchronized (rooms.lock) {
      rooms.box(mailbox).remove(eventId);
    }
  }

  /**
   * Makes a series' pattern one the SDK cannot say, as a change in Outlook to a monthly pattern
   * does: its master keeps its times, its recurrence reads as empty.
   */
  public void forgetRecurrence(String mailbox, String masterId) {
    synchronized (rooms.lock) {
      FakeMailbox box = rooms.box(mailbox);
      box.put(InMemorySeries.withoutRecurrence(FakeRooms.require(box, masterId)));
    }
  }
}
