package com.workplace.calendar.internal.sync;

import com.workplace.calendar.spi.CalendarEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads of series; a round asks for each series' master and instances at most once. */
interface SeriesReads {
  /**
   * The instances of a series in the round's window.
   *
   * @param seriesId the series master's id
   * @return the instances, or empty when the series no longer exists
   */
  Optional<List<CalendarEvent>> instances(String seriesId);

  /**
   * The master of a series.
   *
   * @param seriesId the series master's id
   * @param changeKey the version a partial instance named, if any
   * @return what occurrences take from the master, or empty when the series no longer exists
   */
  Optional<SeriesMasters.Master> master(String seriesId, Optional<String> changeKey);

  /**
   * The masters of several series at once, each as {@link #master} gives it, so that those to be
   * read can be read together. The default asks {@link #master} for each.
   *
   * @param changeKeys the series masters' ids, each with the version a partial instance named
   * @return one entry per series: what occurrences take from it, or empty when it no longer exists
   */
  default Map<String, Optional<SeriesMasters.Master>> masters(
      Map<String, Optional<String>> changeKeys) {
    Map<String, Optional<SeriesMasters.Master>> masters = new LinkedHashMap<>();
    changeKeys.forEach((seriesId, changeKey) -> masters.put(seriesId, master(seriesId, changeKey)));
    return masters;
  }

  /**
   * Hands over a master the delta itself carried, so that later rounds need not read it.
   *
   * @param master the master, in full
   */
  void offer(CalendarEvent master);
}
