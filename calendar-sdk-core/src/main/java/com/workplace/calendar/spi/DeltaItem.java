package com.workplace.calendar.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a delta page: an event that is new or changed, or the id of one that was removed.
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
}
