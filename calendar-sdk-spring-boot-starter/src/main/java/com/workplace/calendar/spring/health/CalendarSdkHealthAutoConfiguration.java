package com.workplace.calendar.spring.health;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.spring.CalendarSdkAutoConfiguration;
import com.workplace.calendar.spring.CalendarSdkProperties;
import com.workplace.calendar.store.CalendarStore;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link CalendarHealthContributor} as {@code calendar} when Actuator's health is on the
 * class path ({@code management.health.calendar.enabled=false} switches it off).
 *
 * @since 0.2.0
 */
@AutoConfiguration(after = CalendarSdkAutoConfiguration.class)
@ConditionalOnClass({HealthContributor.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean({CalendarService.class, CalendarStore.class})
@ConditionalOnEnabledHealthIndicator("calendar")
public class CalendarSdkHealthAutoConfiguration {

  /** Creates the configuration; Spring calls it. */
  public CalendarSdkHealthAutoConfiguration() {}

  /**
   * The contributor.
   *
   * @param store the store the service uses
   * @param properties the settings
   * @return the contributor named {@code calendar}
   */
  @Bean
  @ConditionalOnMissingBean(name = "calendarHealthContributor")
  public CalendarHealthContributor calendarHealthContributor(
      CalendarStore store, CalendarSdkProperties properties) {
    return new CalendarHealthContributor(
        store,
        properties.getSync().getNotificationUrl() != null,
        properties.getHealth().getCacheTtl(),
        Clock.systemUTC());
  }
}
