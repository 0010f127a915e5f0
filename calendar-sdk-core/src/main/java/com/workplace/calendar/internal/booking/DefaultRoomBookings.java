package com.workplace.calendar.internal.booking;

import com.workplace.calendar.ConflictException;
import com.workplace.calendar.DuplicateRecordException;
import com.workplace.calendar.StaleRecordException;
import com.workplace.calendar.booking.Availability;
import com.workplace.calendar.booking.Booking;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.booking.BookingUpdate;
import com.workplace.calendar.booking.RoomBookings;
import com.workplace.calendar.registry.CalendarStatus;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.spi.CalendarEvent;
import com.workplace.calendar.internal.TenantStatusCache;
import com.workplace.calendar.spi.CalendarProvider;
import com.workplace.calendar.spi.EventDraft;
import com.workplace.calendar.spi.EventType;
import com.workplace.calendar.store.BookingLink;
import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.sync.SyncOptions;
import com.workplace.calendar.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider-neutral {@link RoomBookings}: booking links in the store, events through the
 * provider.
 *
 * <p>Rules this implementation follows:
 *
 * <ul>
 *   <li><b>Create</b> needs a registered, {@link CalendarStatus#CONNECTED} calendar: an {@code
 *       ADDED} or {@code FAILED} one is refused with a {@link ConflictException} saying why. The
 *       {@code transactionId} is a name-based UUID of {@code tenant|bookingKey}; the booking link
 *       is written before the provider is called and completed with the event id afterwards. A
 *       create for a key that already has an event returns that booking as it now stands in the
 *       calendar (its details are not compared with the request: it may have been updated or ended
 *       early since); if the key belongs to another room, the create is refused. A create whose
 *       earlier attempt left the link without an event id (lost answer, crash) is sent again with
 *       the same {@code transactionId}, which the service de-duplicates.
 *   <li><b>Room truth</b>: a create, and an update that changes the time, first pass the room's own
 *       rules ({@link RoomRules}: reserved rooms, booking window, maximum duration), then are
 *       written by {@link CheckedWrites}, which refuses overlaps with other events before writing
 *       and settles races after writing (see there for how, and for the race the SDK cannot see).
 *       A request with {@code ConflictPolicy.ALLOW} skips the overlap check unless the room's
 *       {@code AllowConflicts=False} forbids overlaps.
 *   <li><b>Update, end early, cancel, get</b> work on existing bookings whatever the calendar's
 *       status, so a host can always clean up.
 *   <li><b>Cancel</b> uses the provider's cancel when the room organizes the event (or the
 *       organizer is not visible: the SDK creates bookings with the room as organizer) and delete
 *       otherwise; the link is removed afterwards, also when the event had already gone. Cancelling
 *       a booking whose create never completed only removes its link (there is no event id to
 *       cancel).
 *   <li><b>Availability</b> checks the window and addresses here, splits windows longer than 31
 *       days into pieces and joins the answers; splitting by number of rooms is the provider's job.
 *   <li><b>Recurring bookings</b> ({@link SeriesBookings}): a request with a recurrence creates one
 *       series master under the same link and {@code transactionId} scheme, after the room's rules
 *       for series and the horizon, with every occurrence's slot checked by {@link CheckedWrites}.
 *       Cancel removes the series; {@code cancelOccurrence} and {@code endEarly} change single
 *       occurrences, found through the series' instances. An update renames or moves a series as
 *       a whole ({@link SeriesMoves}: every new occurrence checked, a lost race moved back).
 * </ul>
 */
