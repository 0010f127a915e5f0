package com.workplace.calendar.internal.booking;

import com.workplace.calendar.spi.CalendarEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events in the way of a booking's slots, as one read of the room's calendar shows them.
 *
 * @param events the events in the way, by start then id
 * @param blocked the starts of the booking's slots they are in the way of, in order
 * @param slots every slot of the booking
 */
record Clash(List<CalendarEvent> events, List<Instant> blocked, List<Slot> slots) {
  Clash {
    events =
        events.stream()
            .sorted(Comparator.comparing(CalendarEvent::start).thenComparing(CalendarEvent::id))
            .toList();
    blocked = List.copyOf(blocked);
    slots = List.copyOf(slots);
  }

  /**
   * Finds the events in the way of each slot.
   *
   * @param events what the calendar holds over the slots' span
   * @param slots the booking's slots
   * @param ownId the booking's event id (for a series, its master's), or {@code null} before it
   *     was written
   * @param ownTransaction the booking's transaction id
   * @return the clash, empty when nothing is in the way
   */
  static Clash find(List<CalendarEvent> events, List<Slot> slots, String ownId, String ownTransaction) {
    Map<String, CalendarEvent> inTheWay = new LinkedHashMap<>();
    List<Instant> blocked = new ArrayList<>();
    for (Slot slot : slots) {
      List<CalendarEvent> others =
          CheckedWrites.inTheWay(events, slot.start(), slot.end(), ownId, ownTransaction);
      if (!others.isEmpty()) {
        blocked.add(slot.start());
        others.forEach(e -> inTheWay.putIfAbsent(e.id(), e));
      }
    }
    return of(inTheWay.values(), blocked, slots);
  }

  /**
   * The instances of a series as the calendar shows them, as slots.
   *
   * @param events what the calendar holds over the series' span
   * @param masterId the series master's id
   * @param computed the slots the series' pattern gives, used when the calendar shows none
   * @return the slots, in order
   */
  static List<Slot> instancesOf(List<CalendarEvent> events, String masterId, List<Slot> computed) {
    List<Slot> instances =
        events.stream()
            .filter(e -> e.seriesMasterId().filter(masterId::equals).isPresent())
            .filter(CalendarEvent::blocksTime)
            .sorted(Comparator.comparing(CalendarEvent::start))
            .map(e -> new Slot(e.start(), e.end()))
            .toList();
    return instances.isEmpty() ? computed : instances;
  }

  /**
   * Of a clash found after writing, the events that took their slots before ours ({@link
   * CheckedWrites#firstToTheSlot}).
   *
   * @param mine when the service created our event, or {@code null} if it did not say
   * @param myId our event's id
   * @return the winners and the slots they block
   */
  Clash firstToTheSlots(Instant mine, String myId) {
    List<CalendarEvent> winners = CheckedWrites.firstToTheSlot(events, mine, myId);
    List<Instant> lost =
        slots.stream()
            .filter(slot -> winners.stream().anyMatch(w -> w.overlaps(slot.start(), slot.end())))
            .map(Slot::start)
            .toList();
    return of(winners, lost, slots);
  }

  /** {@return whether nothing is in the way} */
  boolean isEmpty() {
    return events.isEmpty();
  }

  private static Clash of(Collection<CalendarEvent> events, List<Instant> blocked, List<Slot> slots) {
    return new Clash(List.copyOf(events), blocked, slots);
  }
}
