package com.workplace.calendar.testkit;

import com.workplace.calendar.testkit.internal.Holds;
import java.time.Duration;

/**
 * Keeps admitted requests to one mailbox in processing (holding their concurrency slots) until
 * released, to create overlapping requests without timing tricks. Requests over the limits are
 * still rejected at once. Obtain with {@link FakeFaults#holdMailbox(String)}; closing releases.
 *
 * <pre>{@code
 * try (MailboxHold hold = m365.faults().holdMailbox("orchard@contoso.onmicrosoft.com")) {
 *   // start 5 concurrent requests ...
 *   hold.awaitHeld(4, Duration.ofSeconds(10)); // 4 are in processing, the 5th got 429
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class MailboxHold implements AutoCloseable {

  private final Holds holds;
  private final String mailboxKey;
  private final Holds.Hold hold;

  MailboxHold(Holds holds, String mailboxKey, Holds.Hold hold) {
    this.holds = holds;
    this.mailboxKey = mailboxKey;
    this.hold = hold;
  }

  /**
   * Requests held right now.
   *
   * @return the count
   */
  public int held() {
    return hold.held();
  }

  /**
   * Waits until at least {@code count} requests are held.
   *
   * @param count the number of requests
   * @param timeout the longest wait
   * @return whether that many were held in time
   * @throws InterruptedException when interrupted while waiting
   */
  public boolean awaitHeld(int count, Duration timeout) throws InterruptedException {
    return hold.awaitHeld(count, timeout.toMillis());
  }

  /** Lets the held requests (and later ones) proceed. */
  public void release() {
    holds.release(mailboxKey, hold);
  }

  /** Same as {@link #release()}. */
  @Override
  public void close() {
    release();
  }
}
