package com.workplace.calendar.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.PageRequest;
import com.workplace.calendar.registry.CalendarQuery;
import com.workplace.calendar.registry.CalendarStatus;
import com.workplace.calendar.store.JdbcCalendarStore;
import com.workplace.calendar.sync.SyncOptions;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeStats;
import com.workplace.calendar.testkit.FakeTenant;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SecretsInLogsExtension.class)
class MultiInstancePostgresIT {
  private static final int ROOMS = 300;

  @Test
  void threeInstancesOnOnePostgresConnectAndSyncWithinTheLimitsAndSurviveOneStopping() throws Exception {
    List<RecordingListener.Call> calls = new CopyOnWriteArrayList<>();
    try (PostgresSchema database = PostgresSchema.create();
        FakeMicrosoft365 m365 = FakeMicrosoft365.builder().latency(Duration.ofMillis(20)).build().start()) {
      FakeApp app = GraphTestSupport.app(m365);
      FakeTenant fake = m365.tenant(GraphTestSupport.uniqueDomain("scaled"));
      TenantId tenantId = TenantId.parse(fake.domain());
      Instant tomorrow = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
      for (int i = 0; i < ROOMS; i++) {
        fake.addRoom(AuthorizedTenant.room(fake, i), "Room " + i);
        fake.addEvent(AuthorizedTenant.room(fake, i), "Outlook " + i, tomorrow.plus(Duration.ofHours(9)), tomorrow.plus(Duration.ofHours(10)));
      }
      SyncOptions options =
          SyncOptions.builder()
              .syncInterval(Duration.ofSeconds(2))
              .connectInterval(Duration.ofMillis(300))
              .leaseTtl(Duration.ofSeconds(10))
              .workerThreads(2)
              .build();
      List<CalendarService> instances = new ArrayList<>();
      try {
        for (String owner : List.of("a", "b", "c")) {
          JdbcCalendarStore store = JdbcCalendarStore.builder(database.newPool(6)).build();
          instances.add(
              GraphTestSupport.service(
                  m365,
                  app,
                  b -> b.store(store)
                      .syncOptions(options.toBuilder().ownerId("instance-" + owner).build())
                      .syncListener(new RecordingListener(owner, calls))));
        }
        CalendarService first = instances.get(0);
        var request = first.tenants().begin(tenantId);
        assertThat(first.tenants().complete(GraphTestSupport.consent(m365, request)).verified()).isTrue();
        List<String> emails = IntStream.range(0, ROOMS).mapToObj(i -> AuthorizedTenant.room(fake, i)).toList();
        assertThat(first.calendars().addAll(tenantId, emails).added()).isEqualTo(ROOMS);
        m365.resetStats();

        instances.forEach(s -> s.sync().start());

        // Stop the busiest instance midway (the one that won the connect lease queues the first
        // rounds of every calendar it connected); the others must finish its work.
        await().atMost(Duration.ofSeconds(120)).until(() -> syncedCalendars(calls).size() >= ROOMS / 4);
        String busiest = busiestOwner(calls);
        int stopped = List.of("a", "b", "c").indexOf(busiest);
        instances.get(stopped).close();
        int doneBeforeStop = calls.size();
        assertThat(syncedCalendars(calls)).as("stopped midway").hasSizeLessThan(ROOMS);

        await().atMost(Duration.ofSeconds(180)).until(() -> syncedCalendars(calls).size() == ROOMS);
        assertThat(calls.subList(doneBeforeStop, calls.size()))
            .as("rounds after the stop")
            .isNotEmpty()
            .allSatisfy(c -> assertThat(c.owner()).isNotEqualTo(busiest));
        assertThat(
                instances.get((stopped + 1) % 3).calendars()
                    .list(tenantId, CalendarQuery.withStatus(CalendarStatus.CONNECTED).page(PageRequest.first(1000)))
                    .items())
            .hasSize(ROOMS);
      } finally {
        instances.forEach(CalendarService::close);
      }
      FakeStats stats = m365.stats();
      assertThat(stats.limitViolations()).isZero();
      assertThat(stats.peakConcurrencyPerMailbox().values()).allSatisfy(p -> assertThat(p).isLessThanOrEqualTo(4));
    }
  }

  private static String busiestOwner(List<RecordingListener.Call> calls) {
    return calls.stream()
        .collect(Collectors.groupingBy(RecordingListener.Call::owner, Collectors.counting()))
        .entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
  }

  private static Set<String> syncedCalendars(List<RecordingListener.Call> calls) {
    return calls.stream().map(RecordingListener.Call::calendar).collect(Collectors.toSet());
  }
}
