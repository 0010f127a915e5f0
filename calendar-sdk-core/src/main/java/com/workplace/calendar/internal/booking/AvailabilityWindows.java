package com.workplace.calendar.internal.booking;

import com.workplace.calendar.ResourceNotFoundException;
import com.workplace.calendar.booking.Availability;
import com.workplace.calendar.booking.BusyInterval;
import com.workplace.calendar.registry.EmailAddresses;
import com.workplace.calendar.spi.CalendarProvider;
import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Splits a long availability window into pieces the service accepts (Microsoft's {@code
 * getSchedule} takes windows shorter than 42 days) and joins the answers again. Splitting by number
 * of rooms is the provider's job.
 */
final class AvailabilityWindows {
  /** The longest piece asked for in one provider call. */
  static final Duration PIECE = Duration.ofDays(31);

  /** The longest window accepted at all. */
  static final Duration MAX_WINDOW = Duration.ofDays(366);

  private AvailabilityWindows() {}

  /** One piece of a window. */
  record Piece(Instant from, Instant to) {}

  /**
   * Splits {@code [from, to)} into consecutive pieces of at most {@link #PIECE}.
   *
   * @param from the start
   * @param to the end, after {@code from}
   * @return the pieces, in order
   */
  static List<Piece> split(Instant from, Instant to) {
    List<Piece> pieces = new ArrayList<>();
    Instant start = from;
    while (start.isBefore(to)) {
      Instant end = start.plus(PIECE).isBefore(to) ? start.plus(PIECE) : to;
      pieces.add(new Piece(start, end));
      start = end;
    }
    return pieces;
  }

  /**
   * Joins the answers for all pieces into one availability per room.
   *
   * @param rooms the rooms, in the order to answer
   * @param answers the provider's answers, one list per piece
   * @param boundaries where pieces meet (intervals cut there are joined again)
   * @return one availability per room, in {@code rooms} order
   */
  static List<Availability> join(
      List<String> rooms, List<List<Availability>> answers, Set<Instant> boundaries) {
    Map<String, List<BusyInterval>> busy = new LinkedHashMap<>();
    Map<String, Set<String>> errors = new LinkedHashMap<>();
    Map<String, Boolean> answered = new LinkedHashMap<>();
    for (String room : rooms) {
      busy.put(room, new ArrayList<>());
      errors.put(room, new LinkedHashSet<>());
    }
    for (List<Availability> answer : answers) {
      for (Availability one : answer) {
        List<BusyInterval> intervals = busy.get(one.calendarEmail());
        if (intervals == null) {
          continue; // the provider answered for a room nobody asked about
        }
        answered.put(one.calendarEmail(), Boolean.TRUE);
        intervals.addAll(one.busy());
        one.error().ifPresent(errors.get(one.calendarEmail())::add);
      }
    }
    List<Availability> result = new ArrayList<>(rooms.size());
    for (String room : rooms) {
      Optional<String> error =
          errors.get(room).isEmpty()
              ? Optional.empty()
              : Optional.of(String.join("; ", errors.get(room)));
      if (!answered.containsKey(room)) {
        error = Optional.of("the service gave no schedule for this room");
      }
      result.add(new Availability(room, joinCuts(busy.get(room), boundaries), error));
    }
    return result;
  }

  private static List<BusyInterval> joinCuts(List<BusyInterval> intervals, Set<Instant> cuts) {
    List<BusyInterval> sorted = new ArrayList<>(intervals);
    sorted.sort(Comparator.comparing(BusyInterval::start).thenComparing(BusyInterval::end));
    List<BusyInterval> joined = new ArrayList<>(sorted.size());
    for (BusyInterval next : sorted) {
      if (!joined.isEmpty()) {
        BusyInterval last = joined.get(joined.size() - 1);
        if (last.end().equals(next.start())
            && cuts.contains(next.start())
            && last.status().equals(next.status())) {
          joined.set(joined.size() - 1, new BusyInterval(last.start(), next.end(), last.status()));
          continue;
        }
        if (last.equals(next)) {
          continue;
        }
      }
      joined.add(next);
    }
    return joined;
  }

  /**
   * Reads the availability of rooms: checks the window and addresses, splits the window into
   * pieces and joins the provider's answers (see {@code RoomBookings.availability}).
   */
  static List<Availability> read(
      CalendarStore store,
      CalendarProvider provider,
      TenantId tenantId,
      Collection<String> calendarEmails,
      Instant from,
      Instant to) {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(calendarEmails, "calendarEmails");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("the availability window must end after it starts");
    }
    if (Duration.between(from, to).compareTo(AvailabilityWindows.MAX_WINDOW) > 0) {
      throw new IllegalArgumentException(
          "the availability window must not be longer than 366 days");
    }
    Set<String> rooms = new LinkedHashSet<>();
    for (String email : calendarEmails) {
      rooms.add(EmailAddresses.normalize(email));
    }
    if (rooms.isEmpty()) {
      return List.of();
    }
    if (store.findTenant(tenantId).isEmpty()) {
      throw new ResourceNotFoundException("tenant " + tenantId + " is not known");
    }
    List<String> ordered = List.copyOf(rooms);
    List<List<Availability>> answers = new ArrayList<>();
    Set<Instant> cuts = new HashSet<>();
    for (AvailabilityWindows.Piece piece : AvailabilityWindows.split(from, to)) {
      answers.add(provider.schedules(tenantId, ordered, piece.from(), piece.to()));
      cuts.add(piece.from());
    }
    return AvailabilityWindows.join(ordered, answers, cuts);
  }
}
