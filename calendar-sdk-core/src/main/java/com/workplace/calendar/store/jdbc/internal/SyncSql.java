package com.workplace.calendar.store.jdbc.internal;

import static com.workplace.calendar.store.jdbc.internal.CalendarSql.requireCalendar;
import static com.workplace.calendar.store.jdbc.internal.Columns.instant;
import static com.workplace.calendar.store.jdbc.internal.Columns.optionalInstant;
import static com.workplace.calendar.store.jdbc.internal.Columns.optionalText;
import static com.workplace.calendar.store.jdbc.internal.Columns.setInstant;
import static com.workplace.calendar.store.jdbc.internal.Columns.setText;

import com.workplace.calendar.DuplicateRecordException;
import com.workplace.calendar.ResourceNotFoundException;
import com.workplace.calendar.StaleRecordException;
import com.workplace.calendar.store.SubscriptionState;
import com.workplace.calendar.store.SyncState;
import com.workplace.calendar.tenant.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sync states and subscriptions: saved with version 0 to insert, with the stored version to update.
 * The known event ids of a sync state, with what is known of the instances of recurring series
 * among them, are one text column (see {@link KnownEventsText}), written and read in one go.
 */
public final class SyncSql {
  private static final String SYNC_COLUMNS =
      "tenant_id, calendar_email, delta_link, window_start, window_end, known_event_ids,"
          + " last_sync_at, version";
  private static final String SUBSCRIPTION_COLUMNS =
      "tenant_id, calendar_email, subscription_id, client_state_hash, expires_at, version";

  private final Transactions tx;
  private final Tables t;

  /**
   * Creates the SQL for sync state.
   *
   * @param tx the transaction runner
   * @param tables the table names
   */
  public SyncSql(Transactions tx, Tables tables) {
    this.tx = tx;
    this.t = tables;
  }

