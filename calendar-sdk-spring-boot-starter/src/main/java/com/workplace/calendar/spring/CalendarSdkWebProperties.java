package com.workplace.calendar.spring;

import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The settings under {@code workplace.calendar.web}: the HTTP endpoints on Spring MVC.
 *
 * @since 0.2.0
 */
public class CalendarSdkWebProperties {
  /** The admin-consent redirect endpoint. */
  @NestedConfigurationProperty
  private final CalendarSdkConsentEndpointProperties consent =
      new CalendarSdkConsentEndpointProperties();

  /** The change and lifecycle notification endpoint. */
  @NestedConfigurationProperty
  private final CalendarSdkNotificationEndpointProperties notifications =
      new CalendarSdkNotificationEndpointProperties();

  /** {@return the consent endpoint settings} */
  public CalendarSdkConsentEndpointProperties getConsent() {
    return consent;
  }

  /** {@return the notification endpoint settings} */
  public CalendarSdkNotificationEndpointProperties getNotifications() {
    return notifications;
  }
}
