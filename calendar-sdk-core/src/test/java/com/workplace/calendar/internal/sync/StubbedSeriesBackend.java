package com.workplace.calendar.internal.sync;

import com.workplace.calendar.booking.Attendee;
import com.workplace.calendar.internal.CallRefusingProvider;
import com.workplace.calendar.spi.CalendarEvent;
import com.workplace.calendar.spi.CalendarProvider;
import com.workplace.calendar.spi.DeltaItem;
import com.workplace.calendar.spi.DeltaPage;
import com.workplace.calendar.spi.EventType;
import com.workplace.calendar.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A backend whose room calendar holds recurring series only, and whose delta sends every
 * occurrence as a stub (id, series, times and the master's version, nothing else), as Graph
 * may: sync must fill each from its series' master. It records every master read, one by one or
 * together. It reads masters together unless told to use the interface's default ({@link
 * #readTogether}); it can leave series out of such an answer or fail it. Calls sync does not make
 * in these tests fail.
 */
final class StubbedSeriesBackend extends CallRefusingProvider {
  static final Attendee ORGANIZER = Attendee.of("marina@contoso.com", "Marina");

  private final Map<String, CalendarEvent> masters = new LinkedHashMap<>();
  private final Map<String, List<Instant>> starts = new LinkedHashMap<>();
  private int links;

  /** The ids of every series master read alone, in order. */
  final List<String> readAlone = new CopyOnWriteArrayList<>();

  /** The ids of every call that read series masters together, in order. */
  final List<List<String>> readTogether = new CopyOnWriteArrayList<>();

  /** Whether masters are read together; {@code false} uses the interface's default. */
  volatile boolean together = true;

  /** Series that an answer for several masters leaves out. */
  volatile Set<String> leftOut = Set.of();

  /** What the next read of several masters throws, if anything. */
  volatile RuntimeException failTogether;

  StubbedSeriesBackend() {
    super("a sync round of these tests does not make that call");
  }

  /** Adds a weekly series with occurrences from {@code first} on; its master has that version. */
  synchronized void series(String id, String subject, String changeKey, Instant first, int count) {
    masters.put(id, master(id, subject, changeKey, first, EventType.SERIES_MASTER));
    List<Instant> weeks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      weeks.add(first.plus(Duration.ofDays(7L * i)));
    }
    starts.put(id, weeks);
  }

  /** Renames a series: its master gets a new version, which its stubs name from now on. */
  synchronized void rename(String id, String subject, String changeKey) {
    CalendarEvent old = masters.get(id);
    masters.put(id, master(id, subject, changeKey, old.start(), EventType.SERIES_MASTER));
  }

  /** Makes reading a series' master find nothing (its stubs still come in the delta). */
  synchronized void loseMaster(String id) {
    masters.remove(id);
  }

  /** Makes reading a series' master find an event that is no series master. */
  synchronized void turnMasterIntoSingle(String id) {
    CalendarEvent old = masters.get(id);
    masters.put(
        id,
        master(id, old.subject().orElseThrow(), "ck-single", old.start(), EventType.SINGLE_INSTANCE));
  }

  /** The version the stubs of a series name: the master's, whatever the master is now. */
  private Optional<String> stubVersion(String id, CalendarEvent master) {
    return master == null ? Optional.of("ck-gone-" + id) : master.changeKey();
  }

  /** The id of a series' n-th occurrence. */
  static String occurrence(String seriesId, int n) {
    return seriesId + "-occ-" + n;
  }

  private static CalendarEvent master(
      String id, String subject, String changeKey, Instant start, EventType type) {
    return new CalendarEvent(
        id, Optional.of("uid-" + id), Optional.of(subject), start,
        start.plus(Duration.ofMinutes(30)), Optional.of(ORGANIZER), List.of(ORGANIZER),
        Optional.empty(), false, type, Optional.empty(), Optional.empty(),
        Optional.of(changeKey), false);
  }

  @Override
  public synchronized DeltaPage deltaPage(
      TenantId tenantId,
      String mailbox,
      Optional<String> link,
      Instant windowStart,
      Instant windowEnd) {
    List<DeltaItem> items = new ArrayList<>();
    if (link.isEmpty()) {
      starts.forEach(
          (seriesId, weeks) -> {
            Optional<String> version = stubVersion(seriesId, masters.get(seriesId));
            for (int n = 0; n < weeks.size(); n++) {
              Instant start = weeks.get(n);
              CalendarEvent stub =
                  new CalendarEvent(
                      occurrence(seriesId, n), Optional.empty(), Optional.empty(), start,
                      start.plus(Duration.ofMinutes(30)), Optional.empty(), List.of(),
                      Optional.empty(), false, EventType.OCCURRENCE, Optional.of(seriesId),
                      Optional.empty(), version, true);
              items.add(new DeltaItem(stub.id(), Optional.of(stub)));
            }
          });
    }
    return new DeltaPage(items, Optional.empty(), Optional.of("delta-" + (++links)));
  }

  @Override
  public synchronized Optional<CalendarEvent> getSeriesMaster(
      TenantId tenantId, String mailbox, String seriesMasterId) {
    readAlone.add(seriesMasterId);
    return Optional.ofNullable(masters.get(seriesMasterId));
  }

  @Override
  public Map<String, Optional<CalendarEvent>> getSeriesMasters(
      TenantId tenantId, String mailbox, Collection<String> seriesMasterIds) {
    if (!together) {
      return super.getSeriesMasters(tenantId, mailbox, seriesMasterIds);
    }
    readTogether.add(List.copyOf(seriesMasterIds));
    RuntimeException failure = failTogether;
    if (failure != null) {
      failTogether = null;
      throw failure;
    }
    Map<String, Optional<CalendarEvent>> answer = new LinkedHashMap<>();
    synchronized (this) {
      for (String id : seriesMasterIds) {
        if (!leftOut.contains(id)) {
          answer.put(id, Optional.ofNullable(masters.get(id)));
        }
      }
    }
    return answer;
  }
}
