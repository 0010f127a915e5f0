package com.workplace.calendar.registry;

import com.workplace.calendar.tenant.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A room mailbox's calendar registered with the SDK. Key: {@code (tenantId, email)}.
 *
 * @param tenantId the tenant the mailbox belongs to
 * @param email the mailbox address, trimmed and lower-cased
 * @param displayName the room's name, if known
 * @param status where the calendar is in its lifecycle
 * @param failureReason why it failed, when {@code status} is {@link CalendarStatus#FAILED}
 * @param failureDetail the service's words about the failure (error code), if any
 * @param addedAt when it was registered
 * @param checkedAt when it was last probed
 * @param version the record version for optimistic concurrency; 0 before the first insert
 * @param bookingType how the room is booked, as discovery found it (since 0.2.0)
 * @param bookingRules the room's own booking rules the SDK enforces (since 0.2.0)
 * @since 0.1.0
 */
public record RoomCalendar(
    TenantId tenantId,
    String email,
    Optional<String> displayName,
    CalendarStatus status,
    Optional<CalendarFailureReason> failureReason,
    Optional<String> failureDetail,
    Instant addedAt,
    Optional<Instant> checkedAt,
    long version,
    RoomBookingType bookingType,
    RoomBookingRules bookingRules) {

  /** Validates and normalizes the record. */
  public RoomCalendar {
    Objects.requireNonNull(bookingType, "bookingType");
    Objects.requireNonNull(bookingRules, "bookingRules");
    Objects.requireNonNull(tenantId, "tenantId");
    email = EmailAddresses.normalize(email);
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(failureReason, "failureReason");
    Objects.requireNonNull(failureDetail, "failureDetail");
    Objects.requireNonNull(addedAt, "addedAt");
    Objects.requireNonNull(checkedAt, "checkedAt");
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative");
    }
    if ((status == CalendarStatus.FAILED) != failureReason.isPresent()) {
      throw new IllegalArgumentException(
          "a failure reason is required for FAILED calendars and only for them");
    }
  }

  /**
   * A calendar of unknown booking type without booking rules (the 0.1 shape).
   *
   * @param tenantId the tenant the mailbox belongs to
   * @param email the mailbox address
   * @param displayName the room's name, if known
   * @param status where the calendar is in its lifecycle
   * @param failureReason why it failed, when {@code status} is {@link CalendarStatus#FAILED}
   * @param failureDetail the service's words about the failure, if any
   * @param addedAt when it was registered
   * @param checkedAt when it was last probed
   * @param version the record version
   */
  public RoomCalendar(
      TenantId tenantId,
      String email,
      Optional<String> displayName,
      CalendarStatus status,
      Optional<CalendarFailureReason> failureReason,
      Optional<String> failureDetail,
      Instant addedAt,
      Optional<Instant> checkedAt,
      long version) {
    this(
        tenantId,
        email,
        displayName,
        status,
        failureReason,
        failureDetail,
        addedAt,
        checkedAt,
        version,
        RoomBookingType.UNKNOWN,
        RoomBookingRules.none());
  }

  /**
   * A newly registered calendar.
   *
   * @param tenantId the tenant
   * @param email the mailbox address (validated and normalized)
   * @param displayName the room's name, or {@code null}
   * @param now the current time
   * @return a new, unsaved calendar in {@link CalendarStatus#ADDED}
   */
  public static RoomCalendar added(TenantId tenantId, String email, String displayName, Instant now) {
    return new RoomCalendar(
        tenantId,
        email,
        Optional.ofNullable(displayName).filter(n -> !n.isBlank()),
        CalendarStatus.ADDED,
        Optional.empty(),
        Optional.empty(),
        now,
        Optional.empty(),
        0);
  }

  /**
   * Returns a copy that is connected.
   *
   * @param now when the probe answered
   * @return the changed copy (same version; the store assigns the next one)
   */
  public RoomCalendar connected(Instant now) {
    return new RoomCalendar(
        tenantId,
        email,
        displayName,
        CalendarStatus.CONNECTED,
        Optional.empty(),
        Optional.empty(),
        addedAt,
        Optional.of(now),
        version,
        bookingType,
        bookingRules);
  }

  /**
   * Returns a copy that failed.
   *
   * @param reason why
   * @param detail the service's words, or {@code null}
   * @param now when the probe answered
   * @return the changed copy
   */
  public RoomCalendar failed(CalendarFailureReason reason, String detail, Instant now) {
    return new RoomCalendar(
        tenantId,
        email,
        displayName,
        CalendarStatus.FAILED,
        Optional.of(reason),
        Optional.ofNullable(detail),
        addedAt,
        Optional.of(now),
        version,
        bookingType,
        bookingRules);
  }

  /**
   * Returns a copy with another version; used by stores.
   *
   * @param newVersion the version
   * @return the changed copy
   */
  public RoomCalendar withVersion(long newVersion) {
    return new RoomCalendar(
        tenantId,
        email,
        displayName,
        status,
        failureReason,
        failureDetail,
        addedAt,
        checkedAt,
        newVersion,
        bookingType,
        bookingRules);
  }

  /**
   * Returns a copy with other booking rules.
   *
   * @param rules the rules
   * @return the changed copy (same version; the store assigns the next one)
   * @since 0.2.0
   */
  public RoomCalendar withBookingRules(RoomBookingRules rules) {
    return new RoomCalendar(
        tenantId,
        email,
        displayName,
        status,
        failureReason,
        failureDetail,
        addedAt,
        checkedAt,
        version,
        bookingType,
        rules);
  }

  /**
   * Returns a copy with another booking type.
   *
   * @param type the type
   * @return the changed copy (same version; the store assigns the next one)
   * @since 0.2.0
   */
  public RoomCalendar withBookingType(RoomBookingType type) {
    return new RoomCalendar(
        tenantId,
        email,
        displayName,
        status,
        failureReason,
        failureDetail,
        addedAt,
        checkedAt,
        version,
        type,
        bookingRules);
  }
}
