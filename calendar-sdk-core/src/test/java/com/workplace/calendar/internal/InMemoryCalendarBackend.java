package com.workplace.calendar.internal;

import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.booking.Attendee;
import com.workplace.calendar.booking.Availability;
import com.workplace.calendar.booking.BookingRecurrence;
import com.workplace.calendar.registry.CalendarFailureReason;
import com.workplace.calendar.registry.ConnectOutcome;
import com.workplace.calendar.registry.DiscoveredRoom;
import com.workplace.calendar.spi.CalendarEvent;
import com.workplace.calendar.spi.CalendarProvider;
import com.workplace.calendar.spi.DeltaPage;
import com.workplace.calendar.spi.EventDraft;
import com.workplace.calendar.spi.EventType;
import com.workplace.calendar.spi.IncomingNotification;
import com.workplace.calendar.spi.ProviderSubscription;
import com.workplace.calendar.spi.SubscriptionRequest;
import com.workplace.calendar.spi.TenantAccess;
import com.workplace.calendar.tenant.TenantId;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A hand-written, in-memory calendar backend for core's tests: room calendars as maps of events,
 * {@code transactionId} de-duplication, the organizer rule for cancel, delta rounds with opaque
 * links, subscriptions, and switches for the failures the SDK must survive (lost create answers,
 * expired delta links, replays, looping or endless next links, refused subscription lifetimes).
 * Series created through it are kept by {@link InMemorySeries}.
 * Every call per mailbox is counted, and overlapping calls on one mailbox are recorded.
 */
public final class InMemoryCalendarBackend implements CalendarProvider {
  private final Object lock = new Object();
  private final Map<String, FakeMailbox> mailboxes = new HashMap<>();
  private final FakeDelta delta = new FakeDelta();
  private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> maxInFlight = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> deltaCalls = new ConcurrentHashMap<>();
  private final Clock clock;
  private long ids;
  private int lostCreateAnswers;
  private int failedSeriesMoves;

  /** Cancellations sent, as {@code mailbox/eventId/comment}. */
  public final List<String> cancellations = new CopyOnWriteArrayList<>();

  /** Every schedules call: the mailboxes asked for and the window. */
  public final List<String> scheduleCalls = new CopyOnWriteArrayList<>();

  /** The service's change subscriptions. */
  public final FakeSubscriptions subscriptions;

  /** How many times a room's events in a window were read. */
  public final AtomicInteger eventsBetweenCalls = new AtomicInteger();

  /** How many events were created (not counting de-duplicated creates). */
  public final AtomicInteger eventsCreated = new AtomicInteger();

  /** How many series moves changed a series. */
  public final AtomicInteger seriesMoved = new AtomicInteger();

  /** Called before every series move is applied ("Outlook" may book the room meanwhile). */
  public volatile Runnable beforeSeriesMove = () -> {};

  /** Called on every delta page request with the mailbox and link, before it is answered. */
  public volatile BiConsumer<String, Optional<String>> deltaHook = (m, l) -> {};

  /**
   * Creates the backend.
   *
   * @param clock the clock for subscription expiries
   */
  public InMemoryCalendarBackend(Clock clock) {
    this.clock = clock;
    this.subscriptions = new FakeSubscriptions(clock);
  }

  // ---- test controls

  /** Adds a room mailbox. */
  public void addRoom(String email) {
    synchronized (lock) {
      mailboxes.putIfAbsent(email, new FakeMailbox());
    }
  }

  /** Books a room "in Outlook": another person organizes, the room is an attendee. */
  public CalendarEvent addExternalEvent(
      String mailbox, String organizer, String subject, Instant start, Instant end) {
    synchronized (lock) {
      CalendarEvent event =
          new CalendarEvent(
              "evt-" + (++ids),
              Optional.of("uid-" + ids),
              Optional.of(subject),
              start,
              end,
              Optional.of(Attendee.of(organizer, null)),
              List.of(Attendee.of(mailbox, null)),
              Optional.empty(),
              false);
      box(mailbox).put(event);
      return event;
    }
  }

  /** Changes an event's subject "in Outlook". */
  public void renameExternal(String mailbox, String eventId, String subject) {
    synchronized (lock) {
      FakeMailbox box = box(mailbox);
      CalendarEvent e = require(box, eventId);
      box.put(FakeMailbox.copy(e, Optional.of(subject), e.start(), e.end(), e.cancelled()));
    }
  }

