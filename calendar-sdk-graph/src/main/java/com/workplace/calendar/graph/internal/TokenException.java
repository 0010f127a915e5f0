package com.workplace.calendar.graph.internal;

import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.tenant.TenantFailureReason;

/** The identity platform refused a token for a tenant; carries the mapped reason. */
public final class TokenException extends CalendarServiceException {
  private static final long serialVersionUID = 1L;

  private final TenantFailureReason reason;
  private final boolean retryable;

  TokenException(
      String message,
      int status,
      String errorCode,
      TenantFailureReason reason,
      boolean retryable,
      Throwable cause) {
    super(message, status, errorCode, null, null, cause);
    this.reason = reason;
    this.retryable = retryable;
  }

  /** Why the tenant cannot be reached, for the administrator. */
  public TenantFailureReason reason() {
    return reason;
  }

  /** Whether trying again later may help (service principal still propagating, outage). */
  public boolean retryable() {
    return retryable;
  }
}
