package com.workplace.calendar.internal.sync;

import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.spi.CalendarEvent;
import com.workplace.calendar.spi.CalendarProvider;
import com.workplace.calendar.spi.DeltaItem;
import com.workplace.calendar.spi.DeltaPage;
import com.workplace.calendar.spi.SyncStateExpiredException;
import com.workplace.calendar.store.BookingLink;
import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.store.SyncState;
import com.workplace.calendar.sync.BookingChange;
import com.workplace.calendar.sync.ChangeType;
import com.workplace.calendar.sync.SyncListener;
import com.workplace.calendar.sync.SyncOptions;
import com.workplace.calendar.sync.SyncResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One delta round of one calendar: read every page from the stored delta link (or over the whole
 * window when there is none), turn the items into {@link BookingChange}s, hand them to the host's
 * listener, and only then save the new delta link and the ids now known.
 *
 * <ul>
 *   <li>A link is only used for the window it was made for: when the day moves on (or the window
 *       options change), the round starts over for the new window.
 *   <li>An expired link ({@link SyncStateExpiredException}) is dropped and the round starts over;
 *       so is a stored link the provider can no longer follow (the endpoint changed).
 *   <li>A round without a link reports every previously known id that is missing from the full
 *       result as {@link ChangeType#DELETED}: deleted meanwhile, or out of the window now.
 *   <li>Items are de-duplicated by id, keeping the last state at the position of its last mention.
 *       New ids are {@code CREATED}, known ones {@code UPDATED}; removals, cancellations and events
 *       outside the window are {@code DELETED} when known and dropped otherwise.
 *   <li>Created and updated events that block the room and overlap other such events carry those
 *       in {@link BookingChange#conflicts()} ({@link SyncOverlaps}): double bookings the host can
 *       act on, such as an Outlook booking that landed on an SDK booking after its checks.
 *   <li>A listener that throws leaves the stored state untouched: the same changes come again.
 *   <li>A service that loops (a repeated next link) or never ends (more than {@link
 *       SyncOptions#maxPagesPerRound()} pages) fails the round with a {@link
 *       CalendarServiceException} instead of hanging.
 * </ul>
 *
 * <p>The caller holds the calendar's lease and passes a keep-alive that renews it between pages.
 */
final class DeltaRound {
  private static final Logger LOG = LoggerFactory.getLogger(DeltaRound.class);

  private final CalendarStore store;
  private final CalendarProvider provider;
  private final SyncListener listener;
  private final SyncOptions options;
  private final Clock clock;
  private final SyncOverlaps overlaps;

  DeltaRound(
      CalendarStore store,
      CalendarProvider provider,
      SyncListener listener,
      SyncOptions options,
      Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.provider = Objects.requireNonNull(provider, "provider");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.options = Objects.requireNonNull(options, "options");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.overlaps = new SyncOverlaps(store, provider);
  }

  private record Collected(List<DeltaItem> items, String deltaLink) {}

  private record Mapped(
      List<BookingChange> changes,
      Set<String> known,
      int[] counts,
      Map<String, CalendarEvent> live) {}

  /**
   * Runs the round.
   *
   * @param key the calendar
   * @param keepAlive renews the caller's lease; throws when it was lost
   * @return what the round found
   */
  SyncResult run(CalendarKey key, Runnable keepAlive) {
    SyncWindow window = SyncWindow.at(clock.instant(), options);
    Optional<SyncState> stored = store.findSyncState(key.tenantId(), key.email());
    Set<String> known = stored.map(SyncState::knownEventIds).orElse(Set.of());
    Optional<String> link = stored.filter(window::matches).flatMap(SyncState::deltaLink);
    if (stored.isPresent() && !window.matches(stored.get())) {
      LOG.debug("Sync window of {} moved on to {}; starting over", key, window);
    }
    if (link.isPresent() && !provider.canFollow(link.get())) {
      LOG.warn("The stored delta link of {} no longer points at the configured endpoint; starting over", key);
      link = Optional.empty();
    }
    boolean full = link.isEmpty();
    Collected collected;
    try {
      collected = collect(key, link, window, keepAlive);
    } catch (SyncStateExpiredException e) {
      LOG.info("Delta state of {} expired (status {}); starting over", key, e.statusCode());
      full = true;
      collected = collect(key, Optional.empty(), window, keepAlive);
    }
    Mapped mapped = map(key, collected.items(), known, full, window);
    if (!mapped.changes().isEmpty()) {
      List<BookingChange> changes = overlaps.mark(key, mapped.changes(), mapped.live(), full, window);
      keepAlive.run();
      listener.onChanges(key.tenantId(), key.email(), changes);
    }
    keepAlive.run();
    store.saveSyncState(
        new SyncState(
            key.tenantId(),
            key.email(),
            Optional.of(collected.deltaLink()),
            window.start(),
            window.end(),
            mapped.known(),
            Optional.of(clock.instant()),
            stored.map(SyncState::version).orElse(0L)));
    int[] counts = mapped.counts();
    return new SyncResult(key.tenantId(), key.email(), counts[0], counts[1], counts[2], full);
  }

  private Collected collect(
      CalendarKey key, Optional<String> link, SyncWindow window, Runnable keepAlive) {
    List<DeltaItem> items = new ArrayList<>();
    Set<String> seenLinks = new HashSet<>();
    link.ifPresent(seenLinks::add);
    Optional<String> next = link;
    for (int pages = 1; ; pages++) {
      if (pages > options.maxPagesPerRound()) {
        throw new CalendarServiceException(
            "the delta round of "
                + key
                + " did not end within "
                + options.maxPagesPerRound()
                + " pages; it was abandoned and runs again later",
            0,
            "deltaPageLimitExceeded",
            null,
            null,
            null);
      }
      DeltaPage page =
          provider.deltaPage(key.tenantId(), key.email(), next, window.start(), window.end());
      keepAlive.run();
      items.addAll(page.items());
      if (page.deltaLink().isPresent()) {
        return new Collected(items, page.deltaLink().get());
      }
      String nextLink = page.nextLink().orElseThrow();
      if (!seenLinks.add(nextLink)) {
        throw new CalendarServiceException(
            "the service repeated a delta page link for "
                + key
                + " after "
                + pages
                + " pages; the round was abandoned and runs again later",
            0,
            "deltaLoopDetected",
            null,
            null,
            null);
      }
      next = Optional.of(nextLink);
    }
  }

  private Mapped map(
      CalendarKey key, List<DeltaItem> items, Set<String> known, boolean full, SyncWindow window) {
    Map<String, DeltaItem> latest = new LinkedHashMap<>();
    for (DeltaItem item : items) {
      latest.remove(item.eventId());
      latest.put(item.eventId(), item);
    }
    Set<String> nowKnown = full ? new HashSet<>() : new HashSet<>(known);
    Set<String> deleted = new HashSet<>();
    List<BookingChange> changes = new ArrayList<>();
    Map<String, CalendarEvent> liveEvents = new LinkedHashMap<>();
    int[] counts = new int[3];
    for (DeltaItem item : latest.values()) {
      String id = item.eventId();
      Optional<CalendarEvent> live =
          item.event().filter(e -> !e.cancelled() && window.overlaps(e.start(), e.end()));
      if (live.isEmpty()) {
        nowKnown.remove(id);
        if (known.contains(id) && deleted.add(id)) {
          changes.add(deletion(key, id));
          counts[2]++;
        }
        continue;
      }
      ChangeType type = known.contains(id) ? ChangeType.UPDATED : ChangeType.CREATED;
      nowKnown.add(id);
      liveEvents.put(id, live.get());
      changes.add(change(key, type, live.get()));
      counts[type == ChangeType.CREATED ? 0 : 1]++;
    }
    if (full) {
      for (String id : new TreeSet<>(known)) {
        if (!nowKnown.contains(id) && deleted.add(id)) {
          changes.add(deletion(key, id));
          counts[2]++;
        }
      }
    }
    return new Mapped(changes, nowKnown, counts, liveEvents);
  }

  private BookingChange change(CalendarKey key, ChangeType type, CalendarEvent event) {
    return new BookingChange(
        type,
        key.tenantId(),
        key.email(),
        event.id(),
        event.iCalUId(),
        event.subject(),
        event.organizer().map(o -> o.email()),
        Optional.of(event.start()),
        Optional.of(event.end()),
        bookingKey(key, event.id(), event.transactionId()));
  }

  private BookingChange deletion(CalendarKey key, String eventId) {
    return new BookingChange(
        ChangeType.DELETED,
        key.tenantId(),
        key.email(),
        eventId,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        bookingKey(key, eventId, Optional.empty()));
  }

  private Optional<String> bookingKey(CalendarKey key, String eventId, Optional<String> transactionId) {
    Optional<BookingLink> byEvent = store.findBookingLinkByEvent(key.tenantId(), key.email(), eventId);
    if (byEvent.isPresent() || transactionId.isEmpty()) {
      return byEvent.map(BookingLink::bookingKey);
    }
    // The create may not have stored the event id yet (its answer is still on its way, or was
    // lost): the transaction id it was sent with names the booking all the same.
    return store
        .findBookingLinkByTransaction(key.tenantId(), transactionId.get())
        .filter(link -> link.calendarEmail().equals(key.email()))
        .map(BookingLink::bookingKey);
  }
}
