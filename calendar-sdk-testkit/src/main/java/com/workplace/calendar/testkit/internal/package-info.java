/**
 * Implementation of the fake; not API, may change in any release.
 *
 * <p>{@link com.workplace.calendar.testkit.internal.FakeListeners} starts and stops a {@link
 * com.workplace.calendar.testkit.internal.FakeServer}, which runs WireMock with one catch-all
 * stub whose {@link com.workplace.calendar.testkit.internal.WireMockBridge} hands every request
 * to the {@link com.workplace.calendar.testkit.internal.FakeEngine}, which routes to the
 * identity platform ({@link com.workplace.calendar.testkit.internal.IdentityRouter}) or Graph
 * ({@link com.workplace.calendar.testkit.internal.GraphPipeline}).
 */
package com.workplace.calendar.testkit.internal;
