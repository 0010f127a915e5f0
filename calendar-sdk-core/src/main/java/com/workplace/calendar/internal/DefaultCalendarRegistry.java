package com.workplace.calendar.internal;

import com.workplace.calendar.CalendarEventListener;
import com.workplace.calendar.DuplicateRecordException;
import com.workplace.calendar.Page;
import com.workplace.calendar.PageRequest;
import com.workplace.calendar.ResourceNotFoundException;
import com.workplace.calendar.StaleRecordException;
import com.workplace.calendar.registry.AddOutcome;
import com.workplace.calendar.registry.BulkAddReport;
import com.workplace.calendar.registry.CalendarFailureReason;
import com.workplace.calendar.registry.CalendarQuery;
import com.workplace.calendar.registry.CalendarRegistry;
import com.workplace.calendar.registry.CalendarStatus;
import com.workplace.calendar.registry.ConnectOutcome;
import com.workplace.calendar.registry.ConnectReport;
import com.workplace.calendar.registry.DiscoveredRoom;
import com.workplace.calendar.registry.EmailAddresses;
import com.workplace.calendar.registry.RoomBookingRules;
import com.workplace.calendar.registry.RoomBookingType;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.spi.CalendarProvider;
import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.store.SubscriptionState;
import com.workplace.calendar.tenant.Tenant;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.tenant.TenantStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The provider-neutral {@link CalendarRegistry}: rules in core, mailbox probes by the provider. */
public final class DefaultCalendarRegistry implements CalendarRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultCalendarRegistry.class);
  /**
   * Calendars probed per provider call; outcomes are recorded after each. A multiple of what the
   * Graph provider keeps in flight by default (8 batches of 20), so no call ends with a half wave.
   */
  private static final int PROBE_CHUNK = 960;
  private static final Set<TenantStatus> AUTHORIZED =
      EnumSet.of(TenantStatus.CONSENTED, TenantStatus.VERIFIED);

  private final CalendarStore store;
  private final CalendarProvider provider;
  private final Clock clock;
  private final CalendarEventListener events;
  private volatile java.util.function.BiConsumer<TenantId, List<String>> whenConnected =
      (tenant, emails) -> {};

  /**
   * Creates the registry.
   *
   * @param store where calendars are kept
   * @param provider the backend that probes mailboxes
   * @param clock the clock
   */
  public DefaultCalendarRegistry(CalendarStore store, CalendarProvider provider, Clock clock) {
    this(store, provider, clock, CalendarEventListener.NONE);
  }

  /**
   * Creates the registry.
   *
   * @param store where calendars are kept
   * @param provider the backend that probes mailboxes
   * @param clock the clock
   * @param events told of every connect report
   */
  public DefaultCalendarRegistry(
      CalendarStore store, CalendarProvider provider, Clock clock, CalendarEventListener events) {
    this.store = Objects.requireNonNull(store, "store");
    this.provider = Objects.requireNonNull(provider, "provider");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.events = Objects.requireNonNull(events, "events");
  }

  /**
   * Tells who must know of calendars that got connected, whoever connected them (the host or the
   * background connector): the sync queues their first round at once instead of at its next
   * scheduled walk.
   *
   * @param listener the tenant and the addresses connected by one call
   */
  public void whenConnected(java.util.function.BiConsumer<TenantId, List<String>> listener) {
    this.whenConnected = Objects.requireNonNull(listener, "listener");
  }

  @Override
  public RoomCalendar add(TenantId tenantId, String email) {
    String normalized = EmailAddresses.normalize(email);
    requireTenant(tenantId);
    try {
      return store.insertCalendar(RoomCalendar.added(tenantId, normalized, null, clock.instant()));
    } catch (DuplicateRecordException e) {
      throw new DuplicateRecordException(
          "calendar " + normalized + " is already registered for tenant " + tenantId);
    }
  }

  @Override
  public BulkAddReport addAll(TenantId tenantId, Collection<String> emails) {
    Objects.requireNonNull(emails, "emails");
    List<DiscoveredName> entries = new ArrayList<>(emails.size());
    for (String email : emails) {
      entries.add(new DiscoveredName(email, null, RoomBookingType.UNKNOWN));
    }
    return addEntries(tenantId, entries);
  }

  @Override
  public BulkAddReport addDiscovered(TenantId tenantId, Collection<DiscoveredRoom> rooms) {
    Objects.requireNonNull(rooms, "rooms");
    List<DiscoveredName> entries = new ArrayList<>(rooms.size());
    for (DiscoveredRoom room : rooms) {
      entries.add(new DiscoveredName(room.email(), room.displayName(), room.bookingType()));
    }
    return addEntries(tenantId, entries);
  }

  private record DiscoveredName(String input, String displayName, RoomBookingType bookingType) {}

  private BulkAddReport addEntries(TenantId tenantId, List<DiscoveredName> entries) {
    requireTenant(tenantId);
    Instant now = clock.instant();
    Set<String> seen = new HashSet<>();
    List<AddOutcome> outcomes = new ArrayList<>(entries.size());
    for (DiscoveredName entry : entries) {
      String input = entry.input() == null ? "" : entry.input();
      String email;
      try {
        email = EmailAddresses.normalize(input);
      } catch (IllegalArgumentException e) {
        outcomes.add(
            new AddOutcome(
                input, Optional.empty(), AddOutcome.Result.INVALID, Optional.of(e.getMessage())));
        continue;
      }
      if (!seen.add(email)) {
        outcomes.add(
            new AddOutcome(
                input,
                Optional.of(email),
                AddOutcome.Result.DUPLICATE_IN_REQUEST,
                Optional.of("appears more than once; registered once")));
        continue;
      }
      try {
        store.insertCalendar(
            RoomCalendar.added(tenantId, email, entry.displayName(), now)
                .withBookingType(entry.bookingType()));
        outcomes.add(
            new AddOutcome(input, Optional.of(email), AddOutcome.Result.ADDED, Optional.empty()));
      } catch (DuplicateRecordException e) {
        outcomes.add(
            new AddOutcome(
                input,
                Optional.of(email),
                AddOutcome.Result.ALREADY_REGISTERED,
                Optional.of("already registered")));
        if (entry.bookingType() != RoomBookingType.UNKNOWN) {
          // discovery keeps the booking type of registered rooms current
          change(tenantId, email, c -> c.withBookingType(entry.bookingType()));
        }
      }
    }
    return new BulkAddReport(outcomes);
  }

  @Override
  public RoomCalendar setBookingRules(TenantId tenantId, String email, RoomBookingRules rules) {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(rules, "rules");
    return change(tenantId, EmailAddresses.normalize(email), c -> c.withBookingRules(rules));
  }

  @Override
  public RoomCalendar setBookingType(TenantId tenantId, String email, RoomBookingType type) {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(type, "type");
    return change(tenantId, EmailAddresses.normalize(email), c -> c.withBookingType(type));
  }

  private RoomCalendar change(
      TenantId tenantId, String email, UnaryOperator<RoomCalendar> edit) {
    for (int attempt = 0; attempt < 5; attempt++) {
      RoomCalendar current =
          store
              .findCalendar(tenantId, email)
              .orElseThrow(
                  () ->
                      new ResourceNotFoundException(
                          "calendar " + email + " is not registered for tenant " + tenantId));
      RoomCalendar changed = edit.apply(current);
      if (changed.equals(current)) {
        return current;
      }
      try {
        return store.updateCalendar(changed);
      } catch (StaleRecordException e) {
        // changed meanwhile (a connect, another edit): read again
      }
    }
    throw new StaleRecordException(
        "calendar " + email + " kept changing while its settings were being saved; try again");
  }

  @Override
  public Optional<RoomCalendar> get(TenantId tenantId, String email) {
    Objects.requireNonNull(tenantId, "tenantId");
    return store.findCalendar(tenantId, EmailAddresses.normalize(email));
  }

  @Override
  public Page<RoomCalendar> list(TenantId tenantId, CalendarQuery query) {
    requireTenant(tenantId);
    return store.listCalendars(tenantId, Objects.requireNonNull(query, "query"));
  }

  @Override
  public boolean remove(TenantId tenantId, String email) {
    Objects.requireNonNull(tenantId, "tenantId");
    String normalized = EmailAddresses.normalize(email);
    Optional<SubscriptionState> subscription = store.findSubscription(tenantId, normalized);
    boolean removed = store.deleteCalendar(tenantId, normalized);
    subscription.ifPresent(s -> deleteSubscriptionQuietly(tenantId, s));
    return removed;
  }

  private void deleteSubscriptionQuietly(TenantId tenantId, SubscriptionState subscription) {
    try {
      provider.deleteSubscription(tenantId, subscription.subscriptionId());
    } catch (RuntimeException e) {
      LOG.warn(
          "Could not delete subscription {} of a removed calendar in tenant {}; it will expire"
              + " on its own: {}",
          subscription.subscriptionId(),
          tenantId,
          e.getMessage());
    }
  }

  @Override
  public ConnectReport connect(TenantId tenantId) {
    requireTenant(tenantId);
    List<String> pending = new ArrayList<>();
    CalendarQuery query =
        CalendarQuery.withStatus(CalendarStatus.ADDED, CalendarStatus.FAILED)
            .page(PageRequest.first(PageRequest.MAX_SIZE));
    while (true) {
      Page<RoomCalendar> page = store.listCalendars(tenantId, query);
      page.items().forEach(c -> pending.add(c.email()));
      if (!page.hasNext()) {
        break;
      }
      query = query.page(query.page().next(page));
    }
    return probeAndRecord(tenantId, pending);
  }

  @Override
  public ConnectReport connect(TenantId tenantId, Collection<String> emails) {
    requireTenant(tenantId);
    Set<String> normalized = new LinkedHashSet<>();
    for (String email : emails) {
      String one = EmailAddresses.normalize(email);
      if (store.findCalendar(tenantId, one).isEmpty()) {
        throw new ResourceNotFoundException(
            "calendar " + one + " is not registered for tenant " + tenantId);
      }
      normalized.add(one);
    }
    return probeAndRecord(tenantId, new ArrayList<>(normalized));
  }

  private ConnectReport probeAndRecord(TenantId tenantId, List<String> emails) {
    Instant started = clock.instant();
    Tenant tenant = requireTenant(tenantId);
    List<ConnectOutcome> outcomes = new ArrayList<>(emails.size());
    for (int from = 0; from < emails.size(); from += PROBE_CHUNK) {
      List<String> chunk = emails.subList(from, Math.min(emails.size(), from + PROBE_CHUNK));
      Map<String, ConnectOutcome> probed;
      if (AUTHORIZED.contains(tenant.status())) {
        probed = provider.probeMailboxes(tenantId, chunk);
      } else {
        probed = new java.util.HashMap<>();
        for (String email : chunk) {
          probed.put(
              email,
              ConnectOutcome.failed(
                  email,
                  CalendarFailureReason.TENANT_NOT_AUTHORIZED,
                  "tenant status is " + tenant.status()));
        }
      }
      for (String email : chunk) {
        ConnectOutcome outcome =
            probed.getOrDefault(
                email,
                ConnectOutcome.failed(
                    email, CalendarFailureReason.THROTTLED_GIVE_UP, "no answer for the mailbox"));
        if (record(tenantId, outcome)) {
          outcomes.add(outcome);
        }
      }
    }
    outcomes.sort(Comparator.comparing(ConnectOutcome::email));
    List<String> connected =
        outcomes.stream()
            .filter(o -> o.status() == CalendarStatus.CONNECTED)
            .map(ConnectOutcome::email)
            .toList();
    if (!connected.isEmpty()) {
      whenConnected.accept(tenantId, connected);
    }
    ConnectReport report =
        new ConnectReport(tenantId, outcomes, Duration.between(started, clock.instant()));
    events.connectCompleted(report);
    return report;
  }

  /** Records an outcome on the calendar, retrying on concurrent changes; false if it vanished. */
  private boolean record(TenantId tenantId, ConnectOutcome outcome) {
    Instant now = clock.instant();
    UnaryOperator<RoomCalendar> change =
        c ->
            outcome.status() == CalendarStatus.CONNECTED
                ? c.connected(now)
                : c.failed(
                    outcome.failureReason().orElseThrow(), outcome.detail().orElse(null), now);
    for (int attempt = 0; attempt < 5; attempt++) {
      Optional<RoomCalendar> current = store.findCalendar(tenantId, outcome.email());
      if (current.isEmpty()) {
        return false;
      }
      try {
        store.updateCalendar(change.apply(current.get()));
        return true;
      } catch (StaleRecordException e) {
        // someone changed it meanwhile: read again and apply the outcome on top
      } catch (ResourceNotFoundException e) {
        return false;
      }
    }
    throw new StaleRecordException(
        "calendar " + outcome.email() + " kept changing while its connect outcome was recorded");
  }

  @Override
  public List<DiscoveredRoom> discoverRooms(TenantId tenantId) {
    requireTenant(tenantId);
    List<DiscoveredRoom> rooms = new ArrayList<>(provider.listRooms(tenantId));
    rooms.sort(Comparator.comparing(DiscoveredRoom::email));
    return rooms;
  }

  private Tenant requireTenant(TenantId tenantId) {
    Objects.requireNonNull(tenantId, "tenantId");
    return store
        .findTenant(tenantId)
        .orElseThrow(
            () ->
                new ResourceNotFoundException(
                    "tenant " + tenantId + " is not known; authorize it first"));
  }
}
