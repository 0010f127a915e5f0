package com.workplace.calendar.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a delta page: an event that is new or changed, or the id of one that was removed.
 * Instances of recurring series are entries of their own (see {@link CalendarEvent#type()}).
 *
 * @param eventId the event id
 * @param event the event, absent when it was removed
 * @since 0.1.0
 */
public record DeltaItem(String eventId, Optional<CalendarEvent> event) {
  /** Validates the record. */
  public DeltaItem {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(event, "event");
  }

  /**
   * Tells whether the event was removed (deleted, cancelled or moved out of the window).
   *
   * @return {@code true} for a removal
   */
  public boolean removed() {
    return event.isEmpty();
  }

  /**
   * The series the entry's event belongs to: its master's id for an occurrence or exception, its
   * own id for a series master.
   *
   * @return the series id, empty for removals and single instances
   * @since 0.2.0
   */
  public Optional<String> seriesId() {
    return event.flatMap(
        e -> e.type() == EventType.SERIES_MASTER ? Optional.of(e.id()) : e.seriesMasterId());
  }
}
