package com.workplace.calendar.testkit.internal;

import com.workplace.calendar.testkit.SeriesDeltaBehaviour;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@code calendarView/delta} round reports: the instances in the window compared with
 * the snapshot the client's token stands for. Single instances are sent when their change key
 * changed; occurrences and exceptions as {@link SeriesDeltaBehaviour} says; an instance that
 * is no longer in the window comes as {@code @removed}, except an occurrence removed from a
 * series that still exists when removals are silent.
 */
public final class DeltaDiff {

  /** What a client has seen of one instance. */
  public record Seen(String type, String seriesMasterId, String changeKey, int fingerprint,
      LocalDate originalDate) {}

  /** One item of a round. */
  public record Change(String id, EventRecord event, boolean stub) {
    /** Whether the item is to be reported as {@code @removed}. */
    public boolean removed() {
      return event == null;
    }
  }

  /** The items of a round and the snapshot the client has after it. */
  public record Result(List<Change> changes, Map<String, Seen> snapshot) {
    public Result {
      changes = List.copyOf(changes);
      snapshot = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(snapshot));
    }
  }

  /** Questions about the calendar's current state. */
  interface Lookup {
    boolean seriesExists(String masterId);

    boolean instanceExists(String masterId, LocalDate originalDate);
  }

  private DeltaDiff() {}

  static Result diff(Map<String, Seen> before, List<EventRecord> now,
      SeriesDeltaBehaviour behaviour, Lookup lookup) {
    Map<String, Seen> after = new LinkedHashMap<>();
    List<Change> changes = new ArrayList<>();
    for (EventRecord e : now) {
      Seen seen = seen(e);
      after.put(e.id(), seen);
      Seen previous = before == null ? null : before.get(e.id());
      boolean send;
      if (previous == null) {
        send = true;
      } else if (!e.isInstance() || behaviour.seriesChange()
          == SeriesDeltaBehaviour.SeriesChange.ALL_INSTANCES) {
        send = !previous.changeKey().equals(seen.changeKey());
      } else {
        send = previous.fingerprint() != seen.fingerprint()
            || !previous.type().equals(seen.type());
      }
      if (send) {
        changes.add(new Change(e.id(), e, EventRecord.OCCURRENCE.equals(e.type())
            && behaviour.occurrenceDetail() == SeriesDeltaBehaviour.OccurrenceDetail.STUB));
      }
    }
    if (before != null) {
      for (Map.Entry<String, Seen> gone : before.entrySet()) {
        if (after.containsKey(gone.getKey())) {
          continue;
        }
        Seen s = gone.getValue();
        boolean silent = s.seriesMasterId() != null
            && behaviour.occurrenceRemoval() == SeriesDeltaBehaviour.OccurrenceRemoval.SILENT
            && lookup.seriesExists(s.seriesMasterId())
            && !lookup.instanceExists(s.seriesMasterId(), s.originalDate());
        if (!silent) {
          changes.add(new Change(gone.getKey(), null, false));
        }
      }
      changes.sort(Comparator.comparing(Change::id));
    }
    return new Result(changes, after);
  }

  private static Seen seen(EventRecord e) {
    int fingerprint = Objects.hash(e.subject(), e.bodyContentType(), e.bodyContent(), e.start(),
        e.end(), e.location(), e.organizerAddress(), e.attendees(), e.cancelled(), e.showAs(),
        e.sensitivity());
    LocalDate originalDate = null;
    if (e.isInstance()) {
      // the id encodes the original date; it identifies the slot whatever the times are now
      originalDate = SeriesIds.decode(e.id()).map(Map.Entry::getValue).orElse(null);
    }
    return new Seen(e.type(), e.seriesMasterId(), e.changeKey(), fingerprint, originalDate);
  }
}
