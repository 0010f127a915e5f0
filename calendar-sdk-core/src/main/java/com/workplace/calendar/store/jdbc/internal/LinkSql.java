package com.workplace.calendar.store.jdbc.internal;

import static com.workplace.calendar.store.jdbc.internal.CalendarSql.notFound;
import static com.workplace.calendar.store.jdbc.internal.CalendarSql.requireCalendar;
import static com.workplace.calendar.store.jdbc.internal.Columns.instant;
import static com.workplace.calendar.store.jdbc.internal.Columns.optionalText;
import static com.workplace.calendar.store.jdbc.internal.Columns.setInstant;
import static com.workplace.calendar.store.jdbc.internal.Columns.setText;
import static com.workplace.calendar.store.jdbc.internal.TenantSql.duplicate;

import com.workplace.calendar.DuplicateRecordException;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.space.SpaceLink;
import com.workplace.calendar.store.BookingLink;
import com.workplace.calendar.tenant.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Space links (one space per calendar, one calendar per space) and booking links. */
public final class LinkSql {
  private static final String SPACE_COLUMNS =
      "tenant_id, space_id, calendar_email, linked_at, version";
  private static final String BOOKING_COLUMNS =
      "tenant_id, booking_key, calendar_email, transaction_id, event_id, created_at, version";

  private final Transactions tx;
  private final Tables t;

  /**
   * Creates the SQL for links.
   *
   * @param tx the transaction runner
   * @param tables the table names
   */
  public LinkSql(Transactions tx, Tables tables) {
    this.tx = tx;
    this.t = tables;
  }

