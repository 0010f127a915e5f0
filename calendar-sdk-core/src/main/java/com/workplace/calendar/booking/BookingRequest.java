package com.workplace.calendar.booking;

import com.workplace.calendar.registry.EmailAddresses;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.tenant.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A booking to create in a room's calendar. Build one with {@link #builder(TenantId, String)}.
 *
 * @param tenantId the tenant
 * @param bookingKey the host's own key for the booking; the same key never makes two events
 * @param calendarEmail the room calendar, when booking by calendar
 * @param spaceId the linked space, when booking by space
 * @param subject the subject shown in the calendar
 * @param start when it starts
 * @param end when it ends (after {@code start})
 * @param booker the person who booked; becomes an attendee
 * @param body an optional plain-text body
 * @param conflictPolicy what to do when the time overlaps another event (since 0.2.0; default
 *     {@link ConflictPolicy#REFUSE})
 * @param showConflictSubjects whether a refusal may name the subjects of the conflicting events
 *     (never those of private events; since 0.2.0; default {@code false})
 * @param recurrence how the booking recurs, when it is a series: {@code start} and {@code end}
 *     are then those of its first occurrence (since 0.2.0; default none)
 * @since 0.1.0
 */
public record BookingRequest(
    TenantId tenantId,
    String bookingKey,
    Optional<String> calendarEmail,
    Optional<SpaceId> spaceId,
    String subject,
    Instant start,
    Instant end,
    Attendee booker,
    Optional<String> body,
    ConflictPolicy conflictPolicy,
    boolean showConflictSubjects,
    Optional<BookingRecurrence> recurrence) {

  /** The longest booking key accepted. */
  public static final int MAX_KEY_LENGTH = 200;

  /** The longest subject accepted. */
  public static final int MAX_SUBJECT_LENGTH = 255;

  /**
   * Validates the record.
   *
   * @throws IllegalArgumentException if a value is invalid, or a recurrence does not fit the
   *     booking: a weekly series must start on one of its days (in the recurrence's zone), have at
   *     most {@value BookingRecurrence#MAX_OCCURRENCES} occurrences, and each occurrence must end
   *     before the next one starts, also across clock changes
   */
  public BookingRequest {
    Objects.requireNonNull(tenantId, "tenantId");
    bookingKey = BookingKeys.check(bookingKey);
    Objects.requireNonNull(calendarEmail, "calendarEmail");
    calendarEmail = calendarEmail.map(EmailAddresses::normalize);
    Objects.requireNonNull(spaceId, "spaceId");
    if (calendarEmail.isPresent() == spaceId.isPresent()) {
      throw new IllegalArgumentException("a booking names either a room calendar or a space");
    }
    Objects.requireNonNull(subject, "subject");
    if (subject.length() > MAX_SUBJECT_LENGTH) {
      throw new IllegalArgumentException(
          "subject is longer than " + MAX_SUBJECT_LENGTH + " characters");
    }
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("the booking must end after it starts");
    }
    Objects.requireNonNull(booker, "booker");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(conflictPolicy, "conflictPolicy");
    Objects.requireNonNull(recurrence, "recurrence");
    if (recurrence.isPresent()) {
      recurrence.get().occurrenceStarts(start, end);
    }
  }

  /**
   * A request for a single booking (the shape before recurrences).
   *
   * @param tenantId the tenant
   * @param bookingKey the host's own key for the booking
   * @param calendarEmail the room calendar, when booking by calendar
   * @param spaceId the linked space, when booking by space
   * @param subject the subject shown in the calendar
   * @param start when it starts
   * @param end when it ends
   * @param booker the person who booked
   * @param body an optional plain-text body
   * @param conflictPolicy what to do when the time overlaps another event
   * @param showConflictSubjects whether a refusal may name the subjects of the conflicting events
   * @since 0.2.0
   */
  public BookingRequest(
      TenantId tenantId,
      String bookingKey,
      Optional<String> calendarEmail,
      Optional<SpaceId> spaceId,
      String subject,
      Instant start,
      Instant end,
      Attendee booker,
      Optional<String> body,
      ConflictPolicy conflictPolicy,
      boolean showConflictSubjects) {
    this(
        tenantId,
        bookingKey,
        calendarEmail,
        spaceId,
        subject,
        start,
        end,
        booker,
        body,
        conflictPolicy,
        showConflictSubjects,
        Optional.empty());
  }

  /**
   * A request that refuses conflicts without naming subjects (the 0.1 shape).
   *
   * @param tenantId the tenant
   * @param bookingKey the host's own key for the booking
   * @param calendarEmail the room calendar, when booking by calendar
   * @param spaceId the linked space, when booking by space
   * @param subject the subject shown in the calendar
   * @param start when it starts
   * @param end when it ends
   * @param booker the person who booked
   * @param body an optional plain-text body
   */
  public BookingRequest(
      TenantId tenantId,
      String bookingKey,
      Optional<String> calendarEmail,
      Optional<SpaceId> spaceId,
      String subject,
      Instant start,
      Instant end,
      Attendee booker,
      Optional<String> body) {
    this(
        tenantId,
        bookingKey,
        calendarEmail,
        spaceId,
        subject,
        start,
        end,
        booker,
        body,
        ConflictPolicy.REFUSE,
        false,
        Optional.empty());
  }

  /**
   * Starts a builder.
   *
   * @param tenantId the tenant
   * @param bookingKey the host's key for the booking
   * @return the builder
   */
  public static Builder builder(TenantId tenantId, String bookingKey) {
    return new Builder(tenantId, bookingKey);
  }

  /** Builds a {@link BookingRequest}. */
  public static final class Builder {
    private final TenantId tenantId;
    private final String bookingKey;
    private String calendarEmail;
    private SpaceId spaceId;
    private String subject = "";
    private Instant start;
    private Instant end;
    private Attendee booker;
    private String body;
    private ConflictPolicy conflictPolicy = ConflictPolicy.REFUSE;
    private boolean showConflictSubjects;
    private BookingRecurrence recurrence;

    private Builder(TenantId tenantId, String bookingKey) {
      this.tenantId = tenantId;
      this.bookingKey = bookingKey;
    }

    /**
     * Books a room calendar directly.
     *
     * @param email the room mailbox
     * @return this builder
     */
    public Builder room(String email) {
      this.calendarEmail = email;
      return this;
    }

    /**
     * Books the calendar linked to a space.
     *
     * @param id the space
     * @return this builder
     */
    public Builder space(SpaceId id) {
      this.spaceId = id;
      return this;
    }

    /**
     * Sets the subject.
     *
     * @param text the subject
     * @return this builder
     */
    public Builder subject(String text) {
      this.subject = text;
      return this;
    }

    /**
     * Sets the time.
     *
     * @param from the start
     * @param to the end
     * @return this builder
     */
    public Builder time(Instant from, Instant to) {
      this.start = from;
      this.end = to;
      return this;
    }

    /**
     * Sets the booker.
     *
     * @param email the booker's address
     * @param name the booker's name, or {@code null}
     * @return this builder
     */
    public Builder booker(String email, String name) {
      this.booker = Attendee.of(email, name);
      return this;
    }

    /**
     * Sets a plain-text body.
     *
     * @param text the body
     * @return this builder
     */
    public Builder body(String text) {
      this.body = text;
      return this;
    }

    /**
     * Sets what happens when the time overlaps another event; default {@link
     * ConflictPolicy#REFUSE}.
     *
     * @param policy the policy
     * @return this builder
     * @since 0.2.0
     */
    public Builder conflictPolicy(ConflictPolicy policy) {
      this.conflictPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Lets a refusal name the subjects of the conflicting events (never those of private events);
     * off by default, so that a booker does not learn what others booked.
     *
     * @param show whether to name subjects
     * @return this builder
     * @since 0.2.0
     */
    public Builder showConflictSubjects(boolean show) {
      this.showConflictSubjects = show;
      return this;
    }

    /**
     * Makes the booking a recurring series; the time set with {@link #time} is its first
     * occurrence.
     *
     * @param value how it recurs, e.g. {@code BookingRecurrence.weekly(1,
     *     DayOfWeek.MONDAY).times(10)}
     * @return this builder
     * @since 0.2.0
     */
    public Builder recurrence(BookingRecurrence value) {
      this.recurrence = Objects.requireNonNull(value, "recurrence");
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     * @throws IllegalArgumentException if a value is missing or invalid
     */
    public BookingRequest build() {
      if (booker == null) {
        throw new IllegalArgumentException("a booking needs a booker");
      }
      if (start == null || end == null) {
        throw new IllegalArgumentException("a booking needs a start and an end");
      }
      return new BookingRequest(
          tenantId,
          bookingKey,
          Optional.ofNullable(calendarEmail),
          Optional.ofNullable(spaceId),
          subject,
          start,
          end,
          booker,
          Optional.ofNullable(body),
          conflictPolicy,
          showConflictSubjects,
          Optional.ofNullable(recurrence));
    }
  }
}
