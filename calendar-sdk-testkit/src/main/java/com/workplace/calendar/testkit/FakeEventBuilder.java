package com.workplace.calendar.testkit;

import com.workplace.calendar.testkit.internal.EventRecord;
import com.workplace.calendar.testkit.internal.GraphTime;
import com.workplace.calendar.testkit.internal.MailboxState;
import com.workplace.calendar.testkit.internal.TenantState;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Describes a meeting booked "in Outlook" in a mailbox's calendar; {@link #add()} books it.
 * Get one with {@link FakeTenant#event(String)}. By default the tenant administrator organizes
 * it, the mailbox is its only (resource) attendee, it shows as busy, is of normal sensitivity
 * and is in UTC.
 *
 * <pre>{@code
 * String seriesId = tenant.event("orchard@contoso.onmicrosoft.com")
 *     .subject("Weekly stand-up").organizer("marina@contoso.onmicrosoft.com")
 *     .attendees("ali@contoso.onmicrosoft.com")
 *     .start(Instant.parse("2030-01-07T09:00:00Z")).end(Instant.parse("2030-01-07T09:15:00Z"))
 *     .recurrence(FakeRecurrence.weekly(1, DayOfWeek.MONDAY).times(10))
 *     .add();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class FakeEventBuilder {

  private final FakeTenant tenant;
  private final TenantState state;
  private final MailboxState mailbox;
  private String subject = "";
  private Instant start;
  private Instant end;
  private String organizer;
  private final List<String> attendees = new ArrayList<>();
  private FakeEvent.ShowAs showAs = FakeEvent.ShowAs.BUSY;
  private FakeEvent.Sensitivity sensitivity = FakeEvent.Sensitivity.NORMAL;
  private boolean cancelled;
  private String body = "";
  private String location;
  private String timeZone = "UTC";
  private FakeRecurrence recurrence;

  FakeEventBuilder(FakeTenant tenant, TenantState state, MailboxState mailbox) {
    this.tenant = tenant;
    this.state = state;
    this.mailbox = mailbox;
    this.organizer = tenant.adminAddress();
    this.location = mailbox.displayName();
  }

  /**
   * Sets the subject (default empty).
   *
   * @param value the subject
   * @return this
   */
  public FakeEventBuilder subject(String value) {
    this.subject = Objects.requireNonNull(value, "subject");
    return this;
  }

  /**
   * Sets the start (of the first occurrence, for a series). Required.
   *
   * @param value the start
   * @return this
   */
  public FakeEventBuilder start(Instant value) {
    this.start = Objects.requireNonNull(value, "start");
    return this;
  }

  /**
   * Sets the end (of the first occurrence, for a series). Required.
   *
   * @param value the end, not before the start
   * @return this
   */
  public FakeEventBuilder end(Instant value) {
    this.end = Objects.requireNonNull(value, "end");
    return this;
  }

  /**
   * Sets the organizer (default the tenant administrator); a user of the tenant gets its
   * display name, any other address is its own name.
   *
   * @param address the organizer's address
   * @return this
   */
  public FakeEventBuilder organizer(String address) {
    this.organizer = Objects.requireNonNull(address, "organizer");
    return this;
  }

  /**
   * Adds required attendees (the mailbox itself is always a resource attendee).
   *
   * @param addresses the attendees' addresses
   * @return this
   */
  public FakeEventBuilder attendees(String... addresses) {
    for (String a : addresses) {
      attendees.add(Objects.requireNonNull(a, "attendee"));
    }
    return this;
  }

  /**
   * Sets the free/busy status (default busy).
   *
   * @param value the status
   * @return this
   */
  public FakeEventBuilder showAs(FakeEvent.ShowAs value) {
    this.showAs = Objects.requireNonNull(value, "showAs");
    return this;
  }

  /**
   * Sets the sensitivity (default normal).
   *
   * @param value the sensitivity
   * @return this
   */
  public FakeEventBuilder sensitivity(FakeEvent.Sensitivity value) {
    this.sensitivity = Objects.requireNonNull(value, "sensitivity");
    return this;
  }

  /**
   * Books it already cancelled ({@code isCancelled: true}), as a meeting whose organizer
   * cancelled it stays in an attendee's calendar until removed.
   *
   * @param value whether cancelled
   * @return this
   */
  public FakeEventBuilder cancelled(boolean value) {
    this.cancelled = value;
    return this;
  }

  /**
   * Sets the body, as HTML (default empty).
   *
   * @param html the content
   * @return this
   */
  public FakeEventBuilder body(String html) {
    this.body = Objects.requireNonNull(html, "body");
    return this;
  }

  /**
   * Sets the location's display name (default the mailbox's display name).
   *
   * @param value the location
   * @return this
   */
  public FakeEventBuilder location(String value) {
    this.location = Objects.requireNonNull(value, "location");
    return this;
  }

  /**
   * Sets the time zone the meeting was booked in (default {@code UTC}): reported as {@code
   * originalStartTimeZone} and, unless the recurrence names its own, the zone its dates and
   * time of day follow (a series booked at 09:00 in {@code W. Europe Standard Time} stays at
   * 09:00 there across daylight saving changes).
   *
   * @param windowsOrIanaName e.g. {@code W. Europe Standard Time} or {@code Europe/Berlin}
   * @return this
   * @throws IllegalArgumentException when the zone is unknown
   */
  public FakeEventBuilder timeZone(String windowsOrIanaName) {
    if (GraphTime.zone(windowsOrIanaName) == null) {
      throw new IllegalArgumentException("unknown time zone: " + windowsOrIanaName);
    }
    this.timeZone = windowsOrIanaName;
    return this;
  }

  /**
   * Makes it a series (default: a single instance). The range starts on the date of {@link
   * #start(Instant)} unless the recurrence says otherwise (then the dates must agree).
   *
   * @param value the recurrence
   * @return this
   */
  public FakeEventBuilder recurrence(FakeRecurrence value) {
    this.recurrence = Objects.requireNonNull(value, "recurrence");
    return this;
  }

  /**
   * Books the meeting; subscribers of the mailbox are notified.
   *
   * @return the event id (of the series master, for a series)
   * @throws IllegalStateException when start or end is missing
   * @throws IllegalArgumentException when the end is before the start, the recurrence does not
   *     fit the start, or the series has no occurrence
   */
  public String add() {
    if (start == null || end == null) {
      throw new IllegalStateException("start and end are required");
    }
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("end is before start");
    }
    List<EventRecord.Attendee> list = new ArrayList<>();
    list.add(new EventRecord.Attendee(mailbox.displayName(), mailbox.address(), "resource"));
    for (String a : attendees) {
      list.add(new EventRecord.Attendee(name(a), a, "required"));
    }
    EventRecord.Builder template = EventRecord.builder().subject(subject).body("html", body)
        .start(start).end(end).timeZones(timeZone, timeZone).location(location)
        .organizer(name(organizer), organizer).attendees(list).cancelled(cancelled)
        .showAs(showAs.wireName()).sensitivity(sensitivity.wireName());
    if (recurrence != null) {
      template.recurrence(resolve(recurrence));
    }
    return FakeEvents.outlook(() -> mailbox.calendar().create(template.build()).getKey().id());
  }

  private String name(String address) {
    return state.mailbox(address).map(MailboxState::displayName).orElse(address);
  }

  /** Sets the recurrence's start date and zone from the event's start. */
  private FakeRecurrence resolve(FakeRecurrence r) {
    String zoneName = r.recurrenceTimeZone().orElse(timeZone);
    ZoneId zone = GraphTime.zone(zoneName);
    if (zone == null) {
      throw new IllegalArgumentException("unknown recurrence time zone: " + zoneName);
    }
    LocalDate day = start.atZone(zone).toLocalDate();
    if (r.startDate().isPresent() && !r.startDate().get().equals(day)) {
      throw new IllegalArgumentException("the recurrence starts on " + r.startDate().get()
          + " but the event starts on " + day + " in " + zoneName);
    }
    return r.startingOn(day).timeZone(zoneName);
  }
}
