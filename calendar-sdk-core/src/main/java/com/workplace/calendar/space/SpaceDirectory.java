package com.workplace.calendar.space;

import com.workplace.calendar.Page;
import com.workplace.calendar.PageRequest;
import com.workplace.calendar.tenant.TenantId;
import java.util.Optional;

/**
 * The host product's spaces. The host implements this so that the SDK can check space IDs and let
 * administrators search them; it must be thread-safe.
 *
 * @since 0.1.0
 */
public interface SpaceDirectory {

  /**
   * Looks a space up.
   *
   * @param tenantId the customer the space belongs to
   * @param spaceId the space ID
   * @return the space, if it exists
   */
  Optional<Space> find(TenantId tenantId, SpaceId spaceId);

  /**
   * Searches spaces by ID or name; an empty text browses all spaces.
   *
   * @param tenantId the customer
   * @param text what to look for, case-insensitive; empty for all
   * @param page which page
   * @return one page of spaces
   */
  Page<Space> search(TenantId tenantId, String text, PageRequest page);
}