  /**
   * See {@code CalendarStore.putSpaceLink}. A concurrent writer that slips in between the checks
   * and the insert makes the insert fail on a unique index; the transaction then runs again and its
   * checks see the winner.
   */
  public SpaceLink putSpaceLink(SpaceLink link, boolean replaceSpaceLink) {
    SpaceLink stored = Records.exact(link.withVersion(1));
    String tenant = link.tenantId().value();
    return tx.run(
        "link a space",
        c -> {
          requireCalendar(c, t, link.tenantId(), link.calendarEmail());
          // locks the space's row, if any, so that it cannot change between check and write
          Optional<SpaceLink> current =
              first(
                  spaceLinks(
                      c, "space_id = ? FOR UPDATE", tenant, link.spaceId().value()));
          if (current.isPresent()
              && !current.get().calendarEmail().equals(link.calendarEmail())
              && !replaceSpaceLink) {
            throw new DuplicateRecordException(
                "space "
                    + link.spaceId()
                    + " is already linked to "
                    + current.get().calendarEmail());
          }
          // the space's own row goes only when replacing; a row that appeared after the check
          // makes the insert fail on the primary key and the transaction run again
          Sql.update(
              c,
              "DELETE FROM "
                  + t.spaceLinks()
                  + " WHERE tenant_id = ? AND (calendar_email = ?"
                  + (current.isPresent() ? " OR space_id = ?)" : ")"),
              current.isPresent()
                  ? new String[] {tenant, link.calendarEmail(), link.spaceId().value()}
                  : new String[] {tenant, link.calendarEmail()});
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO "
                      + t.spaceLinks()
                      + " ("
                      + SPACE_COLUMNS
                      + ") VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, tenant);
            s.setString(2, stored.spaceId().value());
            s.setString(3, stored.calendarEmail());
            setInstant(s, 4, stored.linkedAt());
            s.setLong(5, 1);
            s.executeUpdate();
          } catch (SQLException e) {
            if (SqlErrors.isUniqueViolation(e)) {
              throw new Transactions.RetryException(e);
            }
            if (SqlErrors.isForeignKeyViolation(e)) {
              throw notFound("calendar " + link.calendarEmail() + " is not registered", e);
            }
            throw e;
          }
          return stored;
        });
  }

  /** See {@code CalendarStore.findSpaceLinkBySpace}. */
  public Optional<SpaceLink> findSpaceLinkBySpace(TenantId tenantId, SpaceId spaceId) {
    return tx.run("find a space link", c -> findBySpace(c, tenantId, spaceId));
  }

  /** See {@code CalendarStore.findSpaceLinkByCalendar}. */
  public Optional<SpaceLink> findSpaceLinkByCalendar(TenantId tenantId, String email) {
    return tx.run(
        "find a space link",
        c -> first(spaceLinks(c, "calendar_email = ?", tenantId.value(), email)));
  }

  /** See {@code CalendarStore.deleteSpaceLinkBySpace}. */
  public boolean deleteSpaceLinkBySpace(TenantId tenantId, SpaceId spaceId) {
    return tx.run(
        "unlink a space",
        c ->
            Sql.update(
                    c,
                    "DELETE FROM " + t.spaceLinks() + " WHERE tenant_id = ? AND space_id = ?",
                    tenantId.value(),
                    spaceId.value())
                > 0);
  }

  /** See {@code CalendarStore.deleteSpaceLinkByCalendar}. */
  public boolean deleteSpaceLinkByCalendar(TenantId tenantId, String email) {
    return tx.run(
        "unlink a calendar",
        c ->
            Sql.update(
                    c,
                    "DELETE FROM " + t.spaceLinks() + " WHERE tenant_id = ? AND calendar_email = ?",
                    tenantId.value(),
                    email)
                > 0);
  }

  /** See {@code CalendarStore.listSpaceLinks}. */
  public List<SpaceLink> listSpaceLinks(TenantId tenantId) {
    return tx.run("list space links", c -> spaceLinks(c, null, tenantId.value()));
  }

  /** See {@code CalendarStore.insertBookingLink}: the foreign key proves the calendar is stored. */
  public BookingLink insertBookingLink(BookingLink link) {
    BookingLink stored = Records.exact(link.withVersion(1));
    return tx.run(
        "insert a booking link",
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO "
                      + t.bookingLinks()
                      + " (calendar_email, transaction_id, event_id, created_at, version,"
                      + " tenant_id, booking_key) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            bind(s, stored);
            s.executeUpdate();
          } catch (SQLException e) {
            if (SqlErrors.isUniqueViolation(e)) {
              throw duplicate("booking key is already linked to an event", e);
            }
            if (SqlErrors.isForeignKeyViolation(e)) {
              throw notFound("calendar " + link.calendarEmail() + " is not registered", e);
            }
            throw e;
          }
          return stored;
        });
  }

  /** See {@code CalendarStore.updateBookingLink}. */
  public BookingLink updateBookingLink(BookingLink link) {
    BookingLink stored = Records.exact(link.withVersion(link.version() + 1));
    return tx.run(
        "update a booking link",
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE "
                      + t.bookingLinks()
                      + " SET calendar_email = ?, transaction_id = ?, event_id = ?, created_at = ?,"
                      + " version = ? WHERE tenant_id = ? AND booking_key = ? AND version = ?")) {
            bind(s, stored);
            s.setLong(8, link.version());
            if (s.executeUpdate() == 0) {
              Sql.explainMissedUpdate(
                  c,
                  "booking link",
                  "SELECT version FROM " + t.bookingLinks() + " WHERE tenant_id = ? AND booking_key = ?",
                  link.version(),
                  link.tenantId().value(),
                  link.bookingKey());
            }
          } catch (SQLException e) {
            if (SqlErrors.isForeignKeyViolation(e)) {
              throw notFound("calendar " + link.calendarEmail() + " is not registered", e);
            }
            throw e;
          }
          return stored;
        });
  }

  /** See {@code CalendarStore.findBookingLink}. */
  public Optional<BookingLink> findBookingLink(TenantId tenantId, String bookingKey) {
    return tx.run(
        "find a booking link",
        c -> first(bookingLinks(c, "booking_key = ?", tenantId.value(), bookingKey)));
  }

  /** See {@code CalendarStore.findBookingLinkByEvent}. */
  public Optional<BookingLink> findBookingLinkByEvent(
      TenantId tenantId, String email, String eventId) {
    return tx.run(
        "find a booking link",
        c ->
            first(
                bookingLinks(
                    c, "calendar_email = ? AND event_id = ?", tenantId.value(), email, eventId)));
  }

  /** See {@code CalendarStore.findBookingLinkByTransaction}. */
  public Optional<BookingLink> findBookingLinkByTransaction(TenantId tenantId, String transactionId) {
    return tx.run(
        "find a booking link",
        c -> first(bookingLinks(c, "transaction_id = ?", tenantId.value(), transactionId)));
  }

  /** See {@code CalendarStore.deleteBookingLink}. */
  public boolean deleteBookingLink(TenantId tenantId, String bookingKey) {
    return tx.run(
        "delete a booking link",
        c ->
            Sql.update(
                    c,
                    "DELETE FROM " + t.bookingLinks() + " WHERE tenant_id = ? AND booking_key = ?",
                    tenantId.value(),
                    bookingKey)
                > 0);
  }

  private Optional<SpaceLink> findBySpace(
      Connection c, TenantId tenantId, SpaceId spaceId) throws SQLException {
    return first(spaceLinks(c, "space_id = ?", tenantId.value(), spaceId.value()));
  }

  private List<SpaceLink> spaceLinks(Connection c, String condition, String... values)
      throws SQLException {
    String sql =
        "SELECT "
            + SPACE_COLUMNS
            + " FROM "
            + t.spaceLinks()
            + " WHERE tenant_id = ?"
            + (condition == null ? " ORDER BY space_id" : " AND " + condition);
    List<SpaceLink> links = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setString(i + 1, values[i]);
      }
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          links.add(
              new SpaceLink(
                  new TenantId(rows.getString("tenant_id")),
                  SpaceId.of(rows.getString("space_id")),
                  rows.getString("calendar_email"),
                  instant(rows, "linked_at"),
                  rows.getLong("version")));
        }
      }
    }
    return List.copyOf(links);
  }

  private List<BookingLink> bookingLinks(Connection c, String condition, String... values)
      throws SQLException {
    String sql =
        "SELECT "
            + BOOKING_COLUMNS
            + " FROM "
            + t.bookingLinks()
            + " WHERE tenant_id = ? AND "
            + condition
            + " ORDER BY booking_key FETCH FIRST 1 ROWS ONLY";
    List<BookingLink> links = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setString(i + 1, values[i]);
      }
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          links.add(
              new BookingLink(
                  new TenantId(rows.getString("tenant_id")),
                  rows.getString("booking_key"),
                  rows.getString("calendar_email"),
                  rows.getString("transaction_id"),
                  optionalText(rows, "event_id"),
                  instant(rows, "created_at"),
                  rows.getLong("version")));
        }
      }
    }
    return links;
  }

  private static void bind(PreparedStatement s, BookingLink link) throws SQLException {
    s.setString(1, link.calendarEmail());
    s.setString(2, link.transactionId());
    setText(s, 3, link.eventId());
    setInstant(s, 4, link.createdAt());
    s.setLong(5, link.version());
    s.setString(6, link.tenantId().value());
    s.setString(7, link.bookingKey());
  }

  private static <T> Optional<T> first(List<T> items) {
    return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0));
  }
}
