package com.workplace.calendar.store.jdbc.internal;

import static com.workplace.calendar.store.jdbc.internal.Columns.setInstant;

import com.workplace.calendar.store.Lease;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * Leases shared by every instance on the database, timed by the store's clock.
 *
 * <p>A lease is one row. Taking it is atomic: on PostgreSQL one {@code INSERT ... ON CONFLICT DO
 * UPDATE ... WHERE <free, expired or same owner> RETURNING}; on H2 {@code SELECT ... FOR UPDATE}
 * then an insert or update in the same transaction (a concurrent first insert fails on the primary
 * key and the transaction runs again, now finding the row to lock). The token grows by one each time
 * the lease changes hands or is taken after expiring or being released; releasing keeps the row
 * (with no expiry) so the token never goes back.
 */
public final class LeaseSql {
  private final Transactions tx;
  private final Tables t;
  private final Dialect dialect;
  private final Clock clock;

  /**
   * Creates the SQL for leases.
   *
   * @param tx the transaction runner
   * @param tables the table names
   * @param dialect the database's dialect
   * @param clock the clock that decides expiry
   */
  public LeaseSql(Transactions tx, Tables tables, Dialect dialect, Clock clock) {
    this.tx = tx;
    this.t = tables;
    this.dialect = dialect;
    this.clock = clock;
  }

  /** See {@code CalendarStore.tryAcquireLease}. */
  public Optional<Lease> tryAcquire(String name, String owner, Duration ttl) {
    requirePositive(ttl);
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(owner, "owner");
    if (name.isBlank() || owner.isBlank()) {
      throw new IllegalArgumentException("a lease needs a name and an owner");
    }
    return tx.run(
        "acquire a lease",
        c -> {
          Instant now = Columns.micros(clock.instant());
          Instant expiresAt = Columns.micros(now.plus(ttl));
          return dialect == Dialect.POSTGRESQL
              ? acquireWithUpsert(c, name, owner, now, expiresAt)
              : acquireWithRowLock(c, name, owner, now, expiresAt);
        });
  }

  /** See {@code CalendarStore.renewLease}: only the same owner with the same token, unexpired. */
  public Optional<Lease> renew(Lease lease, Duration ttl) {
    requirePositive(ttl);
    return tx.run(
        "renew a lease",
        c -> {
          Instant now = Columns.micros(clock.instant());
          Instant expiresAt = Columns.micros(now.plus(ttl));
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE "
                      + t.leases()
                      + " SET expires_at = ? WHERE lease_name = ? AND owner = ? AND token = ?"
                      + " AND expires_at > ?")) {
            setInstant(s, 1, expiresAt);
            s.setString(2, lease.name());
            s.setString(3, lease.owner());
            s.setLong(4, lease.token());
            setInstant(s, 5, now);
            return s.executeUpdate() == 1
                ? Optional.of(new Lease(lease.name(), lease.owner(), expiresAt, lease.token()))
                : Optional.empty();
          }
        });
  }

  /** See {@code CalendarStore.releaseLease}: frees the lease if this holder still has it. */
  public boolean release(Lease lease) {
    return tx.run(
        "release a lease",
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE "
                      + t.leases()
                      + " SET expires_at = NULL WHERE lease_name = ? AND owner = ? AND token = ?"
                      + " AND expires_at > ?")) {
            s.setString(1, lease.name());
            s.setString(2, lease.owner());
            s.setLong(3, lease.token());
            setInstant(s, 4, clock.instant());
            return s.executeUpdate() == 1;
          }
        });
  }

  /** See {@code CalendarStore.findLease}. */
  public Optional<Lease> find(String name) {
    return tx.run(
        "find a lease",
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT owner, expires_at, token FROM "
                      + t.leases()
                      + " WHERE lease_name = ? AND expires_at > ?")) {
            s.setString(1, name);
            setInstant(s, 2, clock.instant());
            try (ResultSet row = s.executeQuery()) {
              return row.next()
                  ? Optional.of(
                      new Lease(
                          name,
                          row.getString("owner"),
                          Columns.instant(row, "expires_at"),
                          row.getLong("token")))
                  : Optional.empty();
            }
          }
        });
  }

  private Optional<Lease> acquireWithUpsert(
      Connection c, String name, String owner, Instant now, Instant expiresAt) throws SQLException {
    String leases = t.leases();
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO "
                + leases
                + " AS held (lease_name, owner, expires_at, token) VALUES (?, ?, ?, 1)"
                + " ON CONFLICT (lease_name) DO UPDATE SET owner = EXCLUDED.owner,"
                + " expires_at = EXCLUDED.expires_at,"
                + " token = CASE WHEN held.owner = EXCLUDED.owner AND held.expires_at > ?"
                + " THEN held.token ELSE held.token + 1 END"
                + " WHERE held.owner = EXCLUDED.owner OR held.expires_at IS NULL"
                + " OR held.expires_at <= ?"
                + " RETURNING owner, expires_at, token")) {
      s.setString(1, name);
      s.setString(2, owner);
      setInstant(s, 3, expiresAt);
      setInstant(s, 4, now);
      setInstant(s, 5, now);
      try (ResultSet row = s.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Lease(
                name,
                row.getString("owner"),
                row.getObject("expires_at", OffsetDateTime.class).toInstant(),
                row.getLong("token")));
      }
    }
  }

  private Optional<Lease> acquireWithRowLock(
      Connection c, String name, String owner, Instant now, Instant expiresAt) throws SQLException {
    String heldBy;
    Instant heldUntil;
    long token;
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT owner, expires_at, token FROM " + t.leases() + " WHERE lease_name = ? FOR UPDATE")) {
      s.setString(1, name);
      try (ResultSet row = s.executeQuery()) {
        if (!row.next()) {
          return Optional.of(insertFirst(c, name, owner, expiresAt));
        }
        heldBy = row.getString("owner");
        heldUntil = Columns.optionalInstant(row, "expires_at").orElse(null);
        token = row.getLong("token");
      }
    }
    boolean live = heldUntil != null && heldUntil.isAfter(now);
    if (live && !heldBy.equals(owner)) {
      return Optional.empty();
    }
    long newToken = live ? token : token + 1;
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE "
                + t.leases()
                + " SET owner = ?, expires_at = ?, token = ? WHERE lease_name = ?")) {
      s.setString(1, owner);
      setInstant(s, 2, expiresAt);
      s.setLong(3, newToken);
      s.setString(4, name);
      s.executeUpdate();
    }
    return Optional.of(new Lease(name, owner, expiresAt, newToken));
  }

  private Lease insertFirst(Connection c, String name, String owner, Instant expiresAt)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO "
                + t.leases()
                + " (lease_name, owner, expires_at, token) VALUES (?, ?, ?, 1)")) {
      s.setString(1, name);
      s.setString(2, owner);
      setInstant(s, 3, expiresAt);
      s.executeUpdate();
    } catch (SQLException e) {
      if (SqlErrors.isUniqueViolation(e)) {
        throw new Transactions.RetryException(e);
      }
      throw e;
    }
    return new Lease(name, owner, expiresAt, 1);
  }

  private static void requirePositive(Duration ttl) {
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("a lease needs a positive time to live");
    }
  }
}
