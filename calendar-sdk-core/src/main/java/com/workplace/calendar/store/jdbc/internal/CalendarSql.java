package com.workplace.calendar.store.jdbc.internal;

import static com.workplace.calendar.store.jdbc.internal.Columns.instant;
import static com.workplace.calendar.store.jdbc.internal.Columns.optionalEnum;
import static com.workplace.calendar.store.jdbc.internal.Columns.optionalInstant;
import static com.workplace.calendar.store.jdbc.internal.Columns.optionalText;
import static com.workplace.calendar.store.jdbc.internal.Columns.setEnum;
import static com.workplace.calendar.store.jdbc.internal.Columns.setInstant;
import static com.workplace.calendar.store.jdbc.internal.Columns.setText;
import static com.workplace.calendar.store.jdbc.internal.TenantSql.duplicate;

import com.workplace.calendar.Page;
import com.workplace.calendar.ResourceNotFoundException;
import com.workplace.calendar.registry.CalendarFailureReason;
import com.workplace.calendar.registry.CalendarQuery;
import com.workplace.calendar.registry.CalendarStatus;
import com.workplace.calendar.registry.RoomBookingRules;
import com.workplace.calendar.registry.RoomBookingType;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.tenant.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Room calendars. Deleting one deletes its links, sync state and subscription by cascade. */
public final class CalendarSql {
  private static final String COLUMNS =
      "tenant_id, email, display_name, status, failure_reason, failure_detail, added_at,"
          + " checked_at, version, booking_type, booking_window_days, max_duration_minutes,"
          + " allow_conflicts, allow_recurring";

  private final Transactions tx;
  private final Tables t;

  /**
   * Creates the SQL for calendars.
   *
   * @param tx the transaction runner
   * @param tables the table names
   */
  public CalendarSql(Transactions tx, Tables tables) {
    this.tx = tx;
    this.t = tables;
  }

