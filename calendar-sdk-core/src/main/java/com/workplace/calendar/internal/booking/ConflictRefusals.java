package com.workplace.calendar.internal.booking;

import com.workplace.calendar.ConflictException;
import com.workplace.calendar.booking.BookingConflictException;
import com.workplace.calendar.booking.BookingRule;
import com.workplace.calendar.booking.BookingRuleException;
import com.workplace.calendar.booking.ConflictingInterval;
import com.workplace.calendar.internal.booking.RoomRules.ConflictCheck;
import com.workplace.calendar.spi.CalendarEvent;
import com.workplace.calendar.store.BookingLink;
import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.tenant.TenantId;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The exception a checked write throws when other events are in the way: the intervals in the way
 * (with the host's booking keys of SDK bookings, subjects only when asked for and never of private
 * events) and, for a series, the dates of its occurrences in conflict.
 */
final class ConflictRefusals {
  /** At most this many dates are named in a rule's message. */
  private static final int LISTED_DATES = 20;

  private final CalendarStore store;

  ConflictRefusals(CalendarStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * The refusal of a booking.
   *
   * @param tenantId the tenant
   * @param email the room
   * @param clash what is in the way, and of which slots
   * @param series the series' time zone when the booking is a series (its first slot is its
   *     first occurrence), empty for a single booking
   * @param check how overlaps were treated: a room that forbids them refuses with its rule
   * @param showSubjects whether subjects may be named
   * @param lostRace whether the booking was written and withdrawn because another came first
   * @return the exception to throw
   */
  ConflictException refusal(
      TenantId tenantId,
      String email,
      Clash clash,
      Optional<ZoneId> series,
      ConflictCheck check,
      boolean showSubjects,
      boolean lostRace) {
    List<ConflictingInterval> intervals =
        clash.events().stream().map(e -> interval(tenantId, email, e, showSubjects)).toList();
    Instant start = clash.slots().get(0).start();
    Instant end = clash.slots().get(0).end();
    if (check == ConflictCheck.ROOM_FORBIDS) {
      String what =
          series.isPresent()
              ? "the series' occurrences on "
                  + dates(clash.blocked(), series.get())
                  + (series.get().equals(ZoneOffset.UTC) ? "" : " (" + series.get().getId() + ")")
                  + " overlap "
              : start + "–" + end + " overlaps ";
      return new BookingRuleException(
          BookingRule.CONFLICTS_NOT_ALLOWED,
          email,
          email
              + " does not allow overlapping bookings (AllowConflicts=False), and "
              + what
              + intervals.stream().map(ConflictingInterval::toString).collect(Collectors.joining(", "))
              + "; the request's ConflictPolicy.ALLOW cannot override the room's rule: choose another"
              + " time or room");
    }
    return series.isPresent()
        ? new BookingConflictException(email, start, end, intervals, clash.blocked(), series.get(), lostRace)
        : new BookingConflictException(email, start, end, intervals, lostRace);
  }

  private static String dates(List<Instant> starts, ZoneId zone) {
    String listed =
        starts.stream()
            .limit(LISTED_DATES)
            .map(s -> s.atZone(zone).toLocalDate().toString())
            .collect(Collectors.joining(", "));
    return starts.size() > LISTED_DATES
        ? listed + " and " + (starts.size() - LISTED_DATES) + " more"
        : listed;
  }

  private ConflictingInterval interval(
      TenantId tenantId, String email, CalendarEvent e, boolean showSubjects) {
    Optional<String> key =
        store
            .findBookingLinkByEvent(tenantId, email, e.id())
            .or(() -> e.seriesMasterId().flatMap(m -> store.findBookingLinkByEvent(tenantId, email, m)))
            .or(() -> e.transactionId().flatMap(t -> store.findBookingLinkByTransaction(tenantId, t)))
            .map(BookingLink::bookingKey);
    Optional<String> subject = showSubjects && !e.isPrivate() ? e.subject() : Optional.empty();
    return new ConflictingInterval(e.start(), e.end(), e.isPrivate(), subject, key);
  }
}
