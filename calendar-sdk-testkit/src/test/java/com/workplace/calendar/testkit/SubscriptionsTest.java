package com.workplace.calendar.testkit;

import static com.workplace.calendar.testkit.Fixture.ROOM;
import static com.workplace.calendar.testkit.Fixture.ROOM2;
import static com.workplace.calendar.testkit.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.workplace.calendar.testkit.internal.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SubscriptionsTest {

  @RegisterExtension
  static final FakeMicrosoft365Extension EXT = FakeMicrosoft365Extension.newInstance()
      .configure(b -> b.subscriptionValidationTimeout(Duration.ofSeconds(2)))
      .resetBetweenTests(true).build();

  private Fixture f;
  private WebhookReceiver receiver;

  @BeforeEach
  void setUp() throws Exception {
    f = new Fixture(EXT.get());
    receiver = new WebhookReceiver();
  }

  @AfterEach
  void tearDown() {
    receiver.close();
  }

  private Http.Reply subscribe(String resource, String url, Instant expiration,
      String lifecycleUrl) {
    Map<String, Object> body = Json.object(
        "changeType", "created,updated,deleted",
        "notificationUrl", url,
        "resource", resource,
        "expirationDateTime", expiration.toString(),
        "clientState", "secretClientValue");
    if (lifecycleUrl != null) {
      body.put("lifecycleNotificationUrl", lifecycleUrl);
    }
    return f.http.post("subscriptions", f.token, Json.write(body));
  }

  private Instant inHours(int hours) {
    return Instant.now().plus(hours, ChronoUnit.HOURS);
  }

  @Test
  void createsAfterTheValidationHandshake() {
    Http.Reply r = subscribe("users/" + ROOM + "/events", receiver.url("/notify"), inHours(24),
        receiver.url("/lifecycle"));

    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().keySet()).containsAll(
        Fixture.fixtureJson("subscription-create-response.json").keySet());
    assertThat(r.json()).containsEntry("applicationId", f.app.clientId())
        .containsEntry("clientState", "secretClientValue");
    assertThat(receiver.validationTokens()).hasSize(2);
    assertThat(receiver.validationTokens().get(0)).contains(" ", ":", "&", "+", "/", "?");
    assertThat(f.m365.webhookDeliveries()).extracting(WebhookDelivery::kind).containsExactly(
        WebhookDelivery.Kind.VALIDATION, WebhookDelivery.Kind.VALIDATION);
    assertThat(f.m365.subscriptions()).extracting(FakeSubscription::mailbox).containsExactly(
        ROOM);
  }

  @Test
  void failedHandshakesCreateNothing() {
    for (WebhookReceiver.Validation mode : List.of(WebhookReceiver.Validation.WRONG_BODY,
        WebhookReceiver.Validation.NOT_FOUND, WebhookReceiver.Validation.HANG)) {
      receiver.validation(mode);
      Http.Reply r = subscribe("users/" + ROOM + "/events", receiver.url("/notify"), inHours(1),
          null);
      assertThat(r.status()).as(mode.name()).isEqualTo(400);
      assertThat(r.errorCode()).isEqualTo("ValidationError");
    }
    assertThat(f.m365.subscriptions()).isEmpty();
    assertThat(f.m365.webhookDeliveries()).noneMatch(WebhookDelivery::succeeded);
  }

  @Test
  void requiresHttpsExceptOnLoopback() {
    Http.Reply r = subscribe("users/" + ROOM + "/events", "http://webhook.example.com/notify",
        inHours(1), null);

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("ValidationError");
    assertThat(f.m365.webhookDeliveries()).isEmpty();
  }

  @Test
  void rejectsExpiryBeyondTheMaximumAndOversizedClientState() {
    Http.Reply far = subscribe("users/" + ROOM + "/events", receiver.url("/n"),
        Instant.now().plus(Duration.ofMinutes(10_081)), null);
    assertThat(far.status()).isEqualTo(400);
    assertThat(far.errorCode()).isEqualTo("ExtensionError");
    assertThat(far.errorMessage()).isEqualTo(
        "Subscription expiration can only be 10080 minutes in the future.");

    try (FakeMicrosoft365 m365 = FakeMicrosoft365.builder()
        .maxSubscriptionLifetime(Duration.ofMinutes(4230)).start()) {
      Fixture fx = new Fixture(m365);
      Http.Reply old = fx.http.post("subscriptions", fx.token, Json.write(Json.object(
          "changeType", "created", "notificationUrl", receiver.url("/n"),
          "resource", "users/" + ROOM + "/events",
          "expirationDateTime", Instant.now().plus(Duration.ofMinutes(4300)).toString())));
      assertThat(old.errorMessage()).isEqualTo(
          "Subscription expiration can only be 4230 minutes in the future.");
    }

    Http.Reply state = f.http.post("subscriptions", f.token, Json.write(Json.object(
        "changeType", "created", "notificationUrl", receiver.url("/n"),
        "resource", "users/" + ROOM + "/events", "expirationDateTime", inHours(1).toString(),
        "clientState", "x".repeat(129))));
    assertThat(state.status()).isEqualTo(400);
  }

  @Test
  void accessPoliciesAndUnknownMailboxesAreExtensionErrors() {
    f.tenant.denyByAccessPolicy(f.app.clientId(), ROOM);

    Http.Reply denied = subscribe("users/" + ROOM + "/events", receiver.url("/n"), inHours(1),
        null);
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.errorCode()).isEqualTo("ExtensionError");
    assertThat(denied.errorMessage()).contains("Access to OData is disabled.");

    Http.Reply unknown = subscribe("users/ghost@contoso.onmicrosoft.com/events",
        receiver.url("/n"), inHours(1), null);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(receiver.validationTokens()).isEmpty();
  }

  @Test
  void notifiesOfApiAndOutlookChanges() {
    String id = (String) subscribe("users/" + ROOM + "/events", receiver.url("/notify"),
        inHours(2), null).json().get("id");

    String created = (String) f.http.post(user(ROOM) + "/events", f.token,
        "{\"subject\":\"API\",\"start\":{\"dateTime\":\"2030-01-01T10:00:00\",\"timeZone\":"
            + "\"UTC\"},\"end\":{\"dateTime\":\"2030-01-01T11:00:00\",\"timeZone\":\"UTC\"}}")
        .json().get("id");
    String outlook = f.tenant.addEvent(ROOM, "Outlook", Instant.parse("2030-01-02T10:00:00Z"),
        Instant.parse("2030-01-02T11:00:00Z"));
    f.tenant.deleteEvent(ROOM, outlook);
    f.tenant.addEvent(ROOM2, "Unwatched", Instant.parse("2030-01-02T10:00:00Z"),
        Instant.parse("2030-01-02T11:00:00Z"));

    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.notifications().size() == 3);
    Map<String, Object> first = notification(0);
    assertThat(first.keySet()).containsAll(List.of("subscriptionId",
        "subscriptionExpirationDateTime", "clientState", "changeType", "resource", "tenantId",
        "resourceData"));
    assertThat(first).containsEntry("subscriptionId", id).containsEntry("changeType", "created")
        .containsEntry("clientState", "secretClientValue")
        .containsEntry("tenantId", f.tenant.id())
        .containsEntry("resource", "Users/" + ROOM + "/Events/" + created);
    assertThat(Json.objectMember(first, "resourceData"))
        .containsEntry("@odata.type", "#Microsoft.Graph.Event").containsEntry("id", created)
        .containsKeys("@odata.id", "@odata.etag");
    assertThat(notification(2)).containsEntry("changeType", "deleted");
    await().atMost(Duration.ofSeconds(10)).until(() -> f.m365.webhookDeliveries().stream()
        .filter(d -> d.kind() == WebhookDelivery.Kind.NOTIFICATION).count() == 3);
    assertThat(f.m365.webhookDeliveries()).allMatch(WebhookDelivery::succeeded);
  }

  @Test
  void changesOfOccurrencesAreNotifiedAsChangesOfTheirSeries() {
    subscribe("users/" + ROOM + "/events", receiver.url("/notify"), inHours(2), null);
    String series = f.tenant.event(ROOM).subject("Weekly")
        .start(Instant.parse("2030-01-07T10:00:00Z")).end(Instant.parse("2030-01-07T11:00:00Z"))
        .recurrence(FakeRecurrence.weekly(1, java.time.DayOfWeek.MONDAY).times(3)).add();
    List<FakeEvent> occurrences = f.tenant.calendarView(ROOM,
        Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2030-02-01T00:00:00Z"));

    f.tenant.updateEvent(ROOM, occurrences.get(0).id(), "Moved",
        Instant.parse("2030-01-08T10:00:00Z"), Instant.parse("2030-01-08T11:00:00Z"));
    f.tenant.deleteEvent(ROOM, occurrences.get(1).id());
    f.tenant.deleteEvent(ROOM, series);

    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.notifications().size() == 4);
    for (int i = 0; i < 4; i++) {
      assertThat(Json.objectMember(notification(i), "resourceData")).containsEntry("id", series);
    }
    assertThat(List.of(notification(0), notification(1), notification(2), notification(3)))
        .extracting(n -> n.get("changeType"))
        .containsExactly("created", "updated", "updated", "deleted");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> notification(int index) {
    return ((List<Map<String, Object>>) Json.parseObject(receiver.notifications().get(index))
        .get("value")).get(0);
  }

  @Test
  void getRenewDeleteAndLifecycleEvents() {
    String id = (String) subscribe("users/" + ROOM + "/events", receiver.url("/notify"),
        inHours(1), receiver.url("/lifecycle")).json().get("id");

    assertThat(f.http.get("subscriptions/" + id, f.token).json()).containsEntry("id", id);
    assertThat(f.http.get("subscriptions", f.token).value()).hasSize(1);
    Instant later = inHours(48).truncatedTo(ChronoUnit.SECONDS);
    Http.Reply renewed = f.http.send("PATCH", "subscriptions/" + id, f.token,
        "{\"expirationDateTime\":\"" + later + "\"}");
    assertThat(renewed.status()).isEqualTo(200);
    assertThat(f.m365.subscriptions().get(0).expirationDateTime()).isEqualTo(later);

    f.m365.sendLifecycleNotification(id, LifecycleEvent.REAUTHORIZATION_REQUIRED);
    f.m365.sendLifecycleNotification(id, LifecycleEvent.MISSED);
    f.m365.sendLifecycleNotification(id, LifecycleEvent.SUBSCRIPTION_REMOVED);
    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.notifications().size() == 3);
    assertThat(notification(0)).containsEntry("lifecycleEvent", "reauthorizationRequired")
        .containsEntry("subscriptionId", id);
    assertThat(notification(2)).containsEntry("lifecycleEvent", "subscriptionRemoved");
    assertThat(f.m365.subscriptions()).isEmpty();

    Http.Reply gone = f.http.get("subscriptions/" + id, f.token);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.errorCode()).isEqualTo("ResourceNotFound");
    assertThat(f.http.send("DELETE", "subscriptions/" + id, f.token, null).status())
        .isEqualTo(404);
  }

  @Test
  void deleteStopsNotifications() {
    String id = (String) subscribe("users/" + ROOM + "/events", receiver.url("/notify"),
        inHours(1), null).json().get("id");

    assertThat(f.http.send("DELETE", "subscriptions/" + id, f.token, null).status())
        .isEqualTo(204);
    f.tenant.addEvent(ROOM, "Silent", Instant.parse("2030-01-02T10:00:00Z"),
        Instant.parse("2030-01-02T11:00:00Z"));
    String probe = (String) subscribe("users/" + ROOM + "/events", receiver.url("/probe"),
        inHours(1), null).json().get("id");
    f.tenant.addEvent(ROOM, "Heard", Instant.parse("2030-01-03T10:00:00Z"),
        Instant.parse("2030-01-03T11:00:00Z"));

    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.notifications().size() == 1);
    assertThat(notification(0)).containsEntry("subscriptionId", probe);
  }
}