  /** See {@code CalendarStore.findCalendar}. */
  public Optional<RoomCalendar> find(TenantId tenantId, String email) {
    return tx.run(
        "find a calendar",
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT " + COLUMNS + " FROM " + t.calendars() + " WHERE tenant_id = ? AND email = ?")) {
            s.setString(1, tenantId.value());
            s.setString(2, email);
            try (ResultSet rows = s.executeQuery()) {
              return rows.next() ? Optional.of(calendar(rows)) : Optional.empty();
            }
          }
        });
  }

  /** See {@code CalendarStore.insertCalendar}: the foreign key proves the tenant is stored. */
  public RoomCalendar insert(RoomCalendar calendar) {
    RoomCalendar stored = Records.exact(calendar.withVersion(1));
    return tx.run(
        "insert a calendar",
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO "
                      + t.calendars()
                      + " (display_name, status, failure_reason, failure_detail, added_at,"
                      + " checked_at, version, booking_type, booking_window_days,"
                      + " max_duration_minutes, allow_conflicts, allow_recurring, tenant_id, email)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(s, stored);
            s.setString(13, stored.tenantId().value());
            s.setString(14, stored.email());
            s.executeUpdate();
          } catch (SQLException e) {
            if (SqlErrors.isUniqueViolation(e)) {
              throw duplicate("calendar " + calendar.email() + " is already registered", e);
            }
            if (SqlErrors.isForeignKeyViolation(e)) {
              throw notFound("tenant " + calendar.tenantId() + " is not known", e);
            }
            throw e;
          }
          return stored;
        });
  }

  /** See {@code CalendarStore.updateCalendar}. */
  public RoomCalendar update(RoomCalendar calendar) {
    RoomCalendar stored = Records.exact(calendar.withVersion(calendar.version() + 1));
    return tx.run(
        "update a calendar",
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE "
                      + t.calendars()
                      + " SET display_name = ?, status = ?, failure_reason = ?, failure_detail = ?,"
                      + " added_at = ?, checked_at = ?, version = ?, booking_type = ?,"
                      + " booking_window_days = ?, max_duration_minutes = ?, allow_conflicts = ?,"
                      + " allow_recurring = ?"
                      + " WHERE tenant_id = ? AND email = ? AND version = ?")) {
            bind(s, stored);
            s.setString(13, calendar.tenantId().value());
            s.setString(14, calendar.email());
            s.setLong(15, calendar.version());
            if (s.executeUpdate() == 0) {
              Sql.explainMissedUpdate(
                  c,
                  "calendar " + calendar.email(),
                  "SELECT version FROM " + t.calendars() + " WHERE tenant_id = ? AND email = ?",
                  calendar.version(),
                  calendar.tenantId().value(),
                  calendar.email());
            }
          }
          return stored;
        });
  }

  /** See {@code CalendarStore.deleteCalendar}. */
  public boolean delete(TenantId tenantId, String email) {
    return tx.run(
        "delete a calendar",
        c ->
            Sql.update(
                    c,
                    "DELETE FROM " + t.calendars() + " WHERE tenant_id = ? AND email = ?",
                    tenantId.value(),
                    email)
                > 0);
  }

  /** See {@code CalendarStore.listCalendars}: keyset paging on the address. */
  public Page<RoomCalendar> list(TenantId tenantId, CalendarQuery query) {
    List<CalendarStatus> statuses = new ArrayList<>(query.statuses());
    Collections.sort(statuses);
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(COLUMNS)
            .append(" FROM ")
            .append(t.calendars())
            .append(" WHERE tenant_id = ?");
    if (query.page().cursor().isPresent()) {
      sql.append(" AND email > ?");
    }
    if (!statuses.isEmpty()) {
      sql.append(" AND status IN (").append("?, ".repeat(statuses.size() - 1)).append("?)");
    }
    sql.append(" ORDER BY email FETCH FIRST ? ROWS ONLY");
    int size = query.page().size();
    return tx.run(
        "list calendars",
        c -> {
          try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            int i = 1;
            s.setString(i++, tenantId.value());
            if (query.page().cursor().isPresent()) {
              s.setString(i++, query.page().cursor().get());
            }
            for (CalendarStatus status : statuses) {
              s.setString(i++, status.name());
            }
            s.setInt(i, size + 1);
            List<RoomCalendar> items = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
              while (rows.next()) {
                items.add(calendar(rows));
              }
            }
            if (items.size() > size) {
              List<RoomCalendar> page = items.subList(0, size);
              return new Page<>(page, Optional.of(page.get(size - 1).email()));
            }
            return Page.last(items);
          }
        });
  }

  /** See {@code CalendarStore.countCalendars}. */
  public long count(TenantId tenantId) {
    return tx.run(
        "count calendars",
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("SELECT COUNT(*) FROM " + t.calendars() + " WHERE tenant_id = ?")) {
            s.setString(1, tenantId.value());
            try (ResultSet rows = s.executeQuery()) {
              rows.next();
              return rows.getLong(1);
            }
          }
        });
  }

  /** Fails unless the calendar is stored; for records that belong to a calendar. */
  static void requireCalendar(Connection c, Tables t, TenantId tenantId, String email)
      throws SQLException {
    if (!Sql.exists(
        c,
        "SELECT 1 FROM " + t.calendars() + " WHERE tenant_id = ? AND email = ?",
        tenantId.value(),
        email)) {
      throw new ResourceNotFoundException("calendar " + email + " is not registered");
    }
  }

  static ResourceNotFoundException notFound(String message, SQLException cause) {
    ResourceNotFoundException e = new ResourceNotFoundException(message);
    e.initCause(cause);
    return e;
  }

  private static void bind(PreparedStatement s, RoomCalendar calendar) throws SQLException {
    setText(s, 1, calendar.displayName());
    s.setString(2, calendar.status().name());
    setEnum(s, 3, calendar.failureReason());
    setText(s, 4, calendar.failureDetail());
    setInstant(s, 5, calendar.addedAt());
    setInstant(s, 6, calendar.checkedAt());
    s.setLong(7, calendar.version());
    s.setString(8, calendar.bookingType().name());
    RoomBookingRules rules = calendar.bookingRules();
    setInt(s, 9, rules.bookingWindowInDays());
    setInt(s, 10, rules.maximumDurationInMinutes());
    setBoolean(s, 11, rules.allowConflicts());
    setBoolean(s, 12, rules.allowRecurringMeetings());
  }

  private static void setInt(PreparedStatement s, int index, Optional<Integer> value)
      throws SQLException {
    if (value.isPresent()) {
      s.setInt(index, value.get());
    } else {
      s.setNull(index, Types.INTEGER);
    }
  }

  private static void setBoolean(PreparedStatement s, int index, Optional<Boolean> value)
      throws SQLException {
    if (value.isPresent()) {
      s.setBoolean(index, value.get());
    } else {
      s.setNull(index, Types.BOOLEAN);
    }
  }

  private static Optional<Integer> optionalInt(ResultSet rows, String column) throws SQLException {
    int value = rows.getInt(column);
    return rows.wasNull() ? Optional.empty() : Optional.of(value);
  }

  private static Optional<Boolean> optionalBoolean(ResultSet rows, String column)
      throws SQLException {
    boolean value = rows.getBoolean(column);
    return rows.wasNull() ? Optional.empty() : Optional.of(value);
  }

  private static RoomCalendar calendar(ResultSet rows) throws SQLException {
    return new RoomCalendar(
        new TenantId(rows.getString("tenant_id")),
        rows.getString("email"),
        optionalText(rows, "display_name"),
        Columns.enumValue(rows, "status", CalendarStatus.class),
        optionalEnum(rows, "failure_reason", CalendarFailureReason.class),
        optionalText(rows, "failure_detail"),
        instant(rows, "added_at"),
        optionalInstant(rows, "checked_at"),
        rows.getLong("version"),
        Columns.enumValue(rows, "booking_type", RoomBookingType.class),
        new RoomBookingRules(
            optionalInt(rows, "booking_window_days"),
            optionalInt(rows, "max_duration_minutes"),
            optionalBoolean(rows, "allow_conflicts"),
            optionalBoolean(rows, "allow_recurring")));
  }
}
