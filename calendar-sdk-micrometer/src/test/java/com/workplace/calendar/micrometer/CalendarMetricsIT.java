package com.workplace.calendar.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.graph.GraphCalendarService;
import com.workplace.calendar.registry.ConnectReport;
import com.workplace.calendar.space.Space;
import com.workplace.calendar.space.SpaceDirectory;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeMicrosoft365Test;
import com.workplace.calendar.testkit.FakeStats;
import com.workplace.calendar.testkit.FakeTenant;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The metrics of the real stack against the fake agree with what the fake saw. */
@FakeMicrosoft365Test
class CalendarMetricsIT {
  private static final String DOMAIN = "metrics.onmicrosoft.com";
  private static final TenantId TENANT = TenantId.parse(DOMAIN);

  private static final SpaceDirectory NO_SPACES =
      new SpaceDirectory() {
        @Override
        public Optional<Space> find(TenantId tenantId, SpaceId id) {
          return Optional.empty();
        }

        @Override
        public com.workplace.calendar.Page<Space> search(
            TenantId tenantId, String text, com.workplace.calendar.PageRequest page) {
          return com.workplace.calendar.Page.last(List.of());
        }
      };

  private static String room(int i) {
    return String.format("room-%03d@%s", i, DOMAIN);
  }

  private static double count(Search search) {
    return search.timers().stream().mapToDouble(Timer::count).sum()
        + search.counters().stream().mapToDouble(Counter::count).sum();
  }

  @Test
  void afterAHundredCalendarsAndAThrottledBurstTheCountersEqualTheFakes(FakeMicrosoft365 m365)
      throws Exception {
    FakeApp app = m365.registerApp();
    FakeTenant tenant = m365.tenant(DOMAIN).grantAdminConsent(app.clientId());
    List<String> rooms = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      tenant.addRoom(room(i), "Room " + i);
      rooms.add(room(i));
    }
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    CalendarMetrics metrics = CalendarMetrics.create();
    metrics.bindTo(registry);
    try (CalendarService calendars =
        GraphCalendarService.builder()
            .clientId(app.clientId())
            .clientSecret(app.clientSecret())
            .redirectUri(URI.create("https://workplace.example.com/calendar/consent"))
            .authorityHost(m365.authorityUri())
            .graphEndpoint(m365.graphUri())
            .trust(m365.sslContext(), m365.trustManager())
            .verificationTimeout(Duration.ZERO)
            .spaceDirectory(NO_SPACES)
            .syncListener((t, c, changes) -> {})
            .eventListener(metrics)
            .calendarEventListener(metrics)
            .build()) {
      calendars.tenants().begin(TENANT);
      assertThat(calendars.tenants().verify(TENANT, room(0)).verified()).isTrue();
      calendars.calendars().addAll(TENANT, rooms);
      String token = m365.issueAppToken(DOMAIN, app.clientId());
      double requestsBefore = count(registry.find("calendar.graph.requests"));
      double throttledBefore = count(registry.find("calendar.graph.throttled"));
      m365.resetStats();

      // one mailbox is throttled while its probe is in a $batch: an inner 429
      m365.faults().throttleMailbox(room(7), Duration.ofSeconds(1));
      ConnectReport report = calendars.calendars().connect(TENANT);
      assertThat(report.connected()).isEqualTo(100);

      // a burst of bookings into one throttled room from 6 threads: 429s of single requests
      m365.faults().throttleMailbox(room(0), Duration.ofSeconds(1));
      Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
      ExecutorService pool = Executors.newFixedThreadPool(6);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
          Instant from = start.plus(Duration.ofHours(i));
          String key = "burst-" + i;
          done.add(
              pool.submit(
                  () ->
                      calendars.bookings().create(
                          BookingRequest.builder(TENANT, key)
                              .room(room(0))
                              .subject("Burst")
                              .time(from, from.plus(Duration.ofMinutes(30)))
                              .booker("ada@" + DOMAIN, "Ada")
                              .build())));
        }
        for (Future<?> f : done) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }

      FakeStats seen = m365.stats();
      assertThat(seen.throttledResponsesPerMailbox()).containsKeys(room(0), room(7));
      assertThat(count(registry.find("calendar.graph.requests")) - requestsBefore)
          .as("HTTP requests, each attempt")
          .isEqualTo((double) seen.totalRequests());
      assertThat(count(registry.find("calendar.graph.throttled")) - throttledBefore)
          .as("429s, of single requests and inside $batch")
          .isEqualTo((double) seen.throttledResponses());
      assertThat(count(registry.find("calendar.graph.throttled").tag("level", "batch_item"))).isPositive();
      assertThat(count(registry.find("calendar.graph.throttled").tag("level", "request"))).isPositive();
      assertThat(registry.get("calendar.graph.retry.after").timers()).isNotEmpty();
      assertThat(count(registry.find("calendar.connect.outcomes").tag("outcome", "CONNECTED")))
          .isEqualTo(100.0);
      assertThat(registry.get("calendar.graph.batch.size").summary().totalAmount())
          .as("every probe went in a $batch, the throttled one twice or more")
          .isGreaterThan(100.0);

      List<String> tagValues =
          registry.getMeters().stream()
              .map(Meter::getId)
              .flatMap(id -> id.getTags().stream())
              .map(Tag::getValue)
              .toList();
      assertThat(tagValues)
          .as("no mailbox, tenant, token or secret in a tag by default")
          .noneMatch(v -> v.contains("@"))
          .noneMatch(v -> v.contains(DOMAIN))
          .noneMatch(v -> v.contains(tenant.id()))
          .noneMatch(v -> v.contains(app.clientSecret()))
          .noneMatch(v -> v.contains(token))
          .noneMatch(v -> v.startsWith("eyJ"));
    }
  }
}
