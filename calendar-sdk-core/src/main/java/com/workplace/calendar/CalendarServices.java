package com.workplace.calendar;

import com.workplace.calendar.internal.CoreCalendarService;
import com.workplace.calendar.internal.DefaultCalendarRegistry;
import com.workplace.calendar.internal.DefaultSpaceMapper;
import com.workplace.calendar.internal.DefaultTenantAuthorizer;
import com.workplace.calendar.internal.TenantGuardedProvider;
import com.workplace.calendar.internal.TenantStatusCache;
import com.workplace.calendar.internal.booking.DefaultRoomBookings;
import com.workplace.calendar.internal.sync.DefaultCalendarSync;
import com.workplace.calendar.space.SpaceDirectory;
import com.workplace.calendar.spi.CalendarProvider;
import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.store.InMemoryCalendarStore;
import com.workplace.calendar.sync.SyncListener;
import com.workplace.calendar.sync.SyncOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Builds a {@link CalendarService} from a {@link CalendarProvider} (the calendar backend), a {@link
 * CalendarStore} and the host's {@link SpaceDirectory} and {@link SyncListener}: the one public way
 * to put the provider-neutral core together. The Microsoft 365 builder ({@code
 * GraphCalendarService.builder()}) delegates to it; a host or a test with a provider of its own
 * builds a service the same way:
 *
 * <pre>{@code
 * CalendarService calendars = CalendarServices.builder()
 *     .provider(myProvider)
 *     .store(JdbcCalendarStore.create(dataSource))
 *     .spaceDirectory(hostSpaces)
 *     .syncListener(hostListener)
 *     .build();
 * }</pre>
 *
 * <p>The service owns the provider and the store: closing it closes both, after stopping its
 * background work.
 *
 * @since 0.2.0
 */
public final class CalendarServices {
  private CalendarServices() {}

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Configures and builds a {@link CalendarService}. Not thread-safe; the service it builds is. */
  public static final class Builder {
    /** The default of {@link #tenantStatusRefresh(Duration)}. */
    public static final Duration DEFAULT_TENANT_STATUS_REFRESH = Duration.ofSeconds(2);

    private CalendarProvider provider;
    private CalendarStore store;
    private SpaceDirectory spaceDirectory;
    private SyncListener syncListener;
    private SyncOptions syncOptions = SyncOptions.defaults();
    private Clock clock = Clock.systemUTC();
    private Duration consentStateLifetime = Duration.ofMinutes(15);
    private Duration verificationTimeout = Duration.ofMinutes(2);
    private Duration tenantStatusRefresh = DEFAULT_TENANT_STATUS_REFRESH;
    private CalendarEventListener eventListener = CalendarEventListener.NONE;
    private final List<AutoCloseable> alsoClose = new ArrayList<>();

    private Builder() {}

    /**
     * The calendar backend. Required.
     *
     * @param value the provider; the service closes it when it closes
     * @return this builder
     */
    public Builder provider(CalendarProvider value) {
      this.provider = Objects.requireNonNull(value, "provider");
      return this;
    }

    /**
     * Where the SDK keeps its state. Default: a new {@link InMemoryCalendarStore} (one process
     * only; use a {@link com.workplace.calendar.store.JdbcCalendarStore} for several instances).
     *
     * @param value the store; the service closes it when it closes
     * @return this builder
     */
    public Builder store(CalendarStore value) {
      this.store = Objects.requireNonNull(value, "store");
      return this;
    }

    /**
     * The product's spaces. Required.
     *
     * @param value the host's directory
     * @return this builder
     */
    public Builder spaceDirectory(SpaceDirectory value) {
      this.spaceDirectory = Objects.requireNonNull(value, "spaceDirectory");
      return this;
    }

    /**
     * Receives the changes found by sync (bookings made in Outlook). Required: without it such
     * changes would be lost.
     *
     * @param value the host's listener
     * @return this builder
     */
    public Builder syncListener(SyncListener value) {
      this.syncListener = Objects.requireNonNull(value, "syncListener");
      return this;
    }

    /**
     * How sync, change notifications and background connecting run. Default: {@link
     * SyncOptions#defaults()}.
     *
     * @param value the options
     * @return this builder
     */
    public Builder syncOptions(SyncOptions value) {
      this.syncOptions = Objects.requireNonNull(value, "syncOptions");
      return this;
    }

