package com.workplace.calendar.store.jdbc.internal;

import static com.workplace.calendar.store.jdbc.internal.Columns.instant;
import static com.workplace.calendar.store.jdbc.internal.Columns.optionalEnum;
import static com.workplace.calendar.store.jdbc.internal.Columns.optionalInstant;
import static com.workplace.calendar.store.jdbc.internal.Columns.optionalText;
import static com.workplace.calendar.store.jdbc.internal.Columns.setEnum;
import static com.workplace.calendar.store.jdbc.internal.Columns.setInstant;
import static com.workplace.calendar.store.jdbc.internal.Columns.setText;

import com.workplace.calendar.DuplicateRecordException;
import com.workplace.calendar.store.ConsentState;
import com.workplace.calendar.tenant.Tenant;
import com.workplace.calendar.tenant.TenantFailureReason;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.tenant.TenantStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Tenants and consent states. */
public final class TenantSql {
  private static final String TENANT_COLUMNS =
      "tenant_id, directory_id, status, failure_reason, failure_detail, probe_mailbox,"
          + " created_at, updated_at, version";

  private final Transactions tx;
  private final Tables t;

  /**
   * Creates the SQL for tenants and consent states.
   *
   * @param tx the transaction runner
   * @param tables the table names
   */
  public TenantSql(Transactions tx, Tables tables) {
    this.tx = tx;
    this.t = tables;
  }

  /** See {@code CalendarStore.findTenant}. */
  public Optional<Tenant> find(TenantId id) {
    return tx.run("find a tenant", c -> find(c, id));
  }

