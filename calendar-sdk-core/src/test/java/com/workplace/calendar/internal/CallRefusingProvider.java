package com.workplace.calendar.internal;

import com.workplace.calendar.booking.Availability;
import com.workplace.calendar.booking.BookingRecurrence;
import com.workplace.calendar.registry.ConnectOutcome;
import com.workplace.calendar.registry.DiscoveredRoom;
import com.workplace.calendar.spi.CalendarEvent;
import com.workplace.calendar.spi.CalendarProvider;
import com.workplace.calendar.spi.DeltaPage;
import com.workplace.calendar.spi.EventDraft;
import com.workplace.calendar.spi.IncomingNotification;
import com.workplace.calendar.spi.ProviderSubscription;
import com.workplace.calendar.spi.SubscriptionRequest;
import com.workplace.calendar.spi.TenantAccess;
import com.workplace.calendar.tenant.TenantId;
import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A provider for unit tests of core whose every call fails loudly, with the reason a test gives;
 * a test's backend extends it and answers only the calls the test scripts.
 */
public abstract class CallRefusingProvider implements CalendarProvider {
  private final String whyRefused;

  /**
   * @param whyRefused the message of the {@link IllegalStateException} a call not answered throws
   */
  protected CallRefusingProvider(String whyRefused) {
    this.whyRefused = whyRefused;
  }

  /** The exception a call the test does not answer throws. */
  protected final IllegalStateException refused() {
    return new IllegalStateException(whyRefused);
  }

  @Override
  public URI adminConsentUri(TenantId tenantId, String state) {
    throw refused();
  }

  @Override
  public TenantAccess checkTenantAccess(TenantId tenantId, Optional<String> probeMailbox) {
    throw refused();
  }

  @Override
  public Map<String, ConnectOutcome> probeMailboxes(TenantId tenantId, Collection<String> emails) {
    throw refused();
  }

  @Override
  public List<DiscoveredRoom> listRooms(TenantId tenantId) {
    throw refused();
  }

  @Override
  public CalendarEvent createEvent(TenantId tenantId, String mailbox, EventDraft draft) {
    throw refused();
  }

  @Override
  public Optional<CalendarEvent> getEvent(TenantId tenantId, String mailbox, String eventId) {
    throw refused();
  }

  @Override
  public List<CalendarEvent> eventsBetween(
      TenantId tenantId, String mailbox, Instant from, Instant to) {
    throw refused();
  }

  @Override
  public CalendarEvent updateEvent(
      TenantId tenantId,
      String mailbox,
      String eventId,
      Optional<String> subject,
      Optional<Instant> start,
      Optional<Instant> end) {
    throw refused();
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
    throw refused();
  }

  @Override
  public boolean cancelEvent(
      TenantId tenantId, String mailbox, String eventId, Optional<String> comment) {
    throw refused();
  }

  @Override
  public boolean deleteEvent(TenantId tenantId, String mailbox, String eventId) {
    throw refused();
  }

  @Override
  public DeltaPage deltaPage(
      TenantId tenantId,
      String mailbox,
      Optional<String> link,
      Instant windowStart,
      Instant windowEnd) {
    throw refused();
  }

  @Override
  public Optional<List<CalendarEvent>> listSeriesInstances(
      TenantId tenantId, String mailbox, String seriesMasterId, Instant from, Instant to) {
    throw refused();
  }

  @Override
  public List<Availability> schedules(
      TenantId tenantId, List<String> mailboxes, Instant from, Instant to) {
    throw refused();
  }

  @Override
  public ProviderSubscription createSubscription(
      TenantId tenantId, String mailbox, SubscriptionRequest request) {
    throw refused();
  }

  @Override
  public Optional<ProviderSubscription> renewSubscription(
      TenantId tenantId, String subscriptionId, Instant expiresAt) {
    throw refused();
  }

  @Override
  public boolean deleteSubscription(TenantId tenantId, String subscriptionId) {
    throw refused();
  }

  @Override
  public List<IncomingNotification> parseNotifications(byte[] body) {
    throw refused();
  }

  @Override
  public void close() {}
}
