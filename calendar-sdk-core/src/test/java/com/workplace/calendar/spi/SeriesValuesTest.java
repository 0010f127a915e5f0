package com.workplace.calendar.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.booking.Attendee;
import com.workplace.calendar.store.KnownInstance;
import com.workplace.calendar.store.SyncState;
import com.workplace.calendar.sync.BookingChange;
import com.workplace.calendar.sync.ChangeType;
import com.workplace.calendar.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The values that carry recurring series between provider, sync, store and host. */
class SeriesValuesTest {
  private static final Instant START = Instant.parse("2026-03-09T08:00:00Z");
  private static final TenantId CONTOSO = TenantId.parse("contoso.onmicrosoft.com");
  private static final String ROOM = "orchard@contoso.onmicrosoft.com";

  private static CalendarEvent event(
      EventType type, Optional<String> series, Optional<Instant> originalStart) {
    return new CalendarEvent(
        "e1", Optional.empty(), Optional.empty(), START, START.plusSeconds(900), Optional.empty(),
        List.of(), Optional.empty(), false, type, series, originalStart, Optional.empty(), true);
  }

  @Test
  void instancesNameTheirSeriesAndNothingElseDoes() {
    assertThatThrownBy(() -> event(EventType.OCCURRENCE, Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("series master");
    assertThatThrownBy(() -> event(EventType.SINGLE_INSTANCE, Optional.of("s"), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> event(EventType.SERIES_MASTER, Optional.empty(), Optional.of(START)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theSlotOfAnOccurrenceIsItsStartUnlessTheOriginalStartIsKnown() {
    Instant original = START.minusSeconds(3600);
    assertThat(event(EventType.OCCURRENCE, Optional.of("s"), Optional.empty()).slotStart())
        .contains(START);
    assertThat(event(EventType.EXCEPTION, Optional.of("s"), Optional.empty()).slotStart())
        .isEmpty();
    assertThat(event(EventType.EXCEPTION, Optional.of("s"), Optional.of(original)).slotStart())
        .contains(original);
    assertThat(event(EventType.SINGLE_INSTANCE, Optional.empty(), Optional.empty()).slotStart())
        .isEmpty();
  }

  @Test
  void theShapeOf01StaysAvailable() {
    CalendarEvent single =
        new CalendarEvent(
            "e1", Optional.empty(), Optional.of("Review"), START, START.plusSeconds(60),
            Optional.empty(), List.of(), Optional.empty(), false);
    assertThat(single.type()).isEqualTo(EventType.SINGLE_INSTANCE);
    assertThat(single.partial()).isFalse();

    BookingChange change =
        new BookingChange(
            ChangeType.DELETED, CONTOSO, ROOM, "e1", Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    assertThat(change.attendees()).isEmpty();
    assertThat(change.isOccurrence()).isFalse();

    SyncState state =
        new SyncState(CONTOSO, ROOM, Optional.empty(), START, START.plusSeconds(86_400),
            Set.of("e1"), Optional.empty(), 0);
    assertThat(state.knownInstances()).isEmpty();
  }

  @Test
  void deltaItemsNameTheSeriesTheyTouch() {
    assertThat(new DeltaItem("e1", Optional.of(event(EventType.OCCURRENCE, Optional.of("s"),
        Optional.empty()))).seriesId()).contains("s");
    CalendarEvent master = event(EventType.SERIES_MASTER, Optional.empty(), Optional.empty());
    assertThat(new DeltaItem("e1", Optional.of(master)).seriesId()).contains("e1");
    assertThat(new DeltaItem("e1", Optional.empty()).seriesId()).isEmpty();
  }

  @Test
  void knownInstancesAreKnownEventsWithWellFormedFingerprints() {
    assertThatThrownBy(
            () -> new SyncState(CONTOSO, ROOM, Optional.empty(), START, START.plusSeconds(60),
                Set.of("e1"), Map.of("e2", new KnownInstance("s", "fp")), Optional.empty(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("known event");
    for (String bad : new String[] {"", "has space", "line\n", "x".repeat(65), "ü"}) {
      assertThatThrownBy(() -> new KnownInstance("s", bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(new KnownInstance("s", "Ab-_09").fingerprint()).isEqualTo("Ab-_09");
  }

  @Test
  void attendeesOfAChangeAreACopy() {
    java.util.ArrayList<Attendee> attendees = new java.util.ArrayList<>();
    attendees.add(Attendee.of("ali@contoso.com", null));
    BookingChange change =
        new BookingChange(
            ChangeType.CREATED, CONTOSO, ROOM, "e1", Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.of(START), Optional.of(START), Optional.empty(), attendees,
            Optional.of("s"), Optional.of(START));
    attendees.clear();
    assertThat(change.attendees()).hasSize(1);
    assertThat(change.isOccurrence()).isTrue();
  }
}
