package com.workplace.calendar.spring;

/**
 * The settings under {@code workplace.calendar.metrics}: Micrometer metrics (with
 * calendar-sdk-micrometer and a MeterRegistry).
 *
 * @since 0.2.0
 */
public class CalendarSdkMetricsProperties {
  /** Whether to register the SDK's meters. */
  private boolean enabled = true;

  /** Whether meters carry a tenant tag (one more time series per tenant). */
  private boolean tenantTag;

  /** Whether meters carry a mailbox tag (addresses reach the metrics backend). */
  private boolean mailboxTag;

  /** {@return the value} */
  public boolean isEnabled() {
    return enabled;
  }

  /** @param value the value */
  public void setEnabled(boolean value) {
    this.enabled = value;
  }

  /** {@return the value} */
  public boolean isTenantTag() {
    return tenantTag;
  }

  /** @param value the value */
  public void setTenantTag(boolean value) {
    this.tenantTag = value;
  }

  /** {@return the value} */
  public boolean isMailboxTag() {
    return mailboxTag;
  }

  /** @param value the value */
  public void setMailboxTag(boolean value) {
    this.mailboxTag = value;
  }
}
