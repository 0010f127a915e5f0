package com.workplace.calendar.testkit.internal;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** All tenants and app registrations of the fake. */
public final class Directory {

  private final Ids ids;
  private final Clock clock;
  private final CalendarState.Listener listener;
  private final ConcurrentMap<String, TenantState> tenantsById = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, TenantState> tenantsByDomain = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, AppState> apps = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, FederatedIssuerState> issuers = new ConcurrentHashMap<>();

  public Directory(Ids ids, Clock clock, CalendarState.Listener listener) {
    this.ids = ids;
    this.clock = clock;
    this.listener = listener;
  }

  public Ids ids() {
    return ids;
  }

  public Clock clock() {
    return clock;
  }

  /** Returns the tenant with this domain, creating it (with a default admin user) if needed. */
  public synchronized TenantState tenant(String domain) {
    String key = domain.trim().toLowerCase(Locale.ROOT);
    if (key.isEmpty() || key.contains("/") || key.contains(" ")) {
      throw new IllegalArgumentException("not a tenant domain: '" + domain + "'");
    }
    TenantState existing = tenantsByDomain.get(key);
    if (existing != null) {
      return existing;
    }
    TenantState t = new TenantState(ids.guid(), key);
    tenantsByDomain.put(key, t);
    tenantsById.put(t.id(), t);
    t.add(newMailbox("admin@" + key, "Tenant Admin", MailboxState.Kind.USER, null, null));
    return t;
  }

  /** Finds a tenant by GUID or domain. */
  public Optional<TenantState> findTenant(String idOrDomain) {
    String key = idOrDomain.trim().toLowerCase(Locale.ROOT);
    TenantState t = tenantsById.get(key);
    return Optional.ofNullable(t != null ? t : tenantsByDomain.get(key));
  }

  /** Tenants in no particular order. */
  public List<TenantState> tenants() {
    return new ArrayList<>(tenantsById.values());
  }

  /** Creates a recipient object (not yet added to a tenant). */
  public MailboxState newMailbox(
      String address, String displayName, MailboxState.Kind kind,
      MailboxState.RoomDetails room, String workingHoursTimeZone) {
    if (!address.contains("@")) {
      throw new IllegalArgumentException("not an e-mail address: '" + address + "'");
    }
    return new MailboxState(address.trim(), ids.guid(), displayName, kind,
        room == null ? MailboxState.RoomDetails.none() : room, workingHoursTimeZone, listener,
        ids, clock);
  }

  /** Forgets every tenant and app registration. */
  public synchronized void clear() {
    tenantsById.clear();
    tenantsByDomain.clear();
    apps.clear();
    issuers.clear();
  }

  /**
   * Returns the external token issuer with this URL, creating it (with a new key) if needed.
   *
   * @param issuer the issuer URL, an absolute {@code https} URL
   * @return the issuer
   * @throws IllegalArgumentException when the URL is not an absolute https URL
   */
  public FederatedIssuerState issuer(String issuer) {
    URI uri;
    try {
      uri = URI.create(Objects.requireNonNull(issuer, "issuer"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not an issuer URL: '" + issuer + "'", e);
    }
    if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "a federated issuer is an absolute https URL, not '" + issuer + "'");
    }
    return issuers.computeIfAbsent(issuer, i -> new FederatedIssuerState(i, ids.guid()));
  }

  /** The external token issuer with this URL (compared exactly), if the fake knows it. */
  public Optional<FederatedIssuerState> findIssuer(String issuer) {
    return issuer == null ? Optional.empty() : Optional.ofNullable(issuers.get(issuer));
  }

  /** Registers an app. */
  public AppState registerApp(AppState app) {
    if (apps.putIfAbsent(app.clientId(), app) != null) {
      throw new IllegalArgumentException("client id already registered: " + app.clientId());
    }
    return app;
  }

  public Optional<AppState> app(String clientId) {
    return clientId == null ? Optional.empty()
        : Optional.ofNullable(apps.get(clientId.trim().toLowerCase(Locale.ROOT)));
  }
}
