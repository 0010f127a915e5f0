package com.workplace.calendar.internal;

import com.workplace.calendar.registry.CalendarFailureReason;
import com.workplace.calendar.registry.ConnectOutcome;
import com.workplace.calendar.registry.DiscoveredRoom;
import com.workplace.calendar.spi.TenantAccess;
import com.workplace.calendar.tenant.TenantId;
import java.net.URI;
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
final class ScriptedProvider extends CallRefusingProvider {
  final Map<String, CalendarFailureReason> failures = new ConcurrentHashMap<>();
  final List<DiscoveredRoom> rooms = new CopyOnWriteArrayList<>();
  final List<List<String>> probeCalls = new CopyOnWriteArrayList<>();
  final List<String> deletedSubscriptions = new CopyOnWriteArrayList<>();
  /** Answers of checkTenantAccess, in order; the last one repeats. */
  final List<TenantAccess> accessAnswers = new CopyOnWriteArrayList<>();
  final List<Optional<String>> accessProbes = new CopyOnWriteArrayList<>();

  ScriptedProvider() {
    super("this test did not script that provider call");
  }

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
      throw refused();
    }
    accessProbes.add(probeMailbox);
    return accessAnswers.size() == 1 ? accessAnswers.get(0) : accessAnswers.remove(0);
  }
}
