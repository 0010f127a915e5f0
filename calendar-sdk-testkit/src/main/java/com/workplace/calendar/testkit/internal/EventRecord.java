package com.workplace.calendar.testkit.internal;

import java.time.Instant;
import java.util.List;

/** An immutable state of one calendar item; an update replaces the record. */
public record EventRecord(
    String id,
    String iCalUId,
    String transactionId,
    String subject,
    String bodyContentType,
    String bodyContent,
    Instant start,
    Instant end,
    String originalStartTimeZone,
    String originalEndTimeZone,
    String location,
    String organizerName,
    String organizerAddress,
    List<Attendee> attendees,
    boolean cancelled,
    Instant createdDateTime,
    Instant lastModifiedDateTime,
    String changeKey) {

  /** An attendee of an event. */
  public record Attendee(String name, String address, String type) {}

  public EventRecord {
    attendees = List.copyOf(attendees);
  }

  /** Whether the item overlaps the half-open window {@code [from, to)}. */
  public boolean overlaps(Instant from, Instant to) {
    return start.isBefore(to) && end.isAfter(from);
  }

  /** A copy with a new time span. */
  public EventRecord withTimes(Instant newStart, Instant newEnd) {
    return new EventRecord(id, iCalUId, transactionId, subject, bodyContentType, bodyContent,
        newStart, newEnd, originalStartTimeZone, originalEndTimeZone, location, organizerName,
        organizerAddress, attendees, cancelled, createdDateTime, lastModifiedDateTime, changeKey);
  }

  /** A copy with a new subject. */
  public EventRecord withSubject(String newSubject) {
    return new EventRecord(id, iCalUId, transactionId, newSubject, bodyContentType, bodyContent,
        start, end, originalStartTimeZone, originalEndTimeZone, location, organizerName,
        organizerAddress, attendees, cancelled, createdDateTime, lastModifiedDateTime, changeKey);
  }

  /** A copy with a new body. */
  public EventRecord withBody(String contentType, String content) {
    return new EventRecord(id, iCalUId, transactionId, subject, contentType, content, start, end,
        originalStartTimeZone, originalEndTimeZone, location, organizerName, organizerAddress,
        attendees, cancelled, createdDateTime, lastModifiedDateTime, changeKey);
  }

  /** A copy with a new location. */
  public EventRecord withLocation(String newLocation) {
    return new EventRecord(id, iCalUId, transactionId, subject, bodyContentType, bodyContent,
        start, end, originalStartTimeZone, originalEndTimeZone, newLocation, organizerName,
        organizerAddress, attendees, cancelled, createdDateTime, lastModifiedDateTime, changeKey);
  }

  /** A copy with new attendees. */
  public EventRecord withAttendees(List<Attendee> newAttendees) {
    return new EventRecord(id, iCalUId, transactionId, subject, bodyContentType, bodyContent,
        start, end, originalStartTimeZone, originalEndTimeZone, location, organizerName,
        organizerAddress, newAttendees, cancelled, createdDateTime, lastModifiedDateTime,
        changeKey);
  }

  /** A copy with the time zones the client used. */
  public EventRecord withTimeZones(String startZone, String endZone) {
    return new EventRecord(id, iCalUId, transactionId, subject, bodyContentType, bodyContent,
        start, end, startZone, endZone, location, organizerName, organizerAddress, attendees,
        cancelled, createdDateTime, lastModifiedDateTime, changeKey);
  }

  /** A copy marked cancelled or not. */
  public EventRecord withCancelled(boolean value) {
    return new EventRecord(id, iCalUId, transactionId, subject, bodyContentType, bodyContent,
        start, end, originalStartTimeZone, originalEndTimeZone, location, organizerName,
        organizerAddress, attendees, value, createdDateTime, lastModifiedDateTime, changeKey);
  }

  /** A copy stamped as modified now with a new change key. */
  public EventRecord touched(Instant now, String newChangeKey) {
    return new EventRecord(id, iCalUId, transactionId, subject, bodyContentType, bodyContent,
        start, end, originalStartTimeZone, originalEndTimeZone, location, organizerName,
        organizerAddress, attendees, cancelled, createdDateTime, now, newChangeKey);
  }
}
