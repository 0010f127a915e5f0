package com.workplace.calendar.store;

import com.workplace.calendar.DuplicateRecordException;
import com.workplace.calendar.space.SpaceLink;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One tenant's space links in an {@link InMemoryCalendarStore}, found by space or by calendar
 * without a scan, with the rule that a space links to one calendar. Not thread-safe: the store's lock guards it.
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

  /**
   * Stores a new link (version 1), dropping the space's and the calendar's earlier links; a space
   * linked to another calendar moves only when asked to.
   */
  SpaceLink link(SpaceLink link, boolean replaceSpaceLink) {
    SpaceLink existing = bySpace.get(link.spaceId().value());
    if (existing != null
        && !existing.calendarEmail().equals(link.calendarEmail())
        && !replaceSpaceLink) {
      throw new DuplicateRecordException(
          "space " + link.spaceId() + " is already linked to " + existing.calendarEmail());
    }
    SpaceLink stored = link.withVersion(1);
    put(stored);
    return stored;
  }

  /** Links a space to a calendar, dropping the space's and the calendar's earlier links. */
  private void put(SpaceLink link) {
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
