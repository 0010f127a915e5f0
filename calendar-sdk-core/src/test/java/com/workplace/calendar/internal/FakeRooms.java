package com.workplace.calendar.internal;

import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.spi.CalendarEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * The room mailboxes of {@link InMemoryCalendarBackend}, the lock that guards them and their
 * events, and the event ids they hand out; a mailbox or event that is not there is refused with the
 * 404 Graph answers. Callers hold {@link #lock}.
 */
final class FakeRooms {
  /** Guards the mailboxes, their events and the id counter. */
  final Object lock = new Object();

  private final Map<String, FakeMailbox> mailboxes = new HashMap<>();
  private long ids;

  void add(String email) {
    mailboxes.putIfAbsent(email, new FakeMailbox());
  }

  boolean exists(String email) {
    return mailboxes.containsKey(email);
  }

  /** {@return the mailbox, or a 404 ErrorInvalidUser as Graph answers} */
  FakeMailbox box(String email) {
    FakeMailbox box = mailboxes.get(email);
    if (box == null) {
      throw error(404, "ErrorInvalidUser", "The requested user '" + email + "' is invalid.");
    }
    return box;
  }

  /** {@return the next number for an event id (and its iCalUId)} */
  long nextId() {
    return ++ids;
  }

  /** {@return the event, or a 404 ErrorItemNotFound as Graph answers} */
  static CalendarEvent require(FakeMailbox box, String eventId) {
    CalendarEvent e = box.events.get(eventId);
    if (e == null) {
      throw error(404, "ErrorItemNotFound", "The specified object was not found in the store.");
    }
    return e;
  }

  /** {@return a service error as the backend reports it} */
  static CalendarServiceException error(int status, String code, String message) {
    return new CalendarServiceException(message, status, code, null, null, null);
  }
}
