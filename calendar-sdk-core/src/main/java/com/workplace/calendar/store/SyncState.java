package com.workplace.calendar.store;

import com.workplace.calendar.registry.EmailAddresses;
import com.workplace.calendar.tenant.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where the delta sync of one calendar stands.
 *
 * @param tenantId the tenant
 * @param calendarEmail the calendar
 * @param deltaLink the delta link to continue from; empty before the first round or after a reset
 * @param windowStart the start of the sync window the link was made for
 * @param windowEnd the end of the sync window
 * @param knownEventIds the ids of the events in the window after the last round, to report
 *     deletions after a full resync
 * @param knownInstances for the known events that are instances of recurring series, by event id:
 *     their series and the fingerprint of what was reported (a subset of {@code knownEventIds});
 *     stores keep it with the rest of the state
 * @param lastSyncAt when the last round finished
 * @param version the record version; 0 before the first save
 * @since 0.1.0
 */
public record SyncState(
    TenantId tenantId,
    String calendarEmail,
    Optional<String> deltaLink,
    Instant windowStart,
    Instant windowEnd,
    Set<String> knownEventIds,
    Map<String, KnownInstance> knownInstances,
    Optional<Instant> lastSyncAt,
    long version) {
  /**
   * Validates the record.
   *
   * @throws IllegalArgumentException if the window is empty, or a known instance is not among the
   *     known events
   */
  public SyncState {
    Objects.requireNonNull(tenantId, "tenantId");
    calendarEmail = EmailAddresses.normalize(calendarEmail);
    Objects.requireNonNull(deltaLink, "deltaLink");
    Objects.requireNonNull(windowStart, "windowStart");
    Objects.requireNonNull(windowEnd, "windowEnd");
    if (!windowEnd.isAfter(windowStart)) {
      throw new IllegalArgumentException("the sync window must end after it starts");
    }
    knownEventIds = Set.copyOf(Objects.requireNonNull(knownEventIds, "knownEventIds"));
    knownInstances = Map.copyOf(Objects.requireNonNull(knownInstances, "knownInstances"));
    if (!knownEventIds.containsAll(knownInstances.keySet())) {
      throw new IllegalArgumentException("every known instance must be a known event");
    }
    Objects.requireNonNull(lastSyncAt, "lastSyncAt");
  }

  /**
   * Creates a state that knows no instances of recurring series (the shape of 0.1).
   *
   * @param tenantId the tenant
   * @param calendarEmail the calendar
   * @param deltaLink the delta link to continue from
   * @param windowStart the start of the sync window the link was made for
   * @param windowEnd the end of the sync window
   * @param knownEventIds the ids of the events in the window after the last round
   * @param lastSyncAt when the last round finished
   * @param version the record version; 0 before the first save
   */
  public SyncState(
      TenantId tenantId,
      String calendarEmail,
      Optional<String> deltaLink,
      Instant windowStart,
      Instant windowEnd,
      Set<String> knownEventIds,
      Optional<Instant> lastSyncAt,
      long version) {
    this(
        tenantId,
        calendarEmail,
        deltaLink,
        windowStart,
        windowEnd,
        knownEventIds,
        Map.of(),
        lastSyncAt,
        version);
  }

  /**
   * Returns a copy with another version; used by stores.
   *
   * @param newVersion the version
   * @return the changed copy
   */
  public SyncState withVersion(long newVersion) {
    return new SyncState(
        tenantId,
        calendarEmail,
        deltaLink,
        windowStart,
        windowEnd,
        knownEventIds,
        knownInstances,
        lastSyncAt,
        newVersion);
  }

  @Override
  public String toString() {
    return "SyncState[tenantId="
        + tenantId
        + ", calendarEmail="
        + calendarEmail
        + ", deltaLink="
        + (deltaLink.isPresent() ? "(present)" : "(none)")
        + ", window="
        + windowStart
        + "/"
        + windowEnd
        + ", knownEvents="
        + knownEventIds.size()
        + ", knownInstances="
        + knownInstances.size()
        + ", version="
        + version
        + "]";
  }
}
