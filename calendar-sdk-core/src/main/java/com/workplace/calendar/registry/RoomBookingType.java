package com.workplace.calendar.registry;

import java.util.Locale;

/**
 * How a room is booked, as Microsoft Places says in a room's {@code bookingType}.
 *
 * @since 0.2.0
 */
public enum RoomBookingType {
  /** Bookable through its calendar (Places' {@code standard}, the default). */
  STANDARD,
  /**
   * Reserved for someone or first-come-first-served (Places' {@code reserved}): the SDK refuses to
   * book it.
   */
  RESERVED,
  /** Not known: Places said {@code unknown}, or the room was registered without discovery. */
  UNKNOWN;

  /**
   * Reads the value Places sends.
   *
   * @param value {@code standard}, {@code reserved}, {@code unknown} (any case), or {@code null}
   * @return the type; {@link #UNKNOWN} for anything else
   */
  public static RoomBookingType fromPlaces(String value) {
    if (value == null) {
      return UNKNOWN;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "standard" -> STANDARD;
      case "reserved" -> RESERVED;
      default -> UNKNOWN;
    };
  }
}
