package com.workplace.calendar.spring;

import com.workplace.calendar.graph.GraphCalendarService;
import com.workplace.calendar.graph.GraphCalendarServiceBuilder;

/**
 * Changes the builder of the auto-configured {@code CalendarService} after the properties were
 * applied: trust material, an executor, a clock, mailbox coordination, anything without a
 * property. Every bean of this type is applied, in {@code @Order}.
 *
 * @since 0.2.0
 */
@FunctionalInterface
public interface CalendarServiceBuilderCustomizer {
  /**
   * Customizes the builder.
   *
   * @param builder the builder, with the properties applied
   */
  void customize(GraphCalendarServiceBuilder builder);
}
