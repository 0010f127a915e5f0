package com.workplace.calendar.graph.reliability;

import static com.workplace.calendar.graph.reliability.HostileCalls.tomorrowAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.workplace.calendar.graph.AuthorizedTenant;
import com.workplace.calendar.graph.GraphTestSupport;
import com.workplace.calendar.graph.NotificationEndpoint;
import com.workplace.calendar.graph.RecordingListener;
import com.workplace.calendar.graph.SecretsInLogsExtension;
import com.workplace.calendar.store.InMemoryCalendarStore;
import com.workplace.calendar.sync.CalendarSync;
import com.workplace.calendar.sync.NotificationRequest;
import com.workplace.calendar.sync.NotificationResponse;
import com.workplace.calendar.sync.SyncOptions;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeMicrosoft365Extension;
import com.workplace.calendar.testkit.FakeSubscription;
import com.workplace.calendar.testkit.FakeTenant;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Change notifications that lie or are malformed: wrong, missing or another subscription's
 * {@code clientState}, unknown subscriptions, another tenant, thousands of guesses in one body,
 * oversized or broken bodies and validation tokens. Each is answered with a refusal, triggers no
 * request to the mailbox and changes neither the store nor the subscriptions, while genuine
 * notifications still come through.
 */
@ExtendWith(SecretsInLogsExtension.class)
@Timeout(120)
class HostileNotificationsIT {
  @RegisterExtension
  static final FakeMicrosoft365Extension FAKE = FakeMicrosoft365Extension.newInstance().build();

  private static NotificationRequest post(String body) {
    return new NotificationRequest("POST", "", Map.of("Content-Type", List.of("application/json")), body.getBytes(StandardCharsets.UTF_8));
  }

  private static String notification(String subscriptionId, String clientState, String tenantGuid, String lifecycleEvent) {
    return "{\"subscriptionId\":\"" + subscriptionId + "\""
        + (clientState == null ? "" : ",\"clientState\":\"" + clientState + "\"")
        + ",\"changeType\":\"updated\",\"resource\":\"Users/x/Events/y\",\"tenantId\":\"" + tenantGuid + "\""
        + (lifecycleEvent == null ? "" : ",\"lifecycleEvent\":\"" + lifecycleEvent + "\"")
        + "}";
  }

  private static String payload(String... notifications) {
    return "{\"value\":[" + String.join(",", notifications) + "]}";
  }

