package com.workplace.calendar.store;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Shares a mailbox's limits between every SDK instance that uses the same store: permits for the
 * requests in flight, the penalty box after a 429, and the request budget. Exchange Online counts
 * its limits per application and mailbox, whichever instance sends; an SDK instance asks here
 * before each request, so that N instances together stay inside one mailbox's limits.
 *
 * <p>A store offers its coordination through {@link CalendarStore#mailboxCoordination()}: {@link
 * JdbcCalendarStore} keeps it in two tables of its database, {@link InMemoryCalendarStore} in
 * memory. A host with another shared engine (Redis, say) implements this interface and hands it to
 * the service builder; the testkit's {@code MailboxCoordinationContract} is the suite every
 * implementation must pass.
 *
 * <h2>Rules</h2>
 *
 * <p>For a mailbox key {@code K}, a {@link PermitPolicy} {@code P} and the coordination's clock
 * reading {@code now}, {@link #tryAcquire} decides each claim in order:
 *
 * <ol>
 *   <li>while {@code K} is penalized (a {@link #penalize} until after {@code now}): denied {@link
 *       PermitDecision.Denial#PENALTY}, retry in the rest of the penalty;
 *   <li>the live permits of {@code K} are those not released whose expiry is after {@code now}; a
 *       renewal whose permit is no longer live is treated as a new claim;
 *   <li>while {@code K} is probing (penalized once, and no {@link #endProbe} since), at most one
 *       permit is live: a claim is granted only if no other permit is live, and its permit is
 *       marked {@link Permit#probe()}; otherwise at most {@code P.maxInFlight()} are live. A claim
 *       beyond that is denied {@link PermitDecision.Denial#BUSY} (a denied renewal gives its
 *       permit up);
 *   <li>at most {@code P.grantsPerCycle()} claims are granted in one budget cycle ({@link
 *       PermitPolicy#cycleOf(long)}), renewals included; beyond that: denied {@link
 *       PermitDecision.Denial#BUDGET}, retry at the next cycle;
 *   <li>a granted permit expires {@code P.expiry()} after {@code now}; a renewal keeps its slot.
 * </ol>
 *
 * <p>Every method is atomic with respect to every other caller on the same store, and never waits
 * for a permit: waiting is the caller's business (one waiter per mailbox and instance asks, the
 * others wait inside the process). Implementations must be thread-safe.
 *
 * @since 0.2.0
 */
public interface MailboxCoordination {
  /** The longest mailbox key accepted. */
  int MAX_KEY_LENGTH = 600;

  /** The longest holder name accepted. */
  int MAX_HOLDER_LENGTH = 200;

  /**
   * Decides claims, in order, in one step.
   *
   * @param claims the claims, any number (a {@code $batch} of 20 items asks once)
   * @return one decision per claim, in the same order
   */
  List<PermitDecision> tryAcquire(List<PermitClaim> claims);

  /**
   * Gives permits back. Permits no longer held (expired and taken by another holder) are ignored.
   *
   * @param permits the permits
   */
  void release(Collection<Permit> permits);

  /**
   * Extends permits that are still live and held, e.g. for requests that take longer than the
   * expiry. Does not count against the budget.
   *
   * @param permits the permits
   * @param expiry the new expiry, from now
   * @return the permits renewed, with their new expiry; permits no longer held are missing
   */
  List<Permit> renew(Collection<Permit> permits, Duration expiry);

  /**
   * Pauses a mailbox for every holder after the service throttled it: no permit is granted until
   * {@code wait} has passed (a longer penalty already recorded stays), and then one probe goes
   * first.
   *
   * @param mailboxKey the mailbox
   * @param wait how long, from now
   */
  void penalize(String mailboxKey, Duration wait);

  /**
   * Ends the probing after a penalty, once the probe got an answer that was not a 429; ignored
   * while a penalty is still running.
   *
   * @param mailboxKey the mailbox
   */
  void endProbe(String mailboxKey);

  /**
   * A coordination in the memory of this process, for a store that offers none or a single
   * instance.
   *
   * @param clock the clock expiries, penalties and cycles follow
   * @return a new, empty coordination
   */
  static MailboxCoordination inMemory(Clock clock) {
    return new InMemoryMailboxCoordination(Objects.requireNonNull(clock, "clock"));
  }

  /**
   * Checks a mailbox key.
   *
   * @param mailboxKey the key
   * @throws IllegalArgumentException if it is blank or longer than {@link #MAX_KEY_LENGTH}
   */
  static void checkKey(String mailboxKey) {
    Objects.requireNonNull(mailboxKey, "mailboxKey");
    if (mailboxKey.isBlank() || mailboxKey.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "a mailbox key must be 1 to " + MAX_KEY_LENGTH + " characters");
    }
  }

  /**
   * Checks a holder name.
   *
   * @param holder the name
   * @throws IllegalArgumentException if it is blank or longer than {@link #MAX_HOLDER_LENGTH}
   */
  static void checkHolder(String holder) {
    Objects.requireNonNull(holder, "holder");
    if (holder.isBlank() || holder.length() > MAX_HOLDER_LENGTH) {
      throw new IllegalArgumentException(
          "a permit holder must be 1 to " + MAX_HOLDER_LENGTH + " characters");
    }
  }
}