public final class DefaultRoomBookings implements RoomBookings {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultRoomBookings.class);
  private static final int ATTEMPTS = 5;

  private final CalendarStore store;
  private final CalendarProvider provider;
  private final Clock clock;
  private final TenantStatusCache tenants;
  private final CheckedWrites writes;
  private final BookingLinks links;
  private final SeriesBookings series;
  private final SeriesMoves moves;

  /**
   * Creates the bookings.
   *
   * @param store where calendars, space links and booking links are kept
   * @param provider the calendar backend
   * @param clock the clock ("now" for ending early, link timestamps)
   */
  public DefaultRoomBookings(CalendarStore store, CalendarProvider provider, Clock clock) {
    this(store, provider, clock, new TenantStatusCache(store, Duration.ZERO));
  }

  /**
   * Creates the bookings.
   *
   * @param store where booking links are kept
   * @param provider the backend
   * @param clock the clock
   * @param tenants the tenants' statuses: a booking for a tenant that is not authorized is refused
   *     before anything is written
   */
  public DefaultRoomBookings(
      CalendarStore store, CalendarProvider provider, Clock clock, TenantStatusCache tenants) {
    this(store, provider, clock, tenants, SyncOptions.defaults().windowDaysAhead());
  }

  /**
   * Creates the bookings.
   *
   * @param store where booking links are kept
   * @param provider the backend
   * @param clock the clock
   * @param tenants the tenants' statuses
   * @param horizonDays the sync window's days ahead: a recurring booking's last occurrence must
   *     end by then (counted from the start of today, UTC)
   */
  public DefaultRoomBookings(
      CalendarStore store,
      CalendarProvider provider,
      Clock clock,
      TenantStatusCache tenants,
      int horizonDays) {
    this.store = Objects.requireNonNull(store, "store");
    this.provider = Objects.requireNonNull(provider, "provider");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.tenants = Objects.requireNonNull(tenants, "tenants");
    RoomWriteLocks locks = new RoomWriteLocks(store);
    this.writes = new CheckedWrites(store, provider, locks);
    this.links = new BookingLinks(store, provider);
    this.series = new SeriesBookings(provider, horizonDays);
    this.moves = new SeriesMoves(store, provider, locks, series);
  }

  @Override
  public Booking create(BookingRequest request) {
    Objects.requireNonNull(request, "request");
    TenantId tenantId = request.tenantId();
    String email = BookingTargets.resolveCalendar(store, request);
    String transactionId = TransactionIds.of(tenantId, request.bookingKey());
    List<Slot> slots = SeriesBookings.slots(request);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<BookingLink> existing = store.findBookingLink(tenantId, request.bookingKey());
      if (existing.isPresent()) {
        BookingLink link = existing.get();
        if (!link.calendarEmail().equals(email)) {
          throw new ConflictException(
              "booking key "
                  + request.bookingKey()
                  + " is already used for a booking in "
                  + link.calendarEmail()
                  + "; use another key or cancel that booking first");
        }
        if (link.eventId().isPresent()) {
          return readExisting(link);
        }
        RoomCalendar calendar = BookingTargets.requireBookable(store, tenantId, email);
        tenants.requireAuthorized(tenantId);
        return createEvent(request, calendar, slots, link.transactionId(), () -> link);
      }
      RoomCalendar calendar = BookingTargets.requireBookable(store, tenantId, email);
      tenants.requireAuthorized(tenantId);
      series.checkCreate(calendar, request, slots, clock.instant());
      BookingLink fresh =
          new BookingLink(
              tenantId,
              request.bookingKey(),
              email,
              transactionId,
              Optional.empty(),
              clock.instant(),
              0);
      try {
        return createEvent(request, calendar, slots, transactionId, () -> store.insertBookingLink(fresh));
      } catch (DuplicateRecordException e) {
        // a concurrent create of the same key wrote its link first: continue with that link
      }
    }
    throw new StaleRecordException(
        "booking key " + request.bookingKey() + " kept changing while it was being created");
  }

  private Booking createEvent(
      BookingRequest request,
      RoomCalendar calendar,
      List<Slot> slots,
      String transactionId,
      Supplier<BookingLink> link) {
    EventDraft draft =
        new EventDraft(
            transactionId,
            request.subject(),
            request.start(),
            request.end(),
            List.of(request.booker()),
            request.body(),
            request.recurrence());
    // a failure of the create leaves the link without an event id: the next create sends the
    // same transactionId again and the service answers with the event it may already have made
    CheckedWrites.Created created =
        writes.create(
            calendar.tenantId(),
            calendar.email(),
            draft,
            slots,
            link,
            RoomRules.conflictCheck(calendar, request.conflictPolicy()),
            request.showConflictSubjects());
    links.complete(created.link(), created.event().id());
    return BookingLinks.toBooking(created.link(), created.event());
  }

  private Booking readExisting(BookingLink link) {
    String eventId = link.eventId().orElseThrow();
    return provider
        .getEvent(link.tenantId(), link.calendarEmail(), eventId)
        .map(event -> BookingLinks.toBooking(link, event))
        .orElseThrow(
            () ->
                new ConflictException(
                    "booking key "
                        + link.bookingKey()
                        + " was booked before, but its event is no"
                        + " longer in "
                        + link.calendarEmail()
                        + " (deleted there); cancel the key to release it, or use a new key"));
  }

  @Override
  public Booking update(TenantId tenantId, String bookingKey, BookingUpdate update) {
    Objects.requireNonNull(update, "update");
    BookingLink link = links.requireComplete(tenantId, bookingKey);
    CalendarEvent current = links.requireEvent(link);
    Instant start = update.start().orElse(current.start());
    Instant end = update.end().orElse(current.end());
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException(
          "the booking must end after it starts (start " + start + ", end " + end + ")");
    }
    Optional<RoomCalendar> calendar = store.findCalendar(tenantId, link.calendarEmail());
    if (current.type() == EventType.SERIES_MASTER) {
      return BookingLinks.toBooking(
          link, this.moves.update(link, current, calendar, update, clock.instant()));
    }
    if (update.recurrence().isPresent()) {
      throw new ConflictException(
          "booking "
              + bookingKey
              + " does not recur, so an update cannot change its recurrence; cancel it and book a"
              + " recurring booking instead");
    }
    boolean moves = !start.equals(current.start()) || !end.equals(current.end());
    if (!moves || calendar.isEmpty()) {
      CalendarEvent changed =
          provider.updateEvent(
              tenantId,
              link.calendarEmail(),
              current.id(),
              update.subject(),
              update.start(),
              update.end());
      return BookingLinks.toBooking(link, changed);
    }
    RoomRules.checkTime(calendar.get(), start, end, clock.instant());
    CalendarEvent moved =
        writes.move(
            link,
            current,
            update.subject(),
            start,
            end,
            RoomRules.conflictCheck(calendar.get(), update.conflictPolicy()),
            update.showConflictSubjects());
    return BookingLinks.toBooking(link, moved);
  }

  @Override
  public Booking endEarly(TenantId tenantId, String bookingKey) {
    BookingLink link = links.requireComplete(tenantId, bookingKey);
    CalendarEvent current = links.requireEvent(link);
    Instant now = clock.instant();
    if (current.type() == EventType.SERIES_MASTER) {
      return BookingLinks.toOccurrenceBooking(
          link, series.endRunningOccurrence(link, current, now), current);
    }
    if (current.cancelled()) {
      throw new ConflictException("booking " + bookingKey + " was cancelled; it cannot end early");
    }
    if (now.isBefore(current.start()) || now.equals(current.start())) {
      throw new ConflictException(
          "booking "
              + bookingKey
              + " has not started yet (it starts at "
              + current.start()
              + "); cancel it instead");
    }
    if (!now.isBefore(current.end())) {
      throw new ConflictException(
          "booking " + bookingKey + " has already ended (at " + current.end() + ")");
    }
    CalendarEvent changed =
        provider.updateEvent(
            tenantId,
            link.calendarEmail(),
            current.id(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(now));
    return BookingLinks.toBooking(link, changed);
  }

  @Override
  public boolean cancel(TenantId tenantId, String bookingKey, String comment) {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(bookingKey, "bookingKey");
    Optional<BookingLink> found = store.findBookingLink(tenantId, bookingKey);
    if (found.isEmpty()) {
      return false;
    }
    BookingLink link = found.get();
    if (link.eventId().isEmpty()) {
      LOG.warn(
          "Booking in {} of tenant {} is cancelled before its create completed; if that create"
              + " reached the calendar, its event stays and sync reports it as not made by the SDK",
          link.calendarEmail(),
          tenantId);
    } else {
      String eventId = link.eventId().get();
      Optional<CalendarEvent> event = provider.getEvent(tenantId, link.calendarEmail(), eventId);
      if (event.isPresent()) {
        boolean roomOrganizes =
            event.get().organizer().map(o -> o.email().equals(link.calendarEmail())).orElse(true);
        if (roomOrganizes && !event.get().cancelled()) {
          provider.cancelEvent(
              tenantId,
              link.calendarEmail(),
              eventId,
              Optional.ofNullable(comment).filter(c -> !c.isBlank()));
        } else {
          provider.deleteEvent(tenantId, link.calendarEmail(), eventId);
        }
      }
    }
    store.deleteBookingLink(tenantId, bookingKey);
    return true;
  }

  @Override
  public boolean cancelOccurrence(
      TenantId tenantId, String bookingKey, Instant originalStart, String comment) {
    Objects.requireNonNull(originalStart, "originalStart");
    BookingLink link = links.requireComplete(tenantId, bookingKey);
    CalendarEvent master = links.requireEvent(link);
    return series.cancelOccurrence(
        link, master, originalStart, Optional.ofNullable(comment).filter(c -> !c.isBlank()));
  }

  @Override
  public Optional<Booking> get(TenantId tenantId, String bookingKey) {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(bookingKey, "bookingKey");
    Optional<BookingLink> link = store.findBookingLink(tenantId, bookingKey);
    if (link.isEmpty() || link.get().eventId().isEmpty()) {
      return Optional.empty();
    }
    return provider
        .getEvent(tenantId, link.get().calendarEmail(), link.get().eventId().get())
        .map(event -> BookingLinks.toBooking(link.get(), event));
  }

  @Override
  public List<Availability> availability(
      TenantId tenantId, Collection<String> calendarEmails, Instant from, Instant to) {
    return AvailabilityWindows.read(store, provider, tenantId, calendarEmails, from, to);
  }
}
