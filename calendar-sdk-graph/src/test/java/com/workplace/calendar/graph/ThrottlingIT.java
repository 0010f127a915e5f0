package com.workplace.calendar.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.registry.CalendarStatus;
import com.workplace.calendar.registry.ConnectReport;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeTenant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SecretsInLogsExtension.class)
class ThrottlingIT {
  private static FakeMicrosoft365 m365;

  @BeforeAll
  static void startFake() {
    m365 = FakeMicrosoft365.builder().build().start();
  }

  @AfterAll
  static void stopFake() {
    m365.close();
  }

  @Test
  void aThrottledMailboxMakesEveryoneWaitInsteadOfHammering() throws Exception {
    FakeApp app = GraphTestSupport.app(m365);
    FakeTenant tenant = m365.tenant(GraphTestSupport.uniqueDomain("busy"));
    TenantId tenantId = TenantId.parse(tenant.domain());
    String hot = "hot@" + tenant.domain();
    tenant.addRoom(hot, "Hot room");
    try (CalendarService service = GraphTestSupport.service(m365, app, b -> {})) {
      var request = service.tenants().begin(tenantId);
      assertThat(service.tenants().complete(GraphTestSupport.consent(m365, request)).verified()).isTrue();
      service.calendars().add(tenantId, hot);
      m365.resetStats();
      m365.faults().throttleMailbox(hot, Duration.ofSeconds(2));

      int threads = 16;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<ConnectReport>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  return service.calendars().connect(tenantId, List.of(hot));
                }));
      }
      go.countDown();
      for (Future<ConnectReport> result : results) {
        ConnectReport report = result.get(60, TimeUnit.SECONDS);
        assertThat(report.outcomes()).singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(CalendarStatus.CONNECTED));
      }
      pool.shutdownNow();

      assertThat(m365.stats().throttledResponses(hot))
          .as("a handful of 429s for the mailbox, not one per thread and retry")
          .isBetween(1L, 6L);
      assertThat(m365.stats().limitViolations(hot)).isZero();
      assertThat(m365.stats().peakConcurrency(hot)).isLessThanOrEqualTo(4);
    }
  }
}
