package com.workplace.calendar.benchmarks;

import com.workplace.calendar.booking.Availability;
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
 * The calendar backend of the CSV benchmark: importing registers calendars and links spaces in the
 * store, and never calls Microsoft 365, so every call here is a failure of the benchmark.
 */
final class OfflineProvider implements CalendarProvider {
  private static IllegalStateException unused() {
    return new IllegalStateException("the CSV benchmark makes no call to Microsoft 365");
  }

  @Override
  public URI adminConsentUri(TenantId tenantId, String state) {
    throw unused();
  }

  @Override
  public TenantAccess checkTenantAccess(TenantId tenantId, Optional<String> probeMailbox) {
    throw unused();
  }

  @Override
  public Map<String, ConnectOutcome> probeMailboxes(
      TenantId tenantId, Collection<String> emails) {
    throw unused();
  }

  @Override
  public List<DiscoveredRoom> listRooms(TenantId tenantId) {
    throw unused();
  }

  @Override
  public CalendarEvent createEvent(TenantId tenantId, String mailbox, EventDraft draft) {
    throw unused();
  }

  @Override
  public Optional<CalendarEvent> getEvent(TenantId tenantId, String mailbox, String eventId) {
    throw unused();
  }

  @Override
  public CalendarEvent updateEvent(
      TenantId tenantId,
      String mailbox,
      String eventId,
      Optional<String> subject,
      Optional<Instant> start,
      Optional<Instant> end) {
    throw unused();
  }

  @Override
  public boolean cancelEvent(
      TenantId tenantId, String mailbox, String eventId, Optional<String> comment) {
    throw unused();
  }

  @Override
  public boolean deleteEvent(TenantId tenantId, String mailbox, String eventId) {
    throw unused();
  }

  @Override
  public DeltaPage deltaPage(
      TenantId tenantId,
      String mailbox,
      Optional<String> link,
      Instant windowStart,
      Instant windowEnd) {
    throw unused();
  }

  @Override
  public List<Availability> schedules(
      TenantId tenantId, List<String> mailboxes, Instant from, Instant to) {
    throw unused();
  }

  @Override
  public ProviderSubscription createSubscription(
      TenantId tenantId, String mailbox, SubscriptionRequest request) {
    throw unused();
  }

  @Override
  public Optional<ProviderSubscription> renewSubscription(
      TenantId tenantId, String subscriptionId, Instant expiresAt) {
    throw unused();
  }

  @Override
  public boolean deleteSubscription(TenantId tenantId, String subscriptionId) {
    throw unused();
  }

  @Override
  public List<IncomingNotification> parseNotifications(byte[] body) {
    throw unused();
  }

  @Override
  public void close() {
    throw unused();
  }
}
