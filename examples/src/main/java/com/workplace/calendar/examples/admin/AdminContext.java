package com.workplace.calendar.examples.admin;

import com.workplace.calendar.CalendarSdkException;
import com.workplace.calendar.CalendarService;
import com.workplace.calendar.Page;
import com.workplace.calendar.PageRequest;
import com.workplace.calendar.graph.GraphCalendarService;
import com.workplace.calendar.graph.GraphCalendarServiceBuilder;
import com.workplace.calendar.registry.CalendarQuery;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.store.SyncState;
import com.workplace.calendar.sync.SyncOptions;
import com.workplace.calendar.tenant.Tenant;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.tenant.TenantStatus;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything a command works with: the {@link CalendarService} of the chosen target, its store, the
 * space directory, the sync listener and, with the embedded fake, the fake and its demo
 * organisation. Opened once per command (or once per {@code shell}) and closed after it.
 */
final class AdminContext implements AutoCloseable {
  /** How long verification retries with a real tenant unless {@code --timeout} says otherwise. */
  static final int DEFAULT_VERIFICATION_MINUTES = 2;

  private static final URI FAKE_REDIRECT = URI.create("http://localhost:0/calendar-admin/consent");
  private static final Set<TenantStatus> AUTHORIZED = Set.of(TenantStatus.CONSENTED, TenantStatus.VERIFIED);

  private final Settings settings;
  private final CalendarService service;
  private final StoreFactory.OpenStore store;
  private final CsvSpaceDirectory spaces;
  private final ChangeFeed feed;
  private final URI redirectUri;
  private final Optional<DemoOrganisation> demo;
  private final Optional<LoopbackConsentListener> fakeListener;
  private final Duration verificationTimeout;

  private AdminContext(
      Settings settings,
      CalendarService service,
      StoreFactory.OpenStore store,
      CsvSpaceDirectory spaces,
      ChangeFeed feed,
      URI redirectUri,
      Optional<DemoOrganisation> demo,
      Optional<LoopbackConsentListener> fakeListener,
      Duration verificationTimeout) {
    this.verificationTimeout = verificationTimeout;
    this.settings = settings;
    this.service = service;
    this.store = store;
    this.spaces = spaces;
    this.feed = feed;
    this.redirectUri = redirectUri;
    this.demo = demo;
    this.fakeListener = fakeListener;
  }

  /**
   * How the service of a context is tuned for the command that opens it.
   *
   * @param syncOptions how sync runs (only {@code sync watch} changes the defaults)
   * @param verificationTimeout how long verification keeps retrying while Microsoft 365 cannot be
   *     reached or a consent propagates; empty for the target's default (the SDK's with a real
   *     tenant, none with the fake, whose consent is immediate)
   */
  record Tuning(SyncOptions syncOptions, Optional<Duration> verificationTimeout) {
    static Tuning defaults() {
      return new Tuning(SyncOptions.defaults(), Optional.empty());
    }
  }

  /**
   * Opens the target, the store and the service.
   *
   * @param settings the configuration
   * @param tuning how the command wants the service tuned
   * @throws AdminException with exit code 3 when the configuration is not usable
   */
  static AdminContext open(Settings settings, Tuning tuning) {
    if (settings.target() == Settings.Target.microsoft365) {
      settings.requireUsableForMicrosoft365();
    }
    CsvSpaceDirectory spaces = settings.spaces().map(CsvSpaceDirectory::load).orElseGet(CsvSpaceDirectory::demo);
    return settings.target() == Settings.Target.fake
        ? openFake(settings, spaces, tuning)
        : openMicrosoft365(settings, spaces, tuning);
  }

  private static AdminContext openFake(Settings settings, CsvSpaceDirectory spaces, Tuning tuning) {
    List<AutoCloseable> opened = new ArrayList<>();
    try {
      StoreFactory.OpenStore store = openStore(settings);
      opened.add(store);
      FakeMicrosoft365 m365 =
          FakeMicrosoft365.builder().seed(DemoOrganisation.SEED).containerThreads(64).build().start();
      opened.add(m365);
      DemoOrganisation demo = DemoOrganisation.seed(m365, Clock.systemUTC());
      LoopbackConsentListener listener =
          LoopbackConsentListener.start(settings.redirectUri().orElse(FAKE_REDIRECT));
      opened.add(listener);
      demo.app().addRedirectUri(listener.redirectUri().toString());
      // the fake is new in every process: consent given in an earlier command is given again
      for (Tenant tenant : store.store().listTenants()) {
        if (AUTHORIZED.contains(tenant.status())) {
          m365.findTenant(tenant.id().value())
              .ifPresent(t -> t.grantAdminConsent(DemoOrganisation.CLIENT_ID));
        }
      }
      ChangeFeed feed = new ChangeFeed();
      Duration verificationTimeout = tuning.verificationTimeout().orElse(Duration.ZERO);
      CalendarService service =
          GraphCalendarService.builder()
              .clientId(DemoOrganisation.CLIENT_ID)
              .clientSecret(DemoOrganisation.CLIENT_SECRET)
              .redirectUri(listener.redirectUri())
              .authorityHost(m365.authorityUri())
              .graphEndpoint(m365.graphUri())
              .trust(m365.sslContext(), m365.trustManager())
              .verificationTimeout(verificationTimeout)
              .store(store.store())
              .spaceDirectory(spaces)
              .syncListener(feed)
              .syncOptions(tuning.syncOptions())
              .build();
      return new AdminContext(
          settings, service, store, spaces, feed, listener.redirectUri(), Optional.of(demo), Optional.of(listener),
          verificationTimeout);
    } catch (RuntimeException e) {
      closeAll(opened);
      throw e;
    }
  }

