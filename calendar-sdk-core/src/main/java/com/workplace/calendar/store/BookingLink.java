package com.workplace.calendar.store;

import com.workplace.calendar.registry.EmailAddresses;
import com.workplace.calendar.tenant.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The link between the host's booking key and the event in the room calendar. It is written before
 * the event is created (with its {@code transactionId}), and completed with the event id after.
 *
 * @param tenantId the tenant
 * @param bookingKey the host's key; unique per tenant
 * @param calendarEmail the room calendar
 * @param transactionId the idempotency key sent with the create
 * @param eventId the event id, once the create answered
 * @param createdAt when the link was written
 * @param version the record version; 0 before the first insert
 * @since 0.1.0
 */
public record BookingLink(
    TenantId tenantId,
    String bookingKey,
    String calendarEmail,
    String transactionId,
    Optional<String> eventId,
    Instant createdAt,
    long version) {
  /** Validates the record. */
  public BookingLink {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(bookingKey, "bookingKey");
    calendarEmail = EmailAddresses.normalize(calendarEmail);
    Objects.requireNonNull(transactionId, "transactionId");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /**
   * Returns a copy with the event id.
   *
   * @param id the event id
   * @return the changed copy
   */
  public BookingLink withEventId(String id) {
    return new BookingLink(
        tenantId, bookingKey, calendarEmail, transactionId, Optional.of(id), createdAt, version);
  }

  /**
   * Returns a copy with another version; used by stores.
   *
   * @param newVersion the version
   * @return the changed copy
   */
  public BookingLink withVersion(long newVersion) {
    return new BookingLink(
        tenantId, bookingKey, calendarEmail, transactionId, eventId, createdAt, newVersion);
  }
}
