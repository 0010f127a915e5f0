package com.workplace.calendar.store.jdbc.internal;

import static com.workplace.calendar.store.jdbc.internal.Columns.setInstant;

import com.workplace.calendar.store.Permit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The rows behind {@code MailboxCoordination}: one gate row per mailbox (penalty, probing, budget,
 * grant sequence), locked by every change of that mailbox, and one permit row per slot. The
 * decisions are made by the caller, inside the transaction that locked the gates.
 */
public final class PermitSql {
  /** The most keys in one {@code IN (...)} list. */
  private static final int MAX_KEYS_PER_STATEMENT = 500;

  private final Tables t;
  private final Dialect dialect;

  /**
   * A mailbox's gate row with its permits, as read.
   *
   * @param key the mailbox key
   * @param penaltyUntil the end of the penalty, or {@code null}
   * @param probing whether a probe must go first
   * @param budgetCycle the cycle {@code budgetUsed} counts in
   * @param budgetUsed grants in that cycle
   * @param grantSequence the last grant's token
   * @param permits the permit rows, live or expired
   */
  public record Gate(
      String key,
      Instant penaltyUntil,
      boolean probing,
      long budgetCycle,
      int budgetUsed,
      long grantSequence,
      List<Permit> permits) {}

  /**
   * Creates the SQL for coordination.
   *
   * @param tables the table names
   * @param dialect the database's dialect
   */
  public PermitSql(Tables tables, Dialect dialect) {
    this.t = tables;
    this.dialect = dialect;
  }