  private static AdminContext openMicrosoft365(Settings settings, CsvSpaceDirectory spaces, Tuning tuning) {
    URI redirect = settings.redirectUri().orElse(Settings.DEFAULT_REDIRECT_URI);
    Duration verificationTimeout =
        tuning.verificationTimeout().orElse(Duration.ofMinutes(DEFAULT_VERIFICATION_MINUTES));
    GraphCalendarServiceBuilder builder;
    try {
      builder = GraphCalendarService.builder().clientId(settings.clientId().orElseThrow()).redirectUri(redirect);
      Credentials.apply(settings, builder);
      settings.authorityHost().ifPresent(builder::authorityHost);
      settings.graphEndpoint().ifPresent(builder::graphEndpoint);
      builder.verificationTimeout(verificationTimeout);
    } catch (IllegalArgumentException e) {
      throw AdminException.configuration(e.getMessage(), "check the app registration settings (--client-id,"
          + " its credential, --redirect-uri, --authority-host, --graph-endpoint)");
    }
    StoreFactory.OpenStore store = openStore(settings);
    try {
      ChangeFeed feed = new ChangeFeed();
      CalendarService service =
          builder.store(store.store()).spaceDirectory(spaces).syncListener(feed).syncOptions(tuning.syncOptions())
              .build();
      return new AdminContext(
          settings, service, store, spaces, feed, redirect, Optional.empty(), Optional.empty(), verificationTimeout);
    } catch (IllegalStateException | IllegalArgumentException e) {
      store.store().close();
      store.close();
      throw AdminException.configuration(e.getMessage(), "check the app registration settings (--client-id,"
          + " its credential, --redirect-uri, --authority-host, --graph-endpoint)");
    }
  }

  private static StoreFactory.OpenStore openStore(Settings settings) {
    if (settings.jdbcUrl().isEmpty()) {
      StoreFactory.prepareDataDir(settings.dataDir());
    }
    String url =
        settings.jdbcUrl().orElseGet(() -> StoreFactory.defaultUrl(settings.dataDir(), settings.target().name()));
    return StoreFactory.open(url, settings.jdbcUser().orElse(null), settings.jdbcPassword().orElse(null));
  }

  private static void closeAll(List<AutoCloseable> opened) {
    for (int i = opened.size() - 1; i >= 0; i--) {
      try {
        opened.get(i).close();
      } catch (Exception ignored) {
        // already failing
      }
    }
  }

  Settings settings() {
    return settings;
  }

  CalendarService service() {
    return service;
  }

  CsvSpaceDirectory spaces() {
    return spaces;
  }

  ChangeFeed feed() {
    return feed;
  }

  URI redirectUri() {
    return redirectUri;
  }

  String storeDescription() {
    return store.description();
  }

  boolean isFake() {
    return demo.isPresent();
  }

  /** The demo organisation, with the embedded fake. */
  Optional<DemoOrganisation> demo() {
    return demo;
  }

  /** The loopback listener of the embedded fake's consent redirect. */
  Optional<LoopbackConsentListener> fakeListener() {
    return fakeListener;
  }

  /** How long verification keeps retrying while Microsoft 365 cannot be reached. */
  Duration verificationTimeout() {
    return verificationTimeout;
  }

  /** Where tokens come from: the identity platform of the target. */
  URI authorityHost() {
    return demo.map(d -> d.m365().authorityUri())
        .orElse(settings.authorityHost().orElse(GraphCalendarService.DEFAULT_AUTHORITY_HOST));
  }

  String targetDescription() {
    return demo.map(d -> "embedded Microsoft 365 fake at " + d.m365().authorityUri() + " (demo organisation " + DemoOrganisation.DOMAIN + ")")
        .orElse("Microsoft 365 (" + settings.authorityHost().orElse(GraphCalendarService.DEFAULT_AUTHORITY_HOST) + ")");
  }

