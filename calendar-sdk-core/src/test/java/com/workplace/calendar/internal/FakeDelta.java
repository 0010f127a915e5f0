package com.workplace.calendar.internal;

import com.workplace.calendar.spi.CalendarEvent;
import com.workplace.calendar.spi.DeltaItem;
import com.workplace.calendar.spi.DeltaPage;
import com.workplace.calendar.spi.SyncStateExpiredException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Delta rounds over {@link FakeMailbox}es with opaque links, like calendarView/delta: a round
 * without a link lists the window; a delta link lists what changed since (removals, and changes
 * that left the window, as removed items). Its switches make the service misbehave. The backend
 * asks for pages under the rooms' lock, which the switches take too.
 */
public final class FakeDelta {
  private record LinkState(
      String mailbox,
      long generation,
      Instant start,
      Instant end,
      long seq,
      List<DeltaItem> rest) {}

  private final Object lock;
  private final Map<String, LinkState> links = new HashMap<>();
  private long generation;
  private long ids;
  private int pageSize = 50;
  private boolean replays;
  private boolean loopingNextLinks;
  private boolean endlessPages;

  FakeDelta(Object lock) {
    this.lock = lock;
  }

  /** Makes every delta or next link issued so far unknown (410 SyncStateNotFound). */
  public void expireLinks() {
    synchronized (lock) {
      generation++;
    }
  }

  /** Sets how many items a delta page holds. */
  public void pageSize(int size) {
    synchronized (lock) {
      pageSize = size;
    }
  }

  /** Incremental rounds report every change, not just the last state of each event. */
  public void replays(boolean on) {
    synchronized (lock) {
      replays = on;
    }
  }

  /** Next links point to themselves forever. */
  public void loopingNextLinks(boolean on) {
    synchronized (lock) {
      loopingNextLinks = on;
    }
  }

  /** Every page has a new next link, forever. */
  public void endlessPages(boolean on) {
    synchronized (lock) {
      endlessPages = on;
    }
  }

  /** {@return the next page of a round} Callers hold the lock. */
  DeltaPage page(String name, FakeMailbox box, Optional<String> link, Instant start, Instant end) {
    List<DeltaItem> items;
    LinkState from;
    if (link.isEmpty()) {
      from = new LinkState(name, generation, start, end, box.seq, null);
      items =
          box.events.values().stream()
              .filter(e -> overlaps(e, start, end))
              .map(e -> new DeltaItem(e.id(), Optional.of(e)))
              .toList();
    } else {
      LinkState known = links.get(link.get());
      if (known == null || known.generation() != generation || !known.mailbox().equals(name)) {
        throw new SyncStateExpiredException(410, "SyncStateNotFound", "req-" + (++ids));
      }
      if (loopingNextLinks) {
        return new DeltaPage(List.of(), link, Optional.empty());
      }
      boolean continuing = known.rest() != null;
      items = continuing ? known.rest() : changesSince(box, known);
      from =
          new LinkState(
              name,
              generation,
              known.start(),
              known.end(),
              continuing ? known.seq() : box.seq,
              null);
    }
    if (endlessPages || items.size() > pageSize) {
      List<DeltaItem> page = items.subList(0, Math.min(pageSize, items.size()));
      List<DeltaItem> rest = List.copyOf(items.subList(page.size(), items.size()));
      String next = "next-" + (++ids);
      links.put(next, new LinkState(name, generation, from.start(), from.end(), from.seq(), rest));
      return new DeltaPage(page, Optional.of(next), Optional.empty());
    }
    String delta = "delta-" + (++ids);
    links.put(delta, from);
    return new DeltaPage(items, Optional.empty(), Optional.of(delta));
  }

  private List<DeltaItem> changesSince(FakeMailbox box, LinkState from) {
    Map<String, DeltaItem> last = new LinkedHashMap<>();
    List<DeltaItem> all = new ArrayList<>();
    for (FakeMailbox.Change change : box.log) {
      if (change.seq() <= from.seq()) {
        continue;
      }
      Optional<CalendarEvent> state =
          change.state().filter(e -> overlaps(e, from.start(), from.end()));
      DeltaItem item = new DeltaItem(change.id(), state);
      all.add(item);
      last.remove(change.id());
      last.put(change.id(), item);
    }
    return replays ? all : List.copyOf(last.values());
  }

  static boolean overlaps(CalendarEvent e, Instant start, Instant end) {
    return e.start().isBefore(end) && e.end().isAfter(start);
  }
}
