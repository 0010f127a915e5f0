package com.workplace.calendar.booking;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An event that is in the way of a booking: when it is, whether it is private, and (only when the
 * host asked for it and the event is not private) its subject.
 *
 * @param start the conflicting event's start
 * @param end the conflicting event's end
 * @param isPrivate whether the event is marked private or confidential
 * @param subject the event's subject, only when the request asked for subjects and the event is
 *     not private
 * @param bookingKey the host's key when the event is a booking made through the SDK
 * @since 0.2.0
 */
public record ConflictingInterval(
    Instant start,
    Instant end,
    boolean isPrivate,
    Optional<String> subject,
    Optional<String> bookingKey) {
  /** Validates the record. */
  public ConflictingInterval {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(bookingKey, "bookingKey");
    if (isPrivate && subject.isPresent()) {
      throw new IllegalArgumentException("the subject of a private event is never shown");
    }
  }

  @Override
  public String toString() {
    return start + "–" + end + (isPrivate ? " (private)" : "");
  }
}
