package com.workplace.calendar.internal.sync;

import static com.workplace.calendar.internal.TestWorld.CONTOSO;
import static com.workplace.calendar.internal.TestWorld.NOW;
import static com.workplace.calendar.internal.TestWorld.ORCHARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.internal.FakeSubscriptions;
import com.workplace.calendar.internal.Hashing;
import com.workplace.calendar.internal.TestWorld;
import com.workplace.calendar.store.SubscriptionState;
import com.workplace.calendar.sync.SyncOptions;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SubscriptionKeeperTest {
  private static final URI NOTIFY = URI.create("https://host.example/calendar/notify");
  private static final URI LIFECYCLE = URI.create("https://host.example/calendar/lifecycle");
  private static final CalendarKey KEY = new CalendarKey(CONTOSO, ORCHARD);

  private TestWorld world;
  private SubscriptionKeeper keeper;

  @BeforeEach
  void setUp() {
    world = new TestWorld();
    world.connectedRoom(ORCHARD);
    keeper = keeper(SyncOptions.builder().notifications(NOTIFY, LIFECYCLE).build());
  }

  private SubscriptionKeeper keeper(SyncOptions options) {
    return new SubscriptionKeeper(world.store, world.backend, options, world.clock);
  }

  private SubscriptionState stored() {
    return world.store.findSubscription(CONTOSO, ORCHARD).orElseThrow();
  }

  private FakeSubscriptions.Subscription held() {
    return world.backend.subscriptions.all().get(stored().subscriptionId());
  }

  @Test
  void createsOneSubscriptionPerCalendarAndStoresOnlyTheHashOfItsClientState() {
    keeper.upkeep(KEY);
    keeper.upkeep(KEY);

    assertThat(world.backend.subscriptions.calls).containsExactly("create " + ORCHARD + " 10080");
    FakeSubscriptions.Subscription held = held();
    assertThat(held.request().notificationUri()).isEqualTo(NOTIFY);
    assertThat(held.request().lifecycleUri()).isEqualTo(LIFECYCLE);
    assertThat(held.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10_080)));
    String clientState = held.request().clientState();
    assertThat(clientState).hasSizeGreaterThanOrEqualTo(42);
    assertThat(stored().clientStateHash()).isEqualTo(Hashing.sha256Hex(clientState));
    assertThat(stored().toString()).doesNotContain(clientState);
    assertThat(stored().expiresAt()).isEqualTo(held.expiresAt());
  }

  @Test
  void fallsBackToTheShorterLifetimeOnceWhenTheServiceRefusesTheLongOne() {
    world.backend.subscriptions.maxLifetime(Duration.ofMinutes(4_230));

    keeper.upkeep(KEY);

    assertThat(world.backend.subscriptions.calls)
        .containsExactly("create " + ORCHARD + " 10080", "create " + ORCHARD + " 4230");
    assertThat(stored().expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(4_230)));

    world.clock.advance(Duration.ofMinutes(4_230 / 2 + 1));
    keeper.upkeep(KEY);
    assertThat(world.backend.subscriptions.calls)
        .last()
        .isEqualTo("renew " + stored().subscriptionId() + " 4230");
  }

  @Test
  void givesUpWhenTheServiceRefusesTheFallbackToo() {
    world.backend.subscriptions.maxLifetime(Duration.ofMinutes(60));

    assertThatThrownBy(() -> keeper.upkeep(KEY))
        .isInstanceOfSatisfying(
            CalendarServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    assertThat(world.backend.subscriptions.calls).hasSize(2);
    assertThat(world.store.findSubscription(CONTOSO, ORCHARD)).isEmpty();
  }

  @Test
  void renewsAtHalfOfItsLifetime() {
    keeper.upkeep(KEY);
    String id = stored().subscriptionId();

    world.clock.advance(Duration.ofMinutes(10_080 / 2 - 5));
    keeper.upkeep(KEY);
    assertThat(world.backend.subscriptions.calls).hasSize(1);

    world.clock.advance(Duration.ofMinutes(6));
    keeper.upkeep(KEY);
    assertThat(world.backend.subscriptions.calls).last().isEqualTo("renew " + id + " 10080");
    assertThat(stored().subscriptionId()).isEqualTo(id);
    assertThat(stored().expiresAt())
        .isEqualTo(world.clock.instant().plus(Duration.ofMinutes(10_080)));
    assertThat(held().expiresAt()).isEqualTo(stored().expiresAt());
  }

  @Test
  void replacesASubscriptionTheServiceNoLongerKnowsWhenRenewing() {
    keeper.upkeep(KEY);
    SubscriptionState before = stored();
    world.backend.subscriptions.drop(before.subscriptionId());

    keeper.renew(KEY);

    assertThat(stored().subscriptionId()).isNotEqualTo(before.subscriptionId());
    assertThat(world.backend.subscriptions.all()).containsOnlyKeys(stored().subscriptionId());
  }

  @Test
  void recreatesWithANewIdAndClientStateAndDeletesTheOldOne() {
    keeper.upkeep(KEY);
    SubscriptionState before = stored();

    keeper.recreate(KEY);

    SubscriptionState after = stored();
    assertThat(after.subscriptionId()).isNotEqualTo(before.subscriptionId());
    assertThat(after.clientStateHash()).isNotEqualTo(before.clientStateHash());
    assertThat(world.backend.subscriptions.calls).contains("delete " + before.subscriptionId());
    assertThat(world.backend.subscriptions.all()).containsOnlyKeys(after.subscriptionId());
  }

  @Test
  void doesNothingWithoutNotificationUrls() {
    SubscriptionKeeper off = keeper(SyncOptions.defaults());

    off.upkeep(KEY);
    off.renew(KEY);
    off.recreate(KEY);

    assertThat(world.backend.subscriptions.calls).isEmpty();
    assertThat(world.store.findSubscription(CONTOSO, ORCHARD)).isEmpty();
  }

  @Test
  void aCalendarRemovedWhileItsSubscriptionIsCreatedLeavesNothingBehind() {
    world.store.deleteCalendar(CONTOSO, ORCHARD);
    world.backend.addRoom(ORCHARD);

    keeper.upkeep(KEY);

    assertThat(world.backend.subscriptions.all()).isEmpty();
    assertThat(world.backend.subscriptions.calls)
        .containsExactly("create " + ORCHARD + " 10080", "delete sub-1");
  }
}
