package com.workplace.calendar.internal;

import static com.workplace.calendar.internal.TestWorld.CONTOSO;
import static com.workplace.calendar.internal.TestWorld.NOW;
import static com.workplace.calendar.internal.TestWorld.ORCHARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.spi.CalendarEvent;
import com.workplace.calendar.tenant.Tenant;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.tenant.TenantNotAuthorizedException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading several series masters is guarded like every other call to a tenant's mailboxes. */
class TenantGuardedProviderTest {
  private static final TenantId FABRIKAM = TenantId.parse("fabrikam.onmicrosoft.com");

  private final TestWorld world = new TestWorld();
  private final TenantGuardedProvider guarded =
      new TenantGuardedProvider(world.backend, new TenantStatusCache(world.store, Duration.ZERO));

  @Test
  void readingSeveralMastersOfATenantThatIsNotAuthorizedIsRefused() {
    world.store.insertTenant(Tenant.pending(FABRIKAM, NOW));
    String fabrikamRoom = "orchard@fabrikam.onmicrosoft.com";
    world.backend.addRoom(fabrikamRoom);

    assertThatThrownBy(() -> guarded.getSeriesMasters(FABRIKAM, fabrikamRoom, List.of("a", "b")))
        .isInstanceOf(TenantNotAuthorizedException.class);
  }

  @Test
  void readingSeveralMastersOfAnAuthorizedTenantReachesTheProvider() {
    world.connectedRoom(ORCHARD);
    CalendarEvent event =
        world.backend.outlook.addExternalEvent(
            ORCHARD, "bob@contoso.com", "Standup", NOW.plusSeconds(3600), NOW.plusSeconds(5400));

    Map<String, Optional<CalendarEvent>> read =
        guarded.getSeriesMasters(CONTOSO, ORCHARD, List.of(event.id(), "gone"));

    assertThat(read).containsOnlyKeys(event.id(), "gone");
    assertThat(read.get(event.id())).contains(event);
    assertThat(read.get("gone")).isEmpty();
  }
}
