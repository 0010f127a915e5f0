package com.workplace.calendar.spi;

import com.workplace.calendar.booking.Availability;
import com.workplace.calendar.booking.BookingRecurrence;
import com.workplace.calendar.registry.ConnectOutcome;
import com.workplace.calendar.registry.DiscoveredRoom;
import com.workplace.calendar.tenant.TenantId;
import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the provider-neutral core needs from a calendar backend (Microsoft 365 through Graph). The
 * graph module implements it; core's registry, authorizer, bookings and sync build on it.
 *
 * <p>Implementations are thread-safe, stay inside the backend's limits on their own, and report
 * service errors as {@link com.workplace.calendar.CalendarServiceException}s.
 *
 * @since 0.1.0
 */
public interface CalendarProvider extends AutoCloseable {

  /**
   * Builds the admin-consent URL for a tenant.
   *
   * @param tenantId the tenant
   * @param state the single-use state to carry
   * @return the URL to send the administrator to
   */
  URI adminConsentUri(TenantId tenantId, String state);

  /**
   * Finds the directory (tenant) GUID of a tenant named by a verified domain, before any consent:
   * the consent callback names the tenant by GUID, and a callback for another tenant must be
   * refused before its state is used. Called only for tenants given by domain. The default cannot
   * tell and returns empty.
   *
   * @param tenantId the tenant, given by domain
   * @return the directory GUID in lower case, or empty if the backend cannot tell
   * @throws com.workplace.calendar.ResourceNotFoundException if no tenant has this domain
   * @throws com.workplace.calendar.CalendarServiceException if the backend could not be asked
   * @since 0.2.0
   */
  default Optional<String> resolveDirectoryId(TenantId tenantId) {
    return Optional.empty();
  }

  /**
   * Proves access to a tenant: gets an application token and, if given, probes a room mailbox.
   *
   * @param tenantId the tenant
   * @param probeMailbox a room mailbox to probe, if any
   * @return what was found; failures are results, not exceptions
   */
  TenantAccess checkTenantAccess(TenantId tenantId, Optional<String> probeMailbox);

  /**
   * Probes room mailboxes: can their calendars be read?
   *
   * @param tenantId the tenant
   * @param emails normalized addresses
   * @return one outcome per address
   */
  Map<String, ConnectOutcome> probeMailboxes(TenantId tenantId, Collection<String> emails);

  /**
   * Lists the rooms of the tenant's directory with their room lists.
   *
   * @param tenantId the tenant
   * @return the rooms
   */
  List<DiscoveredRoom> listRooms(TenantId tenantId);

  /**
   * Creates an event in a room calendar; the same transaction id never creates two events.
   *
   * @param tenantId the tenant
   * @param mailbox the room mailbox
   * @param draft the event
   * @return the created (or already existing) event
   */
  CalendarEvent createEvent(TenantId tenantId, String mailbox, EventDraft draft);

  /**
   * Reads an event.
   *
   * @param tenantId the tenant
   * @param mailbox the room mailbox
   * @param eventId the event id
   * @return the event, or empty if it does not exist
   */
  Optional<CalendarEvent> getEvent(TenantId tenantId, String mailbox, String eventId);

  /**
   * Reads every event of a room calendar that overlaps a window, as Graph's {@code calendarView}
   * does: single events, occurrences and exceptions of series (never series masters), cancelled
   * and free ones included, each with its {@link CalendarEvent#showAs() showAs}, privacy and the
   * service's created and last-modified times. The SDK checks a booking's interval for conflicts
   * with it before and after writing, so an implementation answers it with as few calls as its
   * service allows (Graph: one calendarView request while the window holds at most a page of
   * events).
   *
   * @param tenantId the tenant
   * @param mailbox the room mailbox
   * @param from the window's start
   * @param to the window's end, after {@code from}
   * @return the events, in no particular order
   * @throws com.workplace.calendar.CalendarServiceException if the service could not be asked
   * @since 0.2.0
   */
  List<CalendarEvent> eventsBetween(TenantId tenantId, String mailbox, Instant from, Instant to);

