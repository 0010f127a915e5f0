package com.workplace.calendar.internal.booking;

import com.workplace.calendar.internal.Hashing;
import com.workplace.calendar.tenant.TenantId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Derives the {@code transactionId} of a booking from its tenant and host key, so every create of
 * the same booking (a retry, a second call, another instance) carries the same id and the service
 * keeps one event.
 */
final class TransactionIds {
  private TransactionIds() {}

  /**
   * A name-based UUID (RFC 9562 version 8) from the SHA-256 of {@code tenant|key}.
   *
   * @param tenantId the tenant
   * @param bookingKey the host's key
   * @return the transaction id, e.g. {@code 3f2c...-8...}
   */
  static String of(TenantId tenantId, String bookingKey) {
    byte[] digest =
        Hashing.sha256((tenantId.value() + "|" + bookingKey).getBytes(StandardCharsets.UTF_8));
    digest[6] = (byte) ((digest[6] & 0x0f) | 0x80); // version 8: custom, name-based
    digest[8] = (byte) ((digest[8] & 0x3f) | 0x80); // IETF variant
    ByteBuffer bytes = ByteBuffer.wrap(digest, 0, 16);
    return new UUID(bytes.getLong(), bytes.getLong()).toString();
  }
}
