package com.workplace.calendar.internal.booking;

import com.workplace.calendar.booking.BookingConflictException;
import com.workplace.calendar.booking.BookingRule;
import com.workplace.calendar.booking.BookingRuleException;
import com.workplace.calendar.booking.ConflictingInterval;
import com.workplace.calendar.internal.booking.RoomRules.ConflictCheck;
import com.workplace.calendar.spi.CalendarEvent;
import com.workplace.calendar.spi.CalendarProvider;
import com.workplace.calendar.spi.EventDraft;
import com.workplace.calendar.store.BookingLink;
import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.tenant.TenantId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes bookings so that a room is not booked twice: check, write, check again.
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
 *       its old time. The caller gets a {@link BookingConflictException}.
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

  CheckedWrites(CalendarStore store, CalendarProvider provider, RoomWriteLocks locks) {
    this.store = Objects.requireNonNull(store, "store");
    this.provider = Objects.requireNonNull(provider, "provider");
    this.locks = Objects.requireNonNull(locks, "locks");
  }

  /**
   * Creates a booking's event after checking its interval, and checks again after writing.
   *
   * @param tenantId the tenant
   * @param email the room
   * @param draft the event (its transaction id identifies the booking)
   * @param link supplies the booking link once the check passed (it may insert it)
   * @param check how overlaps are treated
   * @param showSubjects whether a refusal may name subjects
   * @return the link and the created event
   */
  Created create(
      TenantId tenantId,
      String email,
      EventDraft draft,
      Supplier<BookingLink> link,
      ConflictCheck check,
      boolean showSubjects) {
    if (check == ConflictCheck.NONE) {
      BookingLink stored = link.get();
      return new Created(stored, provider.createEvent(tenantId, email, draft));
    }
    try (RoomWriteLocks.Held held = locks.acquire(tenantId, email)) {
      List<CalendarEvent> before = provider.eventsBetween(tenantId, email, draft.start(), draft.end());
      boolean earlierAttemptWrote =
          before.stream().anyMatch(e -> e.transactionId().filter(draft.transactionId()::equals).isPresent());
      if (!earlierAttemptWrote) {
        List<CalendarEvent> inTheWay = inTheWay(before, draft.start(), draft.end(), null, draft.transactionId());
        if (!inTheWay.isEmpty()) {
          throw refusal(tenantId, email, draft.start(), draft.end(), inTheWay, check, showSubjects, false);
        }
      }
      BookingLink stored = link.get();
      held.renew();
      CalendarEvent created = provider.createEvent(tenantId, email, draft);
      held.renew();
      List<CalendarEvent> after = provider.eventsBetween(tenantId, email, draft.start(), draft.end());
      Instant mine =
          stampOf(after, created.id()).flatMap(CalendarEvent::createdAt).or(created::createdAt).orElse(null);
      List<CalendarEvent> winners =
          firstToTheSlot(
              inTheWay(after, draft.start(), draft.end(), created.id(), draft.transactionId()), mine, created.id());
      if (winners.isEmpty()) {
        return new Created(stored, created);
      }
      removeLostEvent(tenantId, email, created.id());
      store.deleteBookingLink(tenantId, stored.bookingKey());
      throw refusal(tenantId, email, draft.start(), draft.end(), winners, check, showSubjects, true);
    }
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
    try (RoomWriteLocks.Held held = locks.acquire(tenantId, email)) {
      List<CalendarEvent> inTheWay =
          inTheWay(provider.eventsBetween(tenantId, email, start, end), start, end, current.id(), link.transactionId());
      if (!inTheWay.isEmpty()) {
        throw refusal(tenantId, email, start, end, inTheWay, check, showSubjects, false);
      }
      held.renew();
      CalendarEvent moved =
          provider.updateEvent(tenantId, email, current.id(), subject, Optional.of(start), Optional.of(end));
      held.renew();
      List<CalendarEvent> after = provider.eventsBetween(tenantId, email, start, end);
      Instant mine =
          stampOf(after, moved.id()).flatMap(CalendarEvent::lastModifiedAt).or(moved::lastModifiedAt).orElse(null);
      List<CalendarEvent> winners = firstToTheSlot(inTheWay(after, start, end, moved.id(), link.transactionId()), mine, moved.id());
      if (winners.isEmpty()) {
        return moved;
      }
      provider.updateEvent(
          tenantId,
          email,
          current.id(),
          subject.isPresent() ? current.subject() : Optional.empty(),
          Optional.of(current.start()),
          Optional.of(current.end()));
      throw refusal(tenantId, email, start, end, winners, check, showSubjects, true);
    }
  }

  /** The events that block an interval, other than the booking's own. */
  static List<CalendarEvent> inTheWay(
      List<CalendarEvent> events, Instant start, Instant end, String ownId, String ownTransaction) {
    return events.stream()
        .filter(CalendarEvent::blocksTime)
        .filter(e -> e.overlaps(start, end))
        .filter(e -> !e.id().equals(ownId))
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

  private RuntimeException refusal(
      TenantId tenantId,
      String email,
      Instant start,
      Instant end,
      List<CalendarEvent> events,
      ConflictCheck check,
      boolean showSubjects,
      boolean lostRace) {
    List<ConflictingInterval> intervals = events.stream().map(e -> interval(tenantId, email, e, showSubjects)).toList();
    if (check == ConflictCheck.ROOM_FORBIDS) {
      return new BookingRuleException(
          BookingRule.CONFLICTS_NOT_ALLOWED,
          email,
          email
              + " does not allow overlapping bookings (AllowConflicts=False), and "
              + start
              + "–"
              + end
              + " overlaps "
              + intervals.stream().map(ConflictingInterval::toString).collect(Collectors.joining(", "))
              + "; the request's ConflictPolicy.ALLOW cannot override the room's rule: choose another"
              + " time or room");
    }
    return new BookingConflictException(email, start, end, intervals, lostRace);
  }

  private ConflictingInterval interval(TenantId tenantId, String email, CalendarEvent e, boolean showSubjects) {
    Optional<String> key =
        store
            .findBookingLinkByEvent(tenantId, email, e.id())
            .or(() -> e.transactionId().flatMap(t -> store.findBookingLinkByTransaction(tenantId, t)))
            .map(BookingLink::bookingKey);
    Optional<String> subject = showSubjects && !e.isPrivate() ? e.subject() : Optional.empty();
    return new ConflictingInterval(e.start(), e.end(), e.isPrivate(), subject, key);
  }

  /**
   * A created booking.
   *
   * @param link its link (without the event id yet)
   * @param event its event
   */
  record Created(BookingLink link, CalendarEvent event) {}
}