  @Test
  void forgedNotificationsAreRefusedAndTriggerNothing(FakeMicrosoft365 m365) throws Exception {
    RecordingListener listener = new RecordingListener();
    WriteCountingStore counting = new WriteCountingStore(InMemoryCalendarStore.create());
    FakeTenant neighbour = m365.tenant(GraphTestSupport.uniqueDomain("neighbour"));
    try (NotificationEndpoint endpoint = new NotificationEndpoint();
        AuthorizedTenant tenant =
            AuthorizedTenant.create(
                m365,
                "notified",
                2,
                b ->
                    b.store(counting.store)
                        .syncListener(listener)
                        .syncOptions(
                            SyncOptions.builder()
                                .notifications(endpoint.notifications(), endpoint.lifecycle())
                                .syncInterval(Duration.ofHours(1))
                                .build()))) {
      String roomA = tenant.room(0);
      String roomB = tenant.room(1);
      endpoint.connect(tenant.service.sync().notifications());
      tenant.service.sync().syncNow(tenant.id, roomA);
      tenant.service.sync().syncNow(tenant.id, roomB);
      tenant.service.sync().start();
      CalendarSync sync = tenant.service.sync();
      await().atMost(Duration.ofSeconds(30))
          .until(() -> subscription(m365, tenant, roomA) != null && subscription(m365, tenant, roomB) != null && sync.isIdle());
      FakeSubscription a = subscription(m365, tenant, roomA);
      FakeSubscription b = subscription(m365, tenant, roomB);
      SecretsInLogsExtension.watch(a.clientState());
      SecretsInLogsExtension.watch(b.clientState());
      String guid = tenant.fake.id();
      listener.changes.clear();
      long requestsToA = m365.stats().requests(roomA);
      counting.drain();
      WorldSnapshot before = WorldSnapshot.take(m365, counting.store, List.of(tenant.fake), List.of());

      String manyForged =
          payload(IntStream.range(0, 5_000).mapToObj(i -> notification(a.id(), "guess-" + i, guid, null)).toArray(String[]::new));
      Map<String, NotificationRequest> forged = new LinkedHashMap<>();
      forged.put("a wrong clientState", post(payload(notification(a.id(), "not-the-client-state", guid, null))));
      forged.put("no clientState", post(payload(notification(a.id(), null, guid, null))));
      forged.put("another subscription's clientState", post(payload(notification(a.id(), b.clientState(), guid, null))));
      forged.put("an unknown subscription", post(payload(notification(UUID.randomUUID().toString(), a.clientState(), guid, null))));
      forged.put("another tenant", post(payload(notification(a.id(), a.clientState(), neighbour.id(), null))));
      forged.put("a lifecycle event with a wrong clientState", post(payload(notification(a.id(), "x-" + a.id(), guid, "subscriptionRemoved"))));
      forged.put("5,000 guesses in one body", post(manyForged));
      Map<String, Integer> statuses = new LinkedHashMap<>();
      forged.forEach((what, request) -> statuses.put(what, tenant.service.sync().notifications().handle(request).status()));
      assertThat(statuses).as("answers to forged notifications").allSatisfy((what, status) -> assertThat(status).as(what).isEqualTo(403));

      Map<String, NotificationRequest> malformed = new LinkedHashMap<>();
      malformed.put("a body over 1 MiB", new NotificationRequest("POST", "", Map.of(), new byte[(1 << 20) + 1]));
      malformed.put("an empty body", new NotificationRequest("POST", "", Map.of(), new byte[0]));
      malformed.put("no JSON", post("{\"value\":[" + notification(a.id(), a.clientState(), guid, null)));
      malformed.put("no value array", post("{\"value\":" + notification(a.id(), a.clientState(), guid, null) + "}"));
      malformed.put("no subscription id", post(payload("{\"clientState\":\"" + a.clientState() + "\"}")));
      malformed.put("a GET", new NotificationRequest("GET", "", Map.of(), new byte[0]));
      malformed.put("a validation token with a control character", new NotificationRequest("POST", "validationToken=abc%00def", Map.of(), new byte[0]));
      malformed.put("a validation token over 1,024 characters", new NotificationRequest("POST", "validationToken=" + "t".repeat(1025), Map.of(), new byte[0]));
      Map<String, Integer> refused = new LinkedHashMap<>();
      malformed.forEach((what, request) -> refused.put(what, tenant.service.sync().notifications().handle(request).status()));
      assertThat(refused).containsExactly(
          Map.entry("a body over 1 MiB", 413),
          Map.entry("an empty body", 400),
          Map.entry("no JSON", 400),
          Map.entry("no value array", 400),
          Map.entry("no subscription id", 400),
          Map.entry("a GET", 405),
          Map.entry("a validation token with a control character", 400),
          Map.entry("a validation token over 1,024 characters", 400));
      NotificationResponse echoed =
          tenant.service.sync().notifications().handle(new NotificationRequest("POST", "validationToken=%3Cscript%3E", Map.of(), new byte[0]));
      assertThat(echoed.contentType()).as("a validation token is only ever echoed as text").startsWith("text/plain");

      // a witness: a real change in room B comes through while nothing happens for room A
      String outlook = tenant.fake.addEvent(roomB, "Outlook", tomorrowAt(9), tomorrowAt(10));
      await().atMost(Duration.ofSeconds(30)).until(() -> listener.changes.stream().anyMatch(c -> c.eventId().equals(outlook)) && sync.isIdle());
      assertThat(m365.stats().requests(roomA)).as("requests to room A").isEqualTo(requestsToA);
      assertThat(listener.changes).allSatisfy(c -> assertThat(c.calendarEmail()).isEqualTo(roomB));
      WorldSnapshot after = WorldSnapshot.take(m365, counting.store, List.of(tenant.fake), List.of());
      assertThat(after.subscriptions()).isEqualTo(before.subscriptions());
      assertThat(after.store().get(tenant.id + " " + roomA + " sync")).isEqualTo(before.store().get(tenant.id + " " + roomA + " sync"));
      assertThat(after.store().get(tenant.id + " " + roomA + " subscription")).isEqualTo(before.store().get(tenant.id + " " + roomA + " subscription"));

      // and the checks are not refusing everything: the genuine notification is taken
      NotificationResponse genuine = tenant.service.sync().notifications().handle(post(payload(notification(a.id(), a.clientState(), guid, null))));
      assertThat(genuine.status()).isEqualTo(202);
      await().atMost(Duration.ofSeconds(30)).until(() -> m365.stats().requests(roomA) > requestsToA && sync.isIdle());
    }
  }

  private static FakeSubscription subscription(FakeMicrosoft365 m365, AuthorizedTenant tenant, String room) {
    return m365.subscriptions().stream()
        .filter(s -> s.tenantId().equals(tenant.fake.id()) && s.mailbox().equalsIgnoreCase(room))
        .findFirst()
        .orElse(null);
  }
}
