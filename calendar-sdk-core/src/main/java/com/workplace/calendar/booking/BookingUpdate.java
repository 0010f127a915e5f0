package com.workplace.calendar.booking;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Changes to a booking; absent values stay as they are.
 *
 * @param subject a new subject
 * @param start a new start
 * @param end a new end
 * @since 0.1.0
 */
public record BookingUpdate(Optional<String> subject, Optional<Instant> start, Optional<Instant> end) {
  /** Validates the record. */
  public BookingUpdate {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    subject.ifPresent(
        s -> {
          if (s.length() > BookingRequest.MAX_SUBJECT_LENGTH) {
            throw new IllegalArgumentException(
                "subject is longer than " + BookingRequest.MAX_SUBJECT_LENGTH + " characters");
          }
        });
    if (subject.isEmpty() && start.isEmpty() && end.isEmpty()) {
      throw new IllegalArgumentException("an update must change the subject, the start or the end");
    }
    if (start.isPresent() && end.isPresent() && !end.get().isAfter(start.get())) {
      throw new IllegalArgumentException("the booking must end after it starts");
    }
  }

  /**
   * Moves a booking.
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
