/**
 * Micrometer metrics of the Workplace Calendar SDK: {@link
 * com.workplace.calendar.micrometer.CalendarMetrics} is a {@code MeterBinder} and the listener of
 * both the Graph transport and the core. Depends on {@code micrometer-core} only.
 */
package com.workplace.calendar.micrometer;
