package com.workplace.calendar.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A calendar item as the fake holds it, for assertions ({@link FakeTenant#events(String)}).
 *
 * @param id the Graph event id
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
    String changeKey) {

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
  }

  /**
   * The transaction id, when the creating client gave one.
   *
   * @return the transaction id or empty
   */
  public Optional<String> transaction() {
    return transactionId.isEmpty() ? Optional.empty() : Optional.of(transactionId);
  }
}
