package com.workplace.calendar.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.graph.GraphCall;
import com.workplace.calendar.registry.CalendarFailureReason;
import com.workplace.calendar.registry.ConnectOutcome;
import com.workplace.calendar.registry.ConnectReport;
import com.workplace.calendar.sync.NotificationKind;
import com.workplace.calendar.sync.NotificationRejection;
import com.workplace.calendar.sync.SyncResult;
import com.workplace.calendar.sync.SyncRound;
import com.workplace.calendar.tenant.ConsentRejection;
import com.workplace.calendar.tenant.TenantId;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CalendarMetricsTest {
  private static final TenantId CONTOSO = TenantId.parse("contoso.onmicrosoft.com");
  private static final String ROOM = "orchard@contoso.onmicrosoft.com";

  private static GraphCall call(String operation, int status, Optional<String> mailbox) {
    return new GraphCall(
        "GET", "/v1.0/users/" + ROOM + "/events/AAMk1", operation, CONTOSO.value(), mailbox, 1,
        status, Duration.ofMillis(12));
  }

  private static List<String> tagValues(SimpleMeterRegistry registry) {
    return registry.getMeters().stream()
        .map(Meter::getId)
        .flatMap(id -> id.getTags().stream())
        .map(Tag::getValue)
        .toList();
  }

  private static void everyEvent(CalendarMetrics metrics) {
    GraphCall ok = call("events.get", 200, Optional.of(ROOM));
    metrics.requestStarted(ok.answered(0, Duration.ZERO));
    metrics.responseReceived(ok);
    metrics.responseReceived(call("events.get", 429, Optional.of(ROOM)));
    metrics.throttled(call("events.get", 429, Optional.of(ROOM)), Duration.ofSeconds(2));
    metrics.requestFailed(call("events.get", 0, Optional.of(ROOM)), "SocketTimeoutException");
    metrics.retrying(call("events.get", 0, Optional.of(ROOM)), Duration.ofMillis(500));
    metrics.gaveUp(call("events.get", 503, Optional.of(ROOM)), "service unavailable");
    metrics.permitWaited(call("events.get", 0, Optional.of(ROOM)), Duration.ofMillis(40));
    metrics.batchSent(CONTOSO.value(), 20);
    metrics.batchItemAnswered(call("calendar.get", 200, Optional.of(ROOM)));
    metrics.batchItemThrottled(call("calendar.get", 429, Optional.of(ROOM)), Duration.ofSeconds(1));
    metrics.connectCompleted(
        new ConnectReport(
            CONTOSO,
            List.of(
                ConnectOutcome.connected(ROOM),
                ConnectOutcome.failed(
                    "marina@contoso.onmicrosoft.com", CalendarFailureReason.ACCESS_DENIED_BY_POLICY,
                    "ErrorAccessDenied")),
            Duration.ofMillis(300)));
    metrics.syncRoundFinished(
        SyncRound.succeeded(
            new SyncResult(CONTOSO, ROOM, 2, 1, 0, false), Duration.ofMillis(80),
            Optional.of(Duration.ofMinutes(5))));
    metrics.notificationAccepted(CONTOSO, ROOM, NotificationKind.CHANGE);
    metrics.notificationRejected(NotificationRejection.CLIENT_STATE_MISMATCH);
    metrics.notificationHandshakeAnswered();
    metrics.consentRejected(ConsentRejection.EXPIRED_STATE);
  }

  @Test
  void countsEveryKindOfEventUnderItsMeter() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    CalendarMetrics metrics = CalendarMetrics.create();
    metrics.bindTo(registry);

    everyEvent(metrics);

    assertThat(registry.get("calendar.graph.requests").timers().stream().mapToLong(t -> t.count()).sum())
        .isEqualTo(3);
    assertThat(registry.get("calendar.graph.requests").tag("outcome", "NO_ANSWER").timer().count())
        .isEqualTo(1);
    assertThat(
            registry.get("calendar.graph.requests").tag("status", "200").tag("operation", "events.get")
                .timer().totalTime(TimeUnit.MILLISECONDS))
        .isEqualTo(12.0);
    assertThat(registry.get("calendar.graph.throttled").tag("level", "request").counter().count()).isEqualTo(1);
    assertThat(registry.get("calendar.graph.throttled").tag("level", "batch_item").counter().count()).isEqualTo(1);
    assertThat(registry.get("calendar.graph.retry.after").timers().stream().mapToLong(t -> t.count()).sum())
        .isEqualTo(2);
    assertThat(registry.get("calendar.graph.retries").tag("cause", "NO_ANSWER").counter().count()).isEqualTo(1);
    assertThat(registry.get("calendar.graph.gave.up").tag("reason", "UNAVAILABLE").counter().count()).isEqualTo(1);
    assertThat(registry.get("calendar.graph.permit.wait").timer().count()).isEqualTo(1);
    assertThat(registry.get("calendar.graph.batch.size").summary().totalAmount()).isEqualTo(20.0);
    assertThat(registry.get("calendar.graph.batch.items").counters()).hasSize(2);
    assertThat(registry.get("calendar.connect.outcomes").tag("reason", "ACCESS_DENIED_BY_POLICY").counter().count())
        .isEqualTo(1);
    assertThat(registry.get("calendar.connect.outcomes").tag("outcome", "CONNECTED").counter().count()).isEqualTo(1);
    assertThat(registry.get("calendar.sync.rounds").tag("mode", "incremental").timer().count()).isEqualTo(1);
    assertThat(registry.get("calendar.sync.lag").timer().totalTime(TimeUnit.MINUTES)).isEqualTo(5.0);
    assertThat(registry.get("calendar.sync.changes").tag("type", "created").counter().count()).isEqualTo(2);
    assertThat(registry.get("calendar.notifications").tag("result", "accepted").tag("reason", "CHANGE").counter().count())
        .isEqualTo(1);
    assertThat(registry.get("calendar.notifications").tag("reason", "CLIENT_STATE_MISMATCH").counter().count())
        .isEqualTo(1);
    assertThat(registry.get("calendar.consent.outcomes").tag("reason", "EXPIRED_STATE").counter().count()).isEqualTo(1);
  }

  @Test
  void noTagCarriesATenantOrAMailboxUnlessTheHostOptsIn() {
    SimpleMeterRegistry plain = new SimpleMeterRegistry();
    CalendarMetrics defaults = CalendarMetrics.create();
    defaults.bindTo(plain);
    everyEvent(defaults);

    assertThat(tagValues(plain))
        .isNotEmpty()
        .noneMatch(v -> v.contains("@"))
        .noneMatch(v -> v.contains("contoso"));
    assertThat(plain.getMeters())
        .allSatisfy(m -> assertThat(m.getId().getTag("tenant")).isNull())
        .allSatisfy(m -> assertThat(m.getId().getTag("mailbox")).isNull());

    SimpleMeterRegistry tagged = new SimpleMeterRegistry();
    CalendarMetrics optedIn = CalendarMetrics.builder().tenantTag(true).mailboxTag(true).build();
    optedIn.bindTo(tagged);
    everyEvent(optedIn);

    assertThat(tagged.get("calendar.graph.requests").tag("tenant", CONTOSO.value()).tag("mailbox", ROOM).timers())
        .isNotEmpty();
    assertThat(tagged.get("calendar.connect.outcomes").tag("mailbox", "marina@contoso.onmicrosoft.com").counter().count())
        .isEqualTo(1);
    assertThat(tagged.get("calendar.notifications").tag("result", "rejected").counter().getId().getTag("tenant"))
        .as("a rejected notification belongs to no known tenant")
        .isNull();
  }

  @Test
  void eventsReachEveryBoundRegistryOnceAndNothingBeforeTheFirst() {
    CalendarMetrics metrics = CalendarMetrics.create();
    metrics.responseReceived(call("events.get", 200, Optional.of(ROOM)));
    SimpleMeterRegistry first = new SimpleMeterRegistry();
    SimpleMeterRegistry second = new SimpleMeterRegistry();
    metrics.bindTo(first);
    metrics.bindTo(second);
    metrics.bindTo(first);

    metrics.responseReceived(call("events.get", 200, Optional.of(ROOM)));

    assertThat(first.get("calendar.graph.requests").timer().count()).isEqualTo(1);
    assertThat(second.get("calendar.graph.requests").timer().count()).isEqualTo(1);
  }

  @Test
  void giveUpReasonsFallIntoAFixedSet() {
    assertThat(CalendarMetrics.giveUpReason("throttled")).isEqualTo("THROTTLED");
    assertThat(CalendarMetrics.giveUpReason("mailbox stayed throttled past the deadline")).isEqualTo("THROTTLED");
    assertThat(CalendarMetrics.giveUpReason("connection failed: SocketTimeoutException")).isEqualTo("NO_ANSWER");
    assertThat(CalendarMetrics.giveUpReason("response too large")).isEqualTo("TOO_LARGE");
    assertThat(CalendarMetrics.giveUpReason("room@contoso.com did something")).isEqualTo("OTHER");
    assertThat(CalendarMetrics.outcome(0)).isEqualTo("NO_ANSWER");
    assertThat(CalendarMetrics.outcome(404)).isEqualTo("CLIENT_ERROR");
  }
}
