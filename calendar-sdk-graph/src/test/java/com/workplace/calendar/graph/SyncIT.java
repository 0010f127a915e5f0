package com.workplace.calendar.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.store.InMemoryCalendarStore;
import com.workplace.calendar.store.SyncState;
import com.workplace.calendar.sync.BookingChange;
import com.workplace.calendar.sync.ChangeType;
import com.workplace.calendar.sync.NotificationRequest;
import com.workplace.calendar.sync.NotificationResponse;
import com.workplace.calendar.sync.SyncOptions;
import com.workplace.calendar.sync.SyncResult;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeSubscription;
import com.workplace.calendar.testkit.LifecycleEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SecretsInLogsExtension.class)
class SyncIT {
  private static FakeMicrosoft365 m365;

  @BeforeAll
  static void startFake() {
    m365 = FakeMicrosoft365.builder().build().start();
  }

  @AfterAll
  static void stopFake() {
    m365.close();
  }

  /** A tenant whose service subscribes to change notifications at the endpoint, polling hourly. */
  private static AuthorizedTenant notifiedTenant(
      String name, int rooms, RecordingListener listener, NotificationEndpoint endpoint) {
    return AuthorizedTenant.create(
        m365,
        name,
        rooms,
        b ->
            b.syncListener(listener)
                .syncOptions(
                    SyncOptions.builder()
                        .notifications(endpoint.notifications(), endpoint.lifecycle())
                        .syncInterval(Duration.ofHours(1))
                        .build()));
  }

