package com.workplace.calendar.spring.health;

import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.tenant.Tenant;
import com.workplace.calendar.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The Actuator health contributor {@code calendar}: one indicator per tenant in the store, named by
 * its tenant ID, with its authorization status, its calendars by status, its change subscriptions
 * and the age of its last successful sync. A tenant is DOWN only when a person must act: its
 * consent was revoked, or its authorization failed for a reason other than Microsoft being
 * unreachable (each with the action that fixes it). A tenant's health is computed from the store
 * and kept for a while, as it reads the sync state of every connected calendar.
 *
 * <p>Exclude it from liveness and readiness probes: a customer revoking consent must not restart
 * the application.
 *
 * @since 0.2.0
 */
public final class CalendarHealthContributor implements CompositeHealthContributor {
  private final CalendarStore store;
  private final TenantHealth tenantHealth;
  private final Duration cacheTtl;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(Health health, Instant at) {}

  /**
   * Creates the contributor.
   *
   * @param store the store the service uses
   * @param notifications whether change notifications are on (subscriptions are expected)
   * @param cacheTtl how long a tenant's computed health is reused
   * @param clock the clock
   */
  public CalendarHealthContributor(
      CalendarStore store, boolean notifications, Duration cacheTtl, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.cacheTtl = Objects.requireNonNull(cacheTtl, "cacheTtl");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.tenantHealth = new TenantHealth(store, notifications, clock);
  }

  @Override
  public HealthContributor getContributor(String name) {
    TenantId id;
    try {
      id = TenantId.parse(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
    Optional<Tenant> tenant = store.findTenant(id);
    return tenant.map(this::indicator).orElse(null);
  }

  @Override
  public Stream<HealthContributors.Entry> stream() {
    java.util.List<Tenant> tenants = store.listTenants();
    java.util.Set<String> current = new java.util.HashSet<>();
    tenants.forEach(t -> current.add(t.id().value()));
    cache.keySet().retainAll(current);
    return tenants.stream().map(t -> new HealthContributors.Entry(t.id().value(), indicator(t)));
  }

  private HealthIndicator indicator(Tenant tenant) {
    return () -> healthOf(tenant.id());
  }

  private Health healthOf(TenantId id) {
    Instant now = clock.instant();
    Cached cached = cache.get(id.value());
    if (cached != null && Duration.between(cached.at(), now).compareTo(cacheTtl) < 0) {
      return cached.health();
    }
    Optional<Tenant> current = store.findTenant(id);
    if (current.isEmpty()) {
      cache.remove(id.value());
      return Health.unknown().withDetail("status", "REMOVED").build();
    }
    Health health = tenantHealth.of(current.get());
    cache.put(id.value(), new Cached(health, now));
    return health;
  }
}
