package com.workplace.calendar.internal.booking;

import com.workplace.calendar.ConflictException;
import com.workplace.calendar.ResourceNotFoundException;
import com.workplace.calendar.booking.BookingRecurrence;
import com.workplace.calendar.booking.BookingUpdate;
import com.workplace.calendar.booking.UnresolvedConflictException;
import com.workplace.calendar.internal.booking.RoomRules.ConflictCheck;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.spi.CalendarEvent;
import com.workplace.calendar.spi.CalendarProvider;
import com.workplace.calendar.spi.EventType;
import com.workplace.calendar.store.BookingLink;
import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes a recurring booking as a whole: renames it, or moves it to a new first occurrence and
 * pattern (the series master's start, end and recurrence in one change).
 *
 * <p><b>What a move does to the series.</b> Exchange drops a series' exceptions when its time or
 * pattern changes: occurrences that were changed one by one (moved, shortened, ended early,
 * renamed) go back to the pattern, and cancelled occurrences come back. A move therefore checks
 * every occurrence of the new pattern, cancelled ones included, and the series afterwards is
 * exactly what its pattern says.
 *
 * <p><b>How a move is checked.</b> Like a single booking's move ({@link CheckedWrites}): first the
 * room's rules for series and the sync horizon, then, under the room's write lock, one read of the
 * new span ({@code calendarView}) refuses the move when an event other than the series' own
 * occurrences is in the way of any new occurrence, naming those occurrences; nothing is written
 * then. The series' own occurrences around its old span are read too (one {@code /instances}
 * call), so that a move that has to be undone can be undone completely. After writing, the new span is read
 * again and the first-by-the-service's-clock rule decides a race with an Outlook booking that
 * landed meanwhile.
 *
 * <p><b>A move that lost the race</b> is rolled back: the master gets its old start, end,
 * recurrence (and subject) back, the occurrences that had been cancelled are cancelled again and
 * those that had been changed get their subject and times back; the caller gets a {@code
 * BookingConflictException} naming the occurrences that lost. A restore step that fails leaves the
 * series at its old time and pattern with that occurrence as the pattern has it; it is logged and
 * attached to the exception as suppressed. If moving the master back fails, the series stays at
 * the new time overlapping the winner: the caller gets an {@link UnresolvedConflictException}
 * that says so (the cause is the failure), to move or cancel it.
 *
 * <p><b>Repeating a move</b> (a retry after a lost answer) finds the series already at the new
 * time and pattern and changes nothing: the occurrences the pattern gives are compared, so a move
 * is never applied twice. A series whose pattern the SDK cannot say (changed in Outlook) is not
 * moved: it could not be moved back.
 */
final class SeriesMoves {
  private static final Logger LOG = LoggerFactory.getLogger(SeriesMoves.class);

  /**
   * How far beyond the series' span its own instances are read: an occurrence moved on its own may
   * lie outside the span (the first one earlier, the last one later), and must not be taken for a
   * cancelled one.
   */
  private static final Duration INSTANCE_REACH = Duration.ofDays(366);

  private final CalendarProvider provider;
  private final RoomWriteLocks locks;
  private final ConflictRefusals refusals;
  private final SeriesBookings series;

