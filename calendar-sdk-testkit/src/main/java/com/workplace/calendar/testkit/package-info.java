/**
 * A stateful fake of Microsoft Graph v1.0 and the Microsoft identity platform for testing
 * room-calendar integrations, built on WireMock.
 *
 * <p>Start with {@link com.workplace.calendar.testkit.FakeMicrosoft365#builder()} or the JUnit
 * 5 support: {@link com.workplace.calendar.testkit.FakeMicrosoft365Test} and {@link
 * com.workplace.calendar.testkit.FakeMicrosoft365Extension}. Build scenarios with {@link
 * com.workplace.calendar.testkit.FakeTenant} (meetings and series "booked in Outlook" with
 * {@link com.workplace.calendar.testkit.FakeTenant#event(String)}) and {@link
 * com.workplace.calendar.testkit.FakeApp} (its certificates and federated credentials, with
 * {@link com.workplace.calendar.testkit.TestCertificate} and {@link
 * com.workplace.calendar.testkit.FakeFederatedIssuer}), inject faults with {@link
 * com.workplace.calendar.testkit.FakeFaults}, land changes between two requests with {@link
 * com.workplace.calendar.testkit.FakeMicrosoft365#onNextRequest}, choose how delta reports
 * series with {@link com.workplace.calendar.testkit.SeriesDeltaBehaviour}, and assert on {@link
 * com.workplace.calendar.testkit.FakeStats}, {@link
 * com.workplace.calendar.testkit.FakeTenant#events(String)}, {@link
 * com.workplace.calendar.testkit.FakeMicrosoft365#subscriptions()} and {@link
 * com.workplace.calendar.testkit.FakeMicrosoft365#webhookDeliveries()}.
 *
 * <p>No WireMock type appears in this package's API. The package {@code
 * com.workplace.calendar.testkit.internal} is not API.
 *
 * @since 0.1.0
 */
package com.workplace.calendar.testkit;
