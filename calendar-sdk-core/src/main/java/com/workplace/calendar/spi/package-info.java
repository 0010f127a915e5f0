/**
 * The backend SPI: what a calendar backend must offer the provider-neutral core. The graph module
 * implements {@link com.workplace.calendar.spi.CalendarProvider} for Microsoft 365.
 */
package com.workplace.calendar.spi;