  /**
   * Changes an event's subject or times; absent values stay.
   *
   * @param tenantId the tenant
   * @param mailbox the room mailbox
   * @param eventId the event id
   * @param subject a new subject, if any
   * @param start a new start, if any
   * @param end a new end, if any
   * @return the event afterwards
   */
  CalendarEvent updateEvent(
      TenantId tenantId,
      String mailbox,
      String eventId,
      Optional<String> subject,
      Optional<Instant> start,
      Optional<Instant> end);

  /**
   * Moves a recurring series: sets its master's start and end (those of the first occurrence),
   * its recurrence and, if given, its subject in one change, as the SDK moves a recurring
   * booking. The series keeps its id.
   * Exchange drops the series' exceptions when its time or pattern changes: occurrences changed
   * one by one go back to the pattern, cancelled ones come back; an implementation for another
   * backend does the same, so that the series afterwards is exactly what its pattern says. A call
   * that sets the values the series already has changes nothing, so repeating it is safe.
   *
   * @param tenantId the tenant
   * @param mailbox the room mailbox
   * @param seriesMasterId the series master's id
   * @param subject a new subject, if any
   * @param start the first occurrence's new start
   * @param end the first occurrence's new end
   * @param recurrence the series' recurrence afterwards (its zone included)
   * @return the series master afterwards
   * @throws IllegalArgumentException if the backend cannot store the recurrence ({@link
   *     #checkRecurrence}); nothing is sent then
   * @throws com.workplace.calendar.CalendarServiceException if the service refused or could not be
   *     asked
   * @since 0.2.0
   */
  CalendarEvent moveSeries(
      TenantId tenantId,
      String mailbox,
      String seriesMasterId,
      Optional<String> subject,
      Instant start,
      Instant end,
      BookingRecurrence recurrence);

  /**
   * Checks, before anything is written, that the backend can store a series with this
   * recurrence: bookings call it before they write a link or an event, so that a recurrence the
   * service cannot take is refused without leaving anything behind. The default accepts every
   * recurrence.
   *
   * @param recurrence the recurrence
   * @throws IllegalArgumentException if the backend cannot store it, saying why and what to use
   *     instead (Graph: a time zone that has no Windows name)
   * @since 0.2.0
   */
  default void checkRecurrence(BookingRecurrence recurrence) {
    Objects.requireNonNull(recurrence, "recurrence");
  }

  /**
   * Cancels an event the room organizes, notifying attendees.
   *
   * @param tenantId the tenant
   * @param mailbox the room mailbox
   * @param eventId the event id
   * @param comment a comment, if any
   * @return {@code false} if the event did not exist
   */
  boolean cancelEvent(TenantId tenantId, String mailbox, String eventId, Optional<String> comment);

  /**
   * Deletes an event from the room calendar.
   *
   * @param tenantId the tenant
   * @param mailbox the room mailbox
   * @param eventId the event id
   * @return {@code false} if the event did not exist
   */
  boolean deleteEvent(TenantId tenantId, String mailbox, String eventId);

  /**
   * Reads one page of a delta round: starts a round over a window when {@code link} is empty, or
   * follows a next or delta link.
   *
   * @param tenantId the tenant
   * @param mailbox the room mailbox
   * @param link a link from an earlier page, if any
   * @param windowStart the window's start (used when starting)
   * @param windowEnd the window's end (used when starting)
   * @return the page
   * @throws SyncStateExpiredException if the link is no longer known
   */
  DeltaPage deltaPage(
      TenantId tenantId,
      String mailbox,
      Optional<String> link,
      Instant windowStart,
      Instant windowEnd);

  /**
   * Tells whether a delta link stored earlier can still be followed (it points at the configured
   * endpoint). A link that cannot, e.g. after the endpoint changed, is dropped and the calendar
   * resyncs fully. The default accepts every link.
   *
   * @param link a stored delta link
   * @return {@code true} if {@link #deltaPage} may be called with it
   */
  default boolean canFollow(String link) {
    return true;
  }

