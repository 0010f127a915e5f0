package com.workplace.calendar.internal.booking;

import com.workplace.calendar.ConflictException;
import com.workplace.calendar.ResourceNotFoundException;
import com.workplace.calendar.booking.BookingRecurrence;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.spi.CalendarEvent;
import com.workplace.calendar.spi.CalendarProvider;
import com.workplace.calendar.spi.EventType;
import com.workplace.calendar.store.BookingLink;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What is particular to recurring bookings: the slots a series takes, the checks before it is
 * created, and the changes of single occurrences (cancel one, end the running one). Moving a
 * whole series is {@link SeriesMoves}'s job.
 *
 * <p><b>The horizon.</b> A series must lie in the sync window: its last occurrence ends at most
 * {@code horizonDays} (the window's days ahead) after the start of today, UTC. Inside it, the
 * conflict check covers every occurrence with one read of the series' span, and sync reports what
 * happens to each occurrence in Outlook; beyond it, neither would hold.
 *
 * <p><b>Finding an occurrence.</b> Graph names an occurrence only by its own id; the SDK finds it
 * among the series' {@code /instances} by its original start. The window read is bounded by the
 * neighbouring occurrences of the pattern (an occurrence cannot be moved past them), or a year
 * either side when the pattern is not one the SDK can compute (changed in Outlook).
 */
final class SeriesBookings {
  /** How far either side an occurrence is looked for when its neighbours are unknown. */
  private static final Duration UNKNOWN_PATTERN_REACH = Duration.ofDays(366);

  private final CalendarProvider provider;
  private final int horizonDays;

  SeriesBookings(CalendarProvider provider, int horizonDays) {
    this.provider = Objects.requireNonNull(provider, "provider");
    if (horizonDays < 1) {
      throw new IllegalArgumentException("horizonDays must be at least 1, was " + horizonDays);
    }
    this.horizonDays = horizonDays;
  }

  /**
   * The intervals a request takes: its own, or one per occurrence.
   *
   * @param request the request
   * @return the slots, in order
   */
  static List<Slot> slots(BookingRequest request) {
    if (request.recurrence().isEmpty()) {
      return List.of(new Slot(request.start(), request.end()));
    }
    return slots(request.recurrence().get(), request.start(), request.end());
  }

  /**
   * Checks a new booking against the room's rules, and a series also against the horizon and
   * what the provider can store.
   *
   * @param calendar the room
   * @param request the request
   * @param slots its slots
   * @param now the current time
   * @throws com.workplace.calendar.booking.BookingRuleException if a rule of the room refuses it
   * @throws IllegalArgumentException if a series ends after the sync window, or the provider cannot
   *     store its recurrence
   */
  void checkCreate(RoomCalendar calendar, BookingRequest request, List<Slot> slots, Instant now) {
    if (request.recurrence().isEmpty()) {
      RoomRules.checkCreate(calendar, request.start(), request.end(), now);
      return;
    }
    Slot last = slots.get(slots.size() - 1);
    RoomRules.checkSeries(calendar, request.start(), request.end(), last.end(), now);
    checkHorizon(request.recurrence().get(), slots, now);
    provider.checkRecurrence(request.recurrence().get());
  }

  /**
   * Checks that a series lies in the sync window.
   *
   * @param recurrence the series' recurrence
   * @param slots its slots, in order
   * @param now the current time
   * @throws IllegalArgumentException if its last occurrence ends after the window
   */
  void checkHorizon(BookingRecurrence recurrence, List<Slot> slots, Instant now) {
    Slot last = slots.get(slots.size() - 1);
    Instant horizon = now.truncatedTo(ChronoUnit.DAYS).plus(horizonDays, ChronoUnit.DAYS);
    if (last.end().isAfter(horizon)) {
      throw new IllegalArgumentException(
          "a recurring booking must lie in the sync window, which ends "
              + horizonDays
              + " days after the start of today ("
              + horizon
              + "); this series' last occurrence ("
              + slots.size()
              + " of "
              + recurrence
              + ") ends at "
              + last.end()
              + ": end the series earlier, or widen the window with"
              + " SyncOptions.builder().window(..)");
    }
  }

  /**
   * The slots a series takes.
   *
   * @param recurrence its recurrence
   * @param start the first occurrence's start
   * @param end the first occurrence's end
   * @return one slot per occurrence, in order
   */
  static List<Slot> slots(BookingRecurrence recurrence, Instant start, Instant end) {
    Duration length = Duration.between(start, end);
    List<Slot> slots = new ArrayList<>();
    for (Instant occurrence : recurrence.occurrenceStarts(start)) {
      slots.add(new Slot(occurrence, occurrence.plus(length)));
    }
    return List.copyOf(slots);
  }

  /**
   * Cancels one occurrence of a series booking.
   *
   * @param link the booking's link
   * @param master the series master as it stands
   * @param originalStart the occurrence's original start
   * @param comment a comment for the attendees, if any
   * @return {@code false} if the series has no such occurrence any more
   */
  boolean cancelOccurrence(
      BookingLink link, CalendarEvent master, Instant originalStart, Optional<String> comment) {
    requireSeries(link, master, "cancel it with cancel(..)");
    Window window = occurrenceWindow(link, master, originalStart);
    Optional<CalendarEvent> found =
        instances(link, master, window.from(), window.to()).stream()
            .filter(i -> i.slotStart().filter(originalStart::equals).isPresent())
            .findFirst();
    if (found.isEmpty()) {
      return false;
    }
    CalendarEvent occurrence = found.get();
    boolean roomOrganizes =
        occurrence.organizer().map(o -> o.email().equals(link.calendarEmail())).orElse(true);
    if (roomOrganizes && !occurrence.cancelled()) {
      provider.cancelEvent(link.tenantId(), link.calendarEmail(), occurrence.id(), comment);
    } else {
      provider.deleteEvent(link.tenantId(), link.calendarEmail(), occurrence.id());
    }
    return true;
  }

  /**
   * Ends the occurrence of a series booking that is running now; it becomes an exception.
   *
   * @param link the booking's link
   * @param master the series master as it stands
   * @param now the current time
   * @return the shortened occurrence
   * @throws ConflictException if no occurrence is running now
   */
  CalendarEvent endRunningOccurrence(BookingLink link, CalendarEvent master, Instant now) {
    CalendarEvent running =
        instances(link, master, now, now.plusSeconds(1)).stream()
            .filter(i -> !i.cancelled() && i.start().isBefore(now) && i.end().isAfter(now))
            .min(Comparator.comparing(CalendarEvent::start))
            .orElseThrow(
                () ->
                    new ConflictException(
                        "no occurrence of booking "
                            + link.bookingKey()
                            + " is running now ("
                            + now
                            + "); cancel a coming occurrence with cancelOccurrence(..), or the"
                            + " series with cancel(..)"));
    return provider.updateEvent(
        link.tenantId(),
        link.calendarEmail(),
        running.id(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(now));
  }

  private static void requireSeries(BookingLink link, CalendarEvent master, String instead) {
    if (master.type() != EventType.SERIES_MASTER) {
      throw new ConflictException("booking " + link.bookingKey() + " does not recur; " + instead);
    }
  }

  private List<CalendarEvent> instances(
      BookingLink link, CalendarEvent master, Instant from, Instant to) {
    return provider
        .listSeriesInstances(link.tenantId(), link.calendarEmail(), master.id(), from, to)
        .orElseThrow(
            () ->
                new ResourceNotFoundException(
                    "the series of booking "
                        + link.bookingKey()
                        + " is no longer in "
                        + link.calendarEmail()
                        + " (deleted there)"));
  }

  /**
   * Where an occurrence can be: between its neighbours' slots by the pattern, checking that the
   * pattern has an occurrence at that start.
   */
  private static Window occurrenceWindow(
      BookingLink link, CalendarEvent master, Instant originalStart) {
    Duration length = Duration.between(master.start(), master.end());
    Optional<List<Instant>> starts = master.recurrence().flatMap(r -> startsOf(r, master.start()));
    if (starts.isEmpty()) {
      return new Window(
          originalStart.minus(UNKNOWN_PATTERN_REACH),
          originalStart.plus(length).plus(UNKNOWN_PATTERN_REACH));
    }
    List<Instant> slots = starts.get();
    int index = slots.indexOf(originalStart);
    if (index < 0) {
      throw new IllegalArgumentException(
          originalStart
              + " is not an occurrence of booking "
              + link.bookingKey()
              + ": it recurs "
              + master.recurrence().orElseThrow()
              + " from "
              + master.start()
              + " (occurrences start at "
              + master.start().atZone(master.recurrence().orElseThrow().zone()).toLocalTime()
              + " "
              + zoneName(master.recurrence().orElseThrow())
              + ")");
    }
    Instant from =
        index > 0 ? slots.get(index - 1) : originalStart.minus(UNKNOWN_PATTERN_REACH);
    Instant to =
        index < slots.size() - 1
            ? slots.get(index + 1).plus(length)
            : originalStart.plus(length).plus(UNKNOWN_PATTERN_REACH);
    return new Window(from, to);
  }

  private static String zoneName(BookingRecurrence recurrence) {
    return recurrence.isUtc() ? "UTC" : recurrence.zone().getId();
  }

  private static Optional<List<Instant>> startsOf(BookingRecurrence recurrence, Instant first) {
    try {
      return Optional.of(recurrence.occurrenceStarts(first));
    } catch (IllegalArgumentException e) {
      // the series' start no longer fits its pattern (changed in Outlook): search wide
      return Optional.empty();
    }
  }

  private record Window(Instant from, Instant to) {}
}
