package com.workplace.calendar.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.store.InMemoryCalendarStore;
import com.workplace.calendar.sync.SyncOptions;
import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeTenant;
import com.workplace.calendar.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SecretsInLogsExtension.class)
class SharedStoreSyncIT {

  /** Records which instance sent requests for which mailbox. */
  static final class MailboxWork implements GraphEventListener {
    final String owner;
    final Map<String, Set<String>> ownersByMailbox;

    MailboxWork(String owner, Map<String, Set<String>> ownersByMailbox) {
      this.owner = owner;
      this.ownersByMailbox = ownersByMailbox;
    }

    @Override
    public void responseReceived(GraphCall call) {
      if (call.path().contains("/calendarView/delta")) {
        call.mailbox().ifPresent(m -> ownersByMailbox.computeIfAbsent(m, k -> ConcurrentHashMap.newKeySet()).add(owner));
      }
    }
  }

  @Test
  void twoInstancesOnOneStoreSplitTheCalendarsAndNeverWorkOneTogether() {
    int rooms = 40;
    Map<String, Set<String>> ownersByMailbox = new ConcurrentHashMap<>();
    List<RecordingListener.Call> calls = new CopyOnWriteArrayList<>();
    try (FakeMicrosoft365 m365 = FakeMicrosoft365.builder().latency(Duration.ofMillis(25)).build().start()) {
      FakeApp app = GraphTestSupport.app(m365);
      FakeTenant fake = m365.tenant(GraphTestSupport.uniqueDomain("shared"));
      TenantId tenantId = TenantId.parse(fake.domain());
      Instant tomorrow = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
      for (int i = 0; i < rooms; i++) {
        fake.addRoom(AuthorizedTenant.room(fake, i), "Room " + i);
        fake.addEvent(AuthorizedTenant.room(fake, i), "Outlook " + i, tomorrow.plus(Duration.ofHours(9)), tomorrow.plus(Duration.ofHours(10)));
      }
      InMemoryCalendarStore store = InMemoryCalendarStore.create();
      SyncOptions options =
          SyncOptions.builder().syncInterval(Duration.ofHours(1)).workerThreads(2).leaseTtl(Duration.ofSeconds(30)).build();
      try (CalendarService a =
              GraphTestSupport.service(
                  m365, app, b -> b.store(store).syncOptions(options.toBuilder().ownerId("instance-a").build())
                      .syncListener(new RecordingListener("a", calls)).eventListener(new MailboxWork("a", ownersByMailbox)));
          CalendarService b =
              GraphTestSupport.service(
                  m365, app, x -> x.store(store).syncOptions(options.toBuilder().ownerId("instance-b").build())
                      .syncListener(new RecordingListener("b", calls)).eventListener(new MailboxWork("b", ownersByMailbox)))) {
        var request = a.tenants().begin(tenantId);
        assertThat(a.tenants().complete(GraphTestSupport.consent(m365, request)).verified()).isTrue();
        a.calendars().addAll(tenantId, IntStream.range(0, rooms).mapToObj(i -> AuthorizedTenant.room(fake, i)).toList());
        assertThat(a.calendars().connect(tenantId).connected()).isEqualTo(rooms);

        a.sync().start();
        b.sync().start();

        await().atMost(Duration.ofSeconds(60))
            .until(() -> calls.stream().map(RecordingListener.Call::calendar).distinct().count() == rooms);
      }
    }
    Map<String, Long> roundsByOwner = new HashMap<>();
    calls.forEach(c -> roundsByOwner.merge(c.owner(), 1L, Long::sum));
    assertThat(roundsByOwner.keySet()).as("both instances took a share").containsExactlyInAnyOrder("a", "b");
    assertThat(calls).as("one round per calendar").hasSize(rooms);
    Set<String> shared = new HashSet<>();
    ownersByMailbox.forEach((mailbox, owners) -> {
      if (owners.size() > 1) {
        shared.add(mailbox);
      }
    });
    assertThat(shared).as("mailboxes whose delta requests came from both instances").isEmpty();
  }
}
