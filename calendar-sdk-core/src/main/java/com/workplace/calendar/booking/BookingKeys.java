package com.workplace.calendar.booking;

import java.util.Objects;

/** Validation of host booking keys. */
final class BookingKeys {
  private BookingKeys() {}

  static String check(String key) {
    Objects.requireNonNull(key, "booking key must not be null");
    if (key.isBlank()) {
      throw new IllegalArgumentException("booking key is empty");
    }
    if (key.length() > BookingRequest.MAX_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "booking key is longer than " + BookingRequest.MAX_KEY_LENGTH + " characters");
    }
    if (key.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("booking key must not contain control characters");
    }
    return key;
  }
}
