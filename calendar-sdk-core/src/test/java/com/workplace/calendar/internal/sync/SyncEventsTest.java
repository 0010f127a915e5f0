package com.workplace.calendar.internal.sync;

import static com.workplace.calendar.internal.TestWorld.CONTOSO;
import static com.workplace.calendar.internal.TestWorld.CONTOSO_GUID;
import static com.workplace.calendar.internal.TestWorld.MARINA;
import static com.workplace.calendar.internal.TestWorld.ORCHARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.internal.DefaultCalendarRegistry;
import com.workplace.calendar.internal.FakeNotifications;
import com.workplace.calendar.internal.FakeSubscriptions;
import com.workplace.calendar.internal.RecordingEvents;
import com.workplace.calendar.internal.TestWorld;
import com.workplace.calendar.spi.IncomingNotification;
import com.workplace.calendar.sync.NotificationRequest;
import com.workplace.calendar.sync.SyncOptions;
import com.workplace.calendar.sync.SyncRound;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sync rounds and notifications tell the core listener what happened. */
class SyncEventsTest {
  private TestWorld world;
  private RecordingEvents events;
  private DefaultCalendarSync sync;

  @BeforeEach
  void setUp() {
    world = new TestWorld();
    world.connectedRoom(ORCHARD);
    world.connectedRoom(MARINA);
    events = new RecordingEvents();
    SyncOptions options =
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
            new RecordingListener(),
            options,
            world.clock,
            events);
    new SubscriptionKeeper(world.store, world.backend, options, world.clock)
        .upkeep(new CalendarKey(CONTOSO, ORCHARD));
  }

  @AfterEach
  void tearDown() {
    sync.close();
  }

  private int post(IncomingNotification... notifications) {
    return post(FakeNotifications.body(notifications));
  }

  private int post(byte[] body) {
    return sync.notifications().handle(new NotificationRequest("POST", "", Map.of(), body)).status();
  }

  @Test
  void roundsReportTheirResultTheirLagAndTheirFailureOnTheirThread() {
    world.backend.outlook.addExternalEvent(
        ORCHARD, "bob@contoso.com", "Standup", TestWorld.NOW.plusSeconds(3600),
        TestWorld.NOW.plusSeconds(5400));

    sync.syncNow(CONTOSO, ORCHARD);
    world.clock.advance(Duration.ofMinutes(7));
    sync.syncNow(CONTOSO, ORCHARD);
    world.backend.delta.endlessPages(true);
    assertThatThrownBy(() -> sync.syncNow(CONTOSO, ORCHARD));

    assertThat(events.lines)
        .containsExactly(
            "round started " + ORCHARD, "round succeeded " + ORCHARD,
            "round started " + ORCHARD, "round succeeded " + ORCHARD,
            "round started " + ORCHARD, "round failed " + ORCHARD);
    SyncRound first = events.rounds.get(0);
    assertThat(first.result().orElseThrow().created()).isEqualTo(1);
    assertThat(first.lag()).as("no earlier round").isEmpty();
    assertThat(events.rounds.get(1).lag()).contains(Duration.ofMinutes(7));
    SyncRound failed = events.rounds.get(2);
    assertThat(failed.failure()).contains("CalendarServiceException");
    assertThat(failed.result()).isEmpty();
    assertThat(events.roundThreads).containsOnly(Thread.currentThread());
  }

  @Test
  void notificationsAreReportedAcceptedOrRejectedWithTheirReason() {
    String subscription = world.store.findSubscription(CONTOSO, ORCHARD).orElseThrow().subscriptionId();
    FakeSubscriptions.Subscription held = world.backend.subscriptions.all().get(subscription);
    String clientState = held.request().clientState();
    IncomingNotification genuine =
        new IncomingNotification(subscription, Optional.of(clientState), Optional.of(CONTOSO_GUID), Optional.empty());
    IncomingNotification missed =
        new IncomingNotification(subscription, Optional.of(clientState), Optional.of(CONTOSO_GUID), Optional.of("missed"));
    IncomingNotification forged =
        new IncomingNotification(subscription, Optional.of("guess"), Optional.of(CONTOSO_GUID), Optional.empty());
    IncomingNotification unknown =
        new IncomingNotification("sub-x", Optional.of(clientState), Optional.of(CONTOSO_GUID), Optional.empty());
    IncomingNotification foreign =
        new IncomingNotification(
            subscription, Optional.of(clientState), Optional.of("11111111-2222-3333-4444-555555555555"),
            Optional.empty());

    assertThat(post(genuine, forged, missed)).isEqualTo(202);
    assertThat(post(unknown, foreign)).isEqualTo(403);
    assertThat(post(new byte[0])).isEqualTo(400);
    assertThat(post("{oops".getBytes(StandardCharsets.UTF_8))).isEqualTo(400);
    assertThat(
            sync.notifications()
                .handle(new NotificationRequest("POST", "validationToken=abc", Map.of(), new byte[0]))
                .status())
        .isEqualTo(200);
    assertThat(
            sync.notifications()
                .handle(new NotificationRequest("POST", "validationToken=", Map.of(), new byte[0]))
                .status())
        .isEqualTo(400);
    assertThat(
            sync.notifications().handle(new NotificationRequest("GET", "", Map.of(), new byte[0])).status())
        .isEqualTo(405);
    sync.close();
    assertThat(post(genuine)).isEqualTo(503);

    assertThat(events.lines)
        .containsExactly(
            "accepted CHANGE " + ORCHARD,
            "rejected CLIENT_STATE_MISMATCH",
            "accepted MISSED " + ORCHARD,
            "rejected UNKNOWN_SUBSCRIPTION",
            "rejected TENANT_MISMATCH",
            "rejected EMPTY_BODY",
            "rejected MALFORMED_BODY",
            "handshake",
            "rejected INVALID_VALIDATION_TOKEN",
            "rejected METHOD_NOT_ALLOWED",
            "rejected SHUT_DOWN");
    assertThat(String.join("\n", events.lines)).doesNotContain(clientState).doesNotContain("guess");
  }
}
