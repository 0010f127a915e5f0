package com.workplace.calendar.store;

import com.workplace.calendar.DuplicateRecordException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One tenant's booking links in an {@link InMemoryCalendarStore}, found by key, by event or by
 * transaction id without a scan, with their uniqueness and version rules. Not thread-safe: the store's lock guards it.
 */
final class BookingLinkTable {
  private final Map<String, BookingLink> byKey = new HashMap<>();
  private final Map<String, String> keyByEvent = new HashMap<>();
  private final Map<String, String> keyByTransaction = new HashMap<>();

  Optional<BookingLink> byKey(String bookingKey) {
    return Optional.ofNullable(byKey.get(bookingKey));
  }

  Optional<BookingLink> byEvent(String email, String eventId) {
    return Optional.ofNullable(keyByEvent.get(eventKey(email, eventId))).map(byKey::get);
  }

  Optional<BookingLink> byTransaction(String transactionId) {
    return Optional.ofNullable(keyByTransaction.get(transactionId)).map(byKey::get);
  }

  /** Stores a new link (version 1); its booking key must not be linked yet. */
  BookingLink insert(BookingLink link) {
    if (byKey.containsKey(link.bookingKey())) {
      throw new DuplicateRecordException("booking key is already linked to an event");
    }
    BookingLink stored = link.withVersion(1);
    put(stored);
    return stored;
  }

  /** Stores a link at its next version, if it carries the stored version. */
  BookingLink update(BookingLink link) {
    BookingLink current = byKey.get(link.bookingKey());
    StoreChecks.checkVersion(
        "booking link", current == null ? null : current.version(), link.version());
    BookingLink stored = link.withVersion(link.version() + 1);
    put(stored);
    return stored;
  }

  /** Stores a link, replacing the one with the same key. */
  private void put(BookingLink link) {
    remove(link.bookingKey());
    byKey.put(link.bookingKey(), link);
    link.eventId().ifPresent(id -> keyByEvent.put(eventKey(link.calendarEmail(), id), link.bookingKey()));
    keyByTransaction.put(link.transactionId(), link.bookingKey());
  }

  boolean remove(String bookingKey) {
    BookingLink removed = byKey.remove(bookingKey);
    if (removed == null) {
      return false;
    }
    removed.eventId().ifPresent(id -> keyByEvent.remove(eventKey(removed.calendarEmail(), id)));
    keyByTransaction.remove(removed.transactionId(), bookingKey);
    return true;
  }

  void removeCalendar(String email) {
    List<String> keys =
        byKey.values().stream().filter(l -> l.calendarEmail().equals(email)).map(BookingLink::bookingKey).toList();
    keys.forEach(this::remove);
  }

  private static String eventKey(String email, String eventId) {
    return email + '\n' + eventId;
  }
}
