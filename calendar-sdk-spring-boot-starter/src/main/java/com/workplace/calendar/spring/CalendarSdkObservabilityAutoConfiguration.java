package com.workplace.calendar.spring;

import com.workplace.calendar.graph.GraphCalendarService;
import com.workplace.calendar.micrometer.CalendarMetrics;
import com.workplace.calendar.opentelemetry.CalendarTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Metrics and tracing of the SDK when the host has them: a {@link CalendarMetrics} bean (a {@code
 * MeterBinder}, bound by Spring Boot to its registries) with {@code calendar-sdk-micrometer}, and a
 * {@link CalendarTracing} bean with {@code calendar-sdk-opentelemetry} and an {@link OpenTelemetry}
 * bean. The service picks both up as event listeners.
 *
 * @since 0.2.0
 */
@AutoConfiguration(
    before = CalendarSdkAutoConfiguration.class,
    afterName = {
      "org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration"
    })
public class CalendarSdkObservabilityAutoConfiguration {

  /** Creates the configuration; Spring calls it. */
  public CalendarSdkObservabilityAutoConfiguration() {}

  /** The Micrometer binder. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({CalendarMetrics.class, MeterRegistry.class})
  @ConditionalOnProperty(prefix = "workplace.calendar.metrics", name = "enabled", matchIfMissing = true)
  public static class Metrics {
    /** Creates the configuration; Spring calls it. */
    public Metrics() {}

    /**
     * The metrics.
     *
     * @param properties the settings
     * @return the binder and listener
     */
    @Bean
    @ConditionalOnMissingBean
    public CalendarMetrics calendarMetrics(CalendarSdkProperties properties) {
      return CalendarMetrics.builder()
          .tenantTag(properties.getMetrics().isTenantTag())
          .mailboxTag(properties.getMetrics().isMailboxTag())
          .build();
    }
  }

  /** The OpenTelemetry spans. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({CalendarTracing.class, OpenTelemetry.class})
  @ConditionalOnBean(OpenTelemetry.class)
  @ConditionalOnProperty(prefix = "workplace.calendar.tracing", name = "enabled", matchIfMissing = true)
  public static class Tracing {
    /** Creates the configuration; Spring calls it. */
    public Tracing() {}

    /**
     * The tracing.
     *
     * @param openTelemetry where spans go
     * @param properties the settings
     * @return the listener
     */
    @Bean
    @ConditionalOnMissingBean
    public CalendarTracing calendarTracing(
        OpenTelemetry openTelemetry, CalendarSdkProperties properties) {
      return CalendarTracing.builder(openTelemetry)
          .graphEndpoint(
              properties.getGraphEndpoint() != null
                  ? properties.getGraphEndpoint()
                  : GraphCalendarService.DEFAULT_GRAPH_ENDPOINT)
          .tenantAttribute(properties.getTracing().isTenantAttribute())
          .mailboxAttribute(properties.getTracing().isMailboxAttribute())
          .build();
    }
  }
}
