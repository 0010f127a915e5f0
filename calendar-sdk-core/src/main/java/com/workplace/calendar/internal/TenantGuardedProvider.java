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
 * The provider as the registry, bookings and sync use it: every call that reaches a tenant's
 * mailboxes first checks that the tenant is authorized ({@link TenantStatusCache}), so that a tenant
 * revoked, failed or removed through any instance stops being called on every instance. Consent and
 * verification use the provider directly. Closing is the owner's business, not this view's.
 */
public final class TenantGuardedProvider implements CalendarProvider {
  private final CalendarProvider provider;
  private final TenantStatusCache tenants;

  /**
   * Creates the view.
   *
   * @param provider the provider
   * @param tenants the tenants' statuses
   */
  public TenantGuardedProvider(CalendarProvider provider, TenantStatusCache tenants) {
    this.provider = provider;
    this.tenants = tenants;
  }

  @Override
  public URI adminConsentUri(TenantId tenantId, String state) {
    return provider.adminConsentUri(tenantId, state);
  }

  @Override
  public Optional<String> resolveDirectoryId(TenantId tenantId) {
    return provider.resolveDirectoryId(tenantId);
  }

  @Override
  public TenantAccess checkTenantAccess(TenantId tenantId, Optional<String> probeMailbox) {
    return provider.checkTenantAccess(tenantId, probeMailbox);
  }

  @Override
  public Map<String, ConnectOutcome> probeMailboxes(TenantId tenantId, Collection<String> emails) {
    tenants.requireAuthorized(tenantId);
    return provider.probeMailboxes(tenantId, emails);
  }

  @Override
  public List<DiscoveredRoom> listRooms(TenantId tenantId) {
    tenants.requireAuthorized(tenantId);
    return provider.listRooms(tenantId);
  }

  @Override
  public CalendarEvent createEvent(TenantId tenantId, String mailbox, EventDraft draft) {
    tenants.requireAuthorized(tenantId);
    return provider.createEvent(tenantId, mailbox, draft);
  }

  @Override
  public Optional<CalendarEvent> getEvent(TenantId tenantId, String mailbox, String eventId) {
    tenants.requireAuthorized(tenantId);
    return provider.getEvent(tenantId, mailbox, eventId);
  }

  @Override
  public Optional<CalendarEvent> getSeriesMaster(
      TenantId tenantId, String mailbox, String seriesMasterId) {
    tenants.requireAuthorized(tenantId);
    return provider.getSeriesMaster(tenantId, mailbox, seriesMasterId);
  }

  @Override
  public Map<String, Optional<CalendarEvent>> getSeriesMasters(
      TenantId tenantId, String mailbox, Collection<String> seriesMasterIds) {
    tenants.requireAuthorized(tenantId);
    return provider.getSeriesMasters(tenantId, mailbox, seriesMasterIds);
  }

  @Override
  public Optional<List<CalendarEvent>> listSeriesInstances(
      TenantId tenantId, String mailbox, String seriesMasterId, Instant from, Instant to) {
    tenants.requireAuthorized(tenantId);
    return provider.listSeriesInstances(tenantId, mailbox, seriesMasterId, from, to);
  }

  @Override
  public List<CalendarEvent> eventsBetween(
      TenantId tenantId, String mailbox, Instant from, Instant to) {
    tenants.requireAuthorized(tenantId);
    return provider.eventsBetween(tenantId, mailbox, from, to);
  }

  @Override
  public CalendarEvent updateEvent(
      TenantId tenantId,
      String mailbox,
      String eventId,
      Optional<String> subject,
      Optional<Instant> start,
      Optional<Instant> end) {
    tenants.requireAuthorized(tenantId);
    return provider.updateEvent(tenantId, mailbox, eventId, subject, start, end);
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
    tenants.requireAuthorized(tenantId);
    return provider.moveSeries(tenantId, mailbox, seriesMasterId, subject, start, end, recurrence);
  }

  @Override
  public void checkRecurrence(BookingRecurrence recurrence) {
    provider.checkRecurrence(recurrence);
  }

  @Override
  public boolean cancelEvent(
      TenantId tenantId, String mailbox, String eventId, Optional<String> comment) {
    tenants.requireAuthorized(tenantId);
    return provider.cancelEvent(tenantId, mailbox, eventId, comment);
  }

  @Override
  public boolean deleteEvent(TenantId tenantId, String mailbox, String eventId) {
    tenants.requireAuthorized(tenantId);
    return provider.deleteEvent(tenantId, mailbox, eventId);
  }

  @Override
  public DeltaPage deltaPage(
      TenantId tenantId,
      String mailbox,
      Optional<String> link,
      Instant windowStart,
      Instant windowEnd) {
    tenants.requireAuthorized(tenantId);
    return provider.deltaPage(tenantId, mailbox, link, windowStart, windowEnd);
  }

  @Override
  public boolean canFollow(String link) {
    return provider.canFollow(link);
  }

  @Override
  public List<Availability> schedules(
      TenantId tenantId, List<String> mailboxes, Instant from, Instant to) {
    tenants.requireAuthorized(tenantId);
    return provider.schedules(tenantId, mailboxes, from, to);
  }

  @Override
  public ProviderSubscription createSubscription(
      TenantId tenantId, String mailbox, SubscriptionRequest request) {
    tenants.requireAuthorized(tenantId);
    return provider.createSubscription(tenantId, mailbox, request);
  }

  @Override
  public Optional<ProviderSubscription> renewSubscription(
      TenantId tenantId, String subscriptionId, Instant expiresAt) {
    tenants.requireAuthorized(tenantId);
    return provider.renewSubscription(tenantId, subscriptionId, expiresAt);
  }

  @Override
  public boolean deleteSubscription(TenantId tenantId, String subscriptionId) {
    tenants.requireAuthorized(tenantId);
    return provider.deleteSubscription(tenantId, subscriptionId);
  }

  @Override
  public List<IncomingNotification> parseNotifications(byte[] body) {
    return provider.parseNotifications(body);
  }

  /** Does nothing: the provider belongs to the service, which closes it. */
  @Override
  public void close() {}
}
