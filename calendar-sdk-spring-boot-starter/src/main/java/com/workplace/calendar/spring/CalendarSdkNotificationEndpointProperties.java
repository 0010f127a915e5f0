package com.workplace.calendar.spring;

/**
 * The settings under {@code workplace.calendar.web.notifications}: the change and lifecycle
 * notification endpoint.
 *
 * @since 0.2.0
 */
public class CalendarSdkNotificationEndpointProperties {
  /** Whether to serve it (POST). */
  private boolean enabled;

  /** The path of change notifications. Default: the path of workplace.calendar.sync.notification-url. */
  private String path;

  /** The path of lifecycle notifications. Default: the path of workplace.calendar.sync.lifecycle-url. */
  private String lifecyclePath;

  /** {@return the value} */
  public boolean isEnabled() {
    return enabled;
  }

  /** @param value the value */
  public void setEnabled(boolean value) {
    this.enabled = value;
  }

  /** {@return the value} */
  public String getPath() {
    return path;
  }

  /** @param value the value */
  public void setPath(String value) {
    this.path = value;
  }

  /** {@return the value} */
  public String getLifecyclePath() {
    return lifecyclePath;
  }

  /** @param value the value */
  public void setLifecyclePath(String value) {
    this.lifecyclePath = value;
  }
}
