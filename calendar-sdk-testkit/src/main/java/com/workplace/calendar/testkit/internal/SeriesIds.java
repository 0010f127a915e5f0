package com.workplace.calendar.testkit.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Ids of occurrences, derived from the series master's id and the occurrence's original date,
 * so they are stable across reads and survive the occurrence becoming an exception, as
 * Exchange's are. They look as opaque as other item ids ({@code AAMkA...=}, base64url): the
 * master's id bytes are scrambled with a stream seeded by the date, so the occurrences of one
 * series share no visible prefix. Decoding needs no state.
 */
final class SeriesIds {

  private static final String PREFIX = "AAMkA";
  private static final int MASTER_BYTES = 57;
  private static final int HEADER_BYTES = 6;
  private static final byte MARKER = 0x51;

  private SeriesIds() {}

  /**
   * The id of the occurrence of a series on a date.
   *
   * @param masterId the master's id, as made by {@link Ids#itemId()}
   * @param date the occurrence's original date in the recurrence's time zone
   * @return the occurrence id
   */
  static String occurrenceId(String masterId, LocalDate date) {
    byte[] master = masterBytes(masterId);
    byte[] out = new byte[HEADER_BYTES + MASTER_BYTES];
    out[0] = MARKER;
    out[1] = (byte) (date.getYear() >> 8);
    out[2] = (byte) date.getYear();
    out[3] = (byte) date.getMonthValue();
    out[4] = (byte) date.getDayOfMonth();
    out[5] = checksum(master);
    byte[] stream = stream(out);
    for (int i = 0; i < MASTER_BYTES; i++) {
      out[HEADER_BYTES + i] = (byte) (master[i] ^ stream[i]);
    }
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out) + "=";
  }

  /**
   * The master id and original date an occurrence id stands for.
   *
   * @param id any id
   * @return the master id and date, or empty when the id is not an occurrence id
   */
  static Optional<Map.Entry<String, LocalDate>> decode(String id) {
    if (id == null || !id.startsWith(PREFIX) || !id.endsWith("=")) {
      return Optional.empty();
    }
    byte[] in;
    try {
      in = Base64.getUrlDecoder().decode(id.substring(PREFIX.length(), id.length() - 1));
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
    if (in.length != HEADER_BYTES + MASTER_BYTES || in[0] != MARKER) {
      return Optional.empty();
    }
    byte[] stream = stream(in);
    byte[] master = new byte[MASTER_BYTES];
    for (int i = 0; i < MASTER_BYTES; i++) {
      master[i] = (byte) (in[HEADER_BYTES + i] ^ stream[i]);
    }
    if (checksum(master) != in[5]) {
      return Optional.empty();
    }
    try {
      LocalDate date = LocalDate.of(((in[1] & 0xff) << 8) | (in[2] & 0xff), in[3], in[4]);
      return Optional.of(Map.entry(
          PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(master) + "=", date));
    } catch (DateTimeException notADate) {
      return Optional.empty();
    }
  }

  /**
   * The iCalendar UID of one occurrence: the master's with the instance date filled in, as in
   * Exchange's global object ids (bytes 16 to 19: year, month, day).
   *
   * @param masterICalUId the master's UID
   * @param date the occurrence's original date
   * @return the occurrence's UID
   */
  static String iCalUId(String masterICalUId, LocalDate date) {
    if (masterICalUId.length() < 40) {
      return masterICalUId + String.format(Locale.ROOT, "%04X%02X%02X", date.getYear(),
          date.getMonthValue(), date.getDayOfMonth());
    }
    return masterICalUId.substring(0, 32) + String.format(Locale.ROOT, "%04X%02X%02X",
        date.getYear(), date.getMonthValue(), date.getDayOfMonth()) + masterICalUId.substring(40);
  }

  /** The UID shared by a series and all its instances: the instance date zeroed. */
  static String seriesUid(String iCalUId) {
    return iCalUId.length() < 40 ? iCalUId
        : iCalUId.substring(0, 32) + "00000000" + iCalUId.substring(40);
  }

  private static byte[] masterBytes(String masterId) {
    byte[] bytes = Base64.getUrlDecoder().decode(
        masterId.substring(PREFIX.length(), masterId.length() - 1));
    if (bytes.length != MASTER_BYTES) {
      throw new IllegalArgumentException("not a master id: " + masterId);
    }
    return bytes;
  }

  private static byte checksum(byte[] master) {
    byte sum = 0x2b;
    for (byte b : master) {
      sum = (byte) (sum * 31 + b);
    }
    return sum;
  }

  private static byte[] stream(byte[] header) {
    long seed = 0;
    for (int i = 0; i < HEADER_BYTES; i++) {
      seed = seed * 257 + (header[i] & 0xff);
    }
    byte[] stream = new byte[MASTER_BYTES];
    new Random(seed).nextBytes(stream);
    return stream;
  }
}
