package com.workplace.calendar.spring;

import java.time.Duration;

/**
 * The settings under {@code workplace.calendar.health}: the Actuator health contributor
 * "calendar".
 *
 * @since 0.2.0
 */
public class CalendarSdkHealthProperties {
  /** How long a computed tenant health is reused (it reads every connected calendar's state). */
  private Duration cacheTtl = Duration.ofSeconds(30);

  /** {@return the value} */
  public Duration getCacheTtl() {
    return cacheTtl;
  }

  /** @param value the value */
  public void setCacheTtl(Duration value) {
    this.cacheTtl = value;
  }
}
