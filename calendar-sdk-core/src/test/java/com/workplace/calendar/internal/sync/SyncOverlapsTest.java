package com.workplace.calendar.internal.sync;

import static com.workplace.calendar.internal.TestWorld.CONTOSO;
import static com.workplace.calendar.internal.TestWorld.ORCHARD;
import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.booking.ConflictingInterval;
import com.workplace.calendar.internal.TestWorld;
import com.workplace.calendar.spi.CalendarEvent;
import com.workplace.calendar.spi.EventType;
import com.workplace.calendar.spi.FreeBusyStatus;
import com.workplace.calendar.store.BookingLink;
import com.workplace.calendar.sync.BookingChange;
import com.workplace.calendar.sync.ChangeType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Double bookings among a full round's events. */
class SyncOverlapsTest {
  private static final Instant TEN = Instant.parse("2026-03-02T10:00:00Z");
  private static final Instant ELEVEN = TEN.plus(Duration.ofHours(1));
  private static final SyncWindow WINDOW = new SyncWindow(TEN.minus(Duration.ofDays(1)), TEN.plus(Duration.ofDays(90)));

  private final TestWorld world = new TestWorld();
  private final SyncOverlaps overlaps = new SyncOverlaps(world.store, world.backend);
  private final CalendarKey key = new CalendarKey(CONTOSO, ORCHARD);

  private static CalendarEvent event(String id, Instant start, Instant end, FreeBusyStatus showAs) {
    return new CalendarEvent(id, Optional.empty(), Optional.empty(), start, end, Optional.empty(), List.of(),
        Optional.empty(), false, showAs, false, Optional.empty(), Optional.empty());
  }

  private static BookingChange created(CalendarEvent e) {
    return new BookingChange(ChangeType.CREATED, CONTOSO, ORCHARD, e.id(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.of(e.start()), Optional.of(e.end()), Optional.empty());
  }

  private List<BookingChange> mark(List<CalendarEvent> events) {
    Map<String, CalendarEvent> live = new LinkedHashMap<>();
    events.forEach(e -> live.put(e.id(), e));
    return overlaps.mark(key, events.stream().map(SyncOverlapsTest::created).toList(), live, true, WINDOW);
  }

  @Test
  void overlapsAreMarkedBothWaysAndTouchingOrFreeEventsAreNot() {
    List<BookingChange> marked =
        mark(List.of(
            event("a", TEN, ELEVEN, FreeBusyStatus.BUSY),
            event("b", TEN.plusSeconds(1800), ELEVEN.plusSeconds(1800), FreeBusyStatus.TENTATIVE),
            event("c", ELEVEN.plusSeconds(1800), ELEVEN.plusSeconds(3600), FreeBusyStatus.BUSY),
            event("d", TEN, ELEVEN, FreeBusyStatus.FREE)));

    assertThat(marked.get(0).conflicts()).extracting(ConflictingInterval::start).containsExactly(TEN.plusSeconds(1800));
    assertThat(marked.get(1).conflicts()).extracting(ConflictingInterval::start).containsExactly(TEN);
    assertThat(marked.get(2).isConflict()).isFalse();
    assertThat(marked.get(3).isConflict()).isFalse();
  }

  @Test
  void aFloodOfEventsAtOneTimeNamesAtMostTwentyPerChange() {
    List<CalendarEvent> flood = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      flood.add(event(String.format("e%05d", i), TEN, ELEVEN, FreeBusyStatus.BUSY));
    }
    flood.add(event("long", TEN.minus(Duration.ofDays(1)), ELEVEN.plus(Duration.ofDays(1)), FreeBusyStatus.BUSY));

    List<BookingChange> marked = mark(flood);

    assertThat(marked).allSatisfy(c -> assertThat(c.conflicts()).hasSize(SyncOverlaps.MAX_LISTED));
  }

  @Test
  void anOccurrenceOfAnSdkSeriesIsNamedByTheSeriesKey() {
    world.connectedRoom(ORCHARD);
    world.store.insertBookingLink(
        new BookingLink(CONTOSO, "standup", ORCHARD, "tx-standup", Optional.of("master-1"), TEN, 0));
    CalendarEvent occurrence =
        new CalendarEvent("occ-1", Optional.empty(), Optional.empty(), TEN, ELEVEN, Optional.empty(), List.of(),
            Optional.empty(), false, EventType.OCCURRENCE, Optional.of("master-1"), Optional.of(TEN),
            Optional.empty(), false);

    List<BookingChange> marked = mark(List.of(occurrence, event("outlook", TEN, ELEVEN, FreeBusyStatus.BUSY)));

    assertThat(marked.get(1).conflicts()).extracting(ConflictingInterval::bookingKey).containsExactly(Optional.of("standup"));
  }
}
