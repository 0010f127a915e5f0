/**
 * {@link com.workplace.calendar.spring.test.CalendarSdkFakeTest}: a host's {@code @SpringBootTest}
 * against the testkit's {@code FakeMicrosoft365}. Needs {@code calendar-sdk-testkit} and {@code
 * spring-boot-starter-test} at test scope.
 */
package com.workplace.calendar.spring.test;
