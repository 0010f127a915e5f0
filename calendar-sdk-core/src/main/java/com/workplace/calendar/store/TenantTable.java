package com.workplace.calendar.store;

import com.workplace.calendar.DuplicateRecordException;
import com.workplace.calendar.tenant.Tenant;
import com.workplace.calendar.tenant.TenantId;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The tenants of an {@link InMemoryCalendarStore} in ID order and the consent states begun for
 * them, with their uniqueness and version rules and the single use of a consent state. Not
 * thread-safe: the store's lock guards it.
 */
final class TenantTable {
  private final Map<TenantId, Tenant> tenants = new TreeMap<>(Comparator.comparing(TenantId::value));
  private final Map<String, ConsentState> consentStates = new HashMap<>();

  Optional<Tenant> find(TenantId tenantId) {
    return Optional.ofNullable(tenants.get(tenantId));
  }

  boolean contains(TenantId tenantId) {
    return tenants.containsKey(tenantId);
  }

  List<Tenant> list() {
    return List.copyOf(tenants.values());
  }

  Tenant insert(Tenant tenant) {
    if (tenants.containsKey(tenant.id())) {
      throw new DuplicateRecordException("tenant " + tenant.id() + " is already stored");
    }
    Tenant stored = tenant.withVersion(1);
    tenants.put(tenant.id(), stored);
    return stored;
  }

  Tenant update(Tenant tenant) {
    Tenant current = tenants.get(tenant.id());
    StoreChecks.checkVersion(
        "tenant " + tenant.id(), current == null ? null : current.version(), tenant.version());
    Tenant stored = tenant.withVersion(tenant.version() + 1);
    tenants.put(tenant.id(), stored);
    return stored;
  }

  /** Removes a tenant and its consent states; {@code false} if it was not stored. */
  boolean remove(TenantId tenantId) {
    if (tenants.remove(tenantId) == null) {
      return false;
    }
    consentStates.values().removeIf(s -> s.tenantId().equals(tenantId));
    return true;
  }

  void insertConsentState(ConsentState state) {
    if (consentStates.containsKey(state.stateHash())) {
      throw new DuplicateRecordException("the consent state is already stored");
    }
    consentStates.put(state.stateHash(), state);
  }

  Optional<ConsentState> findConsentState(String stateHash) {
    return Optional.ofNullable(consentStates.get(stateHash));
  }

  /** Marks a consent state used; {@code false} if it is unknown or was used before. */
  boolean markConsentStateUsed(String stateHash, Instant usedAt) {
    ConsentState state = consentStates.get(stateHash);
    if (state == null || state.usedAt().isPresent()) {
      return false;
    }
    consentStates.put(
        stateHash,
        new ConsentState(
            state.stateHash(),
            state.tenantId(),
            state.createdAt(),
            state.expiresAt(),
            Optional.of(usedAt)));
    return true;
  }

  /** {@return how many consent states that expired before the cutoff were removed} */
  int removeConsentStatesExpiredBefore(Instant cutoff) {
    int before = consentStates.size();
    consentStates.values().removeIf(s -> s.expiresAt().isBefore(cutoff));
    return before - consentStates.size();
  }
}
