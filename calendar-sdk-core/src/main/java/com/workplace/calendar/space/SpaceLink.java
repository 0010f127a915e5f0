package com.workplace.calendar.space;

import com.workplace.calendar.registry.EmailAddresses;
import com.workplace.calendar.tenant.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * The link between a space of the product and a room calendar: one space ↔ one calendar per
 * tenant.
 *
 * @param tenantId the tenant
 * @param spaceId the space
 * @param calendarEmail the room calendar's address
 * @param linkedAt when the link was made
 * @param version the record version; 0 before the first insert
 * @since 0.1.0
 */
public record SpaceLink(
    TenantId tenantId, SpaceId spaceId, String calendarEmail, Instant linkedAt, long version) {
  /** Validates the record. */
  public SpaceLink {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(spaceId, "spaceId");
    calendarEmail = EmailAddresses.normalize(calendarEmail);
    Objects.requireNonNull(linkedAt, "linkedAt");
  }

  /**
   * Returns a copy with another version; used by stores.
   *
   * @param newVersion the version
   * @return the changed copy
   */
  public SpaceLink withVersion(long newVersion) {
    return new SpaceLink(tenantId, spaceId, calendarEmail, linkedAt, newVersion);
  }
}
