package com.workplace.calendar.internal.sync;

import static com.workplace.calendar.internal.TestWorld.CONTOSO;
import static com.workplace.calendar.internal.TestWorld.CONTOSO_GUID;
import static com.workplace.calendar.internal.TestWorld.MARINA;
import static com.workplace.calendar.internal.TestWorld.ORCHARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.workplace.calendar.internal.DefaultCalendarRegistry;
import com.workplace.calendar.internal.FakeNotifications;
import com.workplace.calendar.internal.FakeSubscriptions;
import com.workplace.calendar.internal.TestWorld;
import com.workplace.calendar.spi.IncomingNotification;
import com.workplace.calendar.store.SubscriptionState;
import com.workplace.calendar.sync.NotificationRequest;
import com.workplace.calendar.sync.NotificationResponse;
import com.workplace.calendar.sync.SyncOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotificationReceiverTest {
  private TestWorld world;
  private RecordingListener listener;
  private DefaultCalendarSync sync;
  private SubscriptionKeeper keeper;
  private SyncOptions options;

  @BeforeEach
  void setUp() {
    world = new TestWorld();
    world.connectedRoom(ORCHARD);
    world.connectedRoom(MARINA);
    world.backend.outlook.addExternalEvent(
        ORCHARD,
        "bob@contoso.com",
        "Standup",
        TestWorld.NOW.plusSeconds(3600),
        TestWorld.NOW.plusSeconds(5400));
    listener = new RecordingListener();
    options =
        SyncOptions.builder()
            .notifications(
                URI.create("https://host.example/calendar/notify"),
                URI.create("https://host.example/calendar/lifecycle"))
            .syncInterval(Duration.ofHours(1))
            .connectInterval(Duration.ofHours(1))
            .startDelay(Duration.ofHours(1))
            .build();
    sync =
        new DefaultCalendarSync(
            world.store,
            world.backend,
            new DefaultCalendarRegistry(world.store, world.backend, world.clock),
            listener,
            options,
            world.clock);
    keeper = new SubscriptionKeeper(world.store, world.backend, options, world.clock);
    keeper.upkeep(new CalendarKey(CONTOSO, ORCHARD));
    keeper.upkeep(new CalendarKey(CONTOSO, MARINA));
  }

  @AfterEach
  void tearDown() {
    sync.close();
  }

  private SubscriptionState stored(String room) {
    return world.store.findSubscription(CONTOSO, room).orElseThrow();
  }

  /** The client state as the service holds it: what a genuine notification carries. */
  private String secretOf(String room) {
    FakeSubscriptions.Subscription held =
        world.backend.subscriptions.all().get(stored(room).subscriptionId());
    return held.request().clientState();
  }

  private IncomingNotification change(String room) {
    return new IncomingNotification(
        stored(room).subscriptionId(),
        Optional.of(secretOf(room)),
        Optional.of(CONTOSO_GUID),
        Optional.empty());
  }

  private IncomingNotification lifecycle(String room, String event) {
    return new IncomingNotification(
        stored(room).subscriptionId(),
        Optional.of(secretOf(room)),
        Optional.of(CONTOSO_GUID),
        Optional.of(event));
  }

  private NotificationResponse post(byte[] body) {
    return sync.notifications().handle(new NotificationRequest("POST", "", Map.of(), body));
  }

  private NotificationResponse post(IncomingNotification... notifications) {
    return post(FakeNotifications.body(notifications));
  }

  private NotificationResponse handshake(String rawQuery) {
    return sync.notifications()
        .handle(new NotificationRequest("POST", rawQuery, Map.of(), new byte[0]));
  }

  private void assertNothingQueued() {
    assertThat(sync.isIdle()).isTrue();
    assertThat(world.backend.calls.deltaCalls(ORCHARD)).isZero();
  }

  @Test
  void answersTheValidationHandshakeWithTheDecodedToken() {
    NotificationResponse response =
        handshake("validationToken=Validation%3A+Testing+client+application+reachability");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("text/plain");
    assertThat(response.body()).isEqualTo("Validation: Testing client application reachability");
    assertThat(handshake("x=1&validationToken=abc%2Fdef").body()).isEqualTo("abc/def");
    assertNothingQueued();
  }

  @Test
  void refusesValidationTokensThatAreEmptyTooLongOrHaveControlCharacters() {
    char[] tooLong = new char[DefaultNotificationReceiver.MAX_TOKEN_LENGTH + 1];
    Arrays.fill(tooLong, 'a');

    assertThat(handshake("validationToken=").status()).isEqualTo(400);
    assertThat(handshake("validationToken=" + new String(tooLong)).status()).isEqualTo(400);
    assertThat(handshake("validationToken=abc%0D%0AX-Injected:1").status()).isEqualTo(400);
    assertThat(handshake("validationToken=%zz").status()).isEqualTo(400);
    assertThat(
            sync.notifications()
                .handle(
                    new NotificationRequest("GET", "validationToken=abc", Map.of(), new byte[0]))
                .status())
        .isEqualTo(405);
  }

  @Test
  void refusesOversizedEmptyAndMalformedBodiesWithoutTouchingAnything() {
    byte[] huge = new byte[DefaultNotificationReceiver.MAX_BODY_BYTES + 1];
    Arrays.fill(huge, (byte) 'a');

    assertThat(post(huge).status()).isEqualTo(413);
    assertThat(post(new byte[0]).status()).isEqualTo(400);
    assertThat(post("{\"value\": oops".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
    assertNothingQueued();
  }

  @Test
  void refusesForgedUnknownAndForeignNotificationsWithoutTouchingAnything() {
    IncomingNotification genuine = change(ORCHARD);
    IncomingNotification forged =
        new IncomingNotification(
            genuine.subscriptionId(), Optional.of("guessed"), genuine.tenantId(), Optional.empty());
    IncomingNotification missingState =
        new IncomingNotification(
            genuine.subscriptionId(), Optional.empty(), genuine.tenantId(), Optional.empty());
    IncomingNotification unknown =
        new IncomingNotification(
            "sub-unknown", genuine.clientState(), genuine.tenantId(), Optional.empty());
    IncomingNotification otherTenant =
        new IncomingNotification(
            genuine.subscriptionId(), genuine.clientState(),
            Optional.of("11111111-2222-3333-4444-555555555555"), Optional.empty());
    IncomingNotification stolenState =
        new IncomingNotification(
            stored(MARINA).subscriptionId(),
            genuine.clientState(),
            genuine.tenantId(),
            Optional.empty());

    for (IncomingNotification bad :
        List.of(forged, missingState, unknown, otherTenant, stolenState)) {
      assertThat(post(bad).status()).as(bad.toString()).isEqualTo(403);
    }
    assertThat(post(forged, unknown, otherTenant).status()).isEqualTo(403);
    sync.start();
    assertThat(sync.isIdle()).isTrue();
    assertThat(world.backend.calls.deltaCalls(ORCHARD)).isZero();
    assertThat(world.backend.calls.deltaCalls(MARINA)).isZero();
    assertThat(listener.calls).isEmpty();
  }

  @Test
  void aNotificationWithoutATenantIsJudgedByItsClientState() {
    IncomingNotification noTenant =
        new IncomingNotification(
            stored(ORCHARD).subscriptionId(),
            Optional.of(secretOf(ORCHARD)),
            Optional.empty(),
            Optional.empty());

    assertThat(post(noTenant).status()).isEqualTo(202);
  }

  @Test
  void validNotificationsOnlyQueueOneRoundPerCalendar() {
    IncomingNotification[] burst = new IncomingNotification[10];
    Arrays.fill(burst, change(ORCHARD));
    for (int i = 0; i < 3; i++) {
      assertThat(post(burst).status()).isEqualTo(202);
    }
    assertThat(world.backend.calls.deltaCalls(ORCHARD)).isZero();
    assertThat(sync.isIdle()).isFalse();

    sync.start();
    await().atMost(Duration.ofSeconds(20)).until(sync::isIdle);

    assertThat(world.backend.calls.deltaCalls(ORCHARD)).isEqualTo(1);
    assertThat(world.backend.calls.deltaCalls(MARINA)).isZero();
    assertThat(listener.all(ORCHARD)).hasSize(1);
  }

  @Test
  void aMixedBatchIsAcceptedAndOnlyItsGenuineNotificationsAct() {
    IncomingNotification forgedMarina =
        new IncomingNotification(
            stored(MARINA).subscriptionId(),
            Optional.of("guessed"),
            Optional.of(CONTOSO_GUID),
            Optional.empty());

    assertThat(post(forgedMarina, change(ORCHARD)).status()).isEqualTo(202);
    sync.start();
    await().atMost(Duration.ofSeconds(20)).until(sync::isIdle);

    assertThat(world.backend.calls.deltaCalls(ORCHARD)).isEqualTo(1);
    assertThat(world.backend.calls.deltaCalls(MARINA)).isZero();
  }

  @Test
  void reauthorizationRequiredRenewsTheSubscription() {
    String id = stored(ORCHARD).subscriptionId();
    world.clock.advance(Duration.ofDays(1));
    sync.start();

    assertThat(post(lifecycle(ORCHARD, "reauthorizationRequired")).status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(sync::isIdle);

    assertThat(world.backend.subscriptions.calls).contains("renew " + id + " 10080");
    assertThat(stored(ORCHARD).expiresAt())
        .isEqualTo(world.clock.instant().plus(Duration.ofDays(7)));
    assertThat(world.backend.calls.deltaCalls(ORCHARD)).isZero();
  }

  @Test
  void subscriptionRemovedRecreatesTheSubscriptionAndRunsARound() {
    SubscriptionState before = stored(ORCHARD);
    IncomingNotification removed = lifecycle(ORCHARD, "subscriptionRemoved");
    world.backend.subscriptions.drop(before.subscriptionId());
    sync.start();

    assertThat(post(removed).status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(sync::isIdle);

    SubscriptionState after = stored(ORCHARD);
    assertThat(after.subscriptionId()).isNotEqualTo(before.subscriptionId());
    assertThat(after.clientStateHash()).isNotEqualTo(before.clientStateHash());
    assertThat(world.backend.subscriptions.all()).containsKey(after.subscriptionId());
    assertThat(world.backend.calls.deltaCalls(ORCHARD)).isEqualTo(1);
    assertThat(post(removed).status()).as("the old client state is dead").isEqualTo(403);
  }

  @Test
  void aClosedSyncAsksTheServiceToDeliverAgainLater() {
    sync.close();

    assertThat(post(change(ORCHARD)).status()).isEqualTo(503);
    assertThat(handshake("validationToken=abc").status()).isEqualTo(200);
    assertThat(world.backend.calls.deltaCalls(ORCHARD)).isZero();
  }

  @Test
  void logsNeitherTokensNorClientStatesNorBodies() {
    String genuineState = secretOf(ORCHARD);
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      handshake("validationToken=token-4711-secret");
      post(
          new IncomingNotification(
              stored(ORCHARD).subscriptionId(), Optional.of("forged-state-0815"),
              Optional.of(CONTOSO_GUID), Optional.empty()),
          change(ORCHARD));
      post("body-secret-1234 is no payload".getBytes(StandardCharsets.UTF_8));
      keeper.recreate(new CalendarKey(CONTOSO, ORCHARD));
    } finally {
      System.setErr(original);
    }

    String logs = captured.toString(StandardCharsets.UTF_8);
    assertThat(logs).contains("wrong or missing clientState").contains("not a notification");
    assertThat(logs)
        .doesNotContain("token-4711-secret")
        .doesNotContain("forged-state-0815")
        .doesNotContain(genuineState)
        .doesNotContain(secretOf(ORCHARD))
        .doesNotContain("body-secret-1234");
  }

  @Test
  void missedRunsARound() {
    sync.start();

    assertThat(post(lifecycle(ORCHARD, "missed")).status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(sync::isIdle);

    assertThat(world.backend.calls.deltaCalls(ORCHARD)).isEqualTo(1);
    assertThat(listener.all(ORCHARD)).hasSize(1);
  }
}
