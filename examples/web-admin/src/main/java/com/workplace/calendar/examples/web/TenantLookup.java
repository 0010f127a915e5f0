package com.workplace.calendar.examples.web;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.tenant.Tenant;
import com.workplace.calendar.tenant.TenantId;
import org.springframework.stereotype.Component;

/** Finds the tenant a page's path names; an unknown or malformed one is a "not found" page. */
@Component
final class TenantLookup {

  /** The tenant a path names does not exist (or the path does not name a tenant). */
  static final class UnknownTenantException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnknownTenantException() {
      super("no calendar account with this tenant ID is known");
    }
  }

  private final CalendarService calendars;

  TenantLookup(CalendarService calendars) {
    this.calendars = calendars;
  }

  Tenant require(String tenant) {
    TenantId id;
    try {
      id = TenantId.parse(tenant);
    } catch (IllegalArgumentException e) {
      throw new UnknownTenantException();
    }
    return calendars.tenants().get(id).orElseThrow(UnknownTenantException::new);
  }
}
