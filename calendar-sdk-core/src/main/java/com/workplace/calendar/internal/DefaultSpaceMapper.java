package com.workplace.calendar.internal;

import com.workplace.calendar.ConflictException;
import com.workplace.calendar.DuplicateRecordException;
import com.workplace.calendar.Page;
import com.workplace.calendar.PageRequest;
import com.workplace.calendar.ResourceNotFoundException;
import com.workplace.calendar.registry.EmailAddresses;
import com.workplace.calendar.space.LinkMode;
import com.workplace.calendar.space.Space;
import com.workplace.calendar.space.SpaceDirectory;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.space.SpaceLink;
import com.workplace.calendar.space.SpaceMapper;
import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.tenant.TenantId;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The provider-neutral {@link SpaceMapper}: one space ↔ one calendar per tenant. */
public final class DefaultSpaceMapper implements SpaceMapper {
  /** The longest search text accepted. */
  public static final int MAX_SEARCH_LENGTH = 200;

  private final CalendarStore store;
  private final SpaceDirectory directory;
  private final Clock clock;

  /**
   * Creates the mapper.
   *
   * @param store where links are kept
   * @param directory the host's spaces
   * @param clock the clock
   */
  public DefaultSpaceMapper(CalendarStore store, SpaceDirectory directory, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.directory = Objects.requireNonNull(directory, "directory");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public SpaceLink link(TenantId tenantId, String calendarEmail, SpaceId spaceId, LinkMode mode) {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(spaceId, "spaceId");
    Objects.requireNonNull(mode, "mode");
    String email = EmailAddresses.normalize(calendarEmail);
    if (store.findCalendar(tenantId, email).isEmpty()) {
      throw new ResourceNotFoundException(
          "calendar " + email + " is not registered for tenant " + tenantId);
    }
    if (directory.find(tenantId, spaceId).isEmpty()) {
      throw new ResourceNotFoundException(
          "space " + spaceId + " does not exist in the product's space directory");
    }
    try {
      return store.putSpaceLink(
          new SpaceLink(tenantId, spaceId, email, clock.instant(), 0), mode == LinkMode.MOVE);
    } catch (DuplicateRecordException e) {
      String other =
          store.findSpaceLinkBySpace(tenantId, spaceId).map(SpaceLink::calendarEmail).orElse("?");
      throw new ConflictException(
          "space "
              + spaceId
              + " is already linked to calendar "
              + other
              + "; unlink it first or link with LinkMode.MOVE");
    }
  }

  @Override
  public boolean unlinkSpace(TenantId tenantId, SpaceId spaceId) {
    Objects.requireNonNull(tenantId, "tenantId");
    return store.deleteSpaceLinkBySpace(tenantId, Objects.requireNonNull(spaceId, "spaceId"));
  }

  @Override
  public boolean unlinkCalendar(TenantId tenantId, String calendarEmail) {
    Objects.requireNonNull(tenantId, "tenantId");
    return store.deleteSpaceLinkByCalendar(tenantId, EmailAddresses.normalize(calendarEmail));
  }

  @Override
  public Optional<SpaceLink> findBySpace(TenantId tenantId, SpaceId spaceId) {
    Objects.requireNonNull(tenantId, "tenantId");
    return store.findSpaceLinkBySpace(tenantId, Objects.requireNonNull(spaceId, "spaceId"));
  }

  @Override
  public Optional<SpaceLink> findByCalendar(TenantId tenantId, String calendarEmail) {
    Objects.requireNonNull(tenantId, "tenantId");
    return store.findSpaceLinkByCalendar(tenantId, EmailAddresses.normalize(calendarEmail));
  }

  @Override
  public List<SpaceLink> links(TenantId tenantId) {
    return store.listSpaceLinks(Objects.requireNonNull(tenantId, "tenantId"));
  }

  @Override
  public Optional<Space> space(TenantId tenantId, SpaceId spaceId) {
    return directory.find(
        Objects.requireNonNull(tenantId, "tenantId"), Objects.requireNonNull(spaceId, "spaceId"));
  }

  @Override
  public Page<Space> search(TenantId tenantId, String text, PageRequest page) {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(page, "page");
    String query = text == null ? "" : text.strip();
    if (query.length() > MAX_SEARCH_LENGTH) {
      throw new IllegalArgumentException(
          "search text is longer than " + MAX_SEARCH_LENGTH + " characters");
    }
    return directory.search(tenantId, query, page);
  }
}
