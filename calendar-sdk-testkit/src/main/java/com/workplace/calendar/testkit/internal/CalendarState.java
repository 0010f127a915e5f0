package com.workplace.calendar.testkit.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The default calendar of one mailbox: its items, the change history delta queries read, the
 * {@code transactionId} index and the delta token generation.
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
     * @param event the new state (the last state for deletions)
     */
    void changed(MailboxState mailbox, String changeType, EventRecord event);
  }

  /** One version of an item in the change history (null start/end: deleted). */
  record Version(long seq, Instant start, Instant end) {
    boolean present() {
      return start != null;
    }
  }

  /** What a delta query reports for one item. */
  public record Change(String id, EventRecord event) {
    /** Whether the item is to be reported as {@code @removed}. */
    public boolean removed() {
      return event == null;
    }
  }

  private static final Comparator<EventRecord> BY_START =
      Comparator.comparing(EventRecord::start).thenComparing(EventRecord::id);

  private final MailboxState mailbox;
  private final Listener listener;
  private final Ids ids;
  private final Clock clock;
  private final String calendarId;
  private final Map<String, EventRecord> events = new LinkedHashMap<>();
  private final Map<String, List<Version>> history = new HashMap<>();
  private final Map<String, String> byTransactionId = new HashMap<>();
  private long seq;
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
   * Creates an item, or returns the existing one with the same transaction id.
   *
   * @param template the item without id, key and timestamps (they are assigned here)
   * @return the item and whether it was newly created
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
      created =
          new EventRecord(ids.itemId(), ids.iCalUId(), template.transactionId(),
              template.subject(), template.bodyContentType(), template.bodyContent(),
              template.start(), template.end(), template.originalStartTimeZone(),
              template.originalEndTimeZone(), template.location(), template.organizerName(),
              template.organizerAddress(), template.attendees(), template.cancelled(), now, now,
              ids.changeKey());
      events.put(created.id(), created);
      if (created.transactionId() != null) {
        byTransactionId.put(created.transactionId(), created.id());
      }
      record(created.id(), created);
    }
    listener.changed(mailbox, "created", created);
    return Map.entry(created, true);
  }

  /**
   * Applies a change to an item.
   *
   * @param id the item id
   * @param change the change (must not alter the id)
   * @return the new state, or empty when there is no such item
   */
  public Optional<EventRecord> update(String id, UnaryOperator<EventRecord> change) {
    EventRecord updated;
    synchronized (this) {
      EventRecord current = events.get(id);
      if (current == null) {
        return Optional.empty();
      }
      updated = change.apply(current).touched(clock.instant(), ids.changeKey());
      events.put(id, updated);
      record(id, updated);
    }
    listener.changed(mailbox, "updated", updated);
    return Optional.of(updated);
  }

  /**
   * Removes an item.
   *
   * @param id the item id
   * @return the removed item, or empty when there is no such item
   */
  public Optional<EventRecord> delete(String id) {
    EventRecord removed;
    synchronized (this) {
      removed = events.remove(id);
      if (removed == null) {
        return Optional.empty();
      }
      if (removed.transactionId() != null) {
        byTransactionId.remove(removed.transactionId(), id);
      }
      record(id, null);
    }
    listener.changed(mailbox, "deleted", removed);
    return Optional.of(removed);
  }

  public synchronized Optional<EventRecord> get(String id) {
    return Optional.ofNullable(events.get(id));
  }

  /** All items ordered by start. */
  public synchronized List<EventRecord> all() {
    List<EventRecord> list = new ArrayList<>(events.values());
    list.sort(BY_START);
    return list;
  }

  /** Items overlapping {@code [from, to)}, ordered by start. */
  public synchronized List<EventRecord> overlapping(Instant from, Instant to) {
    List<EventRecord> list = new ArrayList<>();
    for (EventRecord e : events.values()) {
      if (e.overlaps(from, to)) {
        list.add(e);
      }
    }
    list.sort(BY_START);
    return list;
  }

  /** The sequence number of the latest change. */
  public synchronized long sequence() {
    return seq;
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
   * What changed for a client that saw the window {@code [from, to)} as of sequence {@code
   * since}: items now in the window that changed (in full), and items that were in the window
   * then but are deleted or outside now ({@code @removed}).
   *
   * @param since the sequence the client's view corresponds to
   * @param from window start
   * @param to window end
   * @return the changes, ordered by item
   */
  public synchronized List<Change> changesSince(long since, Instant from, Instant to) {
    List<Change> changes = new ArrayList<>();
    for (Map.Entry<String, List<Version>> h : history.entrySet()) {
      List<Version> versions = h.getValue();
      Version latest = versions.get(versions.size() - 1);
      if (latest.seq() <= since) {
        continue;
      }
      Version then = null;
      for (Version v : versions) {
        if (v.seq() <= since) {
          then = v;
        }
      }
      boolean wasIn = then != null && then.present() && overlaps(then, from, to);
      EventRecord now = events.get(h.getKey());
      boolean isIn = now != null && now.overlaps(from, to);
      if (isIn) {
        changes.add(new Change(h.getKey(), now));
      } else if (wasIn) {
        changes.add(new Change(h.getKey(), null));
      }
    }
    changes.sort(Comparator.comparing(Change::id));
    return changes;
  }

  /** A delta result: the changes and the sequence they bring the client to. */
  public record DeltaResult(long sequence, List<Change> changes) {}

  /**
   * The initial state of a window (every item in it, in full) or the changes since a sequence,
   * together with the sequence the result corresponds to.
   *
   * @param since a sequence from an earlier result, or a negative number for the initial state
   * @param from window start
   * @param to window end
   * @return the result
   */
  public synchronized DeltaResult delta(long since, Instant from, Instant to) {
    if (since < 0) {
      List<Change> all = new ArrayList<>();
      for (EventRecord e : overlapping(from, to)) {
        all.add(new Change(e.id(), e));
      }
      return new DeltaResult(seq, all);
    }
    return new DeltaResult(seq, changesSince(since, from, to));
  }

  private static boolean overlaps(Version v, Instant from, Instant to) {
    return v.start().isBefore(to) && v.end().isAfter(from);
  }

  private void record(String id, EventRecord state) {
    seq++;
    history
        .computeIfAbsent(id, k -> new ArrayList<>())
        .add(state == null ? new Version(seq, null, null)
            : new Version(seq, state.start(), state.end()));
  }
}
