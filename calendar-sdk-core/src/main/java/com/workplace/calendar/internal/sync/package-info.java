/**
 * The provider-neutral implementation of {@link com.workplace.calendar.sync.CalendarSync}: delta
 * rounds, the work queue and scheduler, subscription upkeep and the notification receiver. Not API:
 * anything here may change without notice.
 */
package com.workplace.calendar.internal.sync;