  SeriesMoves(
      CalendarStore store, CalendarProvider provider, RoomWriteLocks locks, SeriesBookings series) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.locks = Objects.requireNonNull(locks, "locks");
    this.refusals = new ConflictRefusals(Objects.requireNonNull(store, "store"));
    this.series = Objects.requireNonNull(series, "series");
  }

  /**
   * Renames or moves a series booking.
   *
   * @param link the booking's link
   * @param master the series master as it stands
   * @param calendar the room calendar, when it is still registered (its rules apply then)
   * @param update the changes
   * @param now the current time
   * @return the series master afterwards
   * @throws ConflictException if the series' pattern is unknown and the update changes its time,
   *     or the move is refused (a {@code BookingConflictException} or {@code BookingRuleException})
   * @throws UnresolvedConflictException if a move lost a race and could not be moved back
   * @throws IllegalArgumentException if the new time and pattern do not fit together, the series
   *     would end after the sync window, or the provider cannot store the recurrence
   */
  CalendarEvent update(
      BookingLink link,
      CalendarEvent master,
      Optional<RoomCalendar> calendar,
      BookingUpdate update,
      Instant now) {
    Instant start = update.start().orElse(master.start());
    Instant end = update.end().orElse(master.end());
    if (!update.changesTime()) {
      return rename(link, master, update.subject());
    }
    BookingRecurrence old =
        master.recurrence().orElseThrow(() -> unknownPattern(link, update.recurrence().isPresent()));
    List<Slot> oldSlots = oldSlots(link, master, old, update.recurrence().isPresent());
    BookingRecurrence recurrence = update.recurrence().orElse(old);
    List<Slot> slots = slots(recurrence, start, end);
    if (start.equals(master.start())
        && end.equals(master.end())
        && samePattern(old, recurrence)
        && oldSlots.equals(slots)) {
      // already there: an earlier attempt of this move reached the calendar, or nothing moves
      return rename(link, master, update.subject());
    }
    Slot last = slots.get(slots.size() - 1);
    calendar.ifPresent(c -> RoomRules.checkSeriesTime(c, start, end, last.end(), now));
    series.checkHorizon(recurrence, slots, now);
    provider.checkRecurrence(recurrence);
    ConflictCheck check =
        calendar.map(c -> RoomRules.conflictCheck(c, update.conflictPolicy())).orElse(ConflictCheck.NONE);
    Move move = new Move(link, master, old, oldSlots, update.subject(), start, end, recurrence, slots);
    if (check == ConflictCheck.NONE) {
      return move.write();
    }
    return checkedMove(move, check, update.showConflictSubjects());
  }

  private CalendarEvent checkedMove(Move move, ConflictCheck check, boolean showSubjects) {
    TenantId tenantId = move.link.tenantId();
    String email = move.link.calendarEmail();
    String masterId = move.master.id();
    String transactionId = move.link.transactionId();
    Slot first = move.slots.get(0);
    Slot last = move.slots.get(move.slots.size() - 1);
    try (RoomWriteLocks.Held held = locks.acquire(tenantId, email)) {
      Clash clash =
          Clash.find(provider.eventsBetween(tenantId, email, first.start(), last.end()), move.slots, masterId, transactionId);
      if (!clash.isEmpty()) {
        throw refusals.refusal(tenantId, email, clash, Optional.of(move.recurrence.zone()), check, showSubjects, false);
      }
      Snapshot before = snapshot(move);
      held.renew();
      CalendarEvent moved = move.write();
      held.renew();
      List<CalendarEvent> after = provider.eventsBetween(tenantId, email, first.start(), last.end());
      Instant mine = moved.lastModifiedAt().orElse(null);
      Clash lost =
          Clash.find(after, Clash.instancesOf(after, masterId, move.slots), masterId, transactionId)
              .firstToTheSlots(mine, masterId);
      if (lost.isEmpty()) {
        return moved;
      }
      ConflictException refusal =
          refusals.refusal(tenantId, email, lost, Optional.of(move.recurrence.zone()), check, showSubjects, true);
      moveBack(move, before, refusal);
      throw refusal;
    }
  }

  /**
   * The series' own instances in its old span as they stand before the move: the occurrences
   * cancelled by then and those changed one by one, to restore them if the move is undone.
   */
  private Snapshot snapshot(Move move) {
    List<CalendarEvent> instances = instances(move.link, move.master.id(), move.oldSlots);
    Set<Instant> present =
        instances.stream()
            .filter(i -> !i.cancelled())
            .map(CalendarEvent::slotStart)
            .flatMap(Optional::stream)
            .collect(Collectors.toSet());
    List<Instant> cancelled =
        move.oldSlots.stream().map(Slot::start).filter(s -> !present.contains(s)).toList();
    Map<Instant, CalendarEvent> changed = new HashMap<>();
    for (CalendarEvent i : instances) {
      if (i.type() == EventType.EXCEPTION && !i.cancelled() && i.slotStart().isPresent()) {
        changed.put(i.slotStart().get(), i);
      }
    }
    return new Snapshot(cancelled, changed);
  }

  /**
   * Undoes a move that lost its race: the master's old time, pattern and subject, then the
   * occurrences cancelled or changed before. A failure of the first step leaves the series moved
   * and is thrown; failures of the restore steps are attached to the refusal.
   */
  private void moveBack(Move move, Snapshot before, ConflictException refusal) {
    BookingLink link = move.link;
    try {
      provider.moveSeries(
          link.tenantId(),
          link.calendarEmail(),
          move.master.id(),
          move.subject.isPresent() ? move.master.subject() : Optional.empty(),
          move.master.start(),
          move.master.end(),
          move.old);
    } catch (RuntimeException e) {
      LOG.warn(
          "A recurring booking in {} lost its new time to another booking and could not be moved"
              + " back; it stays at the new time",
          link.calendarEmail(),
          e);
      throw new UnresolvedConflictException(
          link.bookingKey(), "moved to recur " + move.recurrence + " from " + move.start, refusal, e);
    }
    if (before.cancelled().isEmpty() && before.changed().isEmpty()) {
      return;
    }
    List<Instant> failed = new ArrayList<>();
    try {
      for (CalendarEvent instance : instances(link, move.master.id(), move.oldSlots)) {
        Optional<Instant> slot = instance.slotStart();
        if (slot.isEmpty()) {
          continue;
        }
        try {
          restore(link, instance, before.cancelled().contains(slot.get()), before.changed().get(slot.get()));
        } catch (RuntimeException e) {
          failed.add(slot.get());
          refusal.addSuppressed(e);
        }
      }
    } catch (RuntimeException e) {
      failed.addAll(before.cancelled());
      failed.addAll(before.changed().keySet());
      refusal.addSuppressed(e);
    }
    if (!failed.isEmpty()) {
      LOG.warn(
          "A recurring booking in {} was moved back after losing a race, but {} of its occurrences"
              + " cancelled or changed before could not be restored (original starts {}); they"
              + " stand as the pattern has them",
          link.calendarEmail(),
          failed.size(),
          failed);
    }
  }

  private void restore(BookingLink link, CalendarEvent instance, boolean cancelled, CalendarEvent changed) {
    if (cancelled) {
      boolean roomOrganizes =
          instance.organizer().map(o -> o.email().equals(link.calendarEmail())).orElse(true);
      if (roomOrganizes) {
        provider.cancelEvent(link.tenantId(), link.calendarEmail(), instance.id(), Optional.empty());
      } else {
        provider.deleteEvent(link.tenantId(), link.calendarEmail(), instance.id());
      }
    } else if (changed != null) {
      provider.updateEvent(
          link.tenantId(),
          link.calendarEmail(),
          instance.id(),
          changed.subject().equals(instance.subject()) ? Optional.empty() : changed.subject(),
          Optional.of(changed.start()),
          Optional.of(changed.end()));
    }
  }

  private List<CalendarEvent> instances(BookingLink link, String masterId, List<Slot> slots) {
    return provider
        .listSeriesInstances(
            link.tenantId(),
            link.calendarEmail(),
            masterId,
            slots.get(0).start().minus(INSTANCE_REACH),
            slots.get(slots.size() - 1).end().plus(INSTANCE_REACH))
        .orElseThrow(
            () ->
                new ResourceNotFoundException(
                    "the series of booking "
                        + link.bookingKey()
                        + " is no longer in "
                        + link.calendarEmail()
                        + " (deleted there)"));
  }

  private CalendarEvent rename(BookingLink link, CalendarEvent master, Optional<String> subject) {
    if (subject.isEmpty() || subject.equals(master.subject())) {
      return master;
    }
    return provider.updateEvent(
        link.tenantId(), link.calendarEmail(), master.id(), subject, Optional.empty(), Optional.empty());
  }

  /** The slots of a series, refusing a time that does not fit the pattern with what is wrong. */
  private static List<Slot> slots(BookingRecurrence recurrence, Instant start, Instant end) {
    recurrence.occurrenceStarts(start, end);
    return SeriesBookings.slots(recurrence, start, end);
  }

  /** The series' slots as it stands; a master whose start no longer fits its pattern is unknown. */
  private static List<Slot> oldSlots(
      BookingLink link, CalendarEvent master, BookingRecurrence old, boolean recurrenceGiven) {
    try {
      return SeriesBookings.slots(old, master.start(), master.end());
    } catch (IllegalArgumentException e) {
      throw unknownPattern(link, recurrenceGiven);
    }
  }

  /** Same pattern and range; the zones may be named differently if the occurrences agree. */
  private static boolean samePattern(BookingRecurrence a, BookingRecurrence b) {
    return a.pattern().equals(b.pattern())
        && a.lastDate().equals(b.lastDate())
        && a.numberOfOccurrences().equals(b.numberOfOccurrences());
  }

  private static ConflictException unknownPattern(BookingLink link, boolean recurrenceGiven) {
    return new ConflictException(
        "booking "
            + link.bookingKey()
            + " recurs in a way the SDK cannot say (its pattern was changed in Outlook), so a move"
            + (recurrenceGiven ? "" : " without a new recurrence")
            + " could not be checked or undone; cancel the series and book it again, or change"
            + " it in Outlook");
  }

  /** A move: the series as it stands, and where it goes. */
  private final class Move {
    private final BookingLink link;
    private final CalendarEvent master;
    private final BookingRecurrence old;
    private final List<Slot> oldSlots;
    private final Optional<String> subject;
    private final Instant start;
    private final Instant end;
    private final BookingRecurrence recurrence;
    private final List<Slot> slots;

    private Move(
        BookingLink link,
        CalendarEvent master,
        BookingRecurrence old,
        List<Slot> oldSlots,
        Optional<String> subject,
        Instant start,
        Instant end,
        BookingRecurrence recurrence,
        List<Slot> slots) {
      this.link = link;
      this.master = master;
      this.old = old;
      this.oldSlots = oldSlots;
      this.subject = subject;
      this.start = start;
      this.end = end;
      this.recurrence = recurrence;
      this.slots = slots;
    }

    private CalendarEvent write() {
      return provider.moveSeries(
          link.tenantId(), link.calendarEmail(), master.id(), subject, start, end, recurrence);
    }
  }

  /**
   * What a series held before a move, by original start.
   *
   * @param cancelled the occurrences of the pattern that were cancelled
   * @param changed the exceptions (occurrences changed one by one)
   */
  private record Snapshot(List<Instant> cancelled, Map<Instant, CalendarEvent> changed) {}
}
