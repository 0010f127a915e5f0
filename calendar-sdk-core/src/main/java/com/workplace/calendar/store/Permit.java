package com.workplace.calendar.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The right of one holder (an SDK instance) to have one request in flight to a mailbox, until it
 * is released or expires.
 *
 * @param mailboxKey the mailbox the permit is for (an opaque key: application, tenant, mailbox)
 * @param slot which of the mailbox's {@link PermitPolicy#maxInFlight()} places it occupies, from 0
 * @param holder who holds it
 * @param token a number that differs for every grant of the slot (a renewal keeps it), so that a
 *     late release of an old grant never frees a newer one
 * @param expiresAt when it expires unless renewed
 * @param probe whether it is the single probe allowed after a penalty; its success ends probing
 *     ({@link MailboxCoordination#endProbe(String)})
 * @since 0.2.0
 */
public record Permit(
    String mailboxKey, int slot, String holder, long token, Instant expiresAt, boolean probe) {
  /** Validates the record. */
  public Permit {
    Objects.requireNonNull(mailboxKey, "mailboxKey");
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (slot < 0) {
      throw new IllegalArgumentException("slot must not be negative");
    }
  }

  /**
   * The same permit with another expiry and probe flag.
   *
   * @param newExpiry the expiry
   * @param newProbe whether it is the probe
   * @return the permit
   */
  public Permit renewed(Instant newExpiry, boolean newProbe) {
    return new Permit(mailboxKey, slot, holder, token, newExpiry, newProbe);
  }

  /**
   * Tells whether another permit is the same grant (mailbox, slot, holder and token).
   *
   * @param other the other permit
   * @return {@code true} if both name the same grant, whatever their expiry
   */
  public boolean sameGrant(Permit other) {
    return other != null
        && slot == other.slot
        && token == other.token
        && mailboxKey.equals(other.mailboxKey)
        && holder.equals(other.holder);
  }
}
