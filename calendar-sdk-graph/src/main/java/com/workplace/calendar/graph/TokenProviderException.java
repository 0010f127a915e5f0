package com.workplace.calendar.graph;

import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.tenant.TenantFailureReason;
import java.util.Objects;

/**
 * Thrown by a host's {@link TokenProvider} when it cannot give a token for a tenant, saying why in
 * the terms of {@link TenantFailureReason}, so that the SDK records a reason a person can act on.
 * The message reaches the tenant's verification result and logs: it must never contain a token, a
 * secret or a key.
 *
 * @since 0.2.0
 */
public class TokenProviderException extends CalendarServiceException {
  private static final long serialVersionUID = 1L;

  private final TenantFailureReason reason;
  private final boolean retryable;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, for a person; never a secret or token
   * @param reason why the tenant cannot be reached
   * @param retryable whether asking again later may help (an outage, a consent still propagating)
   */
  public TokenProviderException(String message, TenantFailureReason reason, boolean retryable) {
    super(message, 0, null, null, null, null);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.retryable = retryable;
  }

  /**
   * Says why no token could be had.
   *
   * @return the reason
   */
  public TenantFailureReason reason() {
    return reason;
  }

  /**
   * Says whether asking again later may help.
   *
   * @return whether the failure is transient
   */
  public boolean retryable() {
    return retryable;
  }
}