    /**
     * The clock for timestamps, consent expiry and leases. Default: the UTC system clock.
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * How long a consent {@code state} is accepted. Default: 15 minutes.
     *
     * @param value the lifetime, 1 minute to 1 day
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder consentStateLifetime(Duration value) {
      Objects.requireNonNull(value, "consentStateLifetime");
      if (value.compareTo(Duration.ofMinutes(1)) < 0 || value.compareTo(Duration.ofDays(1)) > 0) {
        throw new IllegalArgumentException("consentStateLifetime must be 1 minute to 1 day");
      }
      this.consentStateLifetime = value;
      return this;
    }

    /**
     * How long verification keeps retrying while a new consent propagates. Default: 2 minutes.
     *
     * @param value the bound, zero to 10 minutes
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder verificationTimeout(Duration value) {
      Objects.requireNonNull(value, "verificationTimeout");
      if (value.isNegative() || value.compareTo(Duration.ofMinutes(10)) > 0) {
        throw new IllegalArgumentException("verificationTimeout must be 0 to 10 minutes");
      }
      this.verificationTimeout = value;
      return this;
    }

    /**
     * How long this instance trusts what it read of a tenant's status: a tenant that another
     * instance records as revoked, failed or removed stops being called here within this time.
     * Default: {@link #DEFAULT_TENANT_STATUS_REFRESH}.
     *
     * @param value the time, zero (read the store every time) to 5 minutes
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder tenantStatusRefresh(Duration value) {
      Objects.requireNonNull(value, "tenantStatusRefresh");
      if (value.isNegative() || value.compareTo(Duration.ofMinutes(5)) > 0) {
        throw new IllegalArgumentException("tenantStatusRefresh must be 0 to 5 minutes");
      }
      this.tenantStatusRefresh = value;
      return this;
    }

    /**
     * Hooks for metrics, tracing and monitoring: connect outcomes, sync rounds, notifications and
     * consent. Default: none. Combine several with {@link CalendarEventListener#composite(List)};
     * a listener that throws is logged and does not disturb the SDK.
     *
     * @param value the listener
     * @return this builder
     * @since 0.2.0
     */
    public Builder eventListener(CalendarEventListener value) {
      this.eventListener = Objects.requireNonNull(value, "eventListener");
      return this;
    }

    /**
     * Another resource the service closes when it closes, after the provider and the store (e.g. a
     * thread pool the provider uses).
     *
     * @param resource the resource
     * @return this builder
     */
    public Builder closeWithService(AutoCloseable resource) {
      alsoClose.add(Objects.requireNonNull(resource, "resource"));
      return this;
    }

    /**
     * Builds the service.
     *
     * @return a thread-safe service; close it when done
     * @throws IllegalStateException if a required setting is missing
     */
    public CalendarService build() {
      if (provider == null) {
        throw new IllegalStateException("provider is required: the calendar backend");
      }
      if (syncListener == null) {
        throw new IllegalStateException(
            "syncListener is required: it receives the bookings made outside the product");
      }
      if (spaceDirectory == null) {
        throw new IllegalStateException("spaceDirectory is required: the product's spaces");
      }
      CalendarStore s = store != null ? store : InMemoryCalendarStore.create(clock);
      CalendarEventListener events = CalendarEventListener.composite(List.of(eventListener));
      TenantStatusCache statuses = new TenantStatusCache(s, tenantStatusRefresh);
      CalendarProvider guarded = new TenantGuardedProvider(provider, statuses);
      DefaultCalendarRegistry registry = new DefaultCalendarRegistry(s, guarded, clock, events);
      DefaultSpaceMapper spaces = new DefaultSpaceMapper(s, spaceDirectory, clock);
      DefaultTenantAuthorizer tenants =
          new DefaultTenantAuthorizer(
              s,
              provider,
              clock,
              consentStateLifetime,
              verificationTimeout,
              d -> TimeUnit.MILLISECONDS.sleep(d.toMillis()),
              statuses,
              events);
      DefaultRoomBookings bookings =
          new DefaultRoomBookings(s, guarded, clock, statuses, syncOptions.windowDaysAhead());
      DefaultCalendarSync sync =
          new DefaultCalendarSync(
              s, guarded, registry, syncListener, syncOptions, clock, events);
      registry.whenConnected(sync::calendarsConnected);
      List<AutoCloseable> owned = new ArrayList<>();
      owned.add(provider);
      owned.add(s);
      owned.addAll(alsoClose);
      return new CoreCalendarService(tenants, registry, spaces, bookings, sync, owned);
    }
  }
}