  /**
   * Reads the master of a recurring series: the item whose subject, organizer and attendees its
   * occurrences share. Sync reads it to fill occurrences the backend sent as partial items. The
   * default reads it as any event with {@link #getEvent}.
   *
   * @param tenantId the tenant
   * @param mailbox the room mailbox
   * @param seriesMasterId the series master's id
   * @return the master, or empty when the series no longer exists (a missing mailbox is an error,
   *     not an empty answer)
   * @since 0.2.0
   */
  default Optional<CalendarEvent> getSeriesMaster(
      TenantId tenantId, String mailbox, String seriesMasterId) {
    return getEvent(tenantId, mailbox, seriesMasterId);
  }

  /**
   * Reads the masters of several recurring series of one room calendar, each as {@link
   * #getSeriesMaster} would: sync asks for them together when a round needs more than one master
   * it has not cached, so that a backend can read them in fewer requests (Graph: {@code $batch}).
   * The default reads them one after the other with {@link #getSeriesMaster}.
   *
   * @param tenantId the tenant
   * @param mailbox the room mailbox
   * @param seriesMasterIds the series masters' ids (an id given twice is read once)
   * @return one entry per id: the master, or empty when that series no longer exists
   * @throws com.workplace.calendar.CalendarServiceException if a master could not be read (a
   *     missing mailbox included): then none is returned
   * @since 0.2.0
   */
  default Map<String, Optional<CalendarEvent>> getSeriesMasters(
      TenantId tenantId, String mailbox, Collection<String> seriesMasterIds) {
    Objects.requireNonNull(seriesMasterIds, "seriesMasterIds");
    Map<String, Optional<CalendarEvent>> masters = new LinkedHashMap<>();
    for (String id : seriesMasterIds) {
      Objects.requireNonNull(id, "a series master id is null");
      if (!masters.containsKey(id)) {
        masters.put(id, getSeriesMaster(tenantId, mailbox, id));
      }
    }
    return masters;
  }

  /**
   * Lists the instances of a recurring series (occurrences and exceptions, every property sent)
   * that overlap a window: what the series holds now, so that sync finds the occurrences that
   * were cancelled or deleted without the delta saying so. Occurrences removed from the series
   * are left out; cancelled ones that the calendar keeps come marked {@link
   * CalendarEvent#cancelled()}. One call reads every page.
   *
   * @param tenantId the tenant
   * @param mailbox the room mailbox
   * @param seriesMasterId the series master's id
   * @param from the window's start
   * @param to the window's end
   * @return the instances, or empty when the series no longer exists (a missing mailbox is an
   *     error, not an empty answer)
   * @since 0.2.0
   */
  Optional<List<CalendarEvent>> listSeriesInstances(
      TenantId tenantId, String mailbox, String seriesMasterId, Instant from, Instant to);

  /**
   * Reads the busy times of rooms.
   *
   * @param tenantId the tenant
   * @param mailboxes the rooms, any number (the provider splits calls as its service needs)
   * @param from the window's start
   * @param to the window's end
   * @return one availability per room, in input order
   */
  List<Availability> schedules(
      TenantId tenantId, List<String> mailboxes, Instant from, Instant to);

  /**
   * Creates a change-notification subscription for a room calendar's events.
   *
   * @param tenantId the tenant
   * @param mailbox the room mailbox
   * @param request the subscription
   * @return the created subscription
   */
  ProviderSubscription createSubscription(
      TenantId tenantId, String mailbox, SubscriptionRequest request);

  /**
   * Extends a subscription.
   *
   * @param tenantId the tenant
   * @param subscriptionId the subscription
   * @param expiresAt the new expiry
   * @return the renewed subscription, or empty if the service no longer knows it
   */
  Optional<ProviderSubscription> renewSubscription(
      TenantId tenantId, String subscriptionId, Instant expiresAt);

  /**
   * Deletes a subscription.
   *
   * @param tenantId the tenant
   * @param subscriptionId the subscription
   * @return {@code false} if the service did not know it
   */
  boolean deleteSubscription(TenantId tenantId, String subscriptionId);

  /**
   * Parses the body of a notification request.
   *
   * @param body the request body
   * @return the notifications it holds
   * @throws IllegalArgumentException if the body is not a notification payload
   */
  List<IncomingNotification> parseNotifications(byte[] body);

  /** Releases the provider's resources (connections, threads). */
  @Override
  void close();
}