  /** Moves an event "in Outlook". */
  public void moveExternal(String mailbox, String eventId, Instant start, Instant end) {
    synchronized (lock) {
      FakeMailbox box = box(mailbox);
      CalendarEvent e = require(box, eventId);
      box.put(FakeMailbox.copy(e, e.subject(), start, end, e.cancelled()));
    }
  }

  /** Marks an event cancelled "in Outlook" (it stays in the calendar as cancelled). */
  public void cancelExternal(String mailbox, String eventId) {
    synchronized (lock) {
      FakeMailbox box = box(mailbox);
      CalendarEvent e = require(box, eventId);
      box.put(FakeMailbox.copy(e, e.subject(), e.start(), e.end(), true));
    }
  }

  /** Deletes an event "in Outlook". */
  public void deleteExternal(String mailbox, String eventId) {
    synchronized (lock) {
      box(mailbox).remove(eventId);
    }
  }

  /** The events of a room now. */
  public List<CalendarEvent> events(String mailbox) {
    synchronized (lock) {
      return List.copyOf(box(mailbox).events.values());
    }
  }

  /** Recurrences this backend cannot store ({@link #checkRecurrence} refuses them). */
  public volatile java.util.function.Predicate<BookingRecurrence> refusedRecurrences = r -> false;

  /**
   * Makes a series' pattern one the SDK cannot say, as a change in Outlook to a monthly pattern
   * does: its master keeps its times, its recurrence reads as empty.
   */
  public void forgetRecurrence(String mailbox, String masterId) {
    synchronized (lock) {
      FakeMailbox box = box(mailbox);
      box.put(InMemorySeries.withoutRecurrence(require(box, masterId)));
    }
  }

  /** The next {@code n} series moves fail with a 503 and change nothing. */
  public void failSeriesMoves(int n) {
    synchronized (lock) {
      failedSeriesMoves = n;
    }
  }

  /** The next {@code n} creates reach the calendar but their answers are lost. */
  public void loseCreateAnswers(int n) {
    synchronized (lock) {
      lostCreateAnswers = n;
    }
  }

  /** Makes every delta or next link issued so far unknown (410 SyncStateNotFound). */
  public void expireDeltaLinks() {
    synchronized (lock) {
      delta.expireAll();
    }
  }

  /** Sets how many items a delta page holds. */
  public void pageSize(int size) {
    synchronized (lock) {
      delta.pageSize = size;
    }
  }

  /** Incremental rounds report every change, not just the last state of each event. */
  public void replays(boolean on) {
    synchronized (lock) {
      delta.replays = on;
    }
  }

  /** Next links point to themselves forever. */
  public void loopingNextLinks(boolean on) {
    synchronized (lock) {
      delta.loopingNextLinks = on;
    }
  }

  /** Every page has a new next link, forever. */
  public void endlessPages(boolean on) {
    synchronized (lock) {
      delta.endlessPages = on;
    }
  }

  /** How many delta pages were asked for a mailbox. */
  public int deltaCalls(String mailbox) {
    return deltaCalls.computeIfAbsent(mailbox, m -> new AtomicInteger()).get();
  }

  /** The most calls that were in flight at once for a mailbox. */
  public int maxConcurrency(String mailbox) {
    return maxInFlight.computeIfAbsent(mailbox, m -> new AtomicInteger()).get();
  }

  // ---- CalendarProvider

  @Override
  public CalendarEvent createEvent(TenantId tenantId, String mailbox, EventDraft draft) {
    return locked(
        mailbox,
        box -> {
          CalendarEvent event =
              box.events.values().stream()
                  .filter(e -> e.transactionId().filter(draft.transactionId()::equals).isPresent())
                  .findFirst()
                  .orElseGet(() -> created(box, mailbox, draft));
          if (lostCreateAnswers > 0) {
            lostCreateAnswers--;
            throw error(0, null, "connection reset");
          }
          return event;
        });
  }

  private CalendarEvent created(FakeMailbox box, String mailbox, EventDraft draft) {
    if (draft.recurrence().isPresent()) {
      CalendarEvent master = InMemorySeries.create(box, "evt-" + (++ids), mailbox, draft);
      eventsCreated.incrementAndGet();
      return master;
    }
    CalendarEvent event =
        new CalendarEvent(
            "evt-" + (++ids),
            Optional.of("uid-" + ids),
            Optional.of(draft.subject()),
            draft.start(),
            draft.end(),
            Optional.of(Attendee.of(mailbox, null)),
            draft.attendees(),
            Optional.of(draft.transactionId()),
            false);
    box.put(event);
    eventsCreated.incrementAndGet();
    return event;
  }

