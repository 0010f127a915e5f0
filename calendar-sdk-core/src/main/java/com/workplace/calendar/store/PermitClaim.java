package com.workplace.calendar.store;

import java.util.Objects;
import java.util.Optional;

/**
 * A request for a permit: a new one, or the renewal of one the holder has (to hand it to its next
 * request without giving it up; a renewal is checked like a new grant and counts against the
 * budget).
 *
 * @param mailboxKey the mailbox, at most {@link MailboxCoordination#MAX_KEY_LENGTH} characters
 * @param holder who asks, at most {@link MailboxCoordination#MAX_HOLDER_LENGTH} characters
 * @param policy the limits to keep to
 * @param renewing the permit to keep, if this is a renewal; it must be for the same mailbox and
 *     holder
 * @since 0.2.0
 */
public record PermitClaim(
    String mailboxKey, String holder, PermitPolicy policy, Optional<Permit> renewing) {
  /** Validates the record. */
  public PermitClaim {
    MailboxCoordination.checkKey(mailboxKey);
    MailboxCoordination.checkHolder(holder);
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(renewing, "renewing");
    if (renewing.isPresent()
        && (!renewing.get().mailboxKey().equals(mailboxKey)
            || !renewing.get().holder().equals(holder))) {
      throw new IllegalArgumentException("a renewal must be for the permit's own mailbox and holder");
    }
  }

  /**
   * A claim for a new permit.
   *
   * @param mailboxKey the mailbox
   * @param holder who asks
   * @param policy the limits
   * @return the claim
   */
  public static PermitClaim of(String mailboxKey, String holder, PermitPolicy policy) {
    return new PermitClaim(mailboxKey, holder, policy, Optional.empty());
  }

  /**
   * A claim to keep a permit for another request.
   *
   * @param permit the permit held
   * @param policy the limits
   * @return the claim
   */
  public static PermitClaim renewal(Permit permit, PermitPolicy policy) {
    return new PermitClaim(permit.mailboxKey(), permit.holder(), policy, Optional.of(permit));
  }
}
