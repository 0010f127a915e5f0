package com.workplace.calendar.internal.sync;

import static com.workplace.calendar.internal.TestWorld.CONTOSO;
import static com.workplace.calendar.internal.TestWorld.MARINA;
import static com.workplace.calendar.internal.TestWorld.NOW;
import static com.workplace.calendar.internal.TestWorld.ORCHARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.ConflictException;
import com.workplace.calendar.ResourceNotFoundException;
import com.workplace.calendar.booking.Booking;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.internal.DefaultCalendarRegistry;
import com.workplace.calendar.internal.TestWorld;
import com.workplace.calendar.internal.booking.DefaultRoomBookings;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.spi.CalendarEvent;
import com.workplace.calendar.store.SyncState;
import com.workplace.calendar.sync.BookingChange;
import com.workplace.calendar.sync.ChangeType;
import com.workplace.calendar.sync.SyncOptions;
import com.workplace.calendar.sync.SyncResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SyncRoundsTest {
  private static final Instant TEN = Instant.parse("2026-03-02T10:00:00Z");

  private TestWorld world;
  private RecordingListener listener;
  private DefaultCalendarSync sync;

  @BeforeEach
  void setUp() {
    world = new TestWorld();
    world.connectedRoom(ORCHARD);
    listener = new RecordingListener();
    sync = newSync(SyncOptions.defaults());
  }

  @AfterEach
  void tearDown() {
    sync.close();
  }

  private DefaultCalendarSync newSync(SyncOptions options) {
    return new DefaultCalendarSync(
        world.store,
        world.backend,
        new DefaultCalendarRegistry(world.store, world.backend, world.clock),
        listener,
        options,
        world.clock);
  }

  private CalendarEvent outlook(String subject, Instant start) {
    return world.backend.outlook.addExternalEvent(
        ORCHARD, "bob@contoso.com", subject, start, start.plusSeconds(1800));
  }

  private static List<String> summary(List<BookingChange> changes) {
    return changes.stream().map(c -> c.type() + " " + c.eventId()).toList();
  }

  @Test
  void theFirstRoundReportsEveryEventInTheWindowAsCreated() {
    Booking booking =
        new DefaultRoomBookings(world.store, world.backend, world.clock)
            .create(
                BookingRequest.builder(CONTOSO, "b-1")
                    .room(ORCHARD)
                    .subject("Review")
                    .time(TEN, TEN.plusSeconds(3600))
                    .booker("ada@contoso.com", null)
                    .build());
    CalendarEvent standup = outlook("Standup", TEN.plusSeconds(7200));
    outlook("Last year", NOW.minus(Duration.ofDays(400)));

    SyncResult result = sync.syncNow(CONTOSO, "Orchard@Contoso.onmicrosoft.com");

    assertThat(result.created()).isEqualTo(2);
    assertThat(result.fullResync()).isTrue();
    assertThat(listener.calls).hasSize(1);
    List<BookingChange> changes = listener.last();
    assertThat(summary(changes))
        .containsExactly("CREATED " + booking.eventId(), "CREATED " + standup.id());
    assertThat(changes.get(0).bookingKey()).contains("b-1");
    assertThat(changes.get(1).isOurs()).isFalse();
    assertThat(changes.get(1).subject()).contains("Standup");
    assertThat(changes.get(1).organizerEmail()).contains("bob@contoso.com");
    assertThat(changes.get(1).start()).contains(standup.start());
    SyncState state = world.store.findSyncState(CONTOSO, ORCHARD).orElseThrow();
    assertThat(state.knownEventIds()).containsExactlyInAnyOrder(booking.eventId(), standup.id());
    assertThat(state.windowStart()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    assertThat(state.windowEnd()).isEqualTo(Instant.parse("2026-05-31T00:00:00Z"));
    assertThat(state.lastSyncAt()).contains(NOW);
  }

  @Test
  void laterRoundsReportUpdatesDeletionsAndNewEventsInServiceOrder() {
    CalendarEvent renamed = outlook("Standup", TEN);
    CalendarEvent deleted = outlook("1:1", TEN.plusSeconds(3600));
    CalendarEvent cancelled = outlook("Lunch", TEN.plusSeconds(7200));
    CalendarEvent moved = outlook("Offsite", TEN.plusSeconds(9000));
    sync.syncNow(CONTOSO, ORCHARD);

    world.backend.outlook.deleteExternal(ORCHARD, deleted.id());
    world.backend.outlook.renameExternal(ORCHARD, renamed.id(), "Daily standup");
    CalendarEvent added = outlook("Planning", TEN.plusSeconds(10800));
    world.backend.outlook.cancelExternal(ORCHARD, cancelled.id());
    Instant later = NOW.plus(Duration.ofDays(120));
    world.backend.outlook.moveExternal(ORCHARD, moved.id(), later, later.plusSeconds(1800));
    SyncResult result = sync.syncNow(CONTOSO, ORCHARD);

    assertThat(result.fullResync()).isFalse();
    assertThat(summary(listener.last()))
        .containsExactly(
            "DELETED " + deleted.id(),
            "UPDATED " + renamed.id(),
            "CREATED " + added.id(),
            "DELETED " + cancelled.id(),
            "DELETED " + moved.id());
    assertThat(listener.last().get(1).subject()).contains("Daily standup");
    assertThat(listener.last().get(0).start()).isEmpty();
    assertThat(List.of(result.created(), result.updated(), result.deleted()))
        .containsExactly(1, 1, 3);
    assertThat(world.store.findSyncState(CONTOSO, ORCHARD).orElseThrow().knownEventIds())
        .containsExactlyInAnyOrder(renamed.id(), added.id());
  }

  @Test
  void eventsThatComeAndGoBetweenRoundsAreNotReported() {
    outlook("Standup", TEN);
    sync.syncNow(CONTOSO, ORCHARD);
    CalendarEvent fleeting = outlook("Oops", TEN.plusSeconds(3600));
    world.backend.outlook.deleteExternal(ORCHARD, fleeting.id());

    SyncResult result = sync.syncNow(CONTOSO, ORCHARD);

    assertThat(result.changes()).isZero();
    assertThat(listener.calls).hasSize(1);
  }

  @Test
  void replayedItemsAreReportedOnceWithTheirLastState() {
    CalendarEvent standup = outlook("Standup", TEN);
    sync.syncNow(CONTOSO, ORCHARD);
    world.backend.delta.replays(true);
    world.backend.outlook.renameExternal(ORCHARD, standup.id(), "Standup v2");
    CalendarEvent other = outlook("Other", TEN.plusSeconds(3600));
    world.backend.outlook.renameExternal(ORCHARD, standup.id(), "Standup v3");

    sync.syncNow(CONTOSO, ORCHARD);

    assertThat(summary(listener.last()))
        .containsExactly("CREATED " + other.id(), "UPDATED " + standup.id());
    assertThat(listener.last().get(1).subject()).contains("Standup v3");
  }

  @Test
  void followsNextLinksUntilTheDeltaLink() {
    world.backend.delta.pageSize(2);
    for (int i = 0; i < 5; i++) {
      outlook("Meeting " + i, TEN.plus(Duration.ofHours(i)));
    }

    SyncResult result = sync.syncNow(CONTOSO, ORCHARD);

    assertThat(result.created()).isEqualTo(5);
    assertThat(world.backend.calls.deltaCalls(ORCHARD)).isEqualTo(3);
    assertThat(listener.calls).hasSize(1);
  }

  @Test
  void aFailingListenerGetsTheSameChangesAgain() {
    CalendarEvent standup = outlook("Standup", TEN);
    listener.failNext(1);

    assertThatThrownBy(() -> sync.syncNow(CONTOSO, ORCHARD))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("database is down");
    assertThat(world.store.findSyncState(CONTOSO, ORCHARD)).isEmpty();

    sync.syncNow(CONTOSO, ORCHARD);

    assertThat(listener.calls).hasSize(2);
    assertThat(listener.calls.get(1).changes()).isEqualTo(listener.calls.get(0).changes());
    assertThat(summary(listener.last())).containsExactly("CREATED " + standup.id());

    world.backend.outlook.renameExternal(ORCHARD, standup.id(), "Standup v2");
    listener.failNext(1);
    assertThatThrownBy(() -> sync.syncNow(CONTOSO, ORCHARD))
        .isInstanceOf(IllegalStateException.class);
    sync.syncNow(CONTOSO, ORCHARD);
    assertThat(summary(listener.last())).containsExactly("UPDATED " + standup.id());
    assertThat(listener.calls.get(3).changes()).isEqualTo(listener.calls.get(2).changes());
  }

  @Test
  void anExpiredDeltaLinkStartsOverAndReportsWhatWasDeletedMeanwhile() {
    CalendarEvent kept = outlook("Standup", TEN);
    CalendarEvent deleted = outlook("1:1", TEN.plusSeconds(3600));
    sync.syncNow(CONTOSO, ORCHARD);
    world.backend.outlook.deleteExternal(ORCHARD, deleted.id());
    CalendarEvent added = outlook("Planning", TEN.plusSeconds(7200));
    world.backend.delta.expireLinks();

    SyncResult result = sync.syncNow(CONTOSO, ORCHARD);

    assertThat(result.fullResync()).isTrue();
    assertThat(summary(listener.last()))
        .containsExactly(
            "UPDATED " + kept.id(), "CREATED " + added.id(), "DELETED " + deleted.id());
    assertThat(world.store.findSyncState(CONTOSO, ORCHARD).orElseThrow().knownEventIds())
        .containsExactlyInAnyOrder(kept.id(), added.id());

    SyncResult quiet = sync.syncNow(CONTOSO, ORCHARD);
    assertThat(quiet.fullResync()).isFalse();
    assertThat(quiet.changes()).isZero();
  }

  @Test
  void theWindowMovesOnDailyAndEventsLeftBehindAreDeleted() {
    CalendarEvent yesterday = outlook("Yesterday", Instant.parse("2026-03-01T08:00:00Z"));
    CalendarEvent today = outlook("Today", TEN);
    sync.syncNow(CONTOSO, ORCHARD);
    List<Optional<String>> links = new CopyOnWriteArrayList<>();
    world.backend.deltaHook = (mailbox, link) -> links.add(link);

    world.clock.advance(Duration.ofDays(1));
    SyncResult result = sync.syncNow(CONTOSO, ORCHARD);

    assertThat(links).containsExactly(Optional.empty());
    assertThat(result.fullResync()).isTrue();
    assertThat(summary(listener.last()))
        .containsExactly("UPDATED " + today.id(), "DELETED " + yesterday.id());
    SyncState state = world.store.findSyncState(CONTOSO, ORCHARD).orElseThrow();
    assertThat(state.windowStart()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
    assertThat(state.windowEnd()).isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));

    world.clock.advance(Duration.ofHours(5));
    sync.syncNow(CONTOSO, ORCHARD);
    assertThat(links).hasSize(2);
    assertThat(links.get(1)).isPresent();
  }

  @Test
  void aServiceThatRepeatsANextLinkFailsTheRoundInsteadOfHanging() {
    outlook("Standup", TEN);
    sync.syncNow(CONTOSO, ORCHARD);
    SyncState before = world.store.findSyncState(CONTOSO, ORCHARD).orElseThrow();
    outlook("Another", TEN.plusSeconds(3600));
    world.backend.delta.loopingNextLinks(true);

    assertThatThrownBy(() -> sync.syncNow(CONTOSO, ORCHARD))
        .isInstanceOfSatisfying(
            CalendarServiceException.class,
            e -> assertThat(e.errorCode()).contains("deltaLoopDetected"));
    assertThat(world.store.findSyncState(CONTOSO, ORCHARD)).contains(before);
  }

  @Test
  void aServiceThatNeverEndsFailsTheRoundAfterThePageLimit() {
    sync.close();
    sync = newSync(SyncOptions.builder().maxPagesPerRound(5).build());
    outlook("Standup", TEN);
    world.backend.delta.endlessPages(true);

    assertThatThrownBy(() -> sync.syncNow(CONTOSO, ORCHARD))
        .isInstanceOfSatisfying(
            CalendarServiceException.class,
            e -> assertThat(e.errorCode()).contains("deltaPageLimitExceeded"));
    assertThat(world.backend.calls.deltaCalls(ORCHARD)).isEqualTo(5);
    assertThat(listener.calls).isEmpty();
  }

  @Test
  void onlyRegisteredConnectedCalendarsAreSynced() {
    assertThatThrownBy(() -> sync.syncNow(CONTOSO, MARINA))
        .isInstanceOf(ResourceNotFoundException.class);
    world.store.insertCalendar(RoomCalendar.added(CONTOSO, MARINA, null, NOW));
    assertThatThrownBy(() -> sync.syncNow(CONTOSO, MARINA))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("ADDED");
    assertThat(world.backend.calls.deltaCalls(MARINA)).isZero();

    sync.close();
    assertThatThrownBy(() -> sync.syncNow(CONTOSO, ORCHARD))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void changesOfEventsMadeThroughTheSdkCarryTheBookingKey() {
    DefaultRoomBookings bookings = new DefaultRoomBookings(world.store, world.backend, world.clock);
    Booking booking =
        bookings.create(
            BookingRequest.builder(CONTOSO, "b-7")
                .room(ORCHARD)
                .subject("Review")
                .time(TEN, TEN.plusSeconds(3600))
                .booker("ada@contoso.com", null)
                .build());
    sync.syncNow(CONTOSO, ORCHARD);

    world.backend.outlook.renameExternal(ORCHARD, booking.eventId(), "Review (moved)");
    sync.syncNow(CONTOSO, ORCHARD);
    assertThat(listener.last())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.type()).isEqualTo(ChangeType.UPDATED);
              assertThat(c.bookingKey()).contains("b-7");
            });

    bookings.cancel(CONTOSO, "b-7", null);
    sync.syncNow(CONTOSO, ORCHARD);
    assertThat(summary(listener.last())).containsExactly("DELETED " + booking.eventId());
  }
}
