package com.workplace.calendar.spring;

/**
 * The settings under {@code workplace.calendar.tracing}: OpenTelemetry spans (with
 * calendar-sdk-opentelemetry and an OpenTelemetry bean).
 *
 * @since 0.2.0
 */
public class CalendarSdkTracingProperties {
  /** Whether to make spans. */
  private boolean enabled = true;

  /** Whether spans carry the tenant ID. */
  private boolean tenantAttribute = true;

  /** Whether spans carry the room's e-mail address. */
  private boolean mailboxAttribute;

  /** {@return the value} */
  public boolean isEnabled() {
    return enabled;
  }

  /** @param value the value */
  public void setEnabled(boolean value) {
    this.enabled = value;
  }

  /** {@return the value} */
  public boolean isTenantAttribute() {
    return tenantAttribute;
  }

  /** @param value the value */
  public void setTenantAttribute(boolean value) {
    this.tenantAttribute = value;
  }

  /** {@return the value} */
  public boolean isMailboxAttribute() {
    return mailboxAttribute;
  }

  /** @param value the value */
  public void setMailboxAttribute(boolean value) {
    this.mailboxAttribute = value;
  }
}
