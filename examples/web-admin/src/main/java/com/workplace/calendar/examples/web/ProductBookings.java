package com.workplace.calendar.examples.web;

import com.workplace.calendar.booking.Booking;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.sync.BookingChange;
import com.workplace.calendar.sync.ChangeType;
import com.workplace.calendar.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The booking product's own bookings (table {@code web_admin_bookings} in the application's
 * database, beside the SDK's tables): what was booked, for which space, and where it stands. The
 * SDK knows each booking only by the product's key.
 */
@Component
public final class ProductBookings {

  /** Where a booking stands. */
  public enum State {
    /** Booked and not ended or cancelled. */
    BOOKED,
    /** Ended before its end. */
    ENDED_EARLY,
    /** Cancelled in the product. */
    CANCELLED,
    /** Deleted or cancelled in Outlook while it was booked. */
    CANCELLED_IN_OUTLOOK
  }

  /**
   * A booking of the product.
   *
   * @param key the product's booking key
   * @param tenantId the tenant
   * @param spaceId the booked space
   * @param calendarEmail the room calendar it landed in
   * @param subject the subject
   * @param start the start
   * @param end the end
   * @param booker who booked
   * @param state where it stands
   */
  public record ProductBooking(
      String key,
      TenantId tenantId,
      SpaceId spaceId,
      String calendarEmail,
      String subject,
      Instant start,
      Instant end,
      String booker,
      State state) {
    /**
     * Whether the booking still stands.
     *
     * @return {@code true} while booked
     */
    public boolean active() {
      return state == State.BOOKED;
    }
  }

  private static final RowMapper<ProductBooking> ROW =
      (rs, n) ->
          new ProductBooking(
              rs.getString("booking_key"),
              TenantId.parse(rs.getString("tenant_id")),
              SpaceId.of(rs.getString("space_id")),
              rs.getString("calendar_email"),
              rs.getString("subject"),
              Instant.ofEpochMilli(rs.getLong("starts_at")),
              Instant.ofEpochMilli(rs.getLong("ends_at")),
              rs.getString("booker"),
              State.valueOf(rs.getString("state")));

  private final JdbcTemplate jdbc;

  ProductBookings(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    jdbc.execute(
        "CREATE TABLE IF NOT EXISTS web_admin_bookings ("
            + " booking_key VARCHAR(200) PRIMARY KEY,"
            + " tenant_id VARCHAR(256) NOT NULL,"
            + " space_id VARCHAR(128) NOT NULL,"
            + " calendar_email VARCHAR(320) NOT NULL,"
            + " subject VARCHAR(255) NOT NULL,"
            + " starts_at BIGINT NOT NULL,"
            + " ends_at BIGINT NOT NULL,"
            + " booker VARCHAR(320) NOT NULL,"
            + " state VARCHAR(32) NOT NULL,"
            + " created_at BIGINT NOT NULL)");
  }

  /** Records a booking the SDK made. */
  void record(Booking booking, SpaceId space, String booker, Instant now) {
    jdbc.update(
        "INSERT INTO web_admin_bookings (booking_key, tenant_id, space_id, calendar_email, subject,"
            + " starts_at, ends_at, booker, state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        booking.bookingKey(),
        booking.tenantId().value(),
        space.value(),
        booking.calendarEmail(),
        booking.subject(),
        booking.start().toEpochMilli(),
        booking.end().toEpochMilli(),
        booker,
        State.BOOKED.name(),
        now.toEpochMilli());
  }

  /** The tenant's bookings, latest start first, at most {@code limit}. */
  List<ProductBooking> list(TenantId tenantId, int limit) {
    return jdbc.query(
        "SELECT * FROM web_admin_bookings WHERE tenant_id = ? ORDER BY starts_at DESC, booking_key LIMIT ?",
        ROW,
        tenantId.value(),
        limit);
  }

  /** One booking of the tenant. */
  Optional<ProductBooking> find(TenantId tenantId, String key) {
    return jdbc
        .query("SELECT * FROM web_admin_bookings WHERE tenant_id = ? AND booking_key = ?", ROW, tenantId.value(), key)
        .stream()
        .findFirst();
  }

  /** Records that a booking ended early, with its new end. */
  void endedEarly(TenantId tenantId, String key, Instant end) {
    jdbc.update(
        "UPDATE web_admin_bookings SET state = ?, ends_at = ? WHERE tenant_id = ? AND booking_key = ?",
        State.ENDED_EARLY.name(),
        end.toEpochMilli(),
        tenantId.value(),
        key);
  }

  /** Records that a booking was cancelled here. */
  void cancelled(TenantId tenantId, String key) {
    setState(tenantId, key, State.CANCELLED);
  }

  /** Forgets a removed tenant's bookings. */
  void forget(TenantId tenantId) {
    jdbc.update("DELETE FROM web_admin_bookings WHERE tenant_id = ?", tenantId.value());
  }

  /**
   * Applies what sync found about one of the product's bookings: moved in Outlook, or cancelled
   * there (a deletion of a booking still active here).
   */
  void applyOutlookChange(TenantId tenantId, String key, BookingChange change) {
    if (change.type() == ChangeType.DELETED) {
      jdbc.update(
          "UPDATE web_admin_bookings SET state = ? WHERE tenant_id = ? AND booking_key = ? AND state = ?",
          State.CANCELLED_IN_OUTLOOK.name(),
          tenantId.value(),
          key,
          State.BOOKED.name());
    } else if (change.type() == ChangeType.UPDATED && change.start().isPresent() && change.end().isPresent()) {
      jdbc.update(
          "UPDATE web_admin_bookings SET starts_at = ?, ends_at = ? WHERE tenant_id = ? AND booking_key = ? AND state = ?",
          change.start().get().toEpochMilli(),
          change.end().get().toEpochMilli(),
          tenantId.value(),
          key,
          State.BOOKED.name());
    }
  }

  private void setState(TenantId tenantId, String key, State state) {
    jdbc.update(
        "UPDATE web_admin_bookings SET state = ? WHERE tenant_id = ? AND booking_key = ?",
        state.name(),
        tenantId.value(),
        key);
  }
}
