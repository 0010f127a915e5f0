package com.workplace.calendar.booking;

import com.workplace.calendar.registry.EmailAddresses;
import java.util.Objects;
import java.util.Optional;

/**
 * A person on a booking: the booker, or the organizer of a booking made in Outlook.
 *
 * @param email the person's address, normalized
 * @param name the display name, if known
 * @since 0.1.0
 */
public record Attendee(String email, Optional<String> name) {
  /** Validates the record. */
  public Attendee {
    email = EmailAddresses.normalize(email);
    Objects.requireNonNull(name, "name");
  }

  /**
   * Creates an attendee.
   *
   * @param email the address
   * @param name the display name, or {@code null}
   * @return the attendee
   */
  public static Attendee of(String email, String name) {
    return new Attendee(email, Optional.ofNullable(name).filter(n -> !n.isBlank()));
  }
}
