package com.workplace.calendar.space;

import com.workplace.calendar.Page;
import com.workplace.calendar.PageRequest;
import com.workplace.calendar.tenant.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * Links room calendars to spaces of the product: one space ↔ one calendar per tenant.
 *
 * @since 0.1.0
 */
public interface SpaceMapper {

  /**
   * Links a registered calendar to a space of the {@link SpaceDirectory}. A calendar linked to
   * another space before is relinked to this one.
   *
   * @param tenantId the tenant
   * @param calendarEmail a registered calendar
   * @param spaceId a space that exists in the directory
   * @param mode what to do if the space is linked to another calendar
   * @return the link
   * @throws com.workplace.calendar.ResourceNotFoundException if the calendar or space is unknown
   * @throws com.workplace.calendar.ConflictException if the space is linked elsewhere and {@code
   *     mode} is {@link LinkMode#FAIL_IF_LINKED}
   */
  SpaceLink link(TenantId tenantId, String calendarEmail, SpaceId spaceId, LinkMode mode);

  /**
   * Removes a space's link; the calendar stays registered.
   *
   * @param tenantId the tenant
   * @param spaceId the space
   * @return {@code true} if the space was linked
   */
  boolean unlinkSpace(TenantId tenantId, SpaceId spaceId);

  /**
   * Removes a calendar's link; the calendar stays registered.
   *
   * @param tenantId the tenant
   * @param calendarEmail the calendar
   * @return {@code true} if the calendar was linked
   */
  boolean unlinkCalendar(TenantId tenantId, String calendarEmail);

  /**
   * Finds the calendar linked to a space.
   *
   * @param tenantId the tenant
   * @param spaceId the space
   * @return the link, if any
   */
  Optional<SpaceLink> findBySpace(TenantId tenantId, SpaceId spaceId);

  /**
   * Finds the space linked to a calendar.
   *
   * @param tenantId the tenant
   * @param calendarEmail the calendar
   * @return the link, if any
   */
  Optional<SpaceLink> findByCalendar(TenantId tenantId, String calendarEmail);

  /**
   * Lists the tenant's links, ordered by space ID.
   *
   * @param tenantId the tenant
   * @return the links
   */
  List<SpaceLink> links(TenantId tenantId);

  /**
   * Looks a space up in the product's {@link SpaceDirectory}.
   *
   * @param tenantId the tenant
   * @param spaceId the space
   * @return the space, if it exists
   */
  Optional<Space> space(TenantId tenantId, SpaceId spaceId);

  /**
   * Searches the product's spaces by ID or name; an empty text browses them.
   *
   * @param tenantId the tenant
   * @param text what to look for
   * @param page which page
   * @return one page of spaces
   */
  Page<Space> search(TenantId tenantId, String text, PageRequest page);
}
