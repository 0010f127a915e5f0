package com.workplace.calendar.internal;

import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.tenant.Tenant;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.tenant.TenantNotAuthorizedException;
import com.workplace.calendar.tenant.TenantStatus;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The tenants' statuses as the store has them, read again after a short time: so that a tenant
 * one instance records as revoked, removed or failed stops Graph calls on every instance within
 * that time, without a store read per request. Changes made through this instance are seen at once.
 */
public final class TenantStatusCache {
  /** The statuses that allow calls to the tenant's mailboxes. */
  public static final Set<TenantStatus> AUTHORIZED =
      EnumSet.of(TenantStatus.CONSENTED, TenantStatus.VERIFIED);

  private record Entry(Optional<Tenant> tenant, long readAtNanos) {}

  private final CalendarStore store;
  private final long refreshNanos;
  private final ConcurrentMap<TenantId, Entry> entries = new ConcurrentHashMap<>();

  /**
   * Creates the cache.
   *
   * @param store where tenants are kept
   * @param refresh how long a read is trusted
   */
  public TenantStatusCache(CalendarStore store, Duration refresh) {
    this.store = store;
    this.refreshNanos = refresh.toNanos();
  }

  /**
   * Checks that a tenant may be called.
   *
   * @param tenantId the tenant
   * @throws TenantNotAuthorizedException if it is unknown or not consented or verified
   */
  public void requireAuthorized(TenantId tenantId) {
    Optional<Tenant> tenant = read(tenantId);
    if (tenant.isEmpty()) {
      throw new TenantNotAuthorizedException(tenantId, null, null);
    }
    Tenant t = tenant.get();
    if (!AUTHORIZED.contains(t.status())) {
      throw new TenantNotAuthorizedException(tenantId, t.status(), t.failureReason().orElse(null));
    }
  }

  private Optional<Tenant> read(TenantId tenantId) {
    long now = System.nanoTime();
    Entry entry = entries.get(tenantId);
    if (entry != null && now - entry.readAtNanos() < refreshNanos) {
      return entry.tenant();
    }
    Optional<Tenant> tenant = store.findTenant(tenantId);
    entries.put(tenantId, new Entry(tenant, now));
    return tenant;
  }

  /**
   * Forgets what is known of a tenant, after this instance changed it.
   *
   * @param tenantId the tenant
   */
  public void invalidate(TenantId tenantId) {
    entries.remove(tenantId);
  }
}
