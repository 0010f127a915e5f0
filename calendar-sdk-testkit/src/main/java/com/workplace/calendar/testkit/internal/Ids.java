package com.workplace.calendar.testkit.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Random;
import java.util.UUID;

/**
 * Identifier generation. Directory and item ids come from a seeded generator, so a scenario built
 * in the same order gets the same ids; secrets come from {@link SecureRandom}.
 */
public final class Ids {

  private final Random random;
  private final SecureRandom secure = new SecureRandom();

  public Ids(long seed) {
    this.random = new Random(seed);
  }

  /** A lower-case GUID string. */
  public synchronized String guid() {
    return new UUID(random.nextLong(), random.nextLong()).toString();
  }

  /**
   * An Exchange-style item id: base64url text starting like real ids ({@code AAMkA...}), holding
   * characters such as {@code -} and {@code _}, ending with {@code =}.
   */
  public synchronized String itemId() {
    byte[] bytes = new byte[57];
    random.nextBytes(bytes);
    return "AAMkA" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "=";
  }

  /** A change key (base64). */
  public synchronized String changeKey() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** An iCalendar UID in Exchange's hex format. */
  public synchronized String iCalUId() {
    StringBuilder sb = new StringBuilder("040000008200E00074C5B7101A82E00800000000");
    for (int i = 0; i < 32; i++) {
      sb.append(Integer.toHexString(random.nextInt(16)).toUpperCase(java.util.Locale.ROOT));
    }
    return sb.toString();
  }

  /** An opaque token of url-safe characters. */
  public synchronized String token(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** A client secret in the shape Entra ID issues (40 characters including {@code ~}). */
  public String secret() {
    byte[] b = new byte[30];
    secure.nextBytes(b);
    String s = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    return s.substring(0, 3) + "8Q~" + s.substring(3, 37);
  }

  /** A random request or correlation id (not seeded: it differs per run). */
  public String requestId() {
    return UUID.randomUUID().toString();
  }
}
