package com.workplace.calendar.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A calendar item as the fake holds it, for assertions: the items of {@link
 * FakeTenant#events(String)} (single instances and series masters) and the expanded instances of
 * {@link FakeTenant#calendarView(String, Instant, Instant)} (single instances, occurrences and
 * exceptions).
 *
 * @param id the Graph event id (for occurrences: the id derived from the series and its date)
 * @param mailbox the address of the calendar's mailbox
 * @param subject the subject
 * @param start the start
 * @param end the end
 * @param organizerAddress the organizer's address (the room itself for events created through
 *     Graph)
 * @param organizerName the organizer's display name
 * @param attendees the attendees' addresses
 * @param transactionId the client's transaction id; empty string when none was given
 * @param cancelled whether the item is marked cancelled
 * @param body the body content
 * @param location the location display name
 * @param createdDateTime when it was created
 * @param lastModifiedDateTime when it was last changed
 * @param changeKey the current change key
 * @param type single instance, series master, occurrence or exception
 * @param seriesMasterId the series master of an occurrence or exception
 * @param originalStart the start an occurrence or exception has by the series' pattern
 * @param recurrence the recurrence of a series master
 * @param showAs the free/busy status
 * @param sensitivity the sensitivity
 * @since 0.1.0
 */
public record FakeEvent(
    String id,
    String mailbox,
    String subject,
    Instant start,
    Instant end,
    String organizerAddress,
    String organizerName,
    List<String> attendees,
    String transactionId,
    boolean cancelled,
    String body,
    String location,
    Instant createdDateTime,
    Instant lastModifiedDateTime,
    String changeKey,
    Type type,
    Optional<String> seriesMasterId,
    Optional<Instant> originalStart,
    Optional<FakeRecurrence> recurrence,
    ShowAs showAs,
    Sensitivity sensitivity) {

  /** Graph's {@code eventType}. */
  public enum Type {
    /** An event without recurrence. */
    SINGLE_INSTANCE,
    /** An occurrence of a series, as its pattern makes it. */
    OCCURRENCE,
    /** An occurrence of a series changed on its own (moved, renamed, marked cancelled). */
    EXCEPTION,
    /** The series itself: carries the recurrence; never in a calendar view. */
    SERIES_MASTER;

    /**
     * The name Graph uses.
     *
     * @return e.g. {@code seriesMaster}
     */
    public String wireName() {
      return camelCase(name());
    }
  }

  /** Graph's {@code freeBusyStatus}, the event's {@code showAs}. */
  public enum ShowAs {
    /** Free: does not block the time. */
    FREE,
    /** Tentative. */
    TENTATIVE,
    /** Busy (the default). */
    BUSY,
    /** Out of office. */
    OOF,
    /** Working elsewhere. */
    WORKING_ELSEWHERE,
    /** Unknown. */
    UNKNOWN;

    /**
     * The name Graph uses.
     *
     * @return e.g. {@code workingElsewhere}
     */
    public String wireName() {
      return camelCase(name());
    }
  }

  /** Graph's {@code sensitivity}. */
  public enum Sensitivity {
    /** Normal (the default). */
    NORMAL,
    /** Personal. */
    PERSONAL,
    /** Private: clients must not show the subject to others. */
    PRIVATE,
    /** Confidential. */
    CONFIDENTIAL;

    /**
     * The name Graph uses.
     *
     * @return e.g. {@code private}
     */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Validates and copies the values.
   *
   * @throws NullPointerException when a value is null
   */
  public FakeEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(mailbox, "mailbox");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(organizerAddress, "organizerAddress");
    Objects.requireNonNull(organizerName, "organizerName");
    attendees = List.copyOf(attendees);
    Objects.requireNonNull(transactionId, "transactionId");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(createdDateTime, "createdDateTime");
    Objects.requireNonNull(lastModifiedDateTime, "lastModifiedDateTime");
    Objects.requireNonNull(changeKey, "changeKey");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(seriesMasterId, "seriesMasterId");
    Objects.requireNonNull(originalStart, "originalStart");
    Objects.requireNonNull(recurrence, "recurrence");
    Objects.requireNonNull(showAs, "showAs");
    Objects.requireNonNull(sensitivity, "sensitivity");
  }

  /**
   * A single instance that is busy and of normal sensitivity (the shape of version 0.1).
   *
   * @param id the Graph event id
   * @param mailbox the address of the calendar's mailbox
   * @param subject the subject
   * @param start the start
   * @param end the end
   * @param organizerAddress the organizer's address
   * @param organizerName the organizer's display name
   * @param attendees the attendees' addresses
   * @param transactionId the client's transaction id; empty string when none was given
   * @param cancelled whether the item is marked cancelled
   * @param body the body content
   * @param location the location display name
   * @param createdDateTime when it was created
   * @param lastModifiedDateTime when it was last changed
   * @param changeKey the current change key
   */
  public FakeEvent(String id, String mailbox, String subject, Instant start, Instant end,
      String organizerAddress, String organizerName, List<String> attendees,
      String transactionId, boolean cancelled, String body, String location,
      Instant createdDateTime, Instant lastModifiedDateTime, String changeKey) {
    this(id, mailbox, subject, start, end, organizerAddress, organizerName, attendees,
        transactionId, cancelled, body, location, createdDateTime, lastModifiedDateTime,
        changeKey, Type.SINGLE_INSTANCE, Optional.empty(), Optional.empty(), Optional.empty(),
        ShowAs.BUSY, Sensitivity.NORMAL);
  }

  /**
   * The transaction id, when the creating client gave one.
   *
   * @return the transaction id or empty
   */
  public Optional<String> transaction() {
    return transactionId.isEmpty() ? Optional.empty() : Optional.of(transactionId);
  }

  private static String camelCase(String constant) {
    String[] parts = constant.toLowerCase(Locale.ROOT).split("_");
    StringBuilder sb = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      sb.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
    }
    return sb.toString();
  }
}
