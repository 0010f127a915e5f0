package com.workplace.calendar.internal;

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
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A hand-written, in-memory calendar backend for core's tests: room calendars as maps of events,
 * {@code transactionId} de-duplication, the organizer rule for cancel, delta rounds with opaque
 * links, subscriptions, and switches for the failures the SDK must survive (lost create answers and
 * failed series moves here; expired delta links, replays, looping or endless next links in {@link
 * #delta}; refused subscription lifetimes in {@link #subscriptions}). Series created through it are
 * kept by {@link InMemorySeries}; what people change in Outlook goes through {@link #outlook}.
 * Every call per mailbox is counted in {@link #calls}, and overlapping calls on one mailbox are
 * recorded.
 */
public final class InMemoryCalendarBackend implements CalendarProvider {
  private final FakeRooms rooms = new FakeRooms();
  private final Clock clock;
  private int lostCreateAnswers;
  private int failedSeriesMoves;

  /** What the SDK asked of this backend and what came of it. */
  public final BackendCalls calls = new BackendCalls();

  /** What people do to the rooms in Outlook. */
  public final FakeOutlook outlook = new FakeOutlook(rooms);

  /** The delta rounds, with switches for expired links, replays, loops and page sizes. */
  public final FakeDelta delta = new FakeDelta(rooms.lock);

  /** The service's change subscriptions. */
  public final FakeSubscriptions subscriptions;

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
    synchronized (rooms.lock) {
      rooms.add(email);
    }
  }

  /** The events of a room now. */
  public List<CalendarEvent> events(String mailbox) {
    synchronized (rooms.lock) {
      return List.copyOf(rooms.box(mailbox).events.values());
    }
  }

  /** Recurrences this backend cannot store ({@link #checkRecurrence} refuses them). */
  public volatile java.util.function.Predicate<BookingRecurrence> refusedRecurrences = r -> false;

  /** The next {@code n} series moves fail with a 503 and change nothing. */
  public void failSeriesMoves(int n) {
    synchronized (rooms.lock) {
      failedSeriesMoves = n;
    }
  }

  /** The next {@code n} creates reach the calendar but their answers are lost. */
  public void loseCreateAnswers(int n) {
    synchronized (rooms.lock) {
      lostCreateAnswers = n;
    }
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
            throw FakeRooms.error(0, null, "connection reset");
          }
          return event;
        });
  }

  private CalendarEvent created(FakeMailbox box, String mailbox, EventDraft draft) {
    if (draft.recurrence().isPresent()) {
      CalendarEvent master = InMemorySeries.create(box, "evt-" + rooms.nextId(), mailbox, draft);
      calls.eventsCreated.incrementAndGet();
      return master;
    }
    long id = rooms.nextId();
    CalendarEvent event =
        new CalendarEvent(
            "evt-" + id,
            Optional.of("uid-" + id),
            Optional.of(draft.subject()),
            draft.start(),
            draft.end(),
            Optional.of(Attendee.of(mailbox, null)),
            draft.attendees(),
            Optional.of(draft.transactionId()),
            false);
    box.put(event);
    calls.eventsCreated.incrementAndGet();
    return event;
  }

  @Override
  public Optional<CalendarEvent> getEvent(TenantId tenantId, String mailbox, String eventId) {
    return locked(mailbox, box -> Optional.ofNullable(box.events.get(eventId)));
  }

  @Override
  public List<CalendarEvent> eventsBetween(
      TenantId tenantId, String mailbox, Instant from, Instant to) {
    calls.eventsBetweenCalls.incrementAndGet();
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
          CalendarEvent e = FakeRooms.require(box, eventId);
          Optional<String> newSubject = subject.isPresent() ? subject : e.subject();
          if (e.type().isSeriesInstance()) {
            CalendarEvent exception =
                InMemorySeries.changedInstance(e, newSubject, start.orElse(e.start()), end.orElse(e.end()));
            box.put(exception);
            return exception;
          }
          if (e.type() == EventType.SERIES_MASTER && (start.isPresent() || end.isPresent())) {
            throw FakeRooms.error(
                400, "ErrorInvalidRequest", "a series moves with moveSeries, with its recurrence");
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
            throw FakeRooms.error(503, "ServiceUnavailable", "the series could not be moved now");
          }
          CalendarEvent master = FakeRooms.require(box, seriesMasterId);
          if (master.type() != EventType.SERIES_MASTER) {
            throw FakeRooms.error(400, "ErrorInvalidRequest", "not a series master");
          }
          CalendarEvent moved = InMemorySeries.move(box, master, subject, start, end, recurrence, clock.instant());
          if (moved != master) {
            calls.seriesMoved.incrementAndGet();
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
            throw FakeRooms.error(
                400, "ErrorInvalidRequest", "You need to be an organizer to cancel.");
          }
          calls.cancellations.add(mailbox + "/" + eventId + "/" + comment.orElse(""));
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
    calls.deltaCalled(mailbox);
    return calls.tracked(
        mailbox,
        () -> {
          deltaHook.accept(mailbox, link);
          synchronized (rooms.lock) {
            return delta.page(mailbox, rooms.box(mailbox), link, windowStart, windowEnd);
          }
        });
  }

  @Override
  public List<Availability> schedules(
      TenantId tenantId, List<String> mailboxes, Instant from, Instant to) {
    calls.scheduleCalls.add(mailboxes + " " + from + "/" + to);
    synchronized (rooms.lock) {
      List<Availability> result = new ArrayList<>();
      for (String room : mailboxes) {
        result.add(
            rooms.exists(room)
                ? new Availability(room, rooms.box(room).busy(from, to), Optional.empty())
                : new Availability(room, List.of(), Optional.of("ErrorInvalidUser")));
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
    synchronized (rooms.lock) {
      Map<String, ConnectOutcome> outcomes = new HashMap<>();
      for (String email : emails) {
        outcomes.put(
            email,
            rooms.exists(email)
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

  /** Runs a call on an existing mailbox under the backend's lock. */
  private <T> T locked(String mailbox, Function<FakeMailbox, T> body) {
    return calls.tracked(
        mailbox,
        () -> {
          synchronized (rooms.lock) {
            return body.apply(rooms.box(mailbox));
          }
        });
  }
}