  @Override
  public Optional<CalendarEvent> getEvent(TenantId tenantId, String mailbox, String eventId) {
    return locked(mailbox, box -> Optional.ofNullable(box.events.get(eventId)));
  }

  @Override
  public List<CalendarEvent> eventsBetween(
      TenantId tenantId, String mailbox, Instant from, Instant to) {
    eventsBetweenCalls.incrementAndGet();
    return locked(
        mailbox,
        box ->
            box.events.values().stream()
                .filter(e -> e.type() != EventType.SERIES_MASTER)
                .filter(e -> e.overlaps(from, to))
                .toList());
  }

  @Override
  public CalendarEvent updateEvent(
      TenantId tenantId,
      String mailbox,
      String eventId,
      Optional<String> subject,
      Optional<Instant> start,
      Optional<Instant> end) {
    return locked(
        mailbox,
        box -> {
          CalendarEvent e = require(box, eventId);
          Optional<String> newSubject = subject.isPresent() ? subject : e.subject();
          if (e.type().isSeriesInstance()) {
            CalendarEvent exception =
                InMemorySeries.changedInstance(e, newSubject, start.orElse(e.start()), end.orElse(e.end()));
            box.put(exception);
            return exception;
          }
          if (e.type() == EventType.SERIES_MASTER && (start.isPresent() || end.isPresent())) {
            throw error(400, "ErrorInvalidRequest", "a series moves with moveSeries, with its recurrence");
          }
          if (e.type() == EventType.SERIES_MASTER) {
            return InMemorySeries.rename(box, e, newSubject);
          }
          CalendarEvent changed =
              FakeMailbox.copy(e, newSubject, start.orElse(e.start()), end.orElse(e.end()), e.cancelled());
          box.put(changed);
          return changed;
        });
  }

  @Override
  public void checkRecurrence(BookingRecurrence recurrence) {
    if (refusedRecurrences.test(recurrence)) {
      throw new IllegalArgumentException("this backend cannot store a series in " + recurrence.zone());
    }
  }

  @Override
  public CalendarEvent moveSeries(
      TenantId tenantId,
      String mailbox,
      String seriesMasterId,
      Optional<String> subject,
      Instant start,
      Instant end,
      BookingRecurrence recurrence) {
    beforeSeriesMove.run();
    return locked(
        mailbox,
        box -> {
          if (failedSeriesMoves > 0) {
            failedSeriesMoves--;
            throw error(503, "ServiceUnavailable", "the series could not be moved now");
          }
          CalendarEvent master = require(box, seriesMasterId);
          if (master.type() != EventType.SERIES_MASTER) {
            throw error(400, "ErrorInvalidRequest", "not a series master");
          }
          CalendarEvent moved = InMemorySeries.move(box, master, subject, start, end, recurrence, clock.instant());
          if (moved != master) {
            seriesMoved.incrementAndGet();
          }
          return moved;
        });
  }

  @Override
  public boolean cancelEvent(
      TenantId tenantId, String mailbox, String eventId, Optional<String> comment) {
    return locked(
        mailbox,
        box -> {
          CalendarEvent e = box.events.get(eventId);
          if (e == null) {
            return false;
          }
          if (e.organizer().map(o -> !o.email().equals(mailbox)).orElse(true)) {
            throw error(400, "ErrorInvalidRequest", "You need to be an organizer to cancel.");
          }
          cancellations.add(mailbox + "/" + eventId + "/" + comment.orElse(""));
          InMemorySeries.removeWithInstances(box, eventId);
          return box.remove(eventId);
        });
  }

  @Override
  public boolean deleteEvent(TenantId tenantId, String mailbox, String eventId) {
    return locked(
        mailbox,
        box -> {
          InMemorySeries.removeWithInstances(box, eventId);
          return box.remove(eventId);
        });
  }

  /** The instances of a series made through {@link #createEvent}; none for other events. */
  @Override
  public Optional<List<CalendarEvent>> listSeriesInstances(
      TenantId tenantId, String mailbox, String seriesMasterId, Instant from, Instant to) {
    return locked(mailbox, box -> InMemorySeries.instances(box, seriesMasterId, from, to));
  }