  private static Instant tomorrowAt(int hour) {
    return Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1)).plus(Duration.ofHours(hour));
  }

  @Test
  void aBookingMadeInOutlookArrivesThroughNotificationAndDeltaWithoutPolling() throws Exception {
    RecordingListener listener = new RecordingListener();
    try (NotificationEndpoint endpoint = new NotificationEndpoint();
        AuthorizedTenant tenant =
            notifiedTenant("notified", 3, listener, endpoint)) {
      endpoint.connect(tenant.service.sync().notifications());
      for (int i = 0; i < 3; i++) {
        tenant.service.sync().syncNow(tenant.id, tenant.room(i));
      }
      tenant.service.sync().start();
      await().atMost(Duration.ofSeconds(30))
          .until(() -> m365.subscriptions().stream().filter(s -> s.resource().contains(tenant.fake.domain())).count() == 3);
      listener.changes.clear();

      String eventId = tenant.fake.addEvent(tenant.room(1), "Made in Outlook", tomorrowAt(9), tomorrowAt(10));

      await().atMost(Duration.ofSeconds(30)).until(() -> !listener.changes.isEmpty());
      BookingChange change = listener.changes.get(0);
      assertThat(change.type()).isEqualTo(ChangeType.CREATED);
      assertThat(change.eventId()).isEqualTo(eventId);
      assertThat(change.calendarEmail()).isEqualTo(tenant.room(1));
      assertThat(change.subject()).contains("Made in Outlook");
      assertThat(change.isOurs()).isFalse();
      assertThat(endpoint.accepted.get()).isPositive();
    }
  }

  @Test
  void aRemovedSubscriptionIsRecreatedAndMissedNotificationsTriggerARound() throws Exception {
    RecordingListener listener = new RecordingListener();
    try (NotificationEndpoint endpoint = new NotificationEndpoint();
        AuthorizedTenant tenant =
            notifiedTenant("lifecycle", 1, listener, endpoint)) {
      endpoint.connect(tenant.service.sync().notifications());
      tenant.service.sync().syncNow(tenant.id, tenant.room(0));
      tenant.service.sync().start();
      await().atMost(Duration.ofSeconds(30)).until(() -> subscriptionsOf(tenant).size() == 1);
      String first = subscriptionsOf(tenant).get(0).id();

      m365.sendLifecycleNotification(first, LifecycleEvent.SUBSCRIPTION_REMOVED);

      await().atMost(Duration.ofSeconds(30))
          .until(() -> subscriptionsOf(tenant).size() == 1 && !subscriptionsOf(tenant).get(0).id().equals(first));

      String eventId = tenant.fake.addEvent(tenant.room(0), "While notifications were lost", tomorrowAt(14), tomorrowAt(15));
      await().atMost(Duration.ofSeconds(30)).until(() -> listener.changes.stream().anyMatch(c -> c.eventId().equals(eventId)));
      listener.changes.clear();
      String missedEvent = tenant.fake.addEvent(tenant.room(0), "Missed", tomorrowAt(16), tomorrowAt(17));
      m365.sendLifecycleNotification(subscriptionsOf(tenant).get(0).id(), LifecycleEvent.MISSED);
      await().atMost(Duration.ofSeconds(30)).until(() -> listener.changes.stream().anyMatch(c -> c.eventId().equals(missedEvent)));
    }
  }

  private static List<FakeSubscription> subscriptionsOf(AuthorizedTenant tenant) {
    return m365.subscriptions().stream().filter(s -> s.resource().contains(tenant.fake.domain())).toList();
  }

  @Test
  void forgedNotificationsAreRejectedAndChangeNothing() throws Exception {
    RecordingListener listener = new RecordingListener();
    try (NotificationEndpoint endpoint = new NotificationEndpoint();
        AuthorizedTenant tenant =
            notifiedTenant("forged", 1, listener, endpoint)) {
      tenant.service.sync().syncNow(tenant.id, tenant.room(0));
      endpoint.connect(tenant.service.sync().notifications());
      tenant.service.sync().start();
      await().atMost(Duration.ofSeconds(30))
          .until(() -> m365.subscriptions().stream().anyMatch(s -> s.resource().contains(tenant.fake.domain())));
      FakeSubscription real =
          m365.subscriptions().stream().filter(s -> s.resource().contains(tenant.fake.domain())).findFirst().orElseThrow();
      long requestsBefore = m365.stats().totalRequests();

      NotificationResponse badState = post(tenant, real.id(), "not-the-client-state", tenant.fake.id());
      NotificationResponse unknown = post(tenant, "00000000-0000-0000-0000-000000000000", "whatever", tenant.fake.id());
      NotificationResponse huge =
          tenant.service.sync().notifications().handle(
              new NotificationRequest("POST", "", Map.of(), new byte[2 * 1024 * 1024]));
      NotificationResponse garbage =
          tenant.service.sync().notifications().handle(
              new NotificationRequest("POST", "", Map.of(), "{\"value\":".getBytes(StandardCharsets.UTF_8)));

      assertThat(badState.status()).isEqualTo(403);
      assertThat(unknown.status()).isEqualTo(403);
      assertThat(huge.status()).isEqualTo(413);
      assertThat(garbage.status()).isEqualTo(400);
      assertThat(listener.changes).isEmpty();
      assertThat(m365.stats().totalRequests()).as("no delta run was triggered").isEqualTo(requestsBefore);
    }
  }

  private static NotificationResponse post(AuthorizedTenant tenant, String subscriptionId, String clientState, String tenantGuid) {
    String body =
        "{\"value\":[{\"subscriptionId\":\"" + subscriptionId + "\",\"clientState\":\"" + clientState
            + "\",\"changeType\":\"created\",\"resource\":\"Users/x/Events/y\",\"tenantId\":\"" + tenantGuid + "\"}]}";
    return tenant.service.sync().notifications().handle(
        new NotificationRequest("POST", "", Map.of("Content-Type", List.of("application/json")), body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void createUpdateAndDeleteComeThroughDeltaAndOursAreMarked() {
    RecordingListener listener = new RecordingListener();
    try (AuthorizedTenant tenant = AuthorizedTenant.create(m365, "delta", 1, b -> b.syncListener(listener))) {
      String room = tenant.room(0);
      String outlook = tenant.fake.addEvent(room, "Outlook", tomorrowAt(8), tomorrowAt(9));
      SyncResult first = tenant.service.sync().syncNow(tenant.id, room);
      assertThat(first.created()).isEqualTo(1);

      tenant.service.bookings().create(
          BookingRequest.builder(tenant.id, "ours-1").room(room).subject("Ours").time(tomorrowAt(10), tomorrowAt(11))
              .booker("alex@" + tenant.fake.domain(), null).build());
      tenant.fake.updateEvent(room, outlook, "Outlook moved", tomorrowAt(12), tomorrowAt(13));
      listener.changes.clear();

      SyncResult second = tenant.service.sync().syncNow(tenant.id, room);

      assertThat(second.created()).isEqualTo(1);
      assertThat(second.updated()).isEqualTo(1);
      assertThat(listener.changes).anySatisfy(c -> {
        assertThat(c.type()).isEqualTo(ChangeType.CREATED);
        assertThat(c.bookingKey()).contains("ours-1");
      });
      assertThat(listener.changes).anySatisfy(c -> {
        assertThat(c.type()).isEqualTo(ChangeType.UPDATED);
        assertThat(c.start()).contains(tomorrowAt(12));
      });

      tenant.fake.deleteEvent(room, outlook);
      listener.changes.clear();
      SyncResult third = tenant.service.sync().syncNow(tenant.id, room);
      assertThat(third.deleted()).isEqualTo(1);
      assertThat(listener.changes).singleElement().satisfies(c -> assertThat(c.eventId()).isEqualTo(outlook));
    }
  }

  @Test
  void aStoredDeltaLinkForAnotherEndpointIsDroppedAndTheCalendarResyncs() {
    RecordingListener listener = new RecordingListener();
    InMemoryCalendarStore store = InMemoryCalendarStore.create();
    try (AuthorizedTenant tenant =
        AuthorizedTenant.create(m365, "moved", 1, b -> b.syncListener(listener).store(store))) {
      String room = tenant.room(0);
      tenant.fake.addEvent(room, "Before the move", tomorrowAt(8), tomorrowAt(9));
      assertThat(tenant.service.sync().syncNow(tenant.id, room).created()).isEqualTo(1);
      SyncState state = store.findSyncState(tenant.id, room).orElseThrow();
      store.saveSyncState(
          new SyncState(
              state.tenantId(), state.calendarEmail(),
              Optional.of("https://graph.old-proxy.example.com/v1.0/users/x/calendarView/delta?$deltatoken=abc"),
              state.windowStart(), state.windowEnd(), state.knownEventIds(), state.lastSyncAt(), state.version()));

      SyncResult result = tenant.service.sync().syncNow(tenant.id, room);

      assertThat(result.fullResync()).isTrue();
      assertThat(store.findSyncState(tenant.id, room).orElseThrow().deltaLink().orElseThrow())
          .startsWith(m365.graphUri().toString());
    }
  }

  @Test
  void anExpiredDeltaTokenRecoversWithAFullResyncAndTheRightDeletions() {
    RecordingListener listener = new RecordingListener();
    try (AuthorizedTenant tenant = AuthorizedTenant.create(m365, "expired", 1, b -> b.syncListener(listener))) {
      String room = tenant.room(0);
      String keep = tenant.fake.addEvent(room, "Keep", tomorrowAt(8), tomorrowAt(9));
      String gone = tenant.fake.addEvent(room, "Gone", tomorrowAt(10), tomorrowAt(11));
      assertThat(tenant.service.sync().syncNow(tenant.id, room).created()).isEqualTo(2);

      tenant.fake.deleteEvent(room, gone);
      tenant.fake.expireDeltaTokens(room);
      listener.changes.clear();

      SyncResult resync = tenant.service.sync().syncNow(tenant.id, room);

      assertThat(resync.fullResync()).isTrue();
      assertThat(listener.changes).filteredOn(c -> c.type() == ChangeType.DELETED)
          .extracting(BookingChange::eventId).containsExactly(gone);
      assertThat(listener.changes).noneMatch(c -> c.type() == ChangeType.DELETED && c.eventId().equals(keep));
      assertThat(tenant.service.sync().syncNow(tenant.id, room).changes()).isZero();
    }
  }
}
