package com.workplace.calendar.store;

import com.workplace.calendar.CalendarClientException;
import com.workplace.calendar.Page;
import com.workplace.calendar.registry.CalendarQuery;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.space.SpaceLink;
import com.workplace.calendar.store.jdbc.internal.CalendarSql;
import com.workplace.calendar.store.jdbc.internal.Dialect;
import com.workplace.calendar.store.jdbc.internal.LeaseSql;
import com.workplace.calendar.store.jdbc.internal.LinkSql;
import com.workplace.calendar.store.jdbc.internal.Migrator;
import com.workplace.calendar.store.jdbc.internal.PermitSql;
import com.workplace.calendar.store.jdbc.internal.SyncSql;
import com.workplace.calendar.store.jdbc.internal.Tables;
import com.workplace.calendar.store.jdbc.internal.TenantSql;
import com.workplace.calendar.store.jdbc.internal.Transactions;
import com.workplace.calendar.tenant.Tenant;
import com.workplace.calendar.tenant.TenantId;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link CalendarStore} in a relational database reached through a {@link DataSource}: H2 2.x
 * (embedded file or memory, e.g. for examples and single-instance hosts) or PostgreSQL 13 or newer
 * (for hosts running several instances on one database). It needs nothing but JDBC; the host brings
 * the driver and, ideally, a connection pool.
 *
 * <pre>{@code
 * CalendarStore store = JdbcCalendarStore.create(dataSource);
 * }</pre>
 *
 * <p><b>Schema.</b> Creating a store creates or migrates its tables, named with a prefix ({@code
 * calendar_} unless {@linkplain JdbcCalendarStoreBuilder#tablePrefix(String) set}), from versioned
 * migrations recorded in {@code <prefix>schema_version}. Instances starting together migrate once:
 * PostgreSQL serializes them with an advisory transaction lock and applies each migration in one
 * transaction; H2 holds a row lock in {@code <prefix>schema_lock}, which needs two connections
 * while migrating. A schema newer than the SDK is accepted with a warning; a changed or missing
 * migration fails the start.
 *
 * <p><b>Transactions.</b> Every method is one transaction on a connection of its own, committed or
 * rolled back before the method returns; the connection's auto-commit is restored and the
 * connection closed. Deadlocks, serialization failures and races on unique indexes make the whole
 * transaction run again, a few times. Versions are checked with {@code UPDATE ... WHERE version =
 * ?}; uniqueness and cascades are enforced by primary keys, unique indexes and foreign keys with
 * {@code ON DELETE CASCADE}.
 *
 * <p><b>Leases</b> are rows shared by all instances on the database and expire by the {@linkplain
 * JdbcCalendarStoreBuilder#clock(Clock) store's clock}; taking one is a single atomic statement on
 * PostgreSQL ({@code INSERT ... ON CONFLICT DO UPDATE ... RETURNING}) and a row lock on H2.
 *
 * <p><b>Mailbox coordination</b> ({@link #mailboxCoordination()}) lives in two tables, {@code
 * <prefix>mailbox_gates} and {@code <prefix>mailbox_permits}: every SDK instance on the database
 * shares each mailbox's permits, penalty box and request budget. Each call is one transaction that
 * locks the gate rows of its mailboxes; permits of an instance that died expire by the store's
 * clock.
 *
 * <p><b>Stored values.</b> Times are stored in UTC to the microsecond: finer digits are cut off, and
 * the records a write returns carry the times as stored. No secret reaches the database: consent
 * states and subscription client states arrive as SHA-256 hashes; delta links are stored as given.
 * A sync state's known event ids are one text column, one id per line. Database failures other than
 * the ones the SPI names become {@link CalendarClientException}s whose messages name the operation
 * and SQLState, never the values.
 *
 * <p>Thread-safe. {@link #close()} does not close the data source: its owner does.
 *
 * @since 0.1.0
 */
public final class JdbcCalendarStore implements CalendarStore {
  private final Transactions tx;
  private final TenantSql tenants;
  private final CalendarSql calendars;
  private final LinkSql links;
  private final SyncSql sync;
  private final LeaseSql leases;
  private final MailboxCoordination coordination;

  JdbcCalendarStore(DataSource dataSource, Tables tables, Clock clock) {
    Dialect dialect = detect(dataSource);
    new Migrator(dataSource, dialect, tables, clock).migrate();
    this.tx = new Transactions(dataSource, dialect);
    this.tenants = new TenantSql(tx, tables);
    this.calendars = new CalendarSql(tx, tables);
    this.links = new LinkSql(tx, tables);
    this.sync = new SyncSql(tx, tables);
    this.leases = new LeaseSql(tx, tables, dialect, clock);
    this.coordination = new JdbcMailboxCoordination(tx, new PermitSql(tables, dialect), clock);
  }

  /**
   * Creates a store with the default table prefix on the system clock, creating or migrating its
   * tables.
   *
   * @param dataSource where connections come from; H2 2.x or PostgreSQL 13+
   * @return the store
   * @throws IllegalArgumentException if the database is neither
   * @throws IllegalStateException if the schema in the database does not match this SDK's
   *     migrations
   * @throws CalendarClientException if the database cannot be reached or the migration fails
   */
  public static JdbcCalendarStore create(DataSource dataSource) {
    return builder(dataSource).build();
  }

  /**
   * Starts configuring a store.
   *
   * @param dataSource where connections come from; H2 2.x or PostgreSQL 13+
   * @return a builder
   */
  public static JdbcCalendarStoreBuilder builder(DataSource dataSource) {
    return new JdbcCalendarStoreBuilder(dataSource);
  }

  private static Dialect detect(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return Dialect.detect(connection.getMetaData());
    } catch (SQLException e) {
      throw new CalendarClientException(
          "the calendar store cannot connect to its database (SQLState " + e.getSQLState() + ")",
          e);
    }
  }

  // ---- tenants and consent states

  @Override
  public Optional<Tenant> findTenant(TenantId tenantId) {
    return tenants.find(Objects.requireNonNull(tenantId, "tenantId"));
  }

  @Override
  public List<Tenant> listTenants() {
    return tenants.list();
  }

  @Override
  public Tenant insertTenant(Tenant tenant) {
    return tenants.insert(Objects.requireNonNull(tenant, "tenant"));
  }

  @Override
  public Tenant updateTenant(Tenant tenant) {
    return tenants.update(Objects.requireNonNull(tenant, "tenant"));
  }

  @Override
  public boolean deleteTenant(TenantId tenantId) {
    return tenants.delete(Objects.requireNonNull(tenantId, "tenantId"));
  }

  @Override
  public void insertConsentState(ConsentState state) {
    tenants.insertConsentState(Objects.requireNonNull(state, "state"));
  }

  @Override
  public Optional<ConsentState> findConsentState(String stateHash) {
    return tenants.findConsentState(Objects.requireNonNull(stateHash, "stateHash"));
  }

  @Override
  public boolean markConsentStateUsed(String stateHash, Instant usedAt) {
    return tenants.markConsentStateUsed(
        Objects.requireNonNull(stateHash, "stateHash"), Objects.requireNonNull(usedAt, "usedAt"));
  }

  @Override
  public int deleteConsentStatesExpiredBefore(Instant cutoff) {
    return tenants.deleteConsentStatesExpiredBefore(Objects.requireNonNull(cutoff, "cutoff"));
  }

  // ---- room calendars

  @Override
  public Optional<RoomCalendar> findCalendar(TenantId tenantId, String email) {
    return calendars.find(
        Objects.requireNonNull(tenantId, "tenantId"), Objects.requireNonNull(email, "email"));
  }

  @Override
  public RoomCalendar insertCalendar(RoomCalendar calendar) {
    return calendars.insert(Objects.requireNonNull(calendar, "calendar"));
  }

  @Override
  public RoomCalendar updateCalendar(RoomCalendar calendar) {
    return calendars.update(Objects.requireNonNull(calendar, "calendar"));
  }

  @Override
  public boolean deleteCalendar(TenantId tenantId, String email) {
    return calendars.delete(
        Objects.requireNonNull(tenantId, "tenantId"), Objects.requireNonNull(email, "email"));
  }

  @Override
  public Page<RoomCalendar> listCalendars(TenantId tenantId, CalendarQuery query) {
    return calendars.list(
        Objects.requireNonNull(tenantId, "tenantId"), Objects.requireNonNull(query, "query"));
  }

  @Override
  public long countCalendars(TenantId tenantId) {
    return calendars.count(Objects.requireNonNull(tenantId, "tenantId"));
  }

  // ---- space links

  @Override
  public SpaceLink putSpaceLink(SpaceLink link, boolean replaceSpaceLink) {
    return links.putSpaceLink(Objects.requireNonNull(link, "link"), replaceSpaceLink);
  }

  @Override
  public Optional<SpaceLink> findSpaceLinkBySpace(TenantId tenantId, SpaceId spaceId) {
    return links.findSpaceLinkBySpace(
        Objects.requireNonNull(tenantId, "tenantId"), Objects.requireNonNull(spaceId, "spaceId"));
  }

  @Override
  public Optional<SpaceLink> findSpaceLinkByCalendar(TenantId tenantId, String email) {
    return links.findSpaceLinkByCalendar(
        Objects.requireNonNull(tenantId, "tenantId"), Objects.requireNonNull(email, "email"));
  }

  @Override
  public boolean deleteSpaceLinkBySpace(TenantId tenantId, SpaceId spaceId) {
    return links.deleteSpaceLinkBySpace(
        Objects.requireNonNull(tenantId, "tenantId"), Objects.requireNonNull(spaceId, "spaceId"));
  }

  @Override
  public boolean deleteSpaceLinkByCalendar(TenantId tenantId, String email) {
    return links.deleteSpaceLinkByCalendar(
        Objects.requireNonNull(tenantId, "tenantId"), Objects.requireNonNull(email, "email"));
  }

  @Override
  public List<SpaceLink> listSpaceLinks(TenantId tenantId) {
    return links.listSpaceLinks(Objects.requireNonNull(tenantId, "tenantId"));
  }

  // ---- booking links

  @Override
  public BookingLink insertBookingLink(BookingLink link) {
    return links.insertBookingLink(Objects.requireNonNull(link, "link"));
  }

  @Override
  public BookingLink updateBookingLink(BookingLink link) {
    return links.updateBookingLink(Objects.requireNonNull(link, "link"));
  }

  @Override
  public Optional<BookingLink> findBookingLink(TenantId tenantId, String bookingKey) {
    return links.findBookingLink(
        Objects.requireNonNull(tenantId, "tenantId"),
        Objects.requireNonNull(bookingKey, "bookingKey"));
  }

  @Override
  public Optional<BookingLink> findBookingLinkByEvent(
      TenantId tenantId, String email, String eventId) {
    return links.findBookingLinkByEvent(
        Objects.requireNonNull(tenantId, "tenantId"),
        Objects.requireNonNull(email, "email"),
        Objects.requireNonNull(eventId, "eventId"));
  }

  @Override
  public Optional<BookingLink> findBookingLinkByTransaction(TenantId tenantId, String transactionId) {
    return links.findBookingLinkByTransaction(
        Objects.requireNonNull(tenantId, "tenantId"),
        Objects.requireNonNull(transactionId, "transactionId"));
  }

  @Override
  public boolean deleteBookingLink(TenantId tenantId, String bookingKey) {
    return links.deleteBookingLink(
        Objects.requireNonNull(tenantId, "tenantId"),
        Objects.requireNonNull(bookingKey, "bookingKey"));
  }

  // ---- sync state and subscriptions

  @Override
  public Optional<SyncState> findSyncState(TenantId tenantId, String email) {
    return sync.findSyncState(
        Objects.requireNonNull(tenantId, "tenantId"), Objects.requireNonNull(email, "email"));
  }

  @Override
  public SyncState saveSyncState(SyncState state) {
    return sync.saveSyncState(Objects.requireNonNull(state, "state"));
  }

  @Override
  public Optional<SubscriptionState> findSubscription(TenantId tenantId, String email) {
    return sync.findSubscription(
        Objects.requireNonNull(tenantId, "tenantId"), Objects.requireNonNull(email, "email"));
  }

  @Override
  public Optional<SubscriptionState> findSubscriptionById(String subscriptionId) {
    return sync.findSubscriptionById(Objects.requireNonNull(subscriptionId, "subscriptionId"));
  }

  @Override
  public SubscriptionState saveSubscription(SubscriptionState subscription) {
    return sync.saveSubscription(Objects.requireNonNull(subscription, "subscription"));
  }

  @Override
  public boolean deleteSubscription(TenantId tenantId, String email) {
    return sync.deleteSubscription(
        Objects.requireNonNull(tenantId, "tenantId"), Objects.requireNonNull(email, "email"));
  }

  @Override
  public List<SubscriptionState> listSubscriptionsExpiringBefore(Instant cutoff, int limit) {
    return sync.listSubscriptionsExpiringBefore(Objects.requireNonNull(cutoff, "cutoff"), limit);
  }

  // ---- leases

  @Override
  public Optional<Lease> tryAcquireLease(String name, String owner, Duration ttl) {
    return leases.tryAcquire(name, owner, ttl);
  }

  @Override
  public Optional<Lease> renewLease(Lease lease, Duration ttl) {
    return leases.renew(Objects.requireNonNull(lease, "lease"), ttl);
  }

  @Override
  public boolean releaseLease(Lease lease) {
    return leases.release(Objects.requireNonNull(lease, "lease"));
  }

  @Override
  public Optional<Lease> findLease(String name) {
    return leases.find(Objects.requireNonNull(name, "name"));
  }

  /**
   * Stops the store: later calls throw {@link IllegalStateException}. The data source is left
   * open; whoever created it closes it.
   */
  // ---- coordination

  @Override
  public Optional<MailboxCoordination> mailboxCoordination() {
    return Optional.of(coordination);
  }

  @Override
  public void close() {
    tx.close();
  }
}
