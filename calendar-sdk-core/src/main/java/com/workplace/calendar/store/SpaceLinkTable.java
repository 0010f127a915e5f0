package com.workplace.calendar.store;

import com.workplace.calendar.space.SpaceLink;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One tenant's space links in an {@link InMemoryCalendarStore}, found by space or by calendar
 * without a scan. Not thread-safe: the store's lock guards it.
 */
final class SpaceLinkTable {
  private final TreeMap<String, SpaceLink> bySpace = new TreeMap<>();
  private final Map<String, String> spaceByCalendar = new HashMap<>();

  Optional<SpaceLink> bySpace(String spaceId) {
    return Optional.ofNullable(bySpace.get(spaceId));
  }

  Optional<SpaceLink> byCalendar(String email) {
    String spaceId = spaceByCalendar.get(email);
    return spaceId == null ? Optional.empty() : Optional.of(bySpace.get(spaceId));
  }

  /** Links a space to a calendar, dropping the space's and the calendar's earlier links. */
  void put(SpaceLink link) {
    removeBySpace(link.spaceId().value());
    removeByCalendar(link.calendarEmail());
    bySpace.put(link.spaceId().value(), link);
    spaceByCalendar.put(link.calendarEmail(), link.spaceId().value());
  }

  boolean removeBySpace(String spaceId) {
    SpaceLink removed = bySpace.remove(spaceId);
    if (removed == null) {
      return false;
    }
    spaceByCalendar.remove(removed.calendarEmail());
    return true;
  }

  boolean removeByCalendar(String email) {
    String spaceId = spaceByCalendar.remove(email);
    if (spaceId == null) {
      return false;
    }
    bySpace.remove(spaceId);
    return true;
  }

  List<SpaceLink> inSpaceOrder() {
    return List.copyOf(bySpace.values());
  }
}
