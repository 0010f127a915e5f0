package com.workplace.calendar.testkit.internal;

import com.workplace.calendar.testkit.FakeRecurrence;
import com.workplace.calendar.testkit.SeriesDeltaBehaviour;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The default calendar of one mailbox: its items (single instances and series masters; the
 * occurrences and exceptions of a series live in its master), the {@code transactionId} index
 * and the delta token generation. Any change of an occurrence or exception changes its master,
 * as in Exchange.
 *
 * <p>All methods are thread-safe; listeners are told about changes after the lock is released.
 */
public final class CalendarState {

  /** Told about every change of any calendar. */
  @FunctionalInterface
  public interface Listener {
    /**
     * Called after a change.
     *
     * @param mailbox the mailbox whose calendar changed
     * @param changeType {@code created}, {@code updated} or {@code deleted}
     * @param event the new state (the last state for deletions); the master for series changes
     */
    void changed(MailboxState mailbox, String changeType, EventRecord event);
  }

  private final MailboxState mailbox;
  private final Listener listener;
  private final Ids ids;
  private final Clock clock;
  private final String calendarId;
  private final Map<String, EventRecord> events = new LinkedHashMap<>();
  private final Map<String, String> byTransactionId = new HashMap<>();
  private long generation = 1;

  CalendarState(MailboxState mailbox, Listener listener, Ids ids, Clock clock) {
    this.mailbox = mailbox;
    this.listener = listener;
    this.ids = ids;
    this.clock = clock;
    this.calendarId = ids.itemId();
  }

  public String calendarId() {
    return calendarId;
  }

  /**
   * Creates an item (a series master when the template has a recurrence, whose start date and
   * time zone must be set), or returns the existing one with the same transaction id.
   *
   * @param template the item without id, key and timestamps (they are assigned here)
   * @return the item and whether it was newly created
   * @throws GraphException 400 when a series has no occurrence or overlapping occurrences
   */
  public Map.Entry<EventRecord, Boolean> create(EventRecord template) {
    EventRecord created;
    synchronized (this) {
      if (template.transactionId() != null) {
        String existing = byTransactionId.get(template.transactionId());
        if (existing != null && events.containsKey(existing)) {
          return Map.entry(events.get(existing), false);
        }
      }
      Instant now = clock.instant();
      created = template.toBuilder().id(ids.itemId()).iCalUId(ids.iCalUId())
          .createdDateTime(now).lastModifiedDateTime(now).changeKey(ids.changeKey()).build();
      if (created.isMaster()) {
        Series.validate(created);
      }
      events.put(created.id(), created);
      if (created.transactionId() != null) {
        byTransactionId.put(created.transactionId(), created.id());
      }
    }
    listener.changed(mailbox, "created", created);
    return Map.entry(created, true);
  }

  /**
   * Applies a change to an item. On an occurrence or exception the change makes (or changes)
   * an exception of its series. On a master, a change of its subject or other properties applies
   * to every occurrence that is not an exception; a change of its start, end or recurrence (a
   * start on another date moves the range's start date along) moves the series and drops every
   * exception and removed occurrence, as Exchange does: the series is what its pattern says.
   *
   * @param id the item, occurrence or exception id
   * @param change the change (must not alter the id)
   * @return the new state (of the instance, for instances), or empty when there is no such item
   * @throws GraphException 400 when the change breaks the series
   */
  public Optional<EventRecord> update(String id, UnaryOperator<EventRecord> change) {
    EventRecord notified;
    EventRecord result;
    synchronized (this) {
      EventRecord current = events.get(id);
      if (current != null) {
        EventRecord updated = change.apply(current);
        if (updated.isMaster()) {
          updated = reshapeSeries(current, updated);
        }
        updated = updated.touched(clock.instant(), ids.changeKey());
        events.put(id, updated);
        notified = updated;
        result = updated;
      } else {
        Optional<Map.Entry<EventRecord, LocalDate>> found = instanceOf(id);
        if (found.isEmpty()) {
          return Optional.empty();
        }
        EventRecord master = found.get().getKey();
        LocalDate date = found.get().getValue();
        EventRecord instance = Series.materialize(master, date);
        EventRecord exception = change.apply(instance).toBuilder()
            .type(EventRecord.EXCEPTION).recurrence(null).build();
        if (!exception.start().equals(instance.start())) {
          Series.checkNotCrossing(master, date, exception.start());
        }
        Map<LocalDate, EventRecord> exceptions = new TreeMap<>(master.exceptions());
        exceptions.put(date, exception);
        EventRecord updated = master.toBuilder().exceptions(exceptions).build()
            .touched(clock.instant(), ids.changeKey());
        events.put(master.id(), updated);
        notified = updated;
        result = Series.materialize(updated, date);
      }
    }
    listener.changed(mailbox, "updated", notified);
    return Optional.of(result);
  }

