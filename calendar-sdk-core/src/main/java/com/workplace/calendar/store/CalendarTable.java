package com.workplace.calendar.store;

import com.workplace.calendar.DuplicateRecordException;
import com.workplace.calendar.Page;
import com.workplace.calendar.registry.CalendarQuery;
import com.workplace.calendar.registry.RoomCalendar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One tenant's room calendars in an {@link InMemoryCalendarStore}, in e-mail order so that a page
 * continues after its cursor, with their version rules. Not thread-safe: the store's lock guards
 * it.
 */
final class CalendarTable {
  private final TreeMap<String, RoomCalendar> byEmail = new TreeMap<>();

  Optional<RoomCalendar> find(String email) {
    return Optional.ofNullable(byEmail.get(email));
  }

  boolean contains(String email) {
    return byEmail.containsKey(email);
  }

  RoomCalendar insert(RoomCalendar calendar) {
    if (byEmail.containsKey(calendar.email())) {
      throw new DuplicateRecordException("calendar " + calendar.email() + " is already registered");
    }
    RoomCalendar stored = calendar.withVersion(1);
    byEmail.put(calendar.email(), stored);
    return stored;
  }

  RoomCalendar update(RoomCalendar calendar) {
    RoomCalendar current = byEmail.get(calendar.email());
    StoreChecks.checkVersion(
        "calendar " + calendar.email(),
        current == null ? null : current.version(),
        calendar.version());
    RoomCalendar stored = calendar.withVersion(calendar.version() + 1);
    byEmail.put(calendar.email(), stored);
    return stored;
  }

  boolean remove(String email) {
    return byEmail.remove(email) != null;
  }

  /** {@return the calendars the query includes, from after its cursor, one page long} */
  Page<RoomCalendar> page(CalendarQuery query) {
    Map<String, RoomCalendar> tail =
        query.page().cursor().map(c -> byEmail.tailMap(c, false)).orElse(byEmail);
    List<RoomCalendar> items = new ArrayList<>();
    for (RoomCalendar calendar : tail.values()) {
      if (!query.includes(calendar)) {
        continue;
      }
      if (items.size() == query.page().size()) {
        return new Page<>(items, Optional.of(items.get(items.size() - 1).email()));
      }
      items.add(calendar);
    }
    return Page.last(items);
  }

  int size() {
    return byEmail.size();
  }
}
