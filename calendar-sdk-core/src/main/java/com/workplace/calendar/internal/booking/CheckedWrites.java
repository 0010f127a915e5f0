package com.workplace.calendar.internal.booking;

import com.workplace.calendar.booking.BookingRecurrence;
import com.workplace.calendar.internal.booking.RoomRules.ConflictCheck;
import com.workplace.calendar.spi.CalendarEvent;
import com.workplace.calendar.spi.CalendarProvider;
import com.workplace.calendar.spi.EventDraft;
import com.workplace.calendar.store.BookingLink;
import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.tenant.TenantId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes bookings so that a room is not booked twice: check, write, check again. A recurring
 * booking is checked the same way for every occurrence: the span of the series is read once, and
 * an occurrence in the way of another event refuses the series (a series that lost a race after
 * writing is withdrawn as a whole).
 *
 * <p><b>How.</b> A checked write holds the room's write lock ({@link RoomWriteLocks}: in-process,
 * then a lease in the store that every instance shares) from its check to its post-write check.
 * Under it the write
 *
 * <ol>
 *   <li>reads the requested interval of the room's calendar (one {@code calendarView} call, inside
 *       the mailbox's permit like every Graph call) and refuses when an event that is neither free
 *       nor cancelled, other than the booking itself, overlaps it (touching intervals do not);
 *   <li>writes the event (create, or the move of an existing one);
 *   <li>reads the interval again and decides deterministically which of the overlapping events
 *       keeps the slot: the one that took it first by the service's clock (for a created event its
 *       {@code createdDateTime}, for a moved booking its {@code lastModifiedDateTime}; for the
 *       other events their {@code createdDateTime}), ties broken by the smaller event id. A write
 *       that lost removes what it wrote: a created event is cancelled (the booker gets the
 *       cancellation of the invitation) and its booking link deleted; a moved booking goes back to
 *       its old time. The caller gets a {@link
 *       com.workplace.calendar.booking.BookingConflictException}.
 * </ol>
 *
 * <p><b>Why a lock and a post-write check.</b> The lock serializes the SDK's own writers of one
 * room, on every instance of a shared store, so of two SDK bookings of one slot the second is
 * refused by its check before it writes anything: no booker ever gets an invitation that is then
 * cancelled because of another SDK booking. Exchange takes Outlook bookings at any moment, though,
 * and no lock of ours can stop them; the post-write check catches an Outlook booking that landed
 * between our check and our write, and the rule "first by the service's clock wins" is the one
 * every writer computes the same way, so it also settles SDK writers whose lease expired mid-write.
 *
 * <p><b>What the SDK cannot see.</b> An Outlook booking that lands after our post-write check (or
 * after our write with a later {@code createdDateTime}) overlaps a booking we keep, and nothing in
 * the booking call can notice it. The next sync round of the room sees it: it reports the event to
 * the host's {@code SyncListener} as a {@code BookingChange} whose {@code conflicts()} name the
 * overlapping events (with the host's booking keys of those that are SDK bookings), so the host
 * can act on it (tell the booker, move one of them).
 */
final class CheckedWrites {
  private static final Logger LOG = LoggerFactory.getLogger(CheckedWrites.class);

  private final CalendarStore store;
  private final CalendarProvider provider;
  private final RoomWriteLocks locks;
  private final ConflictRefusals refusals;

  CheckedWrites(CalendarStore store, CalendarProvider provider, RoomWriteLocks locks) {
    this.store = Objects.requireNonNull(store, "store");
    this.provider = Objects.requireNonNull(provider, "provider");
    this.locks = Objects.requireNonNull(locks, "locks");
    this.refusals = new ConflictRefusals(store);
  }

  /**
   * Creates a booking's event after checking its interval (every occurrence's, for a series), and
   * checks again after writing. A series' span is read once, before and after.
   *
   * @param tenantId the tenant
   * @param email the room
   * @param draft the event (its transaction id identifies the booking)
   * @param slots the intervals the booking takes, in order: one, or one per occurrence
   * @param link supplies the booking link once the check passed (it may insert it)
   * @param check how overlaps are treated
   * @param showSubjects whether a refusal may name subjects
   * @return the link and the created event
   */
  Created create(
      TenantId tenantId,
      String email,
      EventDraft draft,
      List<Slot> slots,
      Supplier<BookingLink> link,
      ConflictCheck check,
      boolean showSubjects) {
    if (check == ConflictCheck.NONE) {
      BookingLink stored = link.get();
      return new Created(stored, provider.createEvent(tenantId, email, draft));
    }
    boolean series = draft.recurrence().isPresent();
    Optional<ZoneId> seriesZone = draft.recurrence().map(BookingRecurrence::zone);
    Instant from = slots.get(0).start();
    Instant to = slots.get(slots.size() - 1).end();
    try (RoomWriteLocks.Held held = locks.acquire(tenantId, email)) {
      List<CalendarEvent> before = provider.eventsBetween(tenantId, email, from, to);
      Clash clash = Clash.find(before, slots, null, draft.transactionId());
      if (!clash.isEmpty() && !earlierAttemptWrote(tenantId, email, before, clash, draft)) {
        throw refusals.refusal(tenantId, email, clash, seriesZone, check, showSubjects, false);
      }
      BookingLink stored = link.get();
      held.renew();
      CalendarEvent created = provider.createEvent(tenantId, email, draft);
      held.renew();
      List<CalendarEvent> after = provider.eventsBetween(tenantId, email, from, to);
      Instant mine =
          stampOf(after, created.id()).flatMap(CalendarEvent::createdAt).or(created::createdAt).orElse(null);
      List<Slot> taken = series ? Clash.instancesOf(after, created.id(), slots) : slots;
      Clash lost =
          Clash.find(after, taken, created.id(), draft.transactionId()).firstToTheSlots(mine, created.id());
      if (lost.isEmpty()) {
        return new Created(stored, created);
      }
      removeLostEvent(tenantId, email, created.id());
      store.deleteBookingLink(tenantId, stored.bookingKey());
      throw refusals.refusal(tenantId, email, lost, seriesZone, check, showSubjects, true);
    }
  }

  /**
   * Whether the events in the way are the booking's own, written by an earlier or concurrent
   * create of the same booking: a single event carries the transaction id. A series' occurrences
   * carry none, their master does: they are the booking's own when a link of the booking exists
   * (it is always written before the create) and names their master, or, while it has no event id
   * yet, when their master (read once per series in the way) has the transaction id.
   */
  private boolean earlierAttemptWrote(
      TenantId tenantId, String email, List<CalendarEvent> before, Clash clash, EventDraft draft) {
    String transactionId = draft.transactionId();
    if (before.stream().anyMatch(e -> e.transactionId().filter(transactionId::equals).isPresent())) {
      return true;
    }
    if (draft.recurrence().isEmpty()) {
      return false;
    }
    Optional<BookingLink> link =
        store.findBookingLinkByTransaction(tenantId, transactionId).filter(l -> l.calendarEmail().equals(email));
    if (link.isEmpty()) {
      return false;
    }
    List<String> masters =
        clash.events().stream().map(CalendarEvent::seriesMasterId).flatMap(Optional::stream).distinct().toList();
    if (link.get().eventId().isPresent()) {
      return masters.contains(link.get().eventId().get());
    }
    return masters.stream()
        .anyMatch(
            master ->
                provider
                    .getEvent(tenantId, email, master)
                    .flatMap(CalendarEvent::transactionId)
                    .filter(transactionId::equals)
                    .isPresent());
  }

  /**
   * Moves a booking after checking the new interval, and checks again after writing.
   *
   * @param link the booking's link
   * @param current the event as it stands
   * @param subject a new subject, if any
   * @param start the new start
   * @param end the new end
   * @param check how overlaps are treated
   * @param showSubjects whether a refusal may name subjects
   * @return the moved event
   */
  CalendarEvent move(
      BookingLink link,
      CalendarEvent current,
      Optional<String> subject,
      Instant start,
      Instant end,
      ConflictCheck check,
      boolean showSubjects) {
    TenantId tenantId = link.tenantId();
    String email = link.calendarEmail();
    if (check == ConflictCheck.NONE) {
      return provider.updateEvent(tenantId, email, current.id(), subject, Optional.of(start), Optional.of(end));
    }
    List<Slot> slot = List.of(new Slot(start, end));
    try (RoomWriteLocks.Held held = locks.acquire(tenantId, email)) {
      Clash clash =
          Clash.find(provider.eventsBetween(tenantId, email, start, end), slot, current.id(), link.transactionId());
      if (!clash.isEmpty()) {
        throw refusals.refusal(tenantId, email, clash, Optional.empty(), check, showSubjects, false);
      }
      held.renew();
      CalendarEvent moved =
          provider.updateEvent(tenantId, email, current.id(), subject, Optional.of(start), Optional.of(end));
      held.renew();
      List<CalendarEvent> after = provider.eventsBetween(tenantId, email, start, end);
      Instant mine =
          stampOf(after, moved.id()).flatMap(CalendarEvent::lastModifiedAt).or(moved::lastModifiedAt).orElse(null);
      Clash lost = Clash.find(after, slot, moved.id(), link.transactionId()).firstToTheSlots(mine, moved.id());
      if (lost.isEmpty()) {
        return moved;
      }
      provider.updateEvent(
          tenantId,
          email,
          current.id(),
          subject.isPresent() ? current.subject() : Optional.empty(),
          Optional.of(current.start()),
          Optional.of(current.end()));
      throw refusals.refusal(tenantId, email, lost, Optional.empty(), check, showSubjects, true);
    }
  }

  /**
   * The events that block an interval, other than the booking's own (its event, the instances of
   * its series, an event with its transaction id).
   */
  static List<CalendarEvent> inTheWay(
      List<CalendarEvent> events, Instant start, Instant end, String ownId, String ownTransaction) {
    return events.stream()
        .filter(CalendarEvent::blocksTime)
        .filter(e -> e.overlaps(start, end))
        .filter(e -> !e.id().equals(ownId))
        .filter(e -> ownId == null || e.seriesMasterId().filter(ownId::equals).isEmpty())
        .filter(e -> e.transactionId().filter(ownTransaction::equals).isEmpty())
        .sorted(Comparator.comparing(CalendarEvent::start).thenComparing(CalendarEvent::id))
        .toList();
  }

  /**
   * The overlapping events that took the slot before ours: created earlier by the service's clock,
   * or at the same instant with a smaller id. An event without a timestamp, or ours without one,
   * counts as first (the write yields when it cannot tell).
   */
  static List<CalendarEvent> firstToTheSlot(List<CalendarEvent> others, Instant mine, String myId) {
    return others.stream()
        .filter(
            o -> {
              if (mine == null || o.createdAt().isEmpty()) {
                return true;
              }
              int order = o.createdAt().get().compareTo(mine);
              return order < 0 || (order == 0 && o.id().compareTo(myId) < 0);
            })
        .toList();
  }

  private static Optional<CalendarEvent> stampOf(List<CalendarEvent> events, String id) {
    return events.stream().filter(e -> e.id().equals(id)).findFirst();
  }

  private void removeLostEvent(TenantId tenantId, String email, String eventId) {
    try {
      provider.cancelEvent(
          tenantId,
          email,
          eventId,
          Optional.of("The room was booked by someone else at the same moment; this booking was withdrawn."));
    } catch (RuntimeException e) {
      LOG.warn("Cancelling a booking that lost its slot in {} failed; deleting it instead", email, e);
      provider.deleteEvent(tenantId, email, eventId);
    }
  }

  /**
   * A created booking.
   *
   * @param link its link (without the event id yet)
   * @param event its event
   */
  record Created(BookingLink link, CalendarEvent event) {}
}
