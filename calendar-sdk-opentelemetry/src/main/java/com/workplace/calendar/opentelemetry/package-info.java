/**
 * OpenTelemetry tracing of the Workplace Calendar SDK through {@code opentelemetry-api} only:
 * {@link com.workplace.calendar.opentelemetry.CalendarTracing} makes a client span per HTTP request
 * to Microsoft Graph (HTTP client semantic conventions) and a span per sync round.
 */
package com.workplace.calendar.opentelemetry;