  @Override
  public DeltaPage deltaPage(
      TenantId tenantId,
      String mailbox,
      Optional<String> link,
      Instant windowStart,
      Instant windowEnd) {
    deltaCalls.computeIfAbsent(mailbox, m -> new AtomicInteger()).incrementAndGet();
    return tracked(
        mailbox,
        () -> {
          deltaHook.accept(mailbox, link);
          synchronized (lock) {
            return delta.page(mailbox, box(mailbox), link, windowStart, windowEnd);
          }
        });
  }

  @Override
  public List<Availability> schedules(
      TenantId tenantId, List<String> rooms, Instant from, Instant to) {
    scheduleCalls.add(rooms + " " + from + "/" + to);
    synchronized (lock) {
      List<Availability> result = new ArrayList<>();
      for (String room : rooms) {
        FakeMailbox box = mailboxes.get(room);
        result.add(
            box == null
                ? new Availability(room, List.of(), Optional.of("ErrorInvalidUser"))
                : new Availability(room, box.busy(from, to), Optional.empty()));
      }
      return result;
    }
  }

  @Override
  public ProviderSubscription createSubscription(
      TenantId tenantId, String mailbox, SubscriptionRequest request) {
    locked(mailbox, box -> box);
    return subscriptions.create(mailbox, request);
  }

  @Override
  public Optional<ProviderSubscription> renewSubscription(
      TenantId tenantId, String subscriptionId, Instant expiresAt) {
    return subscriptions.renew(subscriptionId, expiresAt);
  }

  @Override
  public boolean deleteSubscription(TenantId tenantId, String subscriptionId) {
    return subscriptions.delete(subscriptionId);
  }

  @Override
  public List<IncomingNotification> parseNotifications(byte[] body) {
    return FakeNotifications.parse(body);
  }

  @Override
  public Map<String, ConnectOutcome> probeMailboxes(TenantId tenantId, Collection<String> emails) {
    synchronized (lock) {
      Map<String, ConnectOutcome> outcomes = new HashMap<>();
      for (String email : emails) {
        outcomes.put(
            email,
            mailboxes.containsKey(email)
                ? ConnectOutcome.connected(email)
                : ConnectOutcome.failed(
                    email, CalendarFailureReason.MAILBOX_NOT_FOUND, "ErrorInvalidUser"));
      }
      return outcomes;
    }
  }

  @Override
  public List<DiscoveredRoom> listRooms(TenantId tenantId) {
    return List.of();
  }

  @Override
  public URI adminConsentUri(TenantId tenantId, String state) {
    return URI.create("https://login.example.test/" + tenantId + "/adminconsent");
  }

  @Override
  public TenantAccess checkTenantAccess(TenantId tenantId, Optional<String> probeMailbox) {
    return TenantAccess.granted(TestWorld.CONTOSO_GUID, Set.of("Calendars.ReadWrite"));
  }

  @Override
  public void close() {}

  // ---- helpers

  /** Counts the call as in flight on the mailbox while it runs. */
  private <T> T tracked(String mailbox, Supplier<T> body) {
    int now = inFlight.computeIfAbsent(mailbox, m -> new AtomicInteger()).incrementAndGet();
    maxInFlight.computeIfAbsent(mailbox, m -> new AtomicInteger()).accumulateAndGet(now, Math::max);
    try {
      return body.get();
    } finally {
      inFlight.get(mailbox).decrementAndGet();
    }
  }

  /** Runs a call on an existing mailbox under the backend's lock. */
  private <T> T locked(String mailbox, Function<FakeMailbox, T> body) {
    return tracked(
        mailbox,
        () -> {
          synchronized (lock) {
            return body.apply(box(mailbox));
          }
        });
  }

  private FakeMailbox box(String mailbox) {
    FakeMailbox box = mailboxes.get(mailbox);
    if (box == null) {
      throw error(404, "ErrorInvalidUser", "The requested user '" + mailbox + "' is invalid.");
    }
    return box;
  }

  private static CalendarEvent require(FakeMailbox box, String eventId) {
    CalendarEvent e = box.events.get(eventId);
    if (e == null) {
      throw error(404, "ErrorItemNotFound", "The specified object was not found in the store.");
    }
    return e;
  }

  private static CalendarServiceException error(int status, String code, String message) {
    return new CalendarServiceException(message, status, code, null, null, null);
  }
}
