package com.workplace.calendar.spring;

import java.time.Duration;

/**
 * The settings under {@code workplace.calendar.retry}: how Graph requests are retried.
 *
 * @since 0.2.0
 */
public class CalendarSdkRetryProperties {
  /** Attempts per request, the first included. Default: 8. */
  private Integer maxAttempts;

  /** The first backoff (full jitter). Default: 500 ms. */
  private Duration baseDelay;

  /** The longest backoff. Default: 60 seconds. */
  private Duration maxDelay;

  /** How long a request may take with its retries. Default: 3 minutes. */
  private Duration deadline;

  /** {@return the value} */
  public Integer getMaxAttempts() {
    return maxAttempts;
  }

  /** @param value the value */
  public void setMaxAttempts(Integer value) {
    this.maxAttempts = value;
  }

  /** {@return the value} */
  public Duration getBaseDelay() {
    return baseDelay;
  }

  /** @param value the value */
  public void setBaseDelay(Duration value) {
    this.baseDelay = value;
  }

  /** {@return the value} */
  public Duration getMaxDelay() {
    return maxDelay;
  }

  /** @param value the value */
  public void setMaxDelay(Duration value) {
    this.maxDelay = value;
  }

  /** {@return the value} */
  public Duration getDeadline() {
    return deadline;
  }

  /** @param value the value */
  public void setDeadline(Duration value) {
    this.deadline = value;
  }
}
