/**
 * Spring Boot 4 auto-configuration of the Workplace Calendar SDK: properties under {@code
 * workplace.calendar}, the {@code CalendarService} and its store, background work with the
 * context, and the extension point {@link
 * com.workplace.calendar.spring.CalendarServiceBuilderCustomizer}.
 */
package com.workplace.calendar.spring;
