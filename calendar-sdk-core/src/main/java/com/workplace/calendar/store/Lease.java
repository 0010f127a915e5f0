package com.workplace.calendar.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The right of one owner (an SDK instance) to work on a named resource (e.g. a calendar's sync) until
 * it expires. A lease that expired can be taken by another owner.
 *
 * @param name what the lease is for
 * @param owner who holds it
 * @param expiresAt when it expires unless renewed
 * @param token a number that grows each time the lease changes hands, to detect a lost lease
 * @since 0.1.0
 */
public record Lease(String name, String owner, Instant expiresAt, long token) {
  /** Validates the record. */
  public Lease {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (name.isBlank() || owner.isBlank()) {
      throw new IllegalArgumentException("a lease needs a name and an owner");
    }
  }
}
