package com.workplace.calendar.internal.booking;

import com.workplace.calendar.ConflictException;
import com.workplace.calendar.ResourceNotFoundException;
import com.workplace.calendar.StaleRecordException;
import com.workplace.calendar.booking.Booking;
import com.workplace.calendar.booking.BookingRecurrence;
import com.workplace.calendar.spi.CalendarEvent;
import com.workplace.calendar.spi.CalendarProvider;
import com.workplace.calendar.spi.EventType;
import com.workplace.calendar.store.BookingLink;
import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.tenant.TenantId;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Booking links and the events they point to: finding a booking's link and event with errors that
 * say what is missing, completing a link with its event id, and the {@link Booking} a link and its
 * event make.
 */
final class BookingLinks {
  private static final Logger LOG = LoggerFactory.getLogger(BookingLinks.class);
  private static final int ATTEMPTS = 5;

  private final CalendarStore store;
  private final CalendarProvider provider;

  BookingLinks(CalendarStore store, CalendarProvider provider) {
    this.store = Objects.requireNonNull(store, "store");
    this.provider = Objects.requireNonNull(provider, "provider");
  }

  /**
   * The link of a booking whose create completed.
   *
   * @throws ResourceNotFoundException if no booking has the key
   * @throws ConflictException if its create never completed
   */
  BookingLink requireComplete(TenantId tenantId, String bookingKey) {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(bookingKey, "bookingKey");
    BookingLink link =
        store
            .findBookingLink(tenantId, bookingKey)
            .orElseThrow(
                () ->
                    new ResourceNotFoundException(
                        "no booking has key " + bookingKey + " in tenant " + tenantId));
    if (link.eventId().isEmpty()) {
      throw new ConflictException(
          "booking "
              + bookingKey
              + " was never confirmed by the calendar; repeat the create first");
    }
    return link;
  }

  /**
   * The event of a completed link (for a series, its master).
   *
   * @throws ResourceNotFoundException if the event was deleted in the calendar
   */
  CalendarEvent requireEvent(BookingLink link) {
    return provider
        .getEvent(link.tenantId(), link.calendarEmail(), link.eventId().orElseThrow())
        .orElseThrow(
            () ->
                new ResourceNotFoundException(
                    "the event of booking "
                        + link.bookingKey()
                        + " is no longer in "
                        + link.calendarEmail()
                        + " (deleted there)"));
  }

  /** Stores the event id in a link, unless it vanished meanwhile (then the event stays). */
  void complete(BookingLink link, String eventId) {
    BookingLink current = link;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (current.eventId().filter(eventId::equals).isPresent()) {
        return;
      }
      try {
        store.updateBookingLink(current.withEventId(eventId));
        return;
      } catch (StaleRecordException e) {
        Optional<BookingLink> fresh = store.findBookingLink(link.tenantId(), link.bookingKey());
        if (fresh.isEmpty()) {
          break;
        }
        current = fresh.get();
      } catch (ResourceNotFoundException e) {
        break;
      }
    }
    LOG.warn(
        "Booking link of tenant {} in {} vanished while its event {} was created; the event stays",
        link.tenantId(),
        link.calendarEmail(),
        eventId);
  }

  /** The booking a link's event makes: a single event, or a series master. */
  static Booking toBooking(BookingLink link, CalendarEvent event) {
    return toBooking(link, event, event.type() != EventType.SINGLE_INSTANCE, event.recurrence());
  }

  /** The booking of one occurrence of a series booking. */
  static Booking toOccurrenceBooking(BookingLink link, CalendarEvent occurrence, CalendarEvent master) {
    return toBooking(link, occurrence, true, master.recurrence());
  }

  private static Booking toBooking(
      BookingLink link,
      CalendarEvent event,
      boolean recurring,
      Optional<BookingRecurrence> recurrence) {
    return new Booking(
        link.tenantId(),
        link.bookingKey(),
        link.calendarEmail(),
        event.id(),
        event.iCalUId(),
        event.subject().orElse(""),
        event.start(),
        event.end(),
        event.organizer(),
        event.attendees(),
        recurring,
        recurrence);
  }
}
