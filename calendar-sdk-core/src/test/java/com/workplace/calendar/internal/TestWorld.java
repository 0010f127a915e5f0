package com.workplace.calendar.internal;

import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.store.InMemoryCalendarStore;
import com.workplace.calendar.tenant.Tenant;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.tenant.TenantStatus;
import java.time.Instant;

/**
 * A verified tenant with a known directory id, a store and a backend on one clock: what the booking
 * and sync tests start from.
 */
public final class TestWorld {
  /** A moment on a Monday morning. */
  public static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  /** The tenant. */
  public static final TenantId CONTOSO = TenantId.parse("contoso.onmicrosoft.com");

  /** The tenant's directory GUID. */
  public static final String CONTOSO_GUID = "72f988bf-86f1-41af-91ab-2d7cd011db47";

  /** A room. */
  public static final String ORCHARD = "orchard@contoso.onmicrosoft.com";

  /** Another room. */
  public static final String MARINA = "marina@contoso.onmicrosoft.com";

  /** The clock everything uses. */
  public final MutableClock clock = new MutableClock(NOW);

  /** The store. */
  public final InMemoryCalendarStore store = InMemoryCalendarStore.create(clock);

  /** The calendar backend. */
  public final InMemoryCalendarBackend backend = new InMemoryCalendarBackend(clock);

  /** Creates the world with a verified tenant. */
  public TestWorld() {
    Tenant tenant = store.insertTenant(Tenant.pending(CONTOSO, NOW));
    store.updateTenant(tenant.withStatus(TenantStatus.VERIFIED, NOW).withDirectoryId(CONTOSO_GUID));
  }

  /** Registers a room that exists in the backend and marks it connected. */
  public RoomCalendar connectedRoom(String email) {
    backend.addRoom(email);
    RoomCalendar added = store.insertCalendar(RoomCalendar.added(CONTOSO, email, null, NOW));
    return store.updateCalendar(added.connected(NOW));
  }
}
