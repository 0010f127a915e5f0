package com.workplace.calendar.internal.sync;

import com.workplace.calendar.booking.Attendee;
import com.workplace.calendar.spi.CalendarEvent;
import com.workplace.calendar.spi.EventType;
import com.workplace.calendar.tenant.TenantId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The series masters this instance read, shared by every calendar's rounds and bounded: the least
 * recently used entry goes when the cache is full ({@link
 * com.workplace.calendar.sync.SyncOptions#seriesCacheSize()}). An entry keeps only what
 * occurrences take from their master and the master's version, and is used only for an occurrence
 * that names that same version: a changed series is always read again. Thread-safe.
 */
final class SeriesMasters {
  /** Names one series: tenant, calendar and master id. */
  record Key(TenantId tenantId, String mailbox, String seriesId) {}

  /**
   * What occurrences take from their master.
   *
   * @param subject the subject, if visible
   * @param organizer the organizer, if visible
   * @param attendees the attendees
   * @param cancelled whether the whole series is cancelled
   * @param changeKey the master's version, if the service sent one
   */
  record Master(
      Optional<String> subject,
      Optional<Attendee> organizer,
      List<Attendee> attendees,
      boolean cancelled,
      Optional<String> changeKey) {
    static Master of(CalendarEvent event) {
      return new Master(
          event.subject(),
          event.organizer(),
          event.attendees(),
          event.cancelled(),
          event.changeKey());
    }
  }

  private final int capacity;
  private final Map<Key, Master> entries;

  /**
   * Creates the cache.
   *
   * @param capacity the most entries kept; 0 keeps none
   */
  SeriesMasters(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must not be negative");
    }
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(16, 0.75f, true);
  }

  /**
   * Finds a master read earlier, if it still has the version an occurrence names.
   *
   * @param key the series
   * @param changeKey the version the occurrence names; without one nothing is taken from the cache
   * @return the master, or empty when it must be read
   */
  synchronized Optional<Master> find(Key key, Optional<String> changeKey) {
    Master master = entries.get(key);
    if (master == null
        || changeKey.isEmpty()
        || !master.changeKey().equals(changeKey)) {
      return Optional.empty();
    }
    return Optional.of(master);
  }

  /**
   * Remembers a master just read, or forgets the series when it no longer exists.
   *
   * @param key the series
   * @param event the master as read, or empty
   */
  synchronized void remember(Key key, Optional<CalendarEvent> event) {
    Objects.requireNonNull(key, "key");
    if (event.isEmpty() || event.get().type() != EventType.SERIES_MASTER) {
      entries.remove(key);
      return;
    }
    if (capacity == 0 || event.get().changeKey().isEmpty()) {
      entries.remove(key);
      return;
    }
    entries.put(key, Master.of(event.get()));
    while (entries.size() > capacity) {
      Key eldest = entries.keySet().iterator().next();
      entries.remove(eldest);
    }
  }

  /** {@return how many masters are kept} */
  synchronized int size() {
    return entries.size();
  }
}
