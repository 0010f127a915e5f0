package com.workplace.calendar.store;

import com.workplace.calendar.DuplicateRecordException;
import com.workplace.calendar.tenant.TenantId;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sync bookkeeping of an {@link InMemoryCalendarStore}: each calendar's sync state and change
 * subscription, with their version rules and the rule that a subscription id belongs to one
 * calendar. Whether the calendar is registered is the store's check. Not thread-safe: the store's
 * lock guards it.
 */
final class CalendarSyncTable {
  private record CalendarKey(TenantId tenantId, String email) {}

  private final Map<CalendarKey, SyncState> syncStates = new HashMap<>();
  private final Map<CalendarKey, SubscriptionState> subscriptions = new HashMap<>();

  Optional<SyncState> syncState(TenantId tenantId, String email) {
    return Optional.ofNullable(syncStates.get(new CalendarKey(tenantId, email)));
  }

  /** Inserts (version 0) or updates a calendar's sync state. */
  SyncState save(SyncState state) {
    CalendarKey key = new CalendarKey(state.tenantId(), state.calendarEmail());
    SyncState current = syncStates.get(key);
    StoreChecks.checkSave(
        "sync state of " + state.calendarEmail(),
        current == null ? null : current.version(),
        state.version());
    SyncState stored = state.withVersion(state.version() + 1);
    syncStates.put(key, stored);
    return stored;
  }

  Optional<SubscriptionState> subscription(TenantId tenantId, String email) {
    return Optional.ofNullable(subscriptions.get(new CalendarKey(tenantId, email)));
  }

  Optional<SubscriptionState> subscriptionById(String subscriptionId) {
    for (SubscriptionState subscription : subscriptions.values()) {
      if (subscription.subscriptionId().equals(subscriptionId)) {
        return Optional.of(subscription);
      }
    }
    return Optional.empty();
  }

  /** Inserts (version 0) or updates a calendar's subscription. */
  SubscriptionState save(SubscriptionState subscription) {
    CalendarKey key = new CalendarKey(subscription.tenantId(), subscription.calendarEmail());
    SubscriptionState current = subscriptions.get(key);
    StoreChecks.checkSave(
        "subscription of " + subscription.calendarEmail(),
        current == null ? null : current.version(),
        subscription.version());
    boolean idTakenElsewhere =
        subscriptions.entrySet().stream()
            .anyMatch(
                e ->
                    !e.getKey().equals(key)
                        && e.getValue().subscriptionId().equals(subscription.subscriptionId()));
    if (idTakenElsewhere) {
      throw new DuplicateRecordException("the subscription id belongs to another calendar");
    }
    SubscriptionState stored = subscription.withVersion(subscription.version() + 1);
    subscriptions.put(key, stored);
    return stored;
  }

  boolean removeSubscription(TenantId tenantId, String email) {
    return subscriptions.remove(new CalendarKey(tenantId, email)) != null;
  }

  /** {@return up to {@code limit} subscriptions expiring before the cutoff, soonest first} */
  List<SubscriptionState> subscriptionsExpiringBefore(Instant cutoff, int limit) {
    return subscriptions.values().stream()
        .filter(s -> s.expiresAt().isBefore(cutoff))
        .sorted(Comparator.comparing(SubscriptionState::expiresAt))
        .limit(limit)
        .toList();
  }

  /** Forgets a calendar's sync state and subscription. */
  void removeCalendar(TenantId tenantId, String email) {
    CalendarKey key = new CalendarKey(tenantId, email);
    syncStates.remove(key);
    subscriptions.remove(key);
  }

  /** Forgets the sync states and subscriptions of every calendar of a tenant. */
  void removeTenant(TenantId tenantId) {
    syncStates.keySet().removeIf(k -> k.tenantId().equals(tenantId));
    subscriptions.keySet().removeIf(k -> k.tenantId().equals(tenantId));
  }
}
