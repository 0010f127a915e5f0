package com.workplace.calendar.spring.health;

import com.workplace.calendar.Page;
import com.workplace.calendar.PageRequest;
import com.workplace.calendar.registry.CalendarQuery;
import com.workplace.calendar.registry.CalendarStatus;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.store.SubscriptionState;
import com.workplace.calendar.store.SyncState;
import com.workplace.calendar.tenant.Tenant;
import com.workplace.calendar.tenant.TenantFailureReason;
import com.workplace.calendar.tenant.TenantStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;

/**
 * Computes the health of one tenant from the store: its authorization status, its calendars by
 * status, its subscriptions, and the age of its last successful sync. DOWN only for what needs a
 * person: a revoked consent, or an authorization that failed for a reason other than Microsoft
 * being unreachable. Everything else (pending consent, failed calendars, expired subscriptions,
 * sync behind) is UP with the details.
 */
final class TenantHealth {
  private final CalendarStore store;
  private final boolean notifications;
  private final Clock clock;

  TenantHealth(CalendarStore store, boolean notifications, Clock clock) {
    this.store = store;
    this.notifications = notifications;
    this.clock = clock;
  }

  static boolean needsAPerson(Tenant tenant) {
    if (tenant.status() == TenantStatus.REVOKED) {
      return true;
    }
    return tenant.status() == TenantStatus.FAILED
        && tenant.failureReason().orElse(TenantFailureReason.SERVICE_UNAVAILABLE)
            != TenantFailureReason.SERVICE_UNAVAILABLE;
  }

  Health of(Tenant tenant) {
    Instant now = clock.instant();
    Health.Builder health = needsAPerson(tenant) ? Health.down() : Health.up();
    health.withDetail("status", tenant.status().name());
    tenant.failureReason().ifPresent(reason -> {
      health.withDetail("reason", reason.name());
      health.withDetail("action", reason.action());
    });
    long added = 0;
    long failed = 0;
    long connected = 0;
    long neverSynced = 0;
    long subscribed = 0;
    long subscriptionsExpired = 0;
    Instant newest = null;
    Instant oldest = null;
    CalendarQuery query = CalendarQuery.all().page(PageRequest.first(PageRequest.MAX_SIZE));
    while (true) {
      Page<RoomCalendar> page = store.listCalendars(tenant.id(), query);
      for (RoomCalendar calendar : page.items()) {
        if (calendar.status() == CalendarStatus.ADDED) {
          added++;
        } else if (calendar.status() == CalendarStatus.FAILED) {
          failed++;
        } else {
          connected++;
          Optional<Instant> last =
              store.findSyncState(tenant.id(), calendar.email()).flatMap(SyncState::lastSyncAt);
          if (last.isEmpty()) {
            neverSynced++;
          } else {
            newest = newest == null || last.get().isAfter(newest) ? last.get() : newest;
            oldest = oldest == null || last.get().isBefore(oldest) ? last.get() : oldest;
          }
          if (notifications) {
            Optional<SubscriptionState> s = store.findSubscription(tenant.id(), calendar.email());
            if (s.isPresent()) {
              subscribed++;
              if (!s.get().expiresAt().isAfter(now)) {
                subscriptionsExpired++;
              }
            }
          }
        }
      }
      if (!page.hasNext()) {
        break;
      }
      query = query.page(query.page().next(page));
    }
    Map<String, Object> calendars = new LinkedHashMap<>();
    calendars.put("connected", connected);
    calendars.put("failed", failed);
    calendars.put("added", added);
    health.withDetail("calendars", calendars);
    Map<String, Object> sync = new LinkedHashMap<>();
    if (newest != null) {
      sync.put("lastSuccessfulSync", newest.toString());
      sync.put("lastSuccessfulSyncAge", age(newest, now));
      sync.put("oldestCalendarSyncAge", age(oldest, now));
    }
    sync.put("neverSynced", neverSynced);
    health.withDetail("sync", sync);
    Map<String, Object> subscriptions = new LinkedHashMap<>();
    subscriptions.put("enabled", notifications);
    if (notifications) {
      subscriptions.put("active", subscribed - subscriptionsExpired);
      subscriptions.put("expired", subscriptionsExpired);
      subscriptions.put("missing", connected - subscribed);
    }
    health.withDetail("subscriptions", subscriptions);
    return health.build();
  }

  private static String age(Instant then, Instant now) {
    Duration age = Duration.between(then, now);
    return (age.isNegative() ? Duration.ZERO : age).withNanos(0).toString();
  }
}
