package com.workplace.calendar.spring;

import java.time.Duration;

/**
 * The settings under {@code workplace.calendar.limits}: Exchange's limits per app and mailbox,
 * kept over every instance sharing the store.
 *
 * @since 0.2.0
 */
public class CalendarSdkLimitsProperties {
  /** Requests in flight per mailbox. Default: 4 (Exchange's limit). */
  private Integer maxConcurrentPerMailbox;

  /** Requests per window per mailbox. Default: 10000. */
  private Integer requestsPerWindow;

  /** The budget's window. Default: 10 minutes. */
  private Duration window;

  /** Requests per $batch, 1 to 20. Default: 20. */
  private Integer maxBatchSize;

  /** $batch requests in flight per connect. Default: 8. */
  private Integer maxConcurrentBatches;

  /** When the permit of an instance that died is given back, 1 second to 5 minutes. Default: 10s. */
  private Duration permitExpiry;

  /** {@return the value} */
  public Integer getMaxConcurrentPerMailbox() {
    return maxConcurrentPerMailbox;
  }

  /** @param value the value */
  public void setMaxConcurrentPerMailbox(Integer value) {
    this.maxConcurrentPerMailbox = value;
  }

  /** {@return the value} */
  public Integer getRequestsPerWindow() {
    return requestsPerWindow;
  }

  /** @param value the value */
  public void setRequestsPerWindow(Integer value) {
    this.requestsPerWindow = value;
  }

  /** {@return the value} */
  public Duration getWindow() {
    return window;
  }

  /** @param value the value */
  public void setWindow(Duration value) {
    this.window = value;
  }

  /** {@return the value} */
  public Integer getMaxBatchSize() {
    return maxBatchSize;
  }

  /** @param value the value */
  public void setMaxBatchSize(Integer value) {
    this.maxBatchSize = value;
  }

  /** {@return the value} */
  public Integer getMaxConcurrentBatches() {
    return maxConcurrentBatches;
  }

  /** @param value the value */
  public void setMaxConcurrentBatches(Integer value) {
    this.maxConcurrentBatches = value;
  }

  /** {@return the value} */
  public Duration getPermitExpiry() {
    return permitExpiry;
  }

  /** @param value the value */
  public void setPermitExpiry(Duration value) {
    this.permitExpiry = value;
  }
}
