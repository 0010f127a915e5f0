package com.workplace.calendar.csv.internal;

import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.space.SpaceLink;
import com.workplace.calendar.space.SpaceMapper;
import com.workplace.calendar.tenant.TenantId;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The space links as the next row sees them. When applying, that is the store. In a dry run it is
 * the store with the effects of the earlier rows laid over it, so that a dry run reports what
 * applying would: a space an earlier row moved its calendar away from is free for a later row, and
 * a calendar whose space an earlier row took has no space any more. The links an earlier row makes
 * need no entry: no later row can name the same calendar or the same space (those rows fail as
 * duplicates first). So the overlay only grows when a row moves a link, by at most two entries.
 */
final class LinkView {
  private final SpaceMapper mapper;
  private final TenantId tenantId;
  private final boolean simulate;

  /** Spaces an earlier row would have freed. */
  private final Set<String> freedSpaces = new HashSet<>();

  /** Calendars whose space an earlier row would have taken. */
  private final Set<String> unlinkedCalendars = new HashSet<>();

  LinkView(SpaceMapper mapper, TenantId tenantId, boolean simulate) {
    this.mapper = mapper;
    this.tenantId = tenantId;
    this.simulate = simulate;
  }

  /**
   * The calendar a space is linked to.
   *
   * @param spaceId the space
   * @return the calendar's address, if linked
   */
  Optional<String> calendarOf(SpaceId spaceId) {
    if (simulate && freedSpaces.contains(spaceId.value())) {
      return Optional.empty();
    }
    return mapper.findBySpace(tenantId, spaceId).map(SpaceLink::calendarEmail);
  }

  /**
   * The space a calendar is linked to.
   *
   * @param email the calendar's normalized address
   * @return the space ID, if linked
   */
  Optional<String> spaceOf(String email) {
    if (simulate && unlinkedCalendars.contains(email)) {
      return Optional.empty();
    }
    return mapper.findByCalendar(tenantId, email).map(l -> l.spaceId().value());
  }

  /**
   * Records, in a dry run, that a calendar would now be linked to a space: its former space becomes
   * free, and the calendar the space was linked to (when moving) loses its link. Does nothing when
   * applying: the store already holds the link.
   *
   * @param email the calendar
   * @param spaceId the space
   */
  void linked(String email, SpaceId spaceId) {
    if (!simulate) {
      return;
    }
    String space = spaceId.value();
    spaceOf(email).filter(old -> !old.equals(space)).ifPresent(freedSpaces::add);
    calendarOf(spaceId).filter(other -> !other.equals(email)).ifPresent(unlinkedCalendars::add);
  }
}
