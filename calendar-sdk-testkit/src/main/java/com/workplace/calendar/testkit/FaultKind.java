package com.workplace.calendar.testkit;

/**
 * The faults {@link FakeFaults} can inject into Graph responses.
 *
 * @since 0.1.0
 */
public enum FaultKind {
  /** {@code 429 TooManyRequests} with a {@code Retry-After} header. */
  THROTTLE,
  /** {@code 429 TooManyRequests} without a {@code Retry-After} header. */
  THROTTLE_WITHOUT_RETRY_AFTER,
  /** {@code 503 ServiceUnavailable} with a {@code Retry-After} header. */
  SERVICE_UNAVAILABLE,
  /** {@code 503 ServiceUnavailable} without a {@code Retry-After} header. */
  SERVICE_UNAVAILABLE_WITHOUT_RETRY_AFTER,
  /** {@code 504 GatewayTimeout}. */
  GATEWAY_TIMEOUT,
  /** The connection is reset (TCP RST) before any response. */
  CONNECTION_RESET,
  /** {@code 200 OK} with a truncated, unparseable JSON body. */
  MALFORMED_JSON,
  /** The request is answered normally, but only after a delay. */
  SLOW,
  /**
   * The request is processed normally (a create creates, a cancel cancels), then the connection is
   * reset instead of sending the answer: an answer lost on the way back.
   */
  DROP_RESPONSE
}
