package com.workplace.calendar.internal;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.booking.RoomBookings;
import com.workplace.calendar.registry.CalendarRegistry;
import com.workplace.calendar.space.SpaceMapper;
import com.workplace.calendar.sync.CalendarSync;
import com.workplace.calendar.tenant.TenantAuthorizer;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link CalendarService} assembled from its parts; closes what it owns once, in order. */
public final class CoreCalendarService implements CalendarService {
  private static final Logger LOG = LoggerFactory.getLogger(CoreCalendarService.class);

  private final TenantAuthorizer tenants;
  private final CalendarRegistry calendars;
  private final SpaceMapper spaces;
  private final RoomBookings bookings;
  private final CalendarSync sync;
  private final List<AutoCloseable> owned;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * Assembles a service.
   *
   * @param tenants the authorizer
   * @param calendars the registry
   * @param spaces the space mapper
   * @param bookings the bookings
   * @param sync the sync, closed first
   * @param owned further resources to close after the sync, in order (provider, store, pools)
   */
  public CoreCalendarService(
      TenantAuthorizer tenants,
      CalendarRegistry calendars,
      SpaceMapper spaces,
      RoomBookings bookings,
      CalendarSync sync,
      List<AutoCloseable> owned) {
    this.tenants = Objects.requireNonNull(tenants, "tenants");
    this.calendars = Objects.requireNonNull(calendars, "calendars");
    this.spaces = Objects.requireNonNull(spaces, "spaces");
    this.bookings = Objects.requireNonNull(bookings, "bookings");
    this.sync = Objects.requireNonNull(sync, "sync");
    this.owned = List.copyOf(owned);
  }

  @Override
  public TenantAuthorizer tenants() {
    return tenants;
  }

  @Override
  public CalendarRegistry calendars() {
    return calendars;
  }

  @Override
  public SpaceMapper spaces() {
    return spaces;
  }

  @Override
  public RoomBookings bookings() {
    return bookings;
  }

  @Override
  public CalendarSync sync() {
    return sync;
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    closeQuietly(sync);
    for (AutoCloseable resource : owned) {
      closeQuietly(resource);
    }
  }

  private static void closeQuietly(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception e) {
      LOG.warn("Closing {} failed: {}", resource.getClass().getSimpleName(), e.toString());
    }
  }
}