  /**
   * Creates missing gate rows, then locks and reads the gates of the keys with their permits.
   *
   * @param c the transaction's connection
   * @param keys the mailbox keys, distinct
   * @param create whether to create missing gates (otherwise they are absent from the result)
   * @return the gates by key
   * @throws SQLException if a statement fails
   */
  public Map<String, Gate> lock(Connection c, Collection<String> keys, boolean create)
      throws SQLException {
    List<String> sorted = new ArrayList<>(Set.copyOf(keys));
    sorted.sort(null);
    if (create) {
      insertMissing(c, sorted);
    }
    Map<String, Gate> gates = new TreeMap<>();
    for (int from = 0; from < sorted.size(); from += MAX_KEYS_PER_STATEMENT) {
      List<String> chunk = sorted.subList(from, Math.min(sorted.size(), from + MAX_KEYS_PER_STATEMENT));
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT gate_key, penalty_until, probing, budget_cycle, budget_used, grant_sequence"
                  + " FROM " + t.mailboxGates() + " WHERE gate_key IN (" + marks(chunk.size()) + ")"
                  + " ORDER BY gate_key FOR UPDATE")) {
        bind(s, 1, chunk);
        try (ResultSet row = s.executeQuery()) {
          while (row.next()) {
            String key = row.getString("gate_key");
            gates.put(
                key,
                new Gate(
                    key,
                    Columns.optionalInstant(row, "penalty_until").orElse(null),
                    row.getBoolean("probing"),
                    row.getLong("budget_cycle"),
                    row.getInt("budget_used"),
                    row.getLong("grant_sequence"),
                    List.of()));
          }
        }
      }
      // read the permits only once the gates are locked, so that no other transaction changes them
      Map<String, List<Permit>> permits = readPermits(c, chunk);
      for (String key : chunk) {
        Gate gate = gates.get(key);
        if (gate != null) {
          gates.put(
              key,
              new Gate(
                  key,
                  gate.penaltyUntil(),
                  gate.probing(),
                  gate.budgetCycle(),
                  gate.budgetUsed(),
                  gate.grantSequence(),
                  permits.getOrDefault(key, List.of())));
        }
      }
    }
    return gates;
  }

  /**
   * Writes a gate row back.
   *
   * @param c the connection
   * @param gates the gates to write, as they are now
   * @throws SQLException if a statement fails
   */
  public void writeGates(Connection c, Collection<Gate> gates) throws SQLException {
    if (gates.isEmpty()) {
      return;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE " + t.mailboxGates() + " SET penalty_until = ?, probing = ?, budget_cycle = ?,"
                + " budget_used = ?, grant_sequence = ? WHERE gate_key = ?")) {
      for (Gate gate : gates) {
        if (gate.penaltyUntil() == null) {
          s.setNull(1, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
          setInstant(s, 1, gate.penaltyUntil());
        }
        s.setBoolean(2, gate.probing());
        s.setLong(3, gate.budgetCycle());
        s.setInt(4, gate.budgetUsed());
        s.setLong(5, gate.grantSequence());
        s.setString(6, gate.key());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /**
   * Writes changed slots back: a permit is inserted or updated, {@code null} deletes the slot's row.
   *
   * @param c the connection
   * @param key the mailbox key
   * @param changed the changed slots with their permit now
   * @param stored the slots that had a row when read
   * @throws SQLException if a statement fails
   */
  public void writePermits(
      Connection c, String key, Map<Integer, Permit> changed, Set<Integer> stored)
      throws SQLException {
    List<Permit> inserts = new ArrayList<>();
    List<Permit> updates = new ArrayList<>();
    List<Integer> deletes = new ArrayList<>();
    changed.forEach(
        (slot, permit) -> {
          if (permit == null) {
            if (stored.contains(slot)) {
              deletes.add(slot);
            }
          } else if (stored.contains(slot)) {
            updates.add(permit);
          } else {
            inserts.add(permit);
          }
        });
    if (!deletes.isEmpty()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "DELETE FROM " + t.mailboxPermits() + " WHERE gate_key = ? AND slot = ?")) {
        for (int slot : deletes) {
          s.setString(1, key);
          s.setInt(2, slot);
          s.addBatch();
        }
        s.executeBatch();
      }
    }
    if (!updates.isEmpty()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE " + t.mailboxPermits() + " SET holder = ?, token = ?, expires_at = ?,"
                  + " probe = ? WHERE gate_key = ? AND slot = ?")) {
        for (Permit p : updates) {
          s.setString(1, p.holder());
          s.setLong(2, p.token());
          setInstant(s, 3, p.expiresAt());
          s.setBoolean(4, p.probe());
          s.setString(5, key);
          s.setInt(6, p.slot());
          s.addBatch();
        }
        s.executeBatch();
      }
    }
    if (!inserts.isEmpty()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO " + t.mailboxPermits()
                  + " (gate_key, slot, holder, token, expires_at, probe) VALUES (?, ?, ?, ?, ?, ?)")) {
        for (Permit p : inserts) {
          s.setString(1, key);
          s.setInt(2, p.slot());
          s.setString(3, p.holder());
          s.setLong(4, p.token());
          setInstant(s, 5, p.expiresAt());
          s.setBoolean(6, p.probe());
          s.addBatch();
        }
        s.executeBatch();
      }
    }
  }

  private void insertMissing(Connection c, List<String> keys) throws SQLException {
    String sql =
        dialect == Dialect.POSTGRESQL
            ? "INSERT INTO " + t.mailboxGates()
                + " (gate_key, probing, budget_cycle, budget_used, grant_sequence)"
                + " VALUES (?, FALSE, 0, 0, 0) ON CONFLICT (gate_key) DO NOTHING"
            : "INSERT INTO " + t.mailboxGates()
                + " (gate_key, probing, budget_cycle, budget_used, grant_sequence)"
                + " SELECT ?, FALSE, 0, 0, 0 FROM (VALUES (1)) AS one (x) WHERE NOT EXISTS"
                + " (SELECT 1 FROM " + t.mailboxGates() + " WHERE gate_key = ?)";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (String key : keys) {
        s.setString(1, key);
        if (dialect != Dialect.POSTGRESQL) {
          s.setString(2, key);
        }
        s.addBatch();
      }
      s.executeBatch();
    } catch (SQLException e) {
      if (SqlErrors.isUniqueViolation(e)) {
        // another instance created the gate meanwhile: run again and find it
        throw new Transactions.RetryException(e);
      }
      throw e;
    }
  }

  private Map<String, List<Permit>> readPermits(Connection c, List<String> keys)
      throws SQLException {
    Map<String, List<Permit>> permits = new HashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT gate_key, slot, holder, token, expires_at, probe FROM " + t.mailboxPermits()
                + " WHERE gate_key IN (" + marks(keys.size()) + ")")) {
      bind(s, 1, keys);
      try (ResultSet row = s.executeQuery()) {
        while (row.next()) {
          String key = row.getString("gate_key");
          permits
              .computeIfAbsent(key, k -> new ArrayList<>())
              .add(
                  new Permit(
                      key,
                      row.getInt("slot"),
                      row.getString("holder"),
                      row.getLong("token"),
                      Columns.instant(row, "expires_at"),
                      row.getBoolean("probe")));
        }
      }
    }
    return permits;
  }

  private static String marks(int count) {
    return String.join(", ", java.util.Collections.nCopies(count, "?"));
  }

  private static void bind(PreparedStatement s, int first, List<String> keys) throws SQLException {
    for (int i = 0; i < keys.size(); i++) {
      s.setString(first + i, keys.get(i));
    }
  }
}
