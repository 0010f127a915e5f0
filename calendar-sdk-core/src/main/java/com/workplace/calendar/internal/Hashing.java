package com.workplace.calendar.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Hashes and random values for secrets that the SDK hands out (consent state, client state). */
public final class Hashing {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Hashing() {}

  /**
   * Hashes a text with SHA-256.
   *
   * @param text the text
   * @return the lower-case hex digest
   */
  public static String sha256Hex(String text) {
    return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Hashes bytes with SHA-256.
   *
   * @param bytes the bytes
   * @return the digest
   */
  public static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }

  /**
   * Makes a random URL-safe token.
   *
   * @param bytes how many random bytes (the token is about 4/3 as many characters)
   * @return the token
   */
  public static String randomToken(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }

  /**
   * Compares two hex digests in time independent of where they differ.
   *
   * @param a one digest
   * @param b the other
   * @return {@code true} if equal
   */
  public static boolean sameDigest(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }
}
