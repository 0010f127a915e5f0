package com.workplace.calendar.csv.internal;

import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.space.SpaceLink;
import com.workplace.calendar.space.SpaceMapper;
import com.workplace.calendar.tenant.TenantId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The space links as the next row sees them. When applying, that is the store. In a dry run it is
 * the store with the links the earlier rows would have made laid over it, so that a dry run
 * reports what applying would: a space freed by an earlier row is free for a later one. The
 * overlay grows by at most four entries per row, so it is bounded by the row limit.
 */
final class LinkView {
  private final SpaceMapper mapper;
  private final TenantId tenantId;
  private final boolean simulate;
  /** Space ID → calendar it would be linked to; a {@code null} value means "would be unlinked". */
  private final Map<String, String> calendarBySpace = new HashMap<>();
  /** Calendar → space it would be linked to; a {@code null} value means "would be unlinked". */
  private final Map<String, String> spaceByCalendar = new HashMap<>();

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
    if (simulate && calendarBySpace.containsKey(spaceId.value())) {
      return Optional.ofNullable(calendarBySpace.get(spaceId.value()));
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
    if (simulate && spaceByCalendar.containsKey(email)) {
      return Optional.ofNullable(spaceByCalendar.get(email));
    }
    return mapper.findByCalendar(tenantId, email).map(l -> l.spaceId().value());
  }

  /**
   * Records, in a dry run, that a calendar would now be linked to a space (taking the space from
   * any other calendar and leaving the calendar's former space free). Does nothing when applying:
   * the store already holds the link.
   *
   * @param email the calendar
   * @param spaceId the space
   */
  void linked(String email, SpaceId spaceId) {
    if (!simulate) {
      return;
    }
    String space = spaceId.value();
    spaceOf(email).filter(old -> !old.equals(space)).ifPresent(old -> calendarBySpace.put(old, null));
    calendarOf(spaceId)
        .filter(other -> !other.equals(email))
        .ifPresent(other -> spaceByCalendar.put(other, null));
    calendarBySpace.put(space, email);
    spaceByCalendar.put(email, space);
  }
}
