package com.workplace.calendar.testkit.internal;

import com.workplace.calendar.testkit.FakeRecurrence;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The instances of a series master: occurrences derived from its pattern (at the master's time
 * of day in the recurrence's time zone, lasting as long as the master), exceptions it stores,
 * minus the dates removed from it. Instances carry the master's change key, as Graph's do.
 */
final class Series {

  /** Instances in a window, by start then id. */
  static final Comparator<EventRecord> BY_START =
      Comparator.comparing(EventRecord::start).thenComparing(EventRecord::id);

  private Series() {}

  /** The recurrence's time zone (its own, else the zone of the master's start). */
  static ZoneId zone(EventRecord master) {
    ZoneId zone = GraphTime.zone(master.recurrence().recurrenceTimeZone()
        .orElse(master.originalStartTimeZone()));
    return zone == null ? ZoneOffset.UTC : zone;
  }

  /** The date of an instant in the recurrence's time zone. */
  static LocalDate date(EventRecord master, Instant instant) {
    return instant.atZone(zone(master)).toLocalDate();
  }

  /** When the occurrence of a date starts by the pattern. */
  static Instant startOn(EventRecord master, LocalDate date) {
    ZoneId zone = zone(master);
    LocalTime time = master.start().atZone(zone).toLocalTime();
    return date.atTime(time).atZone(zone).toInstant();
  }

  /**
   * The instance of a date: the stored exception, else the derived occurrence.
   *
   * @return the instance, or empty when the date is not one of the series' or was removed
   */
  static Optional<EventRecord> instance(EventRecord master, LocalDate date) {
    if (master.removedDates().contains(date)
        || !RecurrenceDates.contains(master.recurrence(), date)) {
      return Optional.empty();
    }
    return Optional.of(materialize(master, date));
  }

  /** The instances overlapping {@code [from, to)}, removed ones excluded, by start. */
  static List<EventRecord> instances(EventRecord master, Instant from, Instant to) {
    Duration length = Duration.between(master.start(), master.end());
    LocalDate first = date(master, from.minus(length)).minusDays(1);
    LocalDate last = date(master, to).plusDays(1);
    List<EventRecord> out = new ArrayList<>();
    RecurrenceDates.forEach(master.recurrence(), last, d -> {
      if (!d.isBefore(first) && !master.removedDates().contains(d)
          && !master.exceptions().containsKey(d)) {
        EventRecord occurrence = materialize(master, d);
        if (occurrence.overlaps(from, to)) {
          out.add(occurrence);
        }
      }
      return true;
    });
    for (LocalDate d : master.exceptions().keySet()) {
      if (!master.removedDates().contains(d)) {
        EventRecord exception = materialize(master, d);
        if (exception.overlaps(from, to)) {
          out.add(exception);
        }
      }
    }
    out.sort(BY_START);
    return out;
  }

  /** The exception or occurrence of a date, without checking that the date belongs. */
  static EventRecord materialize(EventRecord master, LocalDate date) {
    Instant original = startOn(master, date);
    EventRecord exception = master.exceptions().get(date);
    if (exception != null) {
      return exception.toBuilder().instanceOf(master.id(), original)
          .changeKey(master.changeKey()).lastModifiedDateTime(master.lastModifiedDateTime())
          .build();
    }
    Duration length = Duration.between(master.start(), master.end());
    return master.toBuilder()
        .id(SeriesIds.occurrenceId(master.id(), date))
        .iCalUId(SeriesIds.iCalUId(master.iCalUId(), date))
        .transactionId(null)
        .start(original)
        .end(original.plus(length))
        .recurrence(null)
        .type(EventRecord.OCCURRENCE)
        .instanceOf(master.id(), original)
        .exceptions(Map.of())
        .removedDates(java.util.Set.of())
        .build();
  }

  /**
   * Checks Outlook's rule for exceptions: an occurrence cannot move to or before the day of the
   * previous occurrence, nor to or after the day of the next one.
   *
   * @param master the series
   * @param date the occurrence's original date
   * @param newStart where it is to start
   * @throws GraphException 400 {@code ErrorOccurrenceCrossingBoundary}
   */
  static void checkNotCrossing(EventRecord master, LocalDate date, Instant newStart) {
    LocalDate newDay = date(master, newStart);
    LocalDate[] neighbours = new LocalDate[2];
    RecurrenceDates.forEach(master.recurrence(), date.plusYears(1000), d -> {
      if (master.removedDates().contains(d) || d.equals(date)) {
        return true;
      }
      LocalDate day = date(master, materialize(master, d).start());
      if (d.isBefore(date)) {
        neighbours[0] = day;
        return true;
      }
      neighbours[1] = day;
      return false;
    });
    if ((neighbours[0] != null && !newDay.isAfter(neighbours[0]))
        || (neighbours[1] != null && !newDay.isBefore(neighbours[1]))) {
      throw GraphException.badRequest("ErrorOccurrenceCrossingBoundary",
          "Modified occurrence is crossing or overlapping adjacent occurrence.");
    }
  }

  /**
   * Checks what Exchange checks when a series is created or its recurrence or times change: it
   * has an occurrence, and no occurrence lasts into the next one.
   *
   * @throws GraphException 400 {@code ErrorRecurrenceHasNoOccurrence} or {@code
   *     ErrorOccurrenceTimeSpanTooBig}
   */
  static void validate(EventRecord master) {
    FakeRecurrence r = master.recurrence();
    List<LocalDate> dates = RecurrenceDates.list(r, r.startDate().orElseThrow().plusYears(100),
        50);
    if (dates.isEmpty()) {
      throw GraphException.badRequest("ErrorRecurrenceHasNoOccurrence",
          "The recurrence pattern and range have no occurrence.");
    }
    Duration length = Duration.between(master.start(), master.end());
    for (int i = 1; i < dates.size(); i++) {
      if (startOn(master, dates.get(i - 1)).plus(length).isAfter(startOn(master, dates.get(i)))) {
        throw GraphException.badRequest("ErrorOccurrenceTimeSpanTooBig",
            "The duration of the event is longer than the time between its occurrences.");
      }
    }
  }

  /**
   * Keeps the exceptions and removed dates that still belong to the (changed) series.
   *
   * @param master the changed master
   * @return the master without orphaned exceptions and removed dates
   */
  static EventRecord prune(EventRecord master) {
    Map<LocalDate, EventRecord> exceptions = new java.util.TreeMap<>(master.exceptions());
    exceptions.keySet().removeIf(d -> !RecurrenceDates.contains(master.recurrence(), d));
    java.util.Set<LocalDate> removed = new java.util.TreeSet<>(master.removedDates());
    removed.removeIf(d -> !RecurrenceDates.contains(master.recurrence(), d));
    return master.toBuilder().exceptions(exceptions).removedDates(removed).build();
  }
}
