package com.workplace.calendar.internal.sync;

import com.workplace.calendar.booking.Attendee;
import com.workplace.calendar.spi.CalendarEvent;
import com.workplace.calendar.spi.DeltaItem;
import com.workplace.calendar.spi.EventType;
import com.workplace.calendar.store.KnownInstance;
import com.workplace.calendar.sync.BookingChange;
import com.workplace.calendar.sync.ChangeType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns the items of one delta round into the {@link BookingChange}s the host is told about, and
 * works out what is known afterwards. It reads nothing itself: series masters and instances come
 * through {@link SeriesReads} (each at most once per round, see {@link RoundSeries}), booking keys
 * through {@link BookingKeys}.
 *
 * <p><b>Single instances</b> are reported as the delta says: items are de-duplicated by id,
 * keeping the last state at the position of its last mention; new ids are {@code CREATED}, known
 * ones {@code UPDATED}; removals, cancellations and events outside the window are {@code DELETED}
 * when known and dropped otherwise.
 *
 * <p><b>Recurring series</b> are handled so that the result is right whatever the service does
 * with them (partial occurrences, a changed series sent again in full, removed occurrences left
 * out):
 *
 * <ul>
 *   <li>A series is <em>touched</em> when an item is one of its instances (or its master), or is
 *       the removal of an instance known to belong to it. In a round that continues from a delta
 *       link, each touched series is read once through {@link SeriesReads#instances}, and that
 *       answer is what the series holds in the window: its instances are reported from it, and a
 *       known instance missing from it is {@code DELETED} (the occurrences cancelled without a
 *       removal in the delta). A series that no longer exists deletes every known instance.
 *   <li>A round without a link (the first, after an expired link, and every day when the window
 *       moves on) lists the whole window: it is a reconciliation of every series by itself, and
 *       reads no instances, except of a series that sent an exception as a partial item.
 *   <li>A partial occurrence takes subject, organizer and attendees from its master ({@link
 *       SeriesReads#master}; when the round needs the masters of several series, they are asked
 *       for together, {@link SeriesReads#masters}); a cancelled master cancels its occurrences.
 *   <li>Each instance reported is remembered with its series and a fingerprint of what was
 *       reported ({@link InstanceFingerprint}). An instance sent again with the same fingerprint
 *       is not reported again: re-sent occurrences of a changed series produce no change, the
 *       occurrences a change of the whole series changed are {@code UPDATED}, never {@code
 *       CREATED} again.
 *   <li>A known single instance whose id became a series master is {@code DELETED}.
 * </ul>
 *
 * <p>The changes of a reconciled series are reported together where its first item was, instances
 * by start, then its deletions. Every event gets at most one change per round.
 */
final class RoundChanges {

  /** Finds the host's booking key of an event. */
  interface BookingKeys {
    /**
     * Finds a booking key.
     *
     * @param eventId the event
     * @param transactionId the transaction id it was created with, if any
     * @param seriesId its series, if it is an instance of one
     * @return the key, if the event (or its series) is a booking made through the SDK
     */
    Optional<String> find(String eventId, Optional<String> transactionId, Optional<String> seriesId);
  }

  /**
   * What a round found.
   *
   * @param changes the changes, in the order to report them
   * @param knownIds the events in the window afterwards
   * @param knownInstances what is known of the instances of series among them
   * @param created how many were created
   * @param updated how many were updated
   * @param deleted how many were deleted
   * @param seriesReconciled how many series were read through their instances
   * @param live the round's live events (single events and instances) by id, reported or not
   */
  record Outcome(
      List<BookingChange> changes,
      Set<String> knownIds,
      Map<String, KnownInstance> knownInstances,
      int created,
      int updated,
      int deleted,
      int seriesReconciled,
      Map<String, CalendarEvent> live) {}

  private final CalendarKey key;
  private final SyncWindow window;
  private final boolean full;
  private final Set<String> knownIds;
  private final Map<String, KnownInstance> knownInstances;
  private final RoundSeries series;
  private final BookingKeys bookingKeys;

  private final Set<String> nowKnown;
  private final Map<String, CalendarEvent> live = new java.util.LinkedHashMap<>();
  private final Map<String, KnownInstance> nowInstances;
  private final Set<String> decided = new HashSet<>();
  private final Set<String> seriesDone = new HashSet<>();
  private final List<BookingChange> changes = new ArrayList<>();
  private final int[] counts = new int[3];

  /**
   * Prepares the mapping of one round.
   *
   * @param key the calendar
   * @param window the round's window
   * @param full whether the round listed the whole window (no delta link)
   * @param knownIds the events known before the round
   * @param knownInstances what was known of the instances among them
   * @param reads the reads of series
   * @param bookingKeys the booking key lookup
   */
  RoundChanges(
      CalendarKey key,
      SyncWindow window,
      boolean full,
      Set<String> knownIds,
      Map<String, KnownInstance> knownInstances,
      SeriesReads reads,
      BookingKeys bookingKeys) {
    this.key = Objects.requireNonNull(key, "key");
    this.window = Objects.requireNonNull(window, "window");
    this.full = full;
    this.knownIds = Set.copyOf(knownIds);
    this.knownInstances = Map.copyOf(knownInstances);
    this.series = new RoundSeries(reads, window);
    this.bookingKeys = Objects.requireNonNull(bookingKeys, "bookingKeys");
    this.nowKnown = full ? new HashSet<>() : new HashSet<>(knownIds);
    this.nowInstances = full ? new HashMap<>() : new HashMap<>(knownInstances);
  }

  /**
   * Maps the round's items; call once.
   *
   * @param items every item of every page, in the order the service sent them
   * @return the changes and what is known afterwards
   */
  Outcome map(List<DeltaItem> items) {
    Map<String, DeltaItem> latest = new LinkedHashMap<>();
    for (DeltaItem item : items) {
      latest.remove(item.eventId());
      latest.put(item.eventId(), item);
    }
    Set<String> touched = new LinkedHashSet<>();
    Set<String> partialExceptions = new HashSet<>();
    for (DeltaItem item : latest.values()) {
      seriesOf(item).ifPresent(touched::add);
      item.event()
          .filter(e -> e.partial() && e.type() == EventType.EXCEPTION)
          .flatMap(CalendarEvent::seriesMasterId)
          .ifPresent(partialExceptions::add);
      item.event()
          .filter(e -> e.type() == EventType.SERIES_MASTER && !e.partial())
          .ifPresent(series::offer);
    }
    for (String seriesId : touched) {
      // a partial exception cannot be filled from the master: it differs from it
      if (!full || partialExceptions.contains(seriesId)) {
        series.reconcile(seriesId);
      }
    }
    series.readMastersOf(toResolve(latest.values()));
    for (DeltaItem item : latest.values()) {
      Optional<String> seriesId = seriesOf(item);
      if (seriesId.isPresent() && series.isReconciled(seriesId.get())) {
        reportSeries(seriesId.get());
      } else if (item.event().map(e -> e.type() == EventType.SERIES_MASTER).orElse(false)) {
        continue; // a master is not a booking; its occurrences are
      } else if (seriesId.isPresent() && item.event().isPresent()) {
        Optional<CalendarEvent> live = resolve(item.event().get());
        if (live.isPresent()) {
          report(live.get());
        } else {
          delete(item.eventId());
        }
      } else {
        reportSingle(item);
      }
    }
    for (String seriesId : series.reconciled()) {
      reportSeries(seriesId);
    }
    if (!full) {
      for (String seriesId : touched) {
        if (knownIds.contains(seriesId) && !knownInstances.containsKey(seriesId)) {
          delete(seriesId); // a single instance that became the master of a series
        }
      }
    } else {
      for (String id : new TreeSet<>(knownIds)) {
        if (!nowKnown.contains(id)) {
          delete(id);
        }
      }
    }
    return new Outcome(
        changes,
        nowKnown,
        nowInstances,
        counts[0],
        counts[1],
        counts[2],
        series.reconciled().size(),
        live);
  }

  /** The series an item touches: its own, or the one a removed instance was known to be in. */
  private Optional<String> seriesOf(DeltaItem item) {
    if (item.removed()) {
      return Optional.ofNullable(knownInstances.get(item.eventId())).map(KnownInstance::seriesId);
    }
    return item.seriesId();
  }

  /** The instances the loop of {@link #map} resolves, in the order it resolves them. */
  private List<CalendarEvent> toResolve(Collection<DeltaItem> items) {
    List<CalendarEvent> instances = new ArrayList<>();
    for (DeltaItem item : items) {
      Optional<String> seriesId = seriesOf(item);
      if (seriesId.isPresent() && series.isReconciled(seriesId.get())) {
        instances.addAll(series.instances(seriesId.get()));
      } else if (seriesId.isPresent()) {
        item.event().filter(e -> e.type().isSeriesInstance()).ifPresent(instances::add);
      }
    }
    return instances;
  }

  /** Reports what a series read through its instances holds, once per round. */
  private void reportSeries(String seriesId) {
    if (!seriesDone.add(seriesId)) {
      return;
    }
    List<CalendarEvent> instances = series.instances(seriesId);
    Set<String> present = new HashSet<>();
    for (CalendarEvent instance : instances) {
      if (decided.contains(instance.id())) {
        present.add(instance.id());
        continue;
      }
      Optional<CalendarEvent> live = resolve(instance);
      if (live.isPresent()) {
        present.add(instance.id());
        report(live.get());
      } else {
        delete(instance.id());
      }
    }
    Map<String, KnownInstance> ofSeries = new TreeMap<>();
    knownInstances.forEach(
        (id, known) -> {
          if (known.seriesId().equals(seriesId)) {
            ofSeries.put(id, known);
          }
        });
    for (String id : ofSeries.keySet()) {
      if (!present.contains(id)) {
        delete(id);
      }
    }
  }

  /**
   * The instance as it is reported: partial ones filled from their master, the original start
   * set; empty when it is cancelled, outside the window, or its series is gone.
   */
  private Optional<CalendarEvent> resolve(CalendarEvent instance) {
    if (instance.cancelled() || !window.overlaps(instance.start(), instance.end())) {
      return Optional.empty();
    }
    String seriesId = instance.seriesMasterId().orElseThrow();
    Optional<String> subject = instance.subject();
    Optional<Attendee> organizer = instance.organizer();
    List<Attendee> attendees = instance.attendees();
    if (instance.partial()) {
      Optional<SeriesMasters.Master> master = series.master(seriesId, instance.changeKey());
      if (master.isEmpty() || master.get().cancelled()) {
        return Optional.empty();
      }
      subject = instance.subject().or(() -> master.get().subject());
      organizer = instance.organizer().or(() -> master.get().organizer());
      attendees = instance.attendees().isEmpty() ? master.get().attendees() : attendees;
    }
    return Optional.of(
        new CalendarEvent(
            instance.id(),
            instance.iCalUId(),
            subject,
            instance.start(),
            instance.end(),
            organizer,
            attendees,
            instance.transactionId(),
            false,
            instance.type(),
            instance.seriesMasterId(),
            instance.slotStart(),
            instance.changeKey(),
            false));
  }

  /** Reports a live instance unless it was reported exactly so before. */
  private void report(CalendarEvent instance) {
    String id = instance.id();
    if (!decided.add(id)) {
      return;
    }
    String seriesId = instance.seriesMasterId().orElseThrow();
    KnownInstance now = new KnownInstance(seriesId, InstanceFingerprint.of(instance));
    live.put(id, instance);
    nowKnown.add(id);
    nowInstances.put(id, now);
    if (now.equals(knownInstances.get(id))) {
      return;
    }
    ChangeType type = knownIds.contains(id) ? ChangeType.UPDATED : ChangeType.CREATED;
    changes.add(change(type, instance));
    counts[type == ChangeType.CREATED ? 0 : 1]++;
  }

  private void reportSingle(DeltaItem item) {
    String id = item.eventId();
    if (decided.contains(id)) {
      return;
    }
    Optional<CalendarEvent> event =
        item.event().filter(e -> !e.cancelled() && window.overlaps(e.start(), e.end()));
    if (event.isEmpty()) {
      delete(id);
      return;
    }
    decided.add(id);
    ChangeType type = knownIds.contains(id) ? ChangeType.UPDATED : ChangeType.CREATED;
    live.put(id, event.get());
    nowKnown.add(id);
    nowInstances.remove(id);
    changes.add(change(type, event.get()));
    counts[type == ChangeType.CREATED ? 0 : 1]++;
  }

  /** Forgets an event, reporting its deletion if it was known. */
  private void delete(String id) {
    if (!decided.add(id)) {
      return;
    }
    nowKnown.remove(id);
    nowInstances.remove(id);
    if (knownIds.contains(id)) {
      Optional<String> seriesId =
          Optional.ofNullable(knownInstances.get(id)).map(KnownInstance::seriesId);
      changes.add(
          new BookingChange(
              ChangeType.DELETED,
              key.tenantId(),
              key.email(),
              id,
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              bookingKeys.find(id, Optional.empty(), seriesId),
              List.of(),
              seriesId,
              Optional.empty()));
      counts[2]++;
    }
  }

  private BookingChange change(ChangeType type, CalendarEvent event) {
    return new BookingChange(
        type,
        key.tenantId(),
        key.email(),
        event.id(),
        event.iCalUId(),
        event.subject(),
        event.organizer().map(Attendee::email),
        Optional.of(event.start()),
        Optional.of(event.end()),
        bookingKeys.find(event.id(), event.transactionId(), event.seriesMasterId()),
        event.attendees(),
        event.seriesMasterId(),
        event.slotStart());
  }
}
