package com.workplace.calendar.internal.sync;

import com.workplace.calendar.booking.Attendee;
import com.workplace.calendar.internal.Hashing;
import com.workplace.calendar.spi.CalendarEvent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A short digest of what a change reports of an instance of a series: subject, organizer,
 * attendees' addresses, times, original start and series. An instance sent again with the same
 * digest is not reported again. The iCalendar UID is left out: an occurrence filled from its master
 * has none, the same occurrence read in full has one, and it never changes.
 */
final class InstanceFingerprint {
  private InstanceFingerprint() {}

  /**
   * Digests an instance as it is reported.
   *
   * @param event the instance, filled from its master if it came partial
   * @return 12 URL-safe Base64 characters (72 bits)
   */
  static String of(CalendarEvent event) {
    StringBuilder text = new StringBuilder(256);
    field(text, event.seriesMasterId().orElse(""));
    field(text, event.subject().orElse(""));
    field(text, event.organizer().map(Attendee::email).orElse(""));
    String[] attendees = event.attendees().stream().map(Attendee::email).toArray(String[]::new);
    Arrays.sort(attendees);
    field(text, String.join(",", attendees));
    field(text, event.start().toString());
    field(text, event.end().toString());
    field(text, event.slotStart().map(Object::toString).orElse(""));
    byte[] digest = Hashing.sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 9));
  }

  /** Appends a value with its length, so that no two field lists make the same text. */
  private static void field(StringBuilder text, String value) {
    text.append(value.length()).append(':').append(value).append(';');
  }
}
