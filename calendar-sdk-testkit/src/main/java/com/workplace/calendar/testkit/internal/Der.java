package com.workplace.calendar.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** The few DER (ASN.1 distinguished encoding rules) encodings an X.509 certificate needs. */
final class Der {

  static final int SEQUENCE = 0x30;
  static final int SET = 0x31;

  private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");
  private static final DateTimeFormatter GENERALIZED_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'");

  private Der() {}

  /** Encodes a tag, its length and its content. */
  static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
    out.write(tag);
    int length = content.length;
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = 0;
      for (int n = length; n > 0; n >>>= 8) {
        bytes++;
      }
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write((length >>> (8 * i)) & 0xFF);
      }
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  static byte[] sequence(byte[]... parts) {
    return tlv(SEQUENCE, concat(parts));
  }

  static byte[] set(byte[]... parts) {
    return tlv(SET, concat(parts));
  }

  static byte[] integer(BigInteger value) {
    return tlv(0x02, value.toByteArray());
  }

  static byte[] integer(long value) {
    return integer(BigInteger.valueOf(value));
  }

  static byte[] bool(boolean value) {
    return tlv(0x01, new byte[] {(byte) (value ? 0xFF : 0x00)});
  }

  static byte[] nullValue() {
    return new byte[] {0x05, 0x00};
  }

  static byte[] octetString(byte[] value) {
    return tlv(0x04, value);
  }

  /** A BIT STRING with the given number of unused bits in its last byte. */
  static byte[] bitString(byte[] value, int unusedBits) {
    byte[] content = new byte[value.length + 1];
    content[0] = (byte) unusedBits;
    System.arraycopy(value, 0, content, 1, value.length);
    return tlv(0x03, content);
  }

  static byte[] utf8String(String value) {
    return tlv(0x0C, value.getBytes(StandardCharsets.UTF_8));
  }

  /** A context-specific explicit (constructed) tag wrapping an encoded value. */
  static byte[] explicit(int tagNumber, byte[] encoded) {
    return tlv(0xA0 | tagNumber, encoded);
  }

  /** A context-specific implicit primitive tag. */
  static byte[] implicitPrimitive(int tagNumber, byte[] content) {
    return tlv(0x80 | tagNumber, content);
  }

  /** UTCTime before 2050, GeneralizedTime from 2050 on (RFC 5280, 4.1.2.5). */
  static byte[] time(ZonedDateTime time) {
    ZonedDateTime utc = time.withZoneSameInstant(ZoneOffset.UTC);
    if (utc.getYear() < 2050) {
      return tlv(0x17, UTC_TIME.format(utc).getBytes(StandardCharsets.US_ASCII));
    }
    return tlv(0x18, GENERALIZED_TIME.format(utc).getBytes(StandardCharsets.US_ASCII));
  }

  /** Encodes an OBJECT IDENTIFIER given in dotted form. */
  static byte[] oid(String dotted) {
    String[] parts = dotted.split("\\.");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(Integer.parseInt(parts[0]) * 40 + Integer.parseInt(parts[1]));
    for (int i = 2; i < parts.length; i++) {
      long value = Long.parseLong(parts[i]);
      int groups = 1;
      for (long v = value >>> 7; v > 0; v >>>= 7) {
        groups++;
      }
      for (int g = groups - 1; g >= 0; g--) {
        int b = (int) ((value >>> (7 * g)) & 0x7F);
        out.write(g > 0 ? (b | 0x80) : b);
      }
    }
    return tlv(0x06, out.toByteArray());
  }
}
