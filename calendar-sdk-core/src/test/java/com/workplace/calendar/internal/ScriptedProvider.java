package com.workplace.calendar.internal;

import com.workplace.calendar.booking.Availability;
import com.workplace.calendar.booking.BookingRecurrence;
import com.workplace.calendar.registry.CalendarFailureReason;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A hand-written backend for unit tests of core: mailbox probes answer from a script, rooms come
 * from a list, and every call is recorded. Operations a test did not script fail loudly.
 */
final class ScriptedProvider implements CalendarProvider {
  final Map<String, CalendarFailureReason> failures = new ConcurrentHashMap<>();
  final List<DiscoveredRoom> rooms = new CopyOnWriteArrayList<>();
  final List<List<String>> probeCalls = new CopyOnWriteArrayList<>();
  final List<String> deletedSubscriptions = new CopyOnWriteArrayList<>();
  /** Answers of checkTenantAccess, in order; the last one repeats. */
  final List<TenantAccess> accessAnswers = new CopyOnWriteArrayList<>();
  final List<Optional<String>> accessProbes = new CopyOnWriteArrayList<>();

  @Override
  public Map<String, ConnectOutcome> probeMailboxes(TenantId tenantId, Collection<String> emails) {
    probeCalls.add(new ArrayList<>(emails));
    Map<String, ConnectOutcome> outcomes = new HashMap<>();
    for (String email : emails) {
      CalendarFailureReason reason = failures.get(email);
      outcomes.put(
          email,
          reason == null
              ? ConnectOutcome.connected(email)
              : ConnectOutcome.failed(email, reason, "scripted " + reason));
    }
    return outcomes;
  }

  @Override
  public List<DiscoveredRoom> listRooms(TenantId tenantId) {
    return List.copyOf(rooms);
  }

  @Override
  public boolean deleteSubscription(TenantId tenantId, String subscriptionId) {
    deletedSubscriptions.add(subscriptionId);
    return true;
  }

  @Override
  public URI adminConsentUri(TenantId tenantId, String state) {
    return URI.create("https://login.example.com/" + tenantId.value() + "/v2.0/adminconsent?state=" + state);
  }

  @Override
  public TenantAccess checkTenantAccess(TenantId tenantId, Optional<String> probeMailbox) {
    if (accessAnswers.isEmpty()) {
      throw unscripted();
    }
    accessProbes.add(probeMailbox);
    return accessAnswers.size() == 1 ? accessAnswers.get(0) : accessAnswers.remove(0);
  }

  @Override
  public CalendarEvent createEvent(TenantId tenantId, String mailbox, EventDraft draft) {
    throw unscripted();
  }

  @Override
  public Optional<CalendarEvent> getEvent(TenantId tenantId, String mailbox, String eventId) {
    throw unscripted();
  }

  @Override
  public List<CalendarEvent> eventsBetween(
      TenantId tenantId, String mailbox, Instant from, Instant to) {
    throw unscripted();
  }

  @Override
  public CalendarEvent updateEvent(
      TenantId tenantId,
      String mailbox,
      String eventId,
      Optional<String> subject,
      Optional<Instant> start,
      Optional<Instant> end) {
    throw unscripted();
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
    throw unscripted();
  }

  @Override
  public boolean cancelEvent(
      TenantId tenantId, String mailbox, String eventId, Optional<String> comment) {
    throw unscripted();
  }

  @Override
  public boolean deleteEvent(TenantId tenantId, String mailbox, String eventId) {
    throw unscripted();
  }

  @Override
  public Optional<List<CalendarEvent>> listSeriesInstances(
      TenantId tenantId, String mailbox, String seriesMasterId, Instant from, Instant to) {
    throw unscripted();
  }

  @Override
  public DeltaPage deltaPage(
      TenantId tenantId, String mailbox, Optional<String> link, Instant windowStart, Instant windowEnd) {
    throw unscripted();
  }

  @Override
  public List<Availability> schedules(
      TenantId tenantId, List<String> mailboxes, Instant from, Instant to) {
    throw unscripted();
  }

  @Override
  public ProviderSubscription createSubscription(
      TenantId tenantId, String mailbox, SubscriptionRequest request) {
    throw unscripted();
  }

  @Override
  public Optional<ProviderSubscription> renewSubscription(
      TenantId tenantId, String subscriptionId, Instant expiresAt) {
    throw unscripted();
  }

  @Override
  public List<IncomingNotification> parseNotifications(byte[] body) {
    throw unscripted();
  }

  @Override
  public void close() {}

  private static IllegalStateException unscripted() {
    return new IllegalStateException("this test did not script that provider call");
  }
}
