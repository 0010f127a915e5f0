package com.workplace.calendar.internal.sync;

import com.workplace.calendar.spi.CalendarEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one round knows of its recurring series, each read at most once through {@link
 * SeriesReads}: the instances of the series reconciled through them, and the masters whose
 * subject, organizer and attendees partial instances take. A master the delta carried in full is
 * taken from it; the others are read when first needed, or together when the round needs several
 * ({@link #readMastersOf}).
 */
final class RoundSeries {
  private static final Comparator<CalendarEvent> BY_START =
      Comparator.comparing(CalendarEvent::start).thenComparing(CalendarEvent::id);

  private final SeriesReads reads;
  private final SyncWindow window;
  private final Map<String, Optional<List<CalendarEvent>>> truths = new LinkedHashMap<>();
  private final Map<String, Optional<SeriesMasters.Master>> masters = new HashMap<>();

  RoundSeries(SeriesReads reads, SyncWindow window) {
    this.reads = Objects.requireNonNull(reads, "reads");
    this.window = Objects.requireNonNull(window, "window");
  }

  /** Takes a master the delta carried in full, and hands it on for later rounds. */
  void offer(CalendarEvent master) {
    masters.put(master.id(), Optional.of(SeriesMasters.Master.of(master)));
    reads.offer(master);
  }

  /** Reads what a series holds in the window now, through its instances. */
  void reconcile(String seriesId) {
    truths.put(seriesId, reads.instances(seriesId));
  }

  /** {@return whether the series was read through its instances} */
  boolean isReconciled(String seriesId) {
    return truths.containsKey(seriesId);
  }

  /** {@return the series read through their instances, in the order they were read} */
  Set<String> reconciled() {
    return truths.keySet();
  }

  /**
   * The instances a reconciled series holds in the window, by start: none when it no longer
   * exists.
   */
  List<CalendarEvent> instances(String seriesId) {
    List<CalendarEvent> instances = new ArrayList<>(truths.get(seriesId).orElse(List.of()));
    instances.removeIf(
        e -> !e.type().isSeriesInstance()
            || !e.seriesMasterId().orElse("").equals(seriesId)
            || !window.overlaps(e.start(), e.end()));
    instances.sort(BY_START);
    return instances;
  }

  /**
   * Asks at once for the masters that several of the given instances will need: the partial live
   * ones (not cancelled, in the window) of series whose master this round has not got yet, each
   * with the version its first such instance names, as {@link #master} would ask for it. One
   * master alone is left to {@link #master}.
   *
   * @param instances the instances the round will report, in the order it reports them
   */
  void readMastersOf(List<CalendarEvent> instances) {
    Map<String, Optional<String>> wanted = new LinkedHashMap<>();
    for (CalendarEvent instance : instances) {
      if (instance.partial()
          && instance.type().isSeriesInstance()
          && !instance.cancelled()
          && window.overlaps(instance.start(), instance.end())) {
        String seriesId = instance.seriesMasterId().orElseThrow();
        if (!masters.containsKey(seriesId)) {
          wanted.putIfAbsent(seriesId, instance.changeKey());
        }
      }
    }
    if (wanted.size() > 1) {
      masters.putAll(reads.masters(wanted));
    }
  }

  /** The master of a series, read at most once per round. */
  Optional<SeriesMasters.Master> master(String seriesId, Optional<String> changeKey) {
    Optional<SeriesMasters.Master> master = masters.get(seriesId);
    if (master == null) {
      master = reads.master(seriesId, changeKey);
      masters.put(seriesId, master);
    }
    return master;
  }
}
