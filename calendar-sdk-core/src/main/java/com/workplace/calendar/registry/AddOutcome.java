package com.workplace.calendar.registry;

import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one address of a bulk add.
 *
 * @param input the address as given
 * @param email the normalized address, when it was valid
 * @param result what happened
 * @param message why it was not added, for a person
 * @since 0.1.0
 */
public record AddOutcome(
    String input, Optional<String> email, AddOutcome.Result result, Optional<String> message) {

  /** What happened to an address. */
  public enum Result {
    /** Registered now. */
    ADDED,
    /** Already registered before; left as it was. */
    ALREADY_REGISTERED,
    /** Appeared earlier in the same request; registered once. */
    DUPLICATE_IN_REQUEST,
    /** Not a valid mailbox address; see the message. */
    INVALID
  }

  /** Validates the record. */
  public AddOutcome {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(message, "message");
  }
}