  /**
   * The tenant a command works on: the one given, else the only authorized one (consented or
   * verified), else the only one known, else (with the fake) the demo tenant. A tenant whose consent
   * was abandoned (still pending, or failed) does not stand in the way of the one that works.
   */
  TenantId tenant(Optional<String> given) {
    Optional<String> text = given.or(settings::tenant);
    if (text.isPresent()) {
      try {
        return TenantId.parse(text.get());
      } catch (IllegalArgumentException e) {
        throw AdminException.usage(
            e.getMessage(), "give the tenant's directory GUID or a verified domain such as contoso.onmicrosoft.com");
      }
    }
    List<Tenant> known = service.tenants().list();
    List<Tenant> authorized = known.stream().filter(t -> AUTHORIZED.contains(t.status())).toList();
    if (authorized.size() == 1) {
      return authorized.get(0).id();
    }
    if (known.size() == 1) {
      return known.get(0).id();
    }
    if (known.isEmpty()) {
      if (isFake()) {
        return TenantId.parse(DemoOrganisation.DOMAIN);
      }
      throw AdminException.configuration(
          "no tenant is known yet",
          "authorize one first: calendar-admin tenant authorize <tenant-id-or-domain>");
    }
    List<Tenant> candidates = authorized.isEmpty() ? known : authorized;
    throw AdminException.usage(
        "several tenants are " + (authorized.isEmpty() ? "known" : "authorized") + " ("
            + candidates.stream().map(t -> t.id().value() + " " + t.status()).collect(Collectors.joining(", "))
            + "); which one?",
        "choose one with --tenant or CALENDAR_ADMIN_TENANT");
  }

  /** The tenant, which must be known to the store. */
  Tenant knownTenant(TenantId tenantId) {
    return service
        .tenants()
        .get(tenantId)
        .orElseThrow(
            () ->
                AdminException.configuration(
                    "tenant " + tenantId + " is not known" + (isFake() ? "" : " to this store"),
                    "authorize it first: calendar-admin tenant authorize " + tenantId));
  }

  /** The tenant, which must have consented, for commands that talk to Microsoft 365. */
  Tenant authorizedTenant(TenantId tenantId) {
    Tenant tenant = knownTenant(tenantId);
    if (!AUTHORIZED.contains(tenant.status())) {
      throw AdminException.configuration(
          "tenant " + tenantId + " is " + tenant.status()
              + tenant.failureReason().map(r -> " (" + r.description() + ")").orElse(""),
          tenant.failureReason().map(r -> r.action() + " Then: calendar-admin tenant authorize " + tenantId)
              .orElse("authorize it: calendar-admin tenant authorize " + tenantId));
    }
    return tenant;
  }

  /** Every registered calendar of a tenant, page by page. */
  List<RoomCalendar> calendars(TenantId tenantId, CalendarQuery query) {
    List<RoomCalendar> all = new ArrayList<>();
    CalendarQuery next = query.page(PageRequest.first(PageRequest.MAX_SIZE));
    while (true) {
      Page<RoomCalendar> page = service.calendars().list(tenantId, next);
      all.addAll(page.items());
      if (!page.hasNext()) {
        return all;
      }
      next = next.page(next.page().next(page));
    }
  }

  /**
   * With the embedded fake, forgets delta links made by the fake of an earlier command: they point
   * at a port nobody listens on any more, and the new fake would not know their tokens. The next
   * round of those calendars starts over.
   *
   * @return how many calendars start over
   */
  int forgetDeltaLinksOfEarlierFakes(TenantId tenantId) {
    if (demo.isEmpty()) {
      return 0;
    }
    String current = demo.get().m365().graphUri().toString();
    int forgotten = 0;
    for (RoomCalendar calendar : calendars(tenantId, CalendarQuery.all())) {
      Optional<SyncState> state = store.store().findSyncState(tenantId, calendar.email());
      if (state.isPresent() && state.get().deltaLink().filter(l -> !l.startsWith(current)).isPresent()) {
        SyncState s = state.get();
        store.store().saveSyncState(
            new SyncState(s.tenantId(), s.calendarEmail(), Optional.empty(), s.windowStart(), s.windowEnd(),
                s.knownEventIds(), s.lastSyncAt(), s.version()));
        forgotten++;
      }
    }
    return forgotten;
  }

  @Override
  public void close() {
    try {
      service.close();
    } catch (CalendarSdkException | IllegalStateException e) {
      // closing is best effort
    }
    store.close();
    fakeListener.ifPresent(LoopbackConsentListener::close);
    demo.ifPresent(d -> d.m365().close());
  }
}
