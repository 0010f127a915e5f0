package com.workplace.calendar.booking;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Changes to a booking; absent values stay as they are.
 *
 * <p>For a recurring booking, {@code start} and {@code end} are those of the series' first
 * occurrence, and a new {@code recurrence} replaces the series' pattern, range or zone: every
 * occurrence moves (see {@link RoomBookings#update}).
 *
 * <pre>{@code
 * BookingUpdate.time(newFirstStart, newFirstEnd)                       // same pattern
 * BookingUpdate.time(newFirstStart, newFirstEnd).withRecurrence(       // another pattern
 *     BookingRecurrence.weekly(1, DayOfWeek.TUESDAY).times(8).inZone(berlin))
 * }</pre>
 *
 * @param subject a new subject
 * @param start a new start
 * @param end a new end
 * @param conflictPolicy what to do when a new time overlaps another event (since 0.2.0; default
 *     {@link ConflictPolicy#REFUSE})
 * @param showConflictSubjects whether a refusal may name the subjects of the conflicting events
 *     (never those of private events; since 0.2.0)
 * @param recurrence a new recurrence of a recurring booking (since 0.2.0; default none: the series
 *     keeps its own)
 * @since 0.1.0
 */
public record BookingUpdate(
    Optional<String> subject,
    Optional<Instant> start,
    Optional<Instant> end,
    ConflictPolicy conflictPolicy,
    boolean showConflictSubjects,
    Optional<BookingRecurrence> recurrence) {
  /**
   * Validates the record.
   *
   * @throws IllegalArgumentException if it changes nothing, the subject is too long, or the end
   *     is not after the start
   */
  public BookingUpdate {
    Objects.requireNonNull(conflictPolicy, "conflictPolicy");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(recurrence, "recurrence");
    subject.ifPresent(
        s -> {
          if (s.length() > BookingRequest.MAX_SUBJECT_LENGTH) {
            throw new IllegalArgumentException(
                "subject is longer than " + BookingRequest.MAX_SUBJECT_LENGTH + " characters");
          }
        });
    if (subject.isEmpty() && start.isEmpty() && end.isEmpty() && recurrence.isEmpty()) {
      throw new IllegalArgumentException(
          "an update must change the subject, the start, the end or the recurrence");
    }
    if (start.isPresent() && end.isPresent() && !end.get().isAfter(start.get())) {
      throw new IllegalArgumentException("the booking must end after it starts");
    }
  }

  /**
   * Changes without a new recurrence.
   *
   * @param subject a new subject
   * @param start a new start
   * @param end a new end
   * @param conflictPolicy what to do when a new time overlaps another event
   * @param showConflictSubjects whether a refusal may name the subjects of the conflicting events
   * @since 0.2.0
   */
  public BookingUpdate(
      Optional<String> subject,
      Optional<Instant> start,
      Optional<Instant> end,
      ConflictPolicy conflictPolicy,
      boolean showConflictSubjects) {
    this(subject, start, end, conflictPolicy, showConflictSubjects, Optional.empty());
  }

  /**
   * Changes that refuse conflicts without naming subjects (the 0.1 shape).
   *
   * @param subject a new subject
   * @param start a new start
   * @param end a new end
   */
  public BookingUpdate(Optional<String> subject, Optional<Instant> start, Optional<Instant> end) {
    this(subject, start, end, ConflictPolicy.REFUSE, false);
  }

  /**
   * Tells whether the update changes the booking's time.
   *
   * @return {@code true} if it sets a start, an end or a recurrence
   * @since 0.2.0
   */
  public boolean changesTime() {
    return start.isPresent() || end.isPresent() || recurrence.isPresent();
  }

  /**
   * A copy with another conflict policy.
   *
   * @param policy the policy
   * @return the copy
   * @since 0.2.0
   */
  public BookingUpdate withConflictPolicy(ConflictPolicy policy) {
    return new BookingUpdate(subject, start, end, policy, showConflictSubjects, recurrence);
  }

  /**
   * A copy that lets a refusal name the subjects of the conflicting events (never those of
   * private events).
   *
   * @param show whether to name subjects
   * @return the copy
   * @since 0.2.0
   */
  public BookingUpdate withConflictSubjects(boolean show) {
    return new BookingUpdate(subject, start, end, conflictPolicy, show, recurrence);
  }

  /**
   * A copy that also gives a recurring booking a new recurrence (pattern, range or zone); the
   * update's start and end, if any, are those of the first occurrence.
   *
   * @param value the new recurrence
   * @return the copy
   * @since 0.2.0
   */
  public BookingUpdate withRecurrence(BookingRecurrence value) {
    return new BookingUpdate(
        subject,
        start,
        end,
        conflictPolicy,
        showConflictSubjects,
        Optional.of(Objects.requireNonNull(value, "recurrence")));
  }

  /**
   * Moves a booking; for a recurring booking, moves its first occurrence and with it the series.
   *
   * @param start the new start
   * @param end the new end
   * @return the update
   */
  public static BookingUpdate time(Instant start, Instant end) {
    return new BookingUpdate(Optional.empty(), Optional.of(start), Optional.of(end));
  }

  /**
   * Renames a booking.
   *
   * @param subject the new subject
   * @return the update
   */
  public static BookingUpdate subject(String subject) {
    return new BookingUpdate(Optional.of(subject), Optional.empty(), Optional.empty());
  }
}
