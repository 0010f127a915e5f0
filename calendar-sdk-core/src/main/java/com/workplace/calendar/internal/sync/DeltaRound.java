package com.workplace.calendar.internal.sync;

import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.spi.CalendarEvent;
import com.workplace.calendar.spi.CalendarProvider;
import com.workplace.calendar.spi.DeltaItem;
import com.workplace.calendar.spi.DeltaPage;
import com.workplace.calendar.spi.EventType;
import com.workplace.calendar.spi.SyncStateExpiredException;
import com.workplace.calendar.store.BookingLink;
import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.store.KnownInstance;
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
 *   <li>{@link RoundChanges} maps the items to changes: single instances as the delta says them,
 *       recurring series reconciled so that partial occurrences, re-sent series and silently
 *       removed occurrences are reported right. Series masters come from {@link SeriesMasters}
 *       (shared by all calendars, bounded) or are read once per round, those of several series
 *       together; each touched series' instances are read at most once per round.
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
  private final SeriesMasters masters;
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
    this.masters = new SeriesMasters(options.seriesCacheSize());
    this.overlaps = new SyncOverlaps(store, provider);
  }

  private record Collected(List<DeltaItem> items, String deltaLink) {}

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
    Map<String, KnownInstance> knownInstances =
        stored.map(SyncState::knownInstances).orElse(Map.of());
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
    SeriesReader reads = new SeriesReader(key, window, keepAlive);
    RoundChanges.Outcome mapped =
        new RoundChanges(
                key, window, full, known, knownInstances, reads, (id, tx, series) ->
                    bookingKey(key, id, tx, series))
            .map(collected.items());
    if (mapped.seriesReconciled() > 0 || reads.mastersRead > 0) {
      LOG.debug(
          "Round of {}: {} series read through their instances, {} masters read in {} provider"
              + " calls",
          key,
          mapped.seriesReconciled(),
          reads.mastersRead,
          reads.masterCalls);
    }
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
            mapped.knownIds(),
            mapped.knownInstances(),
            Optional.of(clock.instant()),
            stored.map(SyncState::version).orElse(0L)));
    return new SyncResult(
        key.tenantId(), key.email(), mapped.created(), mapped.updated(), mapped.deleted(), full);
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

  /**
   * The booking key of an event: linked to the event itself, else (for an instance of a series) to
   * its series master, else to the transaction id the event was created with.
   */
  private Optional<String> bookingKey(
      CalendarKey key, String eventId, Optional<String> transactionId, Optional<String> seriesId) {
    Optional<BookingLink> byEvent = store.findBookingLinkByEvent(key.tenantId(), key.email(), eventId);
    if (byEvent.isEmpty() && seriesId.isPresent()) {
      byEvent = store.findBookingLinkByEvent(key.tenantId(), key.email(), seriesId.get());
    }
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

  /**
   * The series reads of one round ({@link RoundChanges} asks for each at most once): a cached
   * master of the version an occurrence names is not read at all, and the masters of several
   * series that are not cached are asked for together ({@link
   * CalendarProvider#getSeriesMasters}). It counts the masters read and the provider calls they
   * took.
   */
  private final class SeriesReader implements SeriesReads {
    private final CalendarKey key;
    private final SyncWindow window;
    private final Runnable keepAlive;
    private int mastersRead;
    private int masterCalls;

    SeriesReader(CalendarKey key, SyncWindow window, Runnable keepAlive) {
      this.key = key;
      this.window = window;
      this.keepAlive = keepAlive;
    }

    @Override
    public Optional<List<CalendarEvent>> instances(String seriesId) {
      Optional<List<CalendarEvent>> read =
          provider.listSeriesInstances(
              key.tenantId(), key.email(), seriesId, window.start(), window.end());
      keepAlive.run();
      return read;
    }

    @Override
    public Optional<SeriesMasters.Master> master(String seriesId, Optional<String> changeKey) {
      Optional<SeriesMasters.Master> cached = masters.find(cacheKey(seriesId), changeKey);
      if (cached.isPresent()) {
        return cached;
      }
      return remember(seriesId, readOne(seriesId));
    }

    @Override
    public Map<String, Optional<SeriesMasters.Master>> masters(
        Map<String, Optional<String>> changeKeys) {
      Map<String, Optional<SeriesMasters.Master>> found = new LinkedHashMap<>();
      List<String> missing = new ArrayList<>();
      changeKeys.forEach(
          (seriesId, changeKey) -> {
            Optional<SeriesMasters.Master> cached = masters.find(cacheKey(seriesId), changeKey);
            if (cached.isPresent()) {
              found.put(seriesId, cached);
            } else {
              missing.add(seriesId);
            }
          });
      if (missing.size() == 1) {
        found.put(missing.get(0), remember(missing.get(0), readOne(missing.get(0))));
      } else if (missing.size() > 1) {
        Map<String, Optional<CalendarEvent>> read =
            Objects.requireNonNull(
                provider.getSeriesMasters(key.tenantId(), key.email(), List.copyOf(missing)),
                "the provider answered null for series masters");
        masterCalls++;
        keepAlive.run();
        for (String seriesId : missing) {
          Optional<CalendarEvent> master = read.get(seriesId);
          if (master == null) {
            // the provider left it out: read it as it would have been read alone
            master = readOne(seriesId);
          } else {
            mastersRead++;
          }
          found.put(seriesId, remember(seriesId, master));
        }
      }
      return found;
    }

    private SeriesMasters.Key cacheKey(String seriesId) {
      return new SeriesMasters.Key(key.tenantId(), key.email(), seriesId);
    }

    private Optional<CalendarEvent> readOne(String seriesId) {
      Optional<CalendarEvent> read =
          provider.getSeriesMaster(key.tenantId(), key.email(), seriesId);
      mastersRead++;
      masterCalls++;
      keepAlive.run();
      return read;
    }

    /** Caches a master just read (forgets the series when it is gone or no series master). */
    private Optional<SeriesMasters.Master> remember(String seriesId, Optional<CalendarEvent> read) {
      Optional<CalendarEvent> master = read.filter(e -> e.type() == EventType.SERIES_MASTER);
      masters.remember(cacheKey(seriesId), master);
      return master.map(SeriesMasters.Master::of);
    }

    @Override
    public void offer(CalendarEvent master) {
      masters.remember(
          new SeriesMasters.Key(key.tenantId(), key.email(), master.id()), Optional.of(master));
    }
  }
}
