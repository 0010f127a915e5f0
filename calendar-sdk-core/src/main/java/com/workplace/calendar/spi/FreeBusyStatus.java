package com.workplace.calendar.spi;

import java.util.Locale;

/**
 * How an event shows the room's time (Graph's {@code showAs}). Only {@link #FREE} leaves the time
 * free for other bookings.
 *
 * @since 0.2.0
 */
public enum FreeBusyStatus {
  /** Free: does not block the time. */
  FREE,
  /** Tentative. */
  TENTATIVE,
  /** Busy (what bookings are). */
  BUSY,
  /** Out of office. */
  OUT_OF_OFFICE,
  /** Working elsewhere. */
  WORKING_ELSEWHERE,
  /** Not said, or a value the SDK does not know. */
  UNKNOWN;

  /**
   * Reads Graph's value.
   *
   * @param value {@code free}, {@code tentative}, {@code busy}, {@code oof}, {@code
   *     workingElsewhere}, {@code unknown} (any case), or {@code null}
   * @return the status; {@link #UNKNOWN} for anything else
   */
  public static FreeBusyStatus fromGraph(String value) {
    if (value == null) {
      return UNKNOWN;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "free" -> FREE;
      case "tentative" -> TENTATIVE;
      case "busy" -> BUSY;
      case "oof" -> OUT_OF_OFFICE;
      case "workingelsewhere" -> WORKING_ELSEWHERE;
      default -> UNKNOWN;
    };
  }
}
