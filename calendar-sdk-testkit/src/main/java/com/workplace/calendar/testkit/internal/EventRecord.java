package com.workplace.calendar.testkit.internal;

import com.workplace.calendar.testkit.FakeRecurrence;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An immutable state of one calendar item; an update replaces the record. A series master
 * carries its recurrence, its exceptions (by original date) and the dates of its removed
 * occurrences; occurrences are not stored but derived ({@link Series}).
 */
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
    String changeKey,
    String type,
    String showAs,
    String sensitivity,
    FakeRecurrence recurrence,
    String seriesMasterId,
    Instant originalStart,
    Map<LocalDate, EventRecord> exceptions,
    Set<LocalDate> removedDates) {

  /** Graph's event types. */
  public static final String SINGLE = "singleInstance";
  public static final String MASTER = "seriesMaster";
  public static final String OCCURRENCE = "occurrence";
  public static final String EXCEPTION = "exception";

  /** An attendee of an event. */
  public record Attendee(String name, String address, String type) {}

  public EventRecord {
    attendees = List.copyOf(attendees);
    exceptions = java.util.Collections.unmodifiableMap(new TreeMap<>(exceptions));
    removedDates = java.util.Collections.unmodifiableSet(new TreeSet<>(removedDates));
  }

  /** Starts an item of type {@code singleInstance}, busy and of normal sensitivity. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  public boolean isMaster() {
    return MASTER.equals(type);
  }

  /** Whether this is an occurrence or exception of a series. */
  public boolean isInstance() {
    return OCCURRENCE.equals(type) || EXCEPTION.equals(type);
  }

  /** Whether the item overlaps the half-open window {@code [from, to)}. */
  public boolean overlaps(Instant from, Instant to) {
    return start.isBefore(to) && end.isAfter(from);
  }

  /** A copy with a new time span. */
  public EventRecord withTimes(Instant newStart, Instant newEnd) {
    return toBuilder().start(newStart).end(newEnd).build();
  }

  /** A copy with a new subject. */
  public EventRecord withSubject(String newSubject) {
    return toBuilder().subject(newSubject).build();
  }

  /** A copy marked cancelled or not. */
  public EventRecord withCancelled(boolean value) {
    return toBuilder().cancelled(value).build();
  }

  /** A copy stamped as modified now with a new change key. */
  public EventRecord touched(Instant now, String newChangeKey) {
    return toBuilder().lastModifiedDateTime(now).changeKey(newChangeKey).build();
  }

  /** Mutable values of an {@link EventRecord}. */
  public static final class Builder {
    private String id;
    private String iCalUId;
    private String transactionId;
    private String subject = "";
    private String bodyContentType = "text";
    private String bodyContent = "";
    private Instant start;
    private Instant end;
    private String originalStartTimeZone = "UTC";
    private String originalEndTimeZone = "UTC";
    private String location = "";
    private String organizerName;
    private String organizerAddress;
    private List<Attendee> attendees = List.of();
    private boolean cancelled;
    private Instant createdDateTime;
    private Instant lastModifiedDateTime;
    private String changeKey;
    private String type = SINGLE;
    private String showAs = "busy";
    private String sensitivity = "normal";
    private FakeRecurrence recurrence;
    private String seriesMasterId;
    private Instant originalStart;
    private Map<LocalDate, EventRecord> exceptions = Map.of();
    private Set<LocalDate> removedDates = Set.of();

    Builder() {}

    Builder(EventRecord e) {
      id = e.id;
      iCalUId = e.iCalUId;
      transactionId = e.transactionId;
      subject = e.subject;
      bodyContentType = e.bodyContentType;
      bodyContent = e.bodyContent;
      start = e.start;
      end = e.end;
      originalStartTimeZone = e.originalStartTimeZone;
      originalEndTimeZone = e.originalEndTimeZone;
      location = e.location;
      organizerName = e.organizerName;
      organizerAddress = e.organizerAddress;
      attendees = e.attendees;
      cancelled = e.cancelled;
      createdDateTime = e.createdDateTime;
      lastModifiedDateTime = e.lastModifiedDateTime;
      changeKey = e.changeKey;
      type = e.type;
      showAs = e.showAs;
      sensitivity = e.sensitivity;
      recurrence = e.recurrence;
      seriesMasterId = e.seriesMasterId;
      originalStart = e.originalStart;
      exceptions = e.exceptions;
      removedDates = e.removedDates;
    }

    public Builder id(String v) {
      id = v;
      return this;
    }

    public Builder iCalUId(String v) {
      iCalUId = v;
      return this;
    }

    public Builder transactionId(String v) {
      transactionId = v;
      return this;
    }

    public Builder subject(String v) {
      subject = v;
      return this;
    }

    public Builder body(String contentType, String content) {
      bodyContentType = contentType;
      bodyContent = content;
      return this;
    }

    public Builder start(Instant v) {
      start = v;
      return this;
    }

    public Builder end(Instant v) {
      end = v;
      return this;
    }

    public Builder timeZones(String startZone, String endZone) {
      originalStartTimeZone = startZone;
      originalEndTimeZone = endZone;
      return this;
    }

    public Builder location(String v) {
      location = v;
      return this;
    }

    public Builder organizer(String name, String address) {
      organizerName = name;
      organizerAddress = address;
      return this;
    }

    public Builder attendees(List<Attendee> v) {
      attendees = v;
      return this;
    }

    public Builder cancelled(boolean v) {
      cancelled = v;
      return this;
    }

    public Builder createdDateTime(Instant v) {
      createdDateTime = v;
      return this;
    }

    public Builder lastModifiedDateTime(Instant v) {
      lastModifiedDateTime = v;
      return this;
    }

    public Builder changeKey(String v) {
      changeKey = v;
      return this;
    }

    public Builder type(String v) {
      type = v;
      return this;
    }

    public Builder showAs(String v) {
      showAs = v;
      return this;
    }

    public Builder sensitivity(String v) {
      sensitivity = v;
      return this;
    }

    /** Sets the recurrence; a non-null one makes the item a series master. */
    public Builder recurrence(FakeRecurrence v) {
      recurrence = v;
      type = v == null ? (MASTER.equals(type) ? SINGLE : type) : MASTER;
      return this;
    }

    public Builder instanceOf(String masterId, Instant original) {
      seriesMasterId = masterId;
      originalStart = original;
      return this;
    }

    public Builder exceptions(Map<LocalDate, EventRecord> v) {
      exceptions = v;
      return this;
    }

    public Builder removedDates(Set<LocalDate> v) {
      removedDates = v;
      return this;
    }

    public EventRecord build() {
      return new EventRecord(id, iCalUId, transactionId, subject, bodyContentType, bodyContent,
          start, end, originalStartTimeZone, originalEndTimeZone, location, organizerName,
          organizerAddress, attendees, cancelled, createdDateTime, lastModifiedDateTime,
          changeKey, type, showAs, sensitivity, recurrence, seriesMasterId, originalStart,
          exceptions, removedDates);
    }
  }
}
