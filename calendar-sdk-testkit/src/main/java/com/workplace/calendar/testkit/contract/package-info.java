/**
 * Contract suites that implementations of the SDK's SPIs run to prove they behave: start with
 * {@link com.workplace.calendar.testkit.contract.CalendarStoreContract}.
 */
package com.workplace.calendar.testkit.contract;