  /**
   * Removes an item; an occurrence or exception is removed from its series (a master change).
   *
   * @param id the item, occurrence or exception id
   * @return the removed item or instance, or empty when there is no such item
   */
  public Optional<EventRecord> delete(String id) {
    EventRecord removed;
    EventRecord changedMaster = null;
    synchronized (this) {
      removed = events.remove(id);
      if (removed != null) {
        if (removed.transactionId() != null) {
          byTransactionId.remove(removed.transactionId(), id);
        }
      } else {
        Optional<Map.Entry<EventRecord, LocalDate>> found = instanceOf(id);
        if (found.isEmpty()) {
          return Optional.empty();
        }
        EventRecord master = found.get().getKey();
        LocalDate date = found.get().getValue();
        removed = Series.materialize(master, date);
        Map<LocalDate, EventRecord> exceptions = new TreeMap<>(master.exceptions());
        exceptions.remove(date);
        TreeSet<LocalDate> dates = new TreeSet<>(master.removedDates());
        dates.add(date);
        changedMaster = master.toBuilder().exceptions(exceptions).removedDates(dates).build()
            .touched(clock.instant(), ids.changeKey());
        events.put(master.id(), changedMaster);
      }
    }
    if (changedMaster != null) {
      listener.changed(mailbox, "updated", changedMaster);
    } else {
      listener.changed(mailbox, "deleted", removed);
    }
    return Optional.of(removed);
  }

  /** Any item, occurrence or exception by id. */
  public synchronized Optional<EventRecord> get(String id) {
    EventRecord e = events.get(id);
    if (e != null) {
      return Optional.of(e);
    }
    return instanceOf(id).map(found -> Series.materialize(found.getKey(), found.getValue()));
  }

  /** The single instances and series masters, ordered by start (what {@code /events} lists). */
  public synchronized List<EventRecord> all() {
    List<EventRecord> list = new ArrayList<>(events.values());
    list.sort(Series.BY_START);
    return list;
  }

  /**
   * Single instances, occurrences and exceptions overlapping {@code [from, to)}, ordered by
   * start (what {@code calendarView} returns); never a master, never a removed occurrence.
   */
  public synchronized List<EventRecord> overlapping(Instant from, Instant to) {
    List<EventRecord> list = new ArrayList<>();
    for (EventRecord e : events.values()) {
      if (e.isMaster()) {
        list.addAll(Series.instances(e, from, to));
      } else if (e.overlaps(from, to)) {
        list.add(e);
      }
    }
    list.sort(Series.BY_START);
    return list;
  }

  /**
   * The occurrences and exceptions of one series overlapping {@code [from, to)}.
   *
   * @param id the master's id
   * @return the instances (none for an item that is not a master), or empty when there is no
   *     item with this id
   */
  public synchronized Optional<List<EventRecord>> instances(String id, Instant from, Instant to) {
    EventRecord e = events.get(id);
    if (e == null) {
      return get(id).map(instance -> List.of());
    }
    return Optional.of(e.isMaster() ? Series.instances(e, from, to) : List.of());
  }

  /** The current delta token generation; tokens of older generations are expired. */
  public synchronized long generation() {
    return generation;
  }

  /** Expires every delta and skip token issued for this calendar so far. */
  public synchronized void expireDeltaTokens() {
    generation++;
  }

  /**
   * A delta round: every instance in the window (initial round) or what changed since a
   * client's snapshot of it, under the given series behaviour.
   *
   * @param seen the snapshot of an earlier round, or null for the initial round
   * @param from window start
   * @param to window end
   * @param behaviour how series changes are reported
   * @return the changes and the snapshot they bring the client to
   */
  public synchronized DeltaDiff.Result delta(Map<String, DeltaDiff.Seen> seen, Instant from,
      Instant to, SeriesDeltaBehaviour behaviour) {
    return DeltaDiff.diff(seen, overlapping(from, to), behaviour, new DeltaDiff.Lookup() {
      @Override
      public boolean seriesExists(String masterId) {
        EventRecord master = events.get(masterId);
        return master != null && master.isMaster();
      }

      @Override
      public boolean instanceExists(String masterId, LocalDate originalDate) {
        return seriesExists(masterId)
            && Series.instance(events.get(masterId), originalDate).isPresent();
      }
    });
  }

  private Optional<Map.Entry<EventRecord, LocalDate>> instanceOf(String id) {
    return SeriesIds.decode(id).flatMap(decoded -> {
      EventRecord master = events.get(decoded.getKey());
      if (master == null || !master.isMaster()
          || Series.instance(master, decoded.getValue()).isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(Map.entry(master, decoded.getValue()));
    });
  }

  /**
   * Keeps a changed master consistent: a start on another date moves the range's start date
   * (unless the change set a new recurrence), the series is validated, and exceptions and
   * removed dates are dropped, all of them when the series moved (its start, end or recurrence
   * changed; MS-OXOCAL: a changed recurrence pattern removes every exception), else those that no
   * longer belong.
   */
  private static EventRecord reshapeSeries(EventRecord current, EventRecord updated) {
    EventRecord master = updated;
    FakeRecurrence r = master.recurrence();
    LocalDate startDay = Series.date(master, master.start());
    if (Objects.equals(r, current.recurrence())
        && !startDay.equals(r.startDate().orElse(startDay))) {
      try {
        master = master.toBuilder().recurrence(r.startingOn(startDay)).build();
      } catch (IllegalArgumentException e) {
        throw GraphException.badRequest("ErrorInvalidRequest",
            "The series cannot start after its recurrence ends: " + e.getMessage() + ".");
      }
    }
    Series.validate(master);
    boolean moved = !master.start().equals(current.start()) || !master.end().equals(current.end())
        || !Objects.equals(master.recurrence(), current.recurrence());
    if (moved) {
      return master.toBuilder().exceptions(Map.of()).removedDates(java.util.Set.of()).build();
    }
    return Series.prune(master);
  }
}