  /** See {@code CalendarStore.listTenants}. */
  public List<Tenant> list() {
    return tx.run(
        "list tenants",
        c -> {
          List<Tenant> tenants = new ArrayList<>();
          try (PreparedStatement s =
                  c.prepareStatement(
                      "SELECT " + TENANT_COLUMNS + " FROM " + t.tenants() + " ORDER BY tenant_id");
              ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
              tenants.add(tenant(rows));
            }
          }
          return List.copyOf(tenants);
        });
  }

  /** See {@code CalendarStore.insertTenant}. */
  public Tenant insert(Tenant tenant) {
    Tenant stored = Records.exact(tenant.withVersion(1));
    return tx.run(
        "insert a tenant",
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO "
                      + t.tenants()
                      + " (directory_id, status, failure_reason, failure_detail, probe_mailbox,"
                      + " created_at, updated_at, version, tenant_id)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(s, stored);
            s.setString(9, stored.id().value());
            s.executeUpdate();
          } catch (SQLException e) {
            if (SqlErrors.isUniqueViolation(e)) {
              throw duplicate("tenant " + tenant.id() + " is already stored", e);
            }
            throw e;
          }
          return stored;
        });
  }

  /** See {@code CalendarStore.updateTenant}. */
  public Tenant update(Tenant tenant) {
    Tenant stored = Records.exact(tenant.withVersion(tenant.version() + 1));
    return tx.run(
        "update a tenant",
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE "
                      + t.tenants()
                      + " SET directory_id = ?, status = ?, failure_reason = ?, failure_detail = ?,"
                      + " probe_mailbox = ?, created_at = ?, updated_at = ?, version = ?"
                      + " WHERE tenant_id = ? AND version = ?")) {
            bind(s, stored);
            s.setString(9, tenant.id().value());
            s.setLong(10, tenant.version());
            if (s.executeUpdate() == 0) {
              Sql.explainMissedUpdate(
                  c,
                  "tenant " + tenant.id(),
                  "SELECT version FROM " + t.tenants() + " WHERE tenant_id = ?",
                  tenant.version(),
                  tenant.id().value());
            }
          }
          return stored;
        });
  }

  /** See {@code CalendarStore.deleteTenant}; the calendars' rows go by cascade. */
  public boolean delete(TenantId id) {
    return tx.run(
        "delete a tenant",
        c -> {
          if (Sql.update(c, "DELETE FROM " + t.tenants() + " WHERE tenant_id = ?", id.value())
              == 0) {
            return false;
          }
          Sql.update(c, "DELETE FROM " + t.consentStates() + " WHERE tenant_id = ?", id.value());
          return true;
        });
  }

  /** See {@code CalendarStore.insertConsentState}. */
  public void insertConsentState(ConsentState state) {
    tx.run(
        "insert a consent state",
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO "
                      + t.consentStates()
                      + " (state_hash, tenant_id, created_at, expires_at, used_at)"
                      + " VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, state.stateHash());
            s.setString(2, state.tenantId().value());
            setInstant(s, 3, state.createdAt());
            setInstant(s, 4, state.expiresAt());
            setInstant(s, 5, state.usedAt());
            s.executeUpdate();
          } catch (SQLException e) {
            if (SqlErrors.isUniqueViolation(e)) {
              throw duplicate("the consent state is already stored", e);
            }
            throw e;
          }
          return null;
        });
  }

  /** See {@code CalendarStore.findConsentState}. */
  public Optional<ConsentState> findConsentState(String stateHash) {
    return tx.run(
        "find a consent state",
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT state_hash, tenant_id, created_at, expires_at, used_at FROM "
                      + t.consentStates()
                      + " WHERE state_hash = ?")) {
            s.setString(1, stateHash);
            try (ResultSet rows = s.executeQuery()) {
              if (!rows.next()) {
                return Optional.empty();
              }
              return Optional.of(
                  new ConsentState(
                      rows.getString("state_hash"),
                      new TenantId(rows.getString("tenant_id")),
                      instant(rows, "created_at"),
                      instant(rows, "expires_at"),
                      optionalInstant(rows, "used_at")));
            }
          }
        });
  }

  /** See {@code CalendarStore.markConsentStateUsed}: the row lock lets one caller win. */
  public boolean markConsentStateUsed(String stateHash, Instant usedAt) {
    return tx.run(
        "use a consent state",
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE "
                      + t.consentStates()
                      + " SET used_at = ? WHERE state_hash = ? AND used_at IS NULL")) {
            setInstant(s, 1, usedAt);
            s.setString(2, stateHash);
            return s.executeUpdate() == 1;
          }
        });
  }

  /** See {@code CalendarStore.deleteConsentStatesExpiredBefore}. */
  public int deleteConsentStatesExpiredBefore(Instant cutoff) {
    return tx.run(
        "delete expired consent states",
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("DELETE FROM " + t.consentStates() + " WHERE expires_at < ?")) {
            setInstant(s, 1, cutoff);
            return s.executeUpdate();
          }
        });
  }

  private Optional<Tenant> find(Connection c, TenantId id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT " + TENANT_COLUMNS + " FROM " + t.tenants() + " WHERE tenant_id = ?")) {
      s.setString(1, id.value());
      try (ResultSet rows = s.executeQuery()) {
        return rows.next() ? Optional.of(tenant(rows)) : Optional.empty();
      }
    }
  }

  private static void bind(PreparedStatement s, Tenant tenant) throws SQLException {
    setText(s, 1, tenant.directoryId());
    s.setString(2, tenant.status().name());
    setEnum(s, 3, tenant.failureReason());
    setText(s, 4, tenant.failureDetail());
    setText(s, 5, tenant.probeMailbox());
    setInstant(s, 6, tenant.createdAt());
    setInstant(s, 7, tenant.updatedAt());
    s.setLong(8, tenant.version());
  }

  private static Tenant tenant(ResultSet rows) throws SQLException {
    return new Tenant(
        new TenantId(rows.getString("tenant_id")),
        optionalText(rows, "directory_id"),
        Columns.enumValue(rows, "status", TenantStatus.class),
        optionalEnum(rows, "failure_reason", TenantFailureReason.class),
        optionalText(rows, "failure_detail"),
        optionalText(rows, "probe_mailbox"),
        instant(rows, "created_at"),
        instant(rows, "updated_at"),
        rows.getLong("version"));
  }

  static DuplicateRecordException duplicate(String message, SQLException cause) {
    DuplicateRecordException e = new DuplicateRecordException(message);
    e.initCause(cause);
    return e;
  }
}