  /** See {@code CalendarStore.findSyncState}. */
  public Optional<SyncState> findSyncState(TenantId tenantId, String email) {
    return tx.run(
        "find a sync state",
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT "
                      + SYNC_COLUMNS
                      + " FROM "
                      + t.syncStates()
                      + " WHERE tenant_id = ? AND calendar_email = ?")) {
            s.setString(1, tenantId.value());
            s.setString(2, email);
            try (ResultSet rows = s.executeQuery()) {
              if (!rows.next()) {
                return Optional.empty();
              }
              KnownEventsText.Known known =
                  KnownEventsText.decode(rows.getString("known_event_ids"));
              return Optional.of(
                  new SyncState(
                      new TenantId(rows.getString("tenant_id")),
                      rows.getString("calendar_email"),
                      optionalText(rows, "delta_link"),
                      instant(rows, "window_start"),
                      instant(rows, "window_end"),
                      known.ids(),
                      known.instances(),
                      optionalInstant(rows, "last_sync_at"),
                      rows.getLong("version")));
            }
          }
        });
  }

  /** See {@code CalendarStore.saveSyncState}. */
  public SyncState saveSyncState(SyncState state) {
    SyncState stored = Records.exact(state.withVersion(state.version() + 1));
    String what = "sync state of " + state.calendarEmail();
    return tx.run(
        "save a sync state",
        c -> {
          requireCalendar(c, t, state.tenantId(), state.calendarEmail());
          String sql =
              state.version() == 0
                  ? "INSERT INTO "
                      + t.syncStates()
                      + " (delta_link, window_start, window_end, known_event_ids, last_sync_at,"
                      + " version, tenant_id, calendar_email) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                  : "UPDATE "
                      + t.syncStates()
                      + " SET delta_link = ?, window_start = ?, window_end = ?,"
                      + " known_event_ids = ?, last_sync_at = ?, version = ?"
                      + " WHERE tenant_id = ? AND calendar_email = ? AND version = ?";
          try (PreparedStatement s = c.prepareStatement(sql)) {
            setText(s, 1, stored.deltaLink());
            setInstant(s, 2, stored.windowStart());
            setInstant(s, 3, stored.windowEnd());
            s.setString(
                4, KnownEventsText.encode(stored.knownEventIds(), stored.knownInstances()));
            setInstant(s, 5, stored.lastSyncAt());
            s.setLong(6, stored.version());
            s.setString(7, state.tenantId().value());
            s.setString(8, state.calendarEmail());
            if (state.version() != 0) {
              s.setLong(9, state.version());
            }
            if (s.executeUpdate() == 0) {
              Sql.explainMissedUpdate(
                  c,
                  what,
                  "SELECT version FROM "
                      + t.syncStates()
                      + " WHERE tenant_id = ? AND calendar_email = ?",
                  state.version(),
                  state.tenantId().value(),
                  state.calendarEmail());
            }
          } catch (SQLException e) {
            if (SqlErrors.isUniqueViolation(e)) {
              throw TenantSql.duplicate(what + " is already stored", e);
            }
            if (SqlErrors.isForeignKeyViolation(e)) {
              throw CalendarSql.notFound("calendar " + state.calendarEmail() + " is not registered", e);
            }
            throw e;
          }
          return stored;
        });
  }

  /** See {@code CalendarStore.findSubscription}. */
  public Optional<SubscriptionState> findSubscription(TenantId tenantId, String email) {
    return tx.run(
        "find a subscription",
        c ->
            first(
                subscriptions(
                    c,
                    "tenant_id = ? AND calendar_email = ?",
                    tenantId.value(),
                    email)));
  }

  /** See {@code CalendarStore.findSubscriptionById}. */
  public Optional<SubscriptionState> findSubscriptionById(String subscriptionId) {
    return tx.run(
        "find a subscription",
        c -> first(subscriptions(c, "subscription_id = ?", subscriptionId)));
  }

  /**
   * See {@code CalendarStore.saveSubscription}. The checks give the precise reason; a concurrent
   * writer that slips in between makes a unique index fail, and the transaction runs again.
   */
  public SubscriptionState saveSubscription(SubscriptionState subscription) {
    SubscriptionState stored = Records.exact(subscription.withVersion(subscription.version() + 1));
    String what = "subscription of " + subscription.calendarEmail();
    String tenant = subscription.tenantId().value();
    String email = subscription.calendarEmail();
    return tx.run(
        "save a subscription",
        c -> {
          requireCalendar(c, t, subscription.tenantId(), email);
          Optional<SubscriptionState> own =
              first(subscriptions(c, "tenant_id = ? AND calendar_email = ?", tenant, email));
          if (subscription.version() == 0 && own.isPresent()) {
            throw new DuplicateRecordException(what + " is already stored");
          }
          if (subscription.version() != 0 && own.isEmpty()) {
            throw new ResourceNotFoundException(what + " is not stored");
          }
          if (own.isPresent() && own.get().version() != subscription.version()) {
            throw new StaleRecordException(
                what
                    + " was changed meanwhile (version "
                    + own.get().version()
                    + ", update based on "
                    + subscription.version()
                    + ")");
          }
          Optional<SubscriptionState> sameId =
              first(subscriptions(c, "subscription_id = ?", subscription.subscriptionId()));
          if (sameId.isPresent()
              && !(sameId.get().tenantId().equals(subscription.tenantId())
                  && sameId.get().calendarEmail().equals(email))) {
            throw new DuplicateRecordException("the subscription id belongs to another calendar");
          }
          String sql =
              subscription.version() == 0
                  ? "INSERT INTO "
                      + t.subscriptions()
                      + " (subscription_id, client_state_hash, expires_at, version, tenant_id,"
                      + " calendar_email) VALUES (?, ?, ?, ?, ?, ?)"
                  : "UPDATE "
                      + t.subscriptions()
                      + " SET subscription_id = ?, client_state_hash = ?, expires_at = ?,"
                      + " version = ? WHERE tenant_id = ? AND calendar_email = ? AND version = ?";
          try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, stored.subscriptionId());
            s.setString(2, stored.clientStateHash());
            setInstant(s, 3, stored.expiresAt());
            s.setLong(4, stored.version());
            s.setString(5, tenant);
            s.setString(6, email);
            if (subscription.version() != 0) {
              s.setLong(7, subscription.version());
            }
            if (s.executeUpdate() == 0) {
              Sql.explainMissedUpdate(
                  c,
                  what,
                  "SELECT version FROM "
                      + t.subscriptions()
                      + " WHERE tenant_id = ? AND calendar_email = ?",
                  subscription.version(),
                  tenant,
                  email);
            }
          } catch (SQLException e) {
            if (SqlErrors.isUniqueViolation(e)) {
              throw new Transactions.RetryException(e);
            }
            if (SqlErrors.isForeignKeyViolation(e)) {
              throw CalendarSql.notFound("calendar " + email + " is not registered", e);
            }
            throw e;
          }
          return stored;
        });
  }

  /** See {@code CalendarStore.deleteSubscription}. */
  public boolean deleteSubscription(TenantId tenantId, String email) {
    return tx.run(
        "delete a subscription",
        c ->
            Sql.update(
                    c,
                    "DELETE FROM " + t.subscriptions() + " WHERE tenant_id = ? AND calendar_email = ?",
                    tenantId.value(),
                    email)
                > 0);
  }

  /** See {@code CalendarStore.listSubscriptionsExpiringBefore}. */
  public List<SubscriptionState> listSubscriptionsExpiringBefore(Instant cutoff, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative");
    }
    if (limit == 0) {
      return List.of();
    }
    return tx.run(
        "list expiring subscriptions",
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT "
                      + SUBSCRIPTION_COLUMNS
                      + " FROM "
                      + t.subscriptions()
                      + " WHERE expires_at < ? ORDER BY expires_at, tenant_id, calendar_email"
                      + " FETCH FIRST ? ROWS ONLY")) {
            setInstant(s, 1, cutoff);
            s.setInt(2, limit);
            return read(s);
          }
        });
  }

  private List<SubscriptionState> subscriptions(Connection c, String condition, String... values)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT " + SUBSCRIPTION_COLUMNS + " FROM " + t.subscriptions() + " WHERE " + condition)) {
      for (int i = 0; i < values.length; i++) {
        s.setString(i + 1, values[i]);
      }
      return read(s);
    }
  }

  private static List<SubscriptionState> read(PreparedStatement s) throws SQLException {
    List<SubscriptionState> subscriptions = new ArrayList<>();
    try (ResultSet rows = s.executeQuery()) {
      while (rows.next()) {
        subscriptions.add(
            new SubscriptionState(
                new TenantId(rows.getString("tenant_id")),
                rows.getString("calendar_email"),
                rows.getString("subscription_id"),
                rows.getString("client_state_hash"),
                instant(rows, "expires_at"),
                rows.getLong("version")));
      }
    }
    return List.copyOf(subscriptions);
  }

  private static <T> Optional<T> first(List<T> items) {
    return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0));
  }
}
