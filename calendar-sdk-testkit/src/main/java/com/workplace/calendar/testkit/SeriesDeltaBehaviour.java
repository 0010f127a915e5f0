package com.workplace.calendar.testkit;

import java.util.Objects;

/**
 * How {@code calendarView/delta} reports recurring series where Microsoft documents nothing and
 * users report several behaviours. Each switch picks one observed (or plausible) behaviour, so a
 * client can be tested against all of them; {@link #defaults()} is the hardest combination.
 * Set it with {@link FakeMicrosoft365Builder#seriesDeltaBehaviour(SeriesDeltaBehaviour)} or at
 * any time with {@link FakeMicrosoft365#seriesDeltaBehaviour(SeriesDeltaBehaviour)}; it applies
 * to delta rounds started afterwards.
 *
 * <p>Independent of the switches: an exception is always an item in full; a series master is
 * never an item; an instance that moved out of the window comes as {@code @removed}, and so
 * does every instance a client had seen of a series that was deleted.
 *
 * @param occurrenceDetail what an occurrence item carries
 * @param seriesChange which instances a change of a series re-sends
 * @param occurrenceRemoval whether a cancelled or deleted occurrence comes as {@code @removed}
 * @since 0.1.0
 */
public record SeriesDeltaBehaviour(
    OccurrenceDetail occurrenceDetail,
    SeriesChange seriesChange,
    OccurrenceRemoval occurrenceRemoval) {

  private static final SeriesDeltaBehaviour DEFAULTS = new SeriesDeltaBehaviour(
      OccurrenceDetail.STUB, SeriesChange.ALL_INSTANCES, OccurrenceRemoval.SILENT);

  /** What an occurrence ({@code type: occurrence}) carries in a delta page. */
  public enum OccurrenceDetail {
    /**
     * Only {@code @odata.type}, {@code @odata.etag}, {@code id}, {@code seriesMasterId}, {@code
     * type}, {@code start} and {@code end}: no subject, organizer, attendees, not even {@code
     * originalStart} (the payloads users report, microsoft-graph-docs #1716, #7632, #22197). A
     * client fills them from the series master.
     */
    STUB,
    /** Every property, as {@code calendarView} returns it. */
    FULL
  }

  /** Which instances a change of a series (master edit, exception, removed occurrence) re-sends. */
  public enum SeriesChange {
    /**
     * Every instance of the series in the window, changed or not (what users report after a
     * master edit): the client must not take them for new or changed bookings.
     */
    ALL_INSTANCES,
    /** Only the instances whose content changed (new, moved, renamed ones). */
    CHANGED_INSTANCES
  }

  /** Whether an occurrence removed from a series that still exists comes as {@code @removed}. */
  public enum OccurrenceRemoval {
    /**
     * No item at all for a cancelled or deleted occurrence, nor for occurrences a recurrence
     * change dropped (microsoft-graph-docs PR #4501: "no indication is given for a deleted
     * occurrence"). A client finds them by reading the series' {@code /instances}.
     */
    SILENT,
    /** An {@code @removed} item ({@code reason: deleted}) for each. */
    REPORTED
  }

  /**
   * Validates the values.
   *
   * @throws NullPointerException when a value is null
   */
  public SeriesDeltaBehaviour {
    Objects.requireNonNull(occurrenceDetail, "occurrenceDetail");
    Objects.requireNonNull(seriesChange, "seriesChange");
    Objects.requireNonNull(occurrenceRemoval, "occurrenceRemoval");
  }

  /**
   * The hardest combination: occurrences as stubs, every instance of a changed series re-sent,
   * removed occurrences not reported. Every series change then reaches a client as a burst of
   * anonymous items with ids it already knows, and never as the removal it may be.
   *
   * @return the defaults
   */
  public static SeriesDeltaBehaviour defaults() {
    return DEFAULTS;
  }

  /**
   * A copy with another occurrence detail.
   *
   * @param value the detail
   * @return the copy
   */
  public SeriesDeltaBehaviour withOccurrenceDetail(OccurrenceDetail value) {
    return new SeriesDeltaBehaviour(value, seriesChange, occurrenceRemoval);
  }

  /**
   * A copy with another series-change behaviour.
   *
   * @param value the behaviour
   * @return the copy
   */
  public SeriesDeltaBehaviour withSeriesChange(SeriesChange value) {
    return new SeriesDeltaBehaviour(occurrenceDetail, value, occurrenceRemoval);
  }

  /**
   * A copy with another occurrence-removal behaviour.
   *
   * @param value the behaviour
   * @return the copy
   */
  public SeriesDeltaBehaviour withOccurrenceRemoval(OccurrenceRemoval value) {
    return new SeriesDeltaBehaviour(occurrenceDetail, seriesChange, value);
  }
}
