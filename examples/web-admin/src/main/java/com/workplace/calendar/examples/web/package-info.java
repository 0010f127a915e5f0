/**
 * The web admin example: the Calendar Integrations screens of a booking product (tenants,
 * calendars with CSV import and connect, rooms, bookings) as server-rendered pages on {@code
 * calendar-sdk-spring-boot-starter}, against an embedded {@code FakeMicrosoft365} seeded with the
 * demo organisation by default.
 */
package com.workplace.calendar.examples.web;
