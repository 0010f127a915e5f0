package com.workplace.calendar.testkit.contract;

import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.space.SpaceLink;
import com.workplace.calendar.store.BookingLink;
import com.workplace.calendar.store.ConsentState;
import com.workplace.calendar.store.SubscriptionState;
import com.workplace.calendar.store.SyncState;
import com.workplace.calendar.tenant.Tenant;
import com.workplace.calendar.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/** Records for the store contract, all derived from one instant. */
final class StoreFixtures {
  static final TenantId CONTOSO = TenantId.parse("contoso.onmicrosoft.com");
  static final TenantId FABRIKAM = TenantId.parse("8c3dd1e5-6f3a-4a2b-9d1e-3c4b5a6d7e8f");

  private final Instant now;

  StoreFixtures(Instant now) {
    this.now = now;
  }

  Tenant tenant(TenantId id) {
    return Tenant.pending(id, now);
  }

  RoomCalendar calendar(TenantId tenant, String email) {
    return RoomCalendar.added(tenant, email, null, now);
  }

  SpaceLink link(TenantId tenant, String space, String email) {
    return new SpaceLink(tenant, SpaceId.of(space), email, now, 0);
  }

  BookingLink booking(TenantId tenant, String key, String email) {
    return new BookingLink(tenant, key, email, "tx-" + key, Optional.empty(), now, 0);
  }

  SyncState sync(TenantId tenant, String email, String deltaLink, Set<String> known) {
    return new SyncState(
        tenant,
        email,
        Optional.ofNullable(deltaLink),
        now.minus(Duration.ofDays(1)),
        now.plus(Duration.ofDays(90)),
        known,
        Optional.of(now),
        0);
  }

  SubscriptionState subscription(TenantId tenant, String email, String id, Duration expiresIn) {
    return new SubscriptionState(tenant, email, id, hash("client-state-" + id), now.plus(expiresIn), 0);
  }

  ConsentState consent(TenantId tenant, String stateValue, Duration expiresIn) {
    return new ConsentState(hash(stateValue), tenant, now, now.plus(expiresIn), Optional.empty());
  }

  static String hash(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
