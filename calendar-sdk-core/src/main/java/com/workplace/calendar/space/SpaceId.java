package com.workplace.calendar.space;

import java.util.Objects;

/**
 * Identifies a space of the host product (e.g. the space number of a meeting room).
 *
 * @param value the identifier, trimmed; 1 to {@value #MAX_LENGTH} characters, no control characters
 * @since 0.1.0
 */
public record SpaceId(String value) {
  /** The longest identifier accepted. */
  public static final int MAX_LENGTH = 128;

  /** Validates and trims the value. */
  public SpaceId {
    Objects.requireNonNull(value, "space ID must not be null");
    value = value.strip();
    if (value.isEmpty()) {
      throw new IllegalArgumentException("space ID is empty");
    }
    if (value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "space ID is longer than " + MAX_LENGTH + " characters");
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("space ID must not contain control characters");
    }
  }

  /**
   * Creates a space ID from text.
   *
   * @param value the identifier
   * @return the space ID
   * @throws IllegalArgumentException if the value is empty, too long or has control characters
   */
  public static SpaceId of(String value) {
    return new SpaceId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
